package io.syncfleet.adapters.amazon;

import static io.syncfleet.adapters.amazon.AmazonErrors.text;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.syncfleet.adapters.Order;
import io.syncfleet.adapters.failure.TransientFailure;
import io.syncfleet.producer.Json;
import io.syncfleet.producer.job.Channels;
import io.syncfleet.producer.job.Listing;
import io.syncfleet.producer.job.PriceChange;
import io.syncfleet.producer.job.StockLevel;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Our listings, stock levels and prices as Amazon listing attributes [C shapes, see
 * {@link AmazonApi}], and Amazon orders as our {@link Order}.
 *
 * <p>A listing's own {@code attributes} are sent as Amazon attributes under their snake_case names
 * ({@code Material Type} becomes {@code material_type}). A plain value becomes
 * {@code {"value": v, "marketplace_id": m}}; a value written as a JSON object is sent as that
 * object (marketplace_id added), for attributes whose schema needs more, such as a language or unit.
 */
final class AmazonMapper {
  private AmazonMapper() {}

  /** The ASIN a listing offers on, when it names one. */
  static String asin(Listing l) {
    List<String> values = l.attributes().get(AmazonApi.ASIN);
    return values == null || values.isEmpty() ? null : values.get(0).trim();
  }

  /** The product type to send: the listing's category, else the connection's, else the generic type for offers. */
  static String productType(Listing l, AmazonSettings s) {
    if (l.categoryId() != null && !l.categoryId().isBlank()) {
      return l.categoryId();
    }
    if (s.productType() != null) {
      return s.productType();
    }
    return asin(l) != null ? AmazonApi.GENERIC_PRODUCT_TYPE : null;
  }

  /** The body of a Listings Items PUT, which replaces the whole listing [V]. */
  static ObjectNode putBody(Listing l, AmazonSettings s) {
    ObjectNode body = Json.MAPPER.createObjectNode();
    body.put("productType", productType(l, s));
    body.put("requirements", asin(l) != null ? AmazonApi.LISTING_OFFER_ONLY : AmazonApi.LISTING);
    body.set("attributes", attributes(l, s));
    return body;
  }

  /** One JSON_LISTINGS_FEED message replacing the whole listing, like a PUT [V schema]. */
  static ObjectNode feedMessage(int messageId, Listing l, AmazonSettings s) {
    ObjectNode message = Json.MAPPER.createObjectNode();
    message.put("messageId", messageId);
    message.put("sku", l.sku());
    message.put("operationType", AmazonApi.UPDATE);
    message.setAll(putBody(l, s));
    return message;
  }

  /** Every attribute of a listing: product facts unless it offers on an existing ASIN, and the offer. */
  static ObjectNode attributes(Listing l, AmazonSettings s) {
    ObjectNode a = Json.MAPPER.createObjectNode();
    String m = s.marketplaceId();
    if (asin(l) == null) {
      a.set(AmazonApi.ITEM_NAME, localized(l.title(), s));
      putText(a, AmazonApi.BRAND, l.brand(), s);
      putText(a, AmazonApi.DESCRIPTION, l.description(), s);
      if (present(l.mpn())) {
        a.set(AmazonApi.PART_NUMBER, value(l.mpn(), m));
      }
      if (present(l.gtin())) {
        ObjectNode id = Json.MAPPER.createObjectNode();
        id.put("type", AmazonApi.gtinType(l.gtin()));
        id.put("value", l.gtin());
        id.put("marketplace_id", m);
        a.putArray(AmazonApi.PRODUCT_IDENTIFIER).add(id);
      }
      images(a, l.imageUrls(), m);
    }
    if (l.condition() != null && AmazonApi.CONDITIONS.containsKey(l.condition())) {
      a.set(AmazonApi.CONDITION, value(AmazonApi.CONDITIONS.get(l.condition()), m));
    }
    if (l.price() != null) {
      a.set(AmazonApi.OFFER, offer(l.price(), l.currency(), m));
    }
    if (l.quantity() != null) {
      a.set(AmazonApi.AVAILABILITY, availability(s.fulfillmentChannel(), l.quantity()));
    }
    if (l.group() != null) {
      variant(a, l, s);
    }
    own(a, l.attributes(), m);
    return a;
  }

