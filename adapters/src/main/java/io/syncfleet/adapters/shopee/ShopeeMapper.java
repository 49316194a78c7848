package io.syncfleet.adapters.shopee;

import static io.syncfleet.adapters.shopee.ShopeeErrors.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.syncfleet.adapters.Order;
import io.syncfleet.producer.Json;
import io.syncfleet.producer.job.Channels;
import io.syncfleet.producer.job.Listing;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Our listings, stock and prices as Shopee v2 request bodies [V shapes], and Shopee orders as our
 * {@link Order}. A listing without a group is one Shopee item without variants, its SKU the item's
 * SKU; listings sharing a group are the models of one item whose SKU is the group, each model's SKU
 * the listing's, its options the item's variation tiers.
 */
final class ShopeeMapper {
  private ShopeeMapper() {}

  /** The body of add_item for a product whose first listing is {@code l}. */
  static ObjectNode addItem(Listing l, String itemSku, List<String> imageIds, ShopeeSettings s, boolean withStock) {
    ObjectNode item = itemFields(l, itemSku, imageIds, s);
    item.put("original_price", l.price());
    if (withStock && l.quantity() != null) {
      item.set("seller_stock", sellerStock(l.quantity(), s.locationId()));
    }
    return item;
  }

  /** The body of update_item: the whole item as the listing describes it, listed. */
  static ObjectNode updateItem(long itemId, Listing l, String itemSku, List<String> imageIds, ShopeeSettings s) {
    ObjectNode item = Json.MAPPER.createObjectNode().put("item_id", itemId);
    item.setAll(itemFields(l, itemSku, imageIds, s));
    return item;
  }

  private static ObjectNode itemFields(Listing l, String itemSku, List<String> imageIds, ShopeeSettings s) {
    ObjectNode item = Json.MAPPER.createObjectNode();
    item.put("item_name", l.title());
    item.put("description", l.description());
    item.put("item_sku", itemSku);
    item.put("category_id", Long.parseLong(l.categoryId().trim()));
    item.put("condition", condition(l.condition()));
    item.put("item_status", ShopeeApi.NORMAL);
    item.put("weight", ShopeeRules.decimal(l, ShopeeRules.WEIGHT));
    String length = ShopeeRules.first(l.attributes(), ShopeeRules.LENGTH);
    if (length != null) {
      item.putObject("dimension")
          .put("package_length", Integer.parseInt(length))
          .put("package_width", Integer.parseInt(ShopeeRules.first(l.attributes(), ShopeeRules.WIDTH)))
          .put("package_height", Integer.parseInt(ShopeeRules.first(l.attributes(), ShopeeRules.HEIGHT)));
    }
    ArrayNode images = item.putObject("image").putArray("image_id_list");
    imageIds.forEach(images::add);
    String brandId = ShopeeRules.first(l.attributes(), ShopeeRules.BRAND_ID);
    item.putObject("brand")
        .put("brand_id", brandId != null ? Long.parseLong(brandId) : ShopeeApi.NO_BRAND_ID)
        .put("original_brand_name", brandId != null && l.brand() != null ? l.brand() : ShopeeApi.NO_BRAND_NAME);
    ArrayNode attributes = attributeList(l.attributes());
    if (!attributes.isEmpty()) {
      item.set("attribute_list", attributes);
    }
    if (!s.logisticIds().isEmpty()) {
      ArrayNode logistics = item.putArray("logistic_info");
      s.logisticIds().forEach(id -> logistics.addObject().put("logistic_id", id).put("enabled", true));
    }
    if (l.group() == null && l.gtin() != null && !l.gtin().isBlank()) {
      item.put("gtin_code", l.gtin().trim());
    }
    return item;
  }

  /**
   * Category attributes keyed by their numeric Shopee attribute id, each value sent as a custom
   * value (value_id 0 with the text), which Shopee accepts for text and combo-box attributes [V].
   */
  private static ArrayNode attributeList(Map<String, List<String>> attributes) {
    ArrayNode list = Json.MAPPER.createArrayNode();
    new TreeMap<>(attributes).forEach((name, values) -> {
      if (name.matches("\\d+") && values != null && !values.isEmpty()) {
        ArrayNode valueList = list.addObject().put("attribute_id", Long.parseLong(name))
            .putArray("attribute_value_list");
        values.forEach(v -> valueList.addObject().put("value_id", 0).put("original_value_name", v));
      }
    });
    return list;
  }

