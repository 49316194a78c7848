package io.syncfleet.adapters.bigcommerce;

import static io.syncfleet.adapters.bigcommerce.BigCommerceErrors.text;

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
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Our model as BigCommerce catalog and inventory JSON, and v2 orders as our {@link Order} [V field
 * names]. One product holds one listing, or a variant group (its SKU is the group's) with one variant
 * per listing; a listing's options become the variant's option values. Images are sent when a
 * product is created only: BigCommerce adds every image URL it is sent as a new image [U], so
 * sending them again would duplicate them. Prices are in the store's currency.
 */
final class BigCommerceMapper {
  private BigCommerceMapper() {}

  /**
   * The body that creates ({@code create}) or updates a product of {@code listings}: one plain
   * listing, or a group's variants (created with the product, updated through {@link #variantUpdate}).
   */
  static ObjectNode product(String productSku, List<Listing> listings, boolean grouped, BigCommerceSettings s,
      boolean create) {
    Listing first = listings.get(0);
    ObjectNode p = Json.MAPPER.createObjectNode();
    p.put("name", first.title());
    p.put("type", BigCommerceApi.PHYSICAL);
    p.put("sku", productSku);
    p.put("price", first.price());
    if (create) {
      p.put("weight", s.weight());
    }
    putIfPresent(p, "description", first.description());
    putIfPresent(p, "brand_name", first.brand());
    if (!grouped) {
      identifiers(p, first);
    }
    if (first.condition() != null) {
      p.put("condition", BigCommerceApi.CONDITIONS.get(first.condition()));
    }
    p.put("is_visible", true);
    p.put("inventory_tracking", grouped ? "variant" : "product");
    String category = first.categoryId() != null ? first.categoryId() : s.categoryId();
    if (category != null) {
      p.putArray("categories").add(Long.parseLong(category));
    }
    if (create) {
      ArrayNode images = p.putArray("images");
      List<String> urls = first.imageUrls();
      for (int i = 0; i < urls.size(); i++) {
        images.addObject().put("image_url", urls.get(i)).put("is_thumbnail", i == 0).put("sort_order", i);
      }
      if (grouped) {
        ArrayNode variants = p.putArray("variants");
        for (Listing l : listings) {
          ObjectNode v = variants.addObject();
          v.put("sku", l.sku());
          v.put("price", l.price());
          identifiers(v, l);
          ArrayNode values = v.putArray("option_values");
          new TreeMap<>(l.options()).forEach((name, label) ->
              values.addObject().put("option_display_name", name).put("label", label));
        }
      }
    }
    return p;
  }

  /** An existing variant's entry in its product's update. */
  static ObjectNode variantUpdate(Listing l, BigCommerceSkus.Ref ref) {
    ObjectNode v = Json.MAPPER.createObjectNode();
    v.put("id", ref.variantId());
    v.put("product_id", ref.productId());
    v.put("sku", l.sku());
    v.put("price", l.price());
    identifiers(v, l);
    return v;
  }

  /** A new variant of an existing product, with its option values as ids ({@code option id -> value id}). */
  static ObjectNode newVariant(Listing l, Map<Long, Long> optionValues) {
    ObjectNode v = Json.MAPPER.createObjectNode();
    v.put("sku", l.sku());
    v.put("price", l.price());
    identifiers(v, l);
    ArrayNode values = v.putArray("option_values");
    optionValues.forEach((option, value) -> values.addObject().put("id", value).put("option_id", option));
    return v;
  }

  /** One absolute adjustment item, addressed by SKU [V]. */
  static ObjectNode inventoryItem(String sku, long locationId, int quantity) {
    return Json.MAPPER.createObjectNode().put("location_id", locationId).put("sku", sku).put("quantity", quantity);
  }

  /**
   * One entry of the variants batch: the price, and the compare-at price as the retail (list)
   * price BigCommerce shows struck through; without one the retail price is cleared to the product's.
   */
  static ObjectNode priceUpdate(long variantId, BigDecimal amount, BigDecimal compareAt) {
    ObjectNode v = Json.MAPPER.createObjectNode();
    v.put("id", variantId);
    v.put("price", amount);
    if (compareAt == null) {
      v.putNull("retail_price");
    } else {
      v.put("retail_price", compareAt);
    }
    return v;
  }

  /**
   * A v2 order as ours. Its lines come from its consignments (asked for with
   * {@code include=consignments.line_items}) [V], each line once.
   */
  static Order order(JsonNode o) {
    Map<String, JsonNode> lineItems = new LinkedHashMap<>();
    JsonNode consignments = o.path("consignments");
    for (String kind : new String[] {"pickups", "shipping", "downloads"}) {
      consignments.path(kind).forEach(c -> collect(c.path("line_items"), lineItems));
    }
    consignments.path("email").path("gift_certificates").forEach(c -> collect(c.path("line_items"), lineItems));
    List<Order.Line> lines = new ArrayList<>();
    for (JsonNode item : lineItems.values()) {
      lines.add(new Order.Line(text(item, "sku"), text(item, "name"), item.path("quantity").asInt(0),
          decimal(item, "price_inc_tax")));
    }
    String currency = text(o, "default_currency_code");
    return new Order(Channels.BIGCOMMERCE.id(), text(o, "id"), BigCommerceApi.orderStatus(o.path("status_id").asInt(-1)),
        text(o, "status"), instant(o, "date_created"), instant(o, "date_modified"),
        currency != null ? currency : text(o, "currency_code"), decimal(o, "total_inc_tax"), lines);
  }

  /** A v2 date (RFC 2822, {@code Tue, 20 Nov 2012 00:00:00 +0000}) [V], or null. */
  static Instant instant(JsonNode node, String field) {
    String v = text(node, field);
    if (v == null || v.isBlank()) {
      return null;
    }
    try {
      return ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
    } catch (DateTimeParseException e) {
      throw new TransientFailure("BigCommerce sent an unreadable date '" + v + "'", 200, null, e);
    }
  }

  private static void collect(JsonNode items, Map<String, JsonNode> into) {
    for (JsonNode item : items) {
      if (item.has("sku") || item.has("name")) {
        into.putIfAbsent(item.path("id").asText(String.valueOf(into.size())), item);
      }
    }
  }

  /** MPN and GTIN; a 12-digit GTIN is also the UPC [U]. */
  private static void identifiers(ObjectNode node, Listing l) {
    putIfPresent(node, "mpn", l.mpn());
    if (l.gtin() != null && !l.gtin().isBlank()) {
      node.put("gtin", l.gtin());
      if (l.gtin().length() == 12) {
        node.put("upc", l.gtin());
      }
    }
  }

  private static void putIfPresent(ObjectNode node, String field, String value) {
    if (value != null && !value.isBlank()) {
      node.put(field, value);
    }
  }

  private static BigDecimal decimal(JsonNode node, String field) {
    String v = text(node, field);
    if (v == null || v.isBlank()) {
      return null;
    }
    try {
      return new BigDecimal(v);
    } catch (NumberFormatException e) {
      throw new TransientFailure("BigCommerce sent an unreadable amount '" + v + "'", 200, null, e);
    }
  }
}