  /** A PATCH body setting the available quantity; the generic product type suffices for offer attributes [C]. */
  static ObjectNode stockPatch(StockLevel stock, AmazonSettings s) {
    String channel = stock.location() != null ? stock.location() : s.fulfillmentChannel();
    return patch(replace(AmazonApi.AVAILABILITY, availability(channel, stock.quantity())));
  }

  /** A PATCH body setting the price and, with a compare-at price, the list price shown struck through [C]. */
  static ObjectNode pricePatch(PriceChange price, AmazonSettings s) {
    ObjectNode body = patch(replace(AmazonApi.OFFER, offer(price.amount(), price.currency(), s.marketplaceId())));
    if (price.compareAt() != null) {
      ObjectNode list = Json.MAPPER.createObjectNode();
      list.put("marketplace_id", s.marketplaceId());
      list.put("currency", price.currency());
      list.put("value", price.compareAt());
      ArrayNode value = Json.MAPPER.createArrayNode().add(list);
      ((ArrayNode) body.get("patches")).add(replace(AmazonApi.LIST_PRICE, value));
    }
    return body;
  }

  /** An order with its lines [V field names]; amounts are strings in Amazon's Money [V]. */
  static Order order(JsonNode o, List<Order.Line> lines) {
    JsonNode total = o.path("OrderTotal");
    String status = text(o, "OrderStatus");
    return new Order(Channels.AMAZON.id(), text(o, "AmazonOrderId"), AmazonApi.orderStatus(status), status,
        instant(o, "PurchaseDate"), instant(o, "LastUpdateDate"), text(total, "CurrencyCode"),
        decimal(total, "Amount"), lines);
  }

  /** One order item; ItemPrice is the price of the whole line (unit price times quantity) [V]. */
  static Order.Line line(JsonNode item) {
    int quantity = item.path("QuantityOrdered").asInt(0);
    BigDecimal linePrice = decimal(item.path("ItemPrice"), "Amount");
    BigDecimal unit = linePrice == null || quantity <= 1 ? linePrice
        : linePrice.divide(BigDecimal.valueOf(quantity), Math.max(2, linePrice.scale()), RoundingMode.HALF_EVEN);
    return new Order.Line(text(item, "SellerSKU"), text(item, "Title"), quantity, unit);
  }

  private static ObjectNode patch(ObjectNode operation) {
    ObjectNode body = Json.MAPPER.createObjectNode();
    body.put("productType", AmazonApi.GENERIC_PRODUCT_TYPE);
    body.putArray("patches").add(operation);
    return body;
  }

  private static ObjectNode replace(String attribute, ArrayNode value) {
    ObjectNode op = Json.MAPPER.createObjectNode();
    op.put("op", "replace");
    op.put("path", "/attributes/" + attribute);
    op.set("value", value);
    return op;
  }

  private static ArrayNode offer(BigDecimal price, String currency, String marketplaceId) {
    ObjectNode offer = Json.MAPPER.createObjectNode();
    offer.put("marketplace_id", marketplaceId);
    offer.put("currency", currency);
    offer.put("audience", AmazonApi.AUDIENCE_ALL);
    offer.putArray("our_price").addObject().putArray("schedule").addObject().put("value_with_tax", price);
    return Json.MAPPER.createArrayNode().add(offer);
  }

  private static ArrayNode availability(String channel, int quantity) {
    ObjectNode entry = Json.MAPPER.createObjectNode();
    entry.put("fulfillment_channel_code", channel);
    entry.put("quantity", quantity);
    return Json.MAPPER.createArrayNode().add(entry);
  }