  /** The standardised variation tiers of custom names and options [V: variation_id 0 for custom]. */
  static ArrayNode tiers(List<String> names, List<List<String>> options) {
    ArrayNode tiers = Json.MAPPER.createArrayNode();
    for (int t = 0; t < names.size(); t++) {
      ObjectNode tier = tiers.addObject().put("variation_id", 0).put("variation_name", names.get(t));
      ArrayNode list = tier.putArray("variation_option_list");
      options.get(t).forEach(o -> list.addObject().put("variation_option_id", 0).put("variation_option_name", o));
    }
    return tiers;
  }

  /** One model of init_tier_variation or add_model. */
  static ObjectNode model(Listing l, List<Integer> tierIndex, ShopeeSettings s) {
    ObjectNode model = Json.MAPPER.createObjectNode();
    ArrayNode index = model.putArray("tier_index");
    tierIndex.forEach(index::add);
    model.put("model_sku", l.sku());
    model.put("original_price", l.price());
    model.set("seller_stock", sellerStock(l.quantity() == null ? 0 : l.quantity(), s.locationId()));
    if (l.gtin() != null && !l.gtin().isBlank()) {
      model.put("gtin_code", l.gtin().trim());
    }
    return model;
  }

  /** One entry of update_stock's stock_list; model 0 is an item without variants [V]. */
  static ObjectNode stockEntry(long modelId, int quantity, String locationId) {
    ObjectNode entry = Json.MAPPER.createObjectNode().put("model_id", modelId);
    entry.set("seller_stock", sellerStock(quantity, locationId));
    return entry;
  }

  /** One entry of update_price's price_list. */
  static ObjectNode priceEntry(long modelId, BigDecimal price) {
    return Json.MAPPER.createObjectNode().put("model_id", modelId).put("original_price", price);
  }

  private static ArrayNode sellerStock(int quantity, String locationId) {
    ArrayNode stock = Json.MAPPER.createArrayNode();
    ObjectNode entry = stock.addObject();
    if (locationId != null) {
      entry.put("location_id", locationId);
    }
    entry.put("stock", quantity);
    return stock;
  }

  /** [V values] NEW and NEW_OTHER are new; every other condition is used. */
  static String condition(Listing.Condition condition) {
    return condition == null || condition == Listing.Condition.NEW || condition == Listing.Condition.NEW_OTHER
        ? ShopeeApi.CONDITION_NEW : ShopeeApi.CONDITION_USED;
  }

  /** A get_order_detail order as our normalized order [V field names]. */
  static Order order(JsonNode o) {
    String status = text(o, "order_status");
    List<Order.Line> lines = new ArrayList<>();
    for (JsonNode line : o.path("item_list")) {
      String modelSku = text(line, "model_sku");
      String sku = modelSku != null && !modelSku.isEmpty() ? modelSku : text(line, "item_sku");
      BigDecimal discounted = decimal(line, "model_discounted_price");
      // Bundle deals report a discounted price of 0 per line [V]; the original price is the better unit price.
      BigDecimal unit = discounted != null && discounted.signum() > 0 ? discounted
          : decimal(line, "model_original_price");
      lines.add(new Order.Line(sku, text(line, "item_name"), line.path("model_quantity_purchased").asInt(0), unit));
    }
    return new Order(Channels.SHOPEE.id(), text(o, "order_sn"),
        ShopeeApi.ORDER_STATUSES.getOrDefault(status, Order.Status.PAID), status,
        seconds(o, "create_time"), seconds(o, "update_time"), text(o, "currency"), decimal(o, "total_amount"),
        lines);
  }

  private static BigDecimal decimal(JsonNode node, String field) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (v.isNumber()) {
      return v.decimalValue();
    }
    try {
      return new BigDecimal(v.asText().trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static Instant seconds(JsonNode node, String field) {
    long s = node.path(field).asLong(0);
    return s > 0 ? Instant.ofEpochSecond(s) : null;
  }
}
