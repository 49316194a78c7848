package io.syncfleet.producer.job;

import com.fasterxml.jackson.annotation.JsonInclude;

/** An absolute available quantity for a SKU, optionally at one of the merchant's locations. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StockLevel(String sku, Integer quantity, String location, Long version) implements Item {

  /** A stock level without a version of its own (the producer stamps one when enqueueing). */
  public StockLevel(String sku, Integer quantity, String location) {
    this(sku, quantity, location, null);
  }


  /** Stock at the connection's default location. */
  public static StockLevel of(String sku, int quantity) {
    return new StockLevel(sku, quantity, null);
  }

  @Override
  public StockLevel withVersion(Long newVersion) {
    return new StockLevel(sku, quantity, location, newVersion);
  }
}