  private static void images(ObjectNode a, List<String> urls, String marketplaceId) {
    for (int i = 0; i < urls.size() && i < AmazonApi.MAX_IMAGES; i++) {
      ObjectNode locator = Json.MAPPER.createObjectNode();
      locator.put("media_location", urls.get(i));
      locator.put("marketplace_id", marketplaceId);
      a.putArray(i == 0 ? AmazonApi.MAIN_IMAGE : AmazonApi.OTHER_IMAGE + i).add(locator);
    }
  }

  /** [U] A variant: a child of the parent SKU named by its group, with its options as attributes. */
  private static void variant(ObjectNode a, Listing l, AmazonSettings s) {
    String m = s.marketplaceId();
    a.set(AmazonApi.PARENTAGE, value("child", m));
    ObjectNode relationship = Json.MAPPER.createObjectNode();
    relationship.put("child_relationship_type", "variation");
    relationship.put("parent_sku", l.group());
    relationship.put("marketplace_id", m);
    a.putArray(AmazonApi.PARENT_RELATIONSHIP).add(relationship);
    Map<String, String> options = new TreeMap<>();
    l.options().forEach((name, v) -> options.put(attributeName(name), v));
    options.forEach((name, v) -> putText(a, name, v, s));
    a.putArray(AmazonApi.VARIATION_THEME).addObject()
        .put("name", String.join("/", options.keySet()).toUpperCase(Locale.ROOT));
  }

  /** The listing's own attributes; they come last so a merchant can override what was derived. */
  private static void own(ObjectNode a, Map<String, List<String>> attributes, String marketplaceId) {
    new TreeMap<>(attributes).forEach((name, values) -> {
      ArrayNode array = Json.MAPPER.createArrayNode();
      for (String v : values) {
        ObjectNode entry = parsedObject(v);
        if (entry == null) {
          entry = Json.MAPPER.createObjectNode();
          entry.put(AmazonApi.VARIATION_THEME.equals(attributeName(name)) ? "name" : "value", v);
        }
        if (!entry.has("marketplace_id")) {
          entry.put("marketplace_id", marketplaceId);
        }
        array.add(entry);
      }
      a.set(attributeName(name), array);
    });
  }

  private static ObjectNode parsedObject(String v) {
    String t = v.trim();
    if (!t.startsWith("{")) {
      return null;
    }
    try {
      JsonNode node = Json.MAPPER.readTree(t);
      return node instanceof ObjectNode object ? object : null;
    } catch (JsonProcessingException e) {
      return null;
    }
  }

  /** Amazon attribute names are snake_case [C]. */
  static String attributeName(String name) {
    return name.trim().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_|_$", "");
  }

  private static void putText(ObjectNode a, String attribute, String v, AmazonSettings s) {
    if (present(v)) {
      a.set(attribute, localized(v, s));
    }
  }

  private static ArrayNode localized(String v, AmazonSettings s) {
    ObjectNode entry = Json.MAPPER.createObjectNode();
    entry.put("value", v);
    entry.put("language_tag", s.languageTag());
    entry.put("marketplace_id", s.marketplaceId());
    return Json.MAPPER.createArrayNode().add(entry);
  }

  private static ArrayNode value(String v, String marketplaceId) {
    ObjectNode entry = Json.MAPPER.createObjectNode();
    entry.put("value", v);
    entry.put("marketplace_id", marketplaceId);
    return Json.MAPPER.createArrayNode().add(entry);
  }

  private static boolean present(String v) {
    return v != null && !v.isBlank();
  }

  private static BigDecimal decimal(JsonNode node, String field) {
    String v = text(node, field);
    if (v == null) {
      return null;
    }
    try {
      return new BigDecimal(v);
    } catch (NumberFormatException e) {
      throw new TransientFailure("Amazon sent an unreadable amount '" + v + "'", 200, null, e);
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
      throw new TransientFailure("Amazon sent an unreadable date '" + v + "'", 200, null, e);
    }
  }
}
