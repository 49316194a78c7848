package io.syncfleet.producer.job;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;

/** A new selling price for a SKU; {@code compareAt} is the optional struck-through price. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PriceChange(String sku, BigDecimal amount, String currency, BigDecimal compareAt)
    implements Item {

  /** A price without a compare-at price. */
  public static PriceChange of(String sku, BigDecimal amount, String currency) {
    return new PriceChange(sku, amount, currency, null);
  }
}
