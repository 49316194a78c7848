package io.syncfleet.producer.job;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;

/** A new selling price for a SKU; {@code compareAt} is the optional struck-through price. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PriceChange(String sku, BigDecimal amount, String currency, BigDecimal compareAt,
    Long version) implements Item {

  /** A price change without a version of its own (the producer stamps one when enqueueing). */
  public PriceChange(String sku, BigDecimal amount, String currency, BigDecimal compareAt) {
    this(sku, amount, currency, compareAt, null);
  }


  /** A price without a compare-at price. */
  public static PriceChange of(String sku, BigDecimal amount, String currency) {
    return new PriceChange(sku, amount, currency, null);
  }

  @Override
  public PriceChange withVersion(Long newVersion) {
    return new PriceChange(sku, amount, currency, compareAt, newVersion);
  }
}
