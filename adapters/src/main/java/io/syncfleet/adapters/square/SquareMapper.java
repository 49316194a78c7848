package io.syncfleet.adapters.square;

import static io.syncfleet.adapters.square.SquareErrors.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.syncfleet.adapters.Order;
import io.syncfleet.adapters.failure.TransientFailure;
import io.syncfleet.producer.Json;
import io.syncfleet.producer.job.Channels;
import io.syncfleet.producer.job.Listing;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Our model as Square catalog objects and inventory changes, and Square orders as our
 * {@link Order} [V SDK field names]. A listing is an item variation; listings sharing a group are the
 * variations of one item, named by their option values. Money is in the currency's minor units
 * [U]. Images are not sent: Square takes them as uploaded files, not URLs [V SDK]; nor are brand,
 * MPN and condition, which Square items have no field for.
 */
final class SquareMapper {
  private SquareMapper() {}

  /** Square money: the amount in the currency's minor units; fails when the amount has more decimals than it has. */
  static ObjectNode money(BigDecimal amount, String currency) {
    int digits = Currency.getInstance(currency).getDefaultFractionDigits();
    long minor = amount.movePointRight(Math.max(digits, 0)).longValueExact();
    return Json.MAPPER.createObjectNode().put("amount", minor).put("currency", currency);
  }

  /** Money as a decimal in its currency's major unit, or null. */
  static BigDecimal amount(JsonNode money) {
    if (!money.path("amount").isNumber() || text(money, "currency") == null) {
      return null;
    }
    try {
      int digits = Currency.getInstance(text(money, "currency")).getDefaultFractionDigits();
      return BigDecimal.valueOf(money.path("amount").asLong(), Math.max(digits, 0));
    } catch (IllegalArgumentException e) {
      throw new TransientFailure("Square sent an unknown currency '" + text(money, "currency") + "'", 200, null, e);
    }
  }

  /** A new item holding {@code listings}, each a variation with the temporary id given in {@code variationIds}. */
  static ObjectNode newItem(String itemId, List<Listing> listings, List<String> variationIds) {
    ObjectNode item = Json.MAPPER.createObjectNode();
    item.put("type", SquareApi.ITEM);
    item.put("id", itemId);
    item.put("present_at_all_locations", true);
    ObjectNode data = item.putObject("item_data");
    data.put("product_type", SquareApi.REGULAR);
    describe(data, listings.get(0));
    ArrayNode variations = data.putArray("variations");
    for (int i = 0; i < listings.size(); i++) {
      variations.add(newVariation(variationIds.get(i), itemId, listings.get(i)));
    }
    return item;
  }

  /**
   * An existing item (as read, with its {@code version}) updated with {@code listings}: its own
   * fields from the first, the variations carrying their SKUs changed, every other variation kept as
   * it is (an item's upsert replaces its list of variations [U]), and the new ones added.
   */
  static ObjectNode updatedItem(JsonNode existing, List<Listing> listings, Map<String, String> newVariationIds) {
    ObjectNode item = existing.deepCopy();
    ObjectNode data = (ObjectNode) item.get("item_data");
    describe(data, listings.get(0));
    Map<String, Listing> bySku = new TreeMap<>();
    listings.forEach(l -> bySku.put(l.sku(), l));
    ArrayNode variations = data.get("variations") instanceof ArrayNode known ? known : data.putArray("variations");
    for (JsonNode variation : variations) {
      Listing l = bySku.get(text(variation.path("item_variation_data"), "sku"));
      if (l != null) {
        variationData((ObjectNode) variation.get("item_variation_data"), l, text(item, "id"));
      }
    }
    newVariationIds.forEach((sku, id) -> variations.add(newVariation(id, text(item, "id"), bySku.get(sku))));
    return item;
  }

  /** A variation as read, with a new fixed price; everything else, its version included, kept. */
  static ObjectNode repriced(JsonNode variation, BigDecimal amount, String currency) {
    ObjectNode copy = variation.deepCopy();
    ObjectNode data = (ObjectNode) copy.get("item_variation_data");
    data.put("pricing_type", SquareApi.FIXED_PRICING);
    data.set("price_money", money(amount, currency));
    return copy;
  }

  /** An absolute count of a variation at a location, as of {@code at} [V]. */
  static ObjectNode physicalCount(String variationId, String locationId, int quantity, Instant at) {
    ObjectNode change = Json.MAPPER.createObjectNode().put("type", SquareApi.PHYSICAL_COUNT);
    change.putObject("physical_count")
        .put("catalog_object_id", variationId)
        .put("location_id", locationId)
        .put("quantity", String.valueOf(quantity))
        .put("state", SquareApi.IN_STOCK)
        .put("occurred_at", at.toString());
    return change;
  }

