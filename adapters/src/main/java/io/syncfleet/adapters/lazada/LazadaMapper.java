package io.syncfleet.adapters.lazada;

import static io.syncfleet.adapters.lazada.LazadaErrors.text;

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
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Our listings, stock and prices as Lazada JSON payloads ({@code {"Request":{"Product":{...}}}} [V]),
 * and Lazada orders as our {@link Order}. A product is a listing, or the listings sharing a group:
 * each listing is one of its SKUs, addressed by the listing's SKU as SellerSku, its options the SKU's
 * sales properties ({@code saleProp}).
 */
final class LazadaMapper {
  /** [C] How Lazada writes dates in orders besides ISO 8601 with an offset. */
  private static final DateTimeFormatter SPACED_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss Z");

  private LazadaMapper() {}

  /**
   * The payload of product/create ({@code itemId} null) or product/update. On update, SKUs Lazada
   * has carry their SkuId; new ones are added to the product through {@code associatedSkuId} [V].
   */
  static String product(List<Listing> listings, List<String> imageUrls, Long itemId, Map<String, Long> skuIds,
      Long associatedSkuId) {
    Listing first = listings.get(0);
    ObjectNode product = Json.MAPPER.createObjectNode();
    product.put("PrimaryCategory", first.categoryId().trim());
    if (itemId != null) {
      product.put("ItemId", String.valueOf(itemId));
    }
    if (associatedSkuId != null) {
      product.put("AssociatedSku", String.valueOf(associatedSkuId));
    }
    ArrayNode images = product.putObject("Images").putArray("Image");
    imageUrls.forEach(images::add);
    ObjectNode attributes = product.putObject("Attributes");
    attributes.put("name", first.title());
    if (first.description() != null && !first.description().isBlank()) {
      attributes.put("description", first.description());
    }
    attributes.put("brand", first.brand() != null && !first.brand().isBlank() ? first.brand() : LazadaApi.NO_BRAND);
    new TreeMap<>(first.attributes()).forEach((name, values) -> {
      if (!LazadaRules.SKU_ATTRIBUTES.contains(name) && values != null && !values.isEmpty()) {
        attributes.put(name, String.join(",", values));
      }
    });
    ArrayNode skus = product.putObject("Skus").putArray("Sku");
    for (Listing l : listings) {
      ObjectNode sku = skus.addObject();
      Long skuId = skuIds.get(l.sku());
      if (skuId != null) {
        sku.put("SkuId", String.valueOf(skuId));
      }
      sku.put("SellerSku", l.sku());
      if (l.quantity() != null) {
        sku.put("quantity", String.valueOf(l.quantity()));
      }
      sku.put("price", l.price().toPlainString());
      for (String name : LazadaRules.SKU_ATTRIBUTES) {
        String v = LazadaRules.first(l.attributes(), name);
        if (v != null) {
          sku.put(name, v);
        }
      }
      if (!l.options().isEmpty()) {
        ObjectNode saleProp = sku.putObject("saleProp");
        new TreeMap<>(l.options()).forEach(saleProp::put);
      }
    }
    return request(product);
  }

  /** One SKU of price_quantity/update for a stock level; multi-warehouse sellers name the warehouse [V]. */
  static ObjectNode stock(LazadaSku id, StockLevel level, String defaultWarehouse) {
    ObjectNode sku = skuRef(id);
    String warehouse = level.location() != null && !level.location().isBlank() ? level.location().trim()
        : defaultWarehouse;
    if (warehouse == null) {
      sku.put("Quantity", String.valueOf(level.quantity()));
    } else {
      sku.putObject("MultiWarehouseInventories").putArray("MultiWarehouseInventory").addObject()
          .put("WarehouseCode", warehouse)
          .put("Quantity", String.valueOf(level.quantity()));
    }
    return sku;
  }

