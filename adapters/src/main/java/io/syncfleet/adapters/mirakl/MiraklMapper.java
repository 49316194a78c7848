package io.syncfleet.adapters.mirakl;

import static io.syncfleet.adapters.mirakl.MiraklErrors.text;

import com.fasterxml.jackson.databind.JsonNode;
import io.syncfleet.adapters.Order;
import io.syncfleet.adapters.failure.TransientFailure;
import io.syncfleet.producer.job.Channels;
import io.syncfleet.producer.job.Listing;
import io.syncfleet.producer.job.PriceChange;
import io.syncfleet.producer.job.StockLevel;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Our model to Mirakl's import rows (cells in the column order of {@link MiraklOfferFile.Kind}) and
 * Mirakl's OR11 orders back to ours. Rows assume the item passed {@link MiraklRules}.
 */
final class MiraklMapper {
  private MiraklMapper() {}

  /**
   * The complete offer of a listing. The offer description (a note shown beside the offer, not the
   * product text) is not managed and goes empty, like the discount: the offer ends as exactly this.
   */
  static List<String> offerRow(Listing l, MiraklSettings s) {
    return Arrays.asList(l.sku(), MiraklRules.productId(l, s), s.productIdType(), "",
        l.price().toPlainString(), "", String.valueOf(l.quantity()), s.stateCode(l.condition()).orElseThrow(),
        nullToEmpty(s.leadtimeToShip()), nullToEmpty(s.logisticClass()), MiraklApi.UPDATE);
  }

  /** A quantity-only row; a stock level's location has no place in an offer. */
  static List<String> stockRow(StockLevel level) {
    return List.of(level.sku(), String.valueOf(Math.max(0, level.quantity())));
  }

  /**
   * A price-only row. With a compare-at price, Mirakl's price is the compare-at and the discount price
   * is what the buyer pays; without one, only the price is sent (an earlier discount stays, since a
   * partial update skips empty cells [C]).
   */
  static List<String> priceRow(PriceChange p) {
    if (p.compareAt() != null) {
      return List.of(p.sku(), p.compareAt().toPlainString(), p.amount().toPlainString());
    }
    return List.of(p.sku(), p.amount().toPlainString(), "");
  }

  static List<String> deleteRow(String sku) {
    return List.of(sku, MiraklApi.DELETE);
  }

  /** One OR11 order [V field names, Mirakl SDK]. */
  static Order order(JsonNode o) {
    String currency = text(o, "currency_iso_code");
    List<Order.Line> lines = new ArrayList<>();
    for (JsonNode line : o.path("order_lines")) {
      int quantity = line.path("quantity").asInt(0);
      BigDecimal unit = decimal(line, "price_unit");
      if (unit == null) {
        unit = unitPrice(decimal(line, "price"), quantity);
      }
      lines.add(new Order.Line(text(line, "offer_sku"), text(line, "product_title"), quantity, unit));
    }
    String state = text(o, "order_state");
    return new Order(Channels.MIRAKL.id(), text(o, "order_id"), MiraklApi.orderStatus(state), state,
        instant(o, "created_date"), instant(o, "last_updated_date"), currency, decimal(o, "total_price"), lines);
  }

  /** A Mirakl date: ISO-8601 with Z or an offset, with or without fractions [V]. */
  static Instant instant(JsonNode node, String field) {
    String v = text(node, field);
    if (v == null) {
      return null;
    }
    try {
      return OffsetDateTime.parse(v).toInstant();
    } catch (DateTimeParseException e) {
      throw new TransientFailure("Mirakl sent an unreadable date '" + v + "'", 200, null, e);
    }
  }

  private static BigDecimal unitPrice(BigDecimal lineTotal, int quantity) {
    if (lineTotal == null || quantity <= 1) {
      return lineTotal;
    }
    return lineTotal.divide(BigDecimal.valueOf(quantity), Math.max(2, lineTotal.scale()),
        RoundingMode.HALF_EVEN);
  }

  private static BigDecimal decimal(JsonNode node, String field) {
    String v = text(node, field);
    if (v == null) {
      return null;
    }
    try {
      return new BigDecimal(v);
    } catch (NumberFormatException e) {
      throw new TransientFailure("Mirakl sent an unreadable amount '" + v + "'", 200, null, e);
    }
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}