  /** The name of a listing's variation: its option values by option name, or Square's default. */
  static String variationName(Listing l) {
    return l.options().isEmpty() ? SquareApi.DEFAULT_VARIATION_NAME : String.join(", ", new TreeMap<>(l.options()).values());
  }

  /**
   * A Square order as ours. A line's SKU is its variation's, looked up in {@code skus} by catalog
   * object id; a line sold without a catalog variation (a custom amount) has none.
   */
  static Order order(JsonNode o, Map<String, String> skus) {
    List<Order.Line> lines = new ArrayList<>();
    for (JsonNode line : o.path("line_items")) {
      String name = text(line, "name");
      String variation = text(line, "variation_name");
      if (variation != null && !variation.isBlank() && !SquareApi.DEFAULT_VARIATION_NAME.equals(variation)) {
        name = name == null ? variation : name + " - " + variation;
      }
      lines.add(new Order.Line(skus.get(text(line, "catalog_object_id")), name, quantity(text(line, "quantity")),
          amount(line.path("base_price_money"))));
    }
    JsonNode total = o.path("total_money");
    String state = text(o, "state");
    return new Order(Channels.SQUARE.id(), text(o, "id"), status(o), state, instant(o, "created_at"),
        instant(o, "updated_at"), text(total, "currency"), amount(total), lines);
  }

  /**
   * Our status from the order's state, fulfillments, tenders and refunds [V values, U meaning]:
   * a completed order is handed over, an open one with some fulfillments completed is partly so,
   * an open one with tenders is paid, and an order whose net total is zero after refunds is refunded.
   */
  static Order.Status status(JsonNode o) {
    String state = text(o, "state");
    if ("CANCELED".equals(state)) {
      return Order.Status.CANCELLED;
    }
    if (o.path("refunds").size() > 0 && o.path("net_amounts").path("total_money").path("amount").asLong(-1) == 0) {
      return Order.Status.REFUNDED;
    }
    if ("COMPLETED".equals(state)) {
      return Order.Status.SHIPPED;
    }
    boolean someFulfilled = false;
    for (JsonNode f : o.path("fulfillments")) {
      someFulfilled |= "COMPLETED".equals(text(f, "state"));
    }
    if (someFulfilled) {
      return Order.Status.PARTIALLY_SHIPPED;
    }
    return o.path("tenders").size() > 0 ? Order.Status.PAID : Order.Status.PENDING;
  }

  private static ObjectNode newVariation(String id, String itemId, Listing l) {
    ObjectNode variation = Json.MAPPER.createObjectNode();
    variation.put("type", SquareApi.ITEM_VARIATION);
    variation.put("id", id);
    variation.put("present_at_all_locations", true);
    variationData(variation.putObject("item_variation_data"), l, itemId);
    return variation;
  }

  private static void variationData(ObjectNode data, Listing l, String itemId) {
    data.put("item_id", itemId);
    data.put("name", variationName(l));
    data.put("sku", l.sku());
    if (l.gtin() != null && l.gtin().matches(SquareApi.UPC_PATTERN)) {
      data.put("upc", l.gtin());
    }
    data.put("pricing_type", SquareApi.FIXED_PRICING);
    data.set("price_money", money(l.price(), l.currency()));
    data.put("track_inventory", true);
  }

  private static void describe(ObjectNode data, Listing l) {
    data.put("name", l.title());
    if (l.description() != null && !l.description().isBlank()) {
      data.put("description", l.description());
    }
    if (l.categoryId() != null && !l.categoryId().isBlank()) {
      data.putArray("categories").addObject().put("id", l.categoryId());
    }
  }

  private static int quantity(String text) {
    if (text == null) {
      return 0;
    }
    try {
      return new BigDecimal(text).intValue();
    } catch (NumberFormatException e) {
      throw new TransientFailure("Square sent an unreadable quantity '" + text + "'", 200, null, e);
    }
  }

  private static Instant instant(JsonNode node, String field) {
    String v = text(node, field);
    if (v == null) {
      return null;
    }
    try {
      return Instant.parse(v);
    } catch (DateTimeParseException e) {
      throw new TransientFailure("Square sent an unreadable date '" + v + "'", 200, null, e);
    }
  }
}
