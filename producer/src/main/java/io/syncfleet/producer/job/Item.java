package io.syncfleet.producer.job;

/** One unit of change in a job, always addressed by the merchant's SKU. */
public sealed interface Item permits Listing, StockLevel, PriceChange, SkuRef {
  /** The merchant's SKU. */
  String sku();
}