  /**
   * One SKU of price_quantity/update for a price. With a compare-at price, that is the regular Price
   * and the new amount the SalePrice, without end date [V]; otherwise the amount is the Price.
   */
  static ObjectNode price(LazadaSku id, PriceChange change) {
    ObjectNode sku = skuRef(id);
    if (change.compareAt() != null && change.compareAt().compareTo(change.amount()) > 0) {
      sku.put("Price", change.compareAt().toPlainString());
      sku.put("SalePrice", change.amount().toPlainString());
    } else {
      sku.put("Price", change.amount().toPlainString());
    }
    return sku;
  }

  /** The price_quantity/update payload of {@code skus}. */
  static String priceQuantity(List<ObjectNode> skus) {
    ObjectNode product = Json.MAPPER.createObjectNode();
    ArrayNode list = product.putObject("Skus").putArray("Sku");
    skus.forEach(list::add);
    return request(product);
  }

  private static ObjectNode skuRef(LazadaSku id) {
    return Json.MAPPER.createObjectNode()
        .put("ItemId", String.valueOf(id.itemId()))
        .put("SkuId", String.valueOf(id.skuId()))
        .put("SellerSku", id.sellerSku());
  }

  private static String request(ObjectNode product) {
    ObjectNode root = Json.MAPPER.createObjectNode();
    root.putObject("Request").set("Product", product);
    try {
      return Json.MAPPER.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * An orders/get order with its orders/items/get items as our normalized order. Lazada lists one
   * item per unit sold [C], so items of the same SKU and price become one line.
   */
  static Order order(JsonNode o, List<JsonNode> items, String fallbackCurrency) {
    Set<String> statuses = new LinkedHashSet<>();
    o.path("statuses").forEach(st -> statuses.add(st.asText().toLowerCase(Locale.ROOT)));
    if (statuses.isEmpty()) {
      items.forEach(i -> statuses.add(String.valueOf(text(i, "status")).toLowerCase(Locale.ROOT)));
    }
    Map<String, int[]> quantities = new LinkedHashMap<>();
    Map<String, JsonNode> firstItem = new LinkedHashMap<>();
    String currency = null;
    for (JsonNode item : items) {
      String key = text(item, "sku") + '\n' + text(item, "item_price");
      quantities.computeIfAbsent(key, k -> new int[1])[0]++;
      firstItem.putIfAbsent(key, item);
      if (currency == null) {
        currency = text(item, "currency");
      }
    }
    List<Order.Line> lines = new ArrayList<>();
    quantities.forEach((key, count) -> {
      JsonNode item = firstItem.get(key);
      lines.add(new Order.Line(text(item, "sku"), text(item, "name"), count[0], decimal(item, "item_price")));
    });
    return new Order(Channels.LAZADA.id(), text(o, "order_id"), LazadaApi.orderStatus(statuses),
        String.join("/", statuses), time(o, "created_at"), time(o, "updated_at"),
        currency != null ? currency : fallbackCurrency, decimal(o, "price"), lines);
  }

  /** A Lazada order time; unreadable ones are a passing fault, since skipping would lose the order. */
  static Instant time(JsonNode node, String field) {
    String v = text(node, field);
    if (v == null || v.isBlank()) {
      return null;
    }
    try {
      return OffsetDateTime.parse(v.trim()).toInstant();
    } catch (DateTimeParseException iso) {
      try {
        return OffsetDateTime.parse(v.trim(), SPACED_TIME).toInstant();
      } catch (DateTimeParseException spaced) {
        throw new TransientFailure("Lazada sent an unreadable date '" + v + "'", 200, null, spaced);
      }
    }
  }

  private static BigDecimal decimal(JsonNode node, String field) {
    String v = text(node, field);
    if (v == null || v.isBlank()) {
      return null;
    }
    try {
      return new BigDecimal(v.trim());
    } catch (NumberFormatException e) {
      throw new TransientFailure("Lazada sent an unreadable amount '" + v + "'", 200, null, e);
    }
  }
}
