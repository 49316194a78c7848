package io.syncfleet.producer.job;

/** One unit of change in a job, always addressed by the merchant's SKU. */
public sealed interface Item permits Listing, StockLevel, PriceChange, SkuRef {
  /** The merchant's SKU. */
  String sku();

  /**
   * Orders changes to the same SKU and field: a change is never applied after one with a higher
   * version. Producers pass their own (a row version or an update timestamp); when absent, the
   * client stamps the enqueue time in microseconds.
   */
  Long version();

  /** This change with {@code version}. */
  Item withVersion(Long version);
}
