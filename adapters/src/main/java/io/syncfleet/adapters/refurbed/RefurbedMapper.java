package io.syncfleet.adapters.refurbed;

import static io.syncfleet.adapters.refurbed.RefurbedErrors.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.syncfleet.adapters.Order;
import io.syncfleet.adapters.failure.TransientFailure;
import io.syncfleet.producer.Json;
import io.syncfleet.producer.job.Channels;
import io.syncfleet.producer.job.Listing;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Our model to refurbed's offer messages and refurbed's orders to ours [V field names, snake_case]. */
final class RefurbedMapper {
  private RefurbedMapper() {}

  /** An offer addressed by the merchant's SKU, as every update and delete names it [V]. */
  static ObjectNode bySku(String sku) {
    ObjectNode entry = Json.MAPPER.createObjectNode();
    entry.putObject("identifier").put("sku", sku);
    return entry;
  }

  /** A full update of the listing's offer: every field an upsert sets, so a rerun leaves the same offer. */
  static ObjectNode update(Listing l, RefurbedSettings s) {
    return offerFields(bySku(l.sku()), l, s);
  }

  /** A new offer on the listing's instance; by GTIN refurbed creates it UNVERIFIED until it matches [V]. */
  static ObjectNode create(Listing l, RefurbedSettings s) {
    ObjectNode entry = Json.MAPPER.createObjectNode();
    String instanceId = RefurbedRules.attribute(l, RefurbedApi.INSTANCE_ID);
    if (instanceId != null) {
      entry.put("instance_id", instanceId);
    } else {
      entry.put("gtin", l.gtin().trim());
    }
    entry.put("sku", l.sku());
    return offerFields(entry, l, s);
  }

  private static ObjectNode offerFields(ObjectNode entry, Listing l, RefurbedSettings s) {
    String warranty = RefurbedRules.attribute(l, RefurbedApi.WARRANTY);
    int months = warranty != null ? RefurbedRules.warrantyMonths(warranty) : s.warrantyMonths();
    entry.put("grading", RefurbedRules.grading(l))
        .put("warranty", "M" + months)
        .put("stock", l.quantity())
        .put("reference_price", money(l.price()))
        .put("reference_currency_code", l.currency().trim().toUpperCase(Locale.ROOT));
    if (s.shippingProfileId() != null) {
      entry.put("shipping_profile_id", s.shippingProfileId());
    }
    if (s.taxation() != null) {
      entry.put("taxation", s.taxation());
    }
    return entry;
  }

  /** Whether refurbed can take {@code amount} as money: at most two decimals [C]. */
  static boolean isMoney(BigDecimal amount) {
    return amount.stripTrailingZeros().scale() <= RefurbedApi.MONEY_SCALE;
  }

  /** Money as refurbed writes it: a decimal string with two decimals. */
  static String money(BigDecimal amount) {
    return amount.setScale(RefurbedApi.MONEY_SCALE).toPlainString();
  }

  /**
   * A refurbed order. Each order item is one unit (items carry no quantity [V]); an item's price is
   * what the customer was charged for it, the total what they were charged for the order.
   */
  static Order order(JsonNode o) {
    String state = text(o, "state");
    List<String> itemStates = new ArrayList<>();
    List<Order.Line> lines = new ArrayList<>();
    for (JsonNode item : o.path("items")) {
      itemStates.add(text(item, "state"));
      lines.add(new Order.Line(text(item, "sku"), text(item, "name"), 1, decimal(item, "total_charged")));
    }
    return new Order(Channels.REFURBED.id(), text(o, "id"), RefurbedApi.orderStatus(state, itemStates), state,
        instant(o, "released_at"), null, text(o, "currency_code"), decimal(o, "total_charged"), lines);
  }

  private static Instant instant(JsonNode node, String field) {
    String v = text(node, field);
    if (v == null) {
      return null;
    }
    try {
      return OffsetDateTime.parse(v).toInstant();
    } catch (DateTimeParseException e) {
      throw new TransientFailure("refurbed sent an unreadable date '" + v + "'", 200, null, e);
    }
  }

  private static BigDecimal decimal(JsonNode node, String field) {
    String v = text(node, field);
    if (v == null) {
      return null;
    }
    try {
      return new BigDecimal(v);
    } catch (NumberFormatException e) {
      throw new TransientFailure("refurbed sent an unreadable amount '" + v + "'", 200, null, e);
    }
  }
}
