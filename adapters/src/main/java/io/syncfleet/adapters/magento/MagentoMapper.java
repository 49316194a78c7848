package io.syncfleet.adapters.magento;

import static io.syncfleet.adapters.magento.MagentoErrors.text;

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
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Our model as Magento REST JSON and Magento orders as our {@link Order} [U shapes unless tagged].
 *
 * <p>Not sent, because a save would not be idempotent or Magento has no standard field for them:
 * images (Magento takes base64 content, not URLs, and appends a new copy on every save [C]), brand,
 * MPN, GTIN, condition and free-form attributes (store-specific attributes). The listing's currency
 * is the store's base currency.
 */
final class MagentoMapper {
  private MagentoMapper() {}

  /**
   * The body of {@code PUT /V1/products/{sku}} for a simple product. A variant is not visible on its
   * own and carries its option values ({@code optionValues}: attribute code to option id).
   */
  static ObjectNode simpleProduct(Listing l, MagentoSettings s, Map<String, String> optionValues) {
    boolean variant = l.group() != null;
    ObjectNode product = base(l.sku(), l.title(), s, variant ? MagentoApi.NOT_VISIBLE_INDIVIDUALLY
        : MagentoApi.VISIBLE_CATALOG_SEARCH, MagentoApi.SIMPLE, l.categoryId());
    product.put("price", l.price());
    ArrayNode custom = product.putArray("custom_attributes");
    if (l.description() != null && !l.description().isBlank()) {
      custom.add(attribute("description", l.description()));
    }
    custom.add(attribute("url_key", urlKey(l.title(), l.sku())));
    optionValues.forEach((code, value) -> custom.add(attribute(code, value)));
    return wrap(product);
  }

  /**
   * The body of {@code PUT /V1/products/{group}} for a variant group's configurable product: its
   * options ({@code options}: attribute id to label and value ids) and every child linked.
   */
  static ObjectNode configurableProduct(String group, Listing first, MagentoSettings s,
      List<MagentoConfigurables.Option> options, List<Long> childIds) {
    ObjectNode product = base(group, first.title(), s, MagentoApi.VISIBLE_CATALOG_SEARCH, MagentoApi.CONFIGURABLE,
        first.categoryId());
    ArrayNode custom = product.putArray("custom_attributes");
    if (first.description() != null && !first.description().isBlank()) {
      custom.add(attribute("description", first.description()));
    }
    custom.add(attribute("url_key", urlKey(first.title(), group)));
    ObjectNode extension = (ObjectNode) product.get("extension_attributes");
    ArrayNode configurable = extension.putArray("configurable_product_options");
    int position = 0;
    for (MagentoConfigurables.Option option : options) {
      ObjectNode o = configurable.addObject();
      o.put("attribute_id", String.valueOf(option.attributeId()));
      o.put("label", option.label());
      o.put("position", position++);
      ArrayNode values = o.putArray("values");
      option.valueIds().forEach(v -> values.addObject().put("value_index", v));
    }
    ArrayNode links = extension.putArray("configurable_product_links");
    childIds.forEach(links::add);
    return wrap(product);
  }

  /** One MSI source item: the quantity at a source, in stock when above zero. */
  static ObjectNode sourceItem(String sku, String sourceCode, int quantity) {
    ObjectNode item = Json.MAPPER.createObjectNode();
    item.put("sku", sku);
    item.put("source_code", sourceCode);
    item.put("quantity", quantity);
    item.put("status", quantity > 0 ? MagentoApi.IN_STOCK : MagentoApi.OUT_OF_STOCK);
    return item;
  }

  /** One base price row. */
  static ObjectNode basePrice(String sku, BigDecimal amount, int storeId) {
    ObjectNode price = Json.MAPPER.createObjectNode();
    price.put("price", amount);
    price.put("store_id", storeId);
    price.put("sku", sku);
    return price;
  }

  /**
   * The URL key a product is created with: its title and SKU as a slug. Magento derives one from the
   * name alone and refuses a second product with the same one [C]; the SKU keeps it unique.
   */
  static String urlKey(String title, String sku) {
    String slug = (title + "-" + sku).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    return slug.replaceAll("^-+|-+$", "");
  }

  /** The attribute code an option name stands for: {@code Shoe Size} is {@code shoe_size}. */
  static String attributeCode(String optionName) {
    return optionName.trim().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
  }

  /** A Magento order as ours. Child lines of a configurable or bundle item are folded into their parent [C]. */
  static Order order(JsonNode o) {
    List<Order.Line> lines = new ArrayList<>();
    boolean someShipped = false;
    for (JsonNode item : o.path("items")) {
      if (item.hasNonNull("parent_item_id")) {
        continue;
      }
      someShipped |= item.path("qty_shipped").asDouble(0) > 0;
      lines.add(new Order.Line(text(item, "sku"), text(item, "name"), item.path("qty_ordered").asInt(0),
          decimal(item, "price")));
    }
    String state = text(o, "state");
    String status = text(o, "status");
    String id = text(o, "increment_id");
    return new Order(Channels.MAGENTO.id(), id != null ? id : text(o, "entity_id"),
        MagentoApi.orderStatus(state, someShipped), status != null ? status : state,
        instant(o, "created_at"), instant(o, "updated_at"), text(o, "order_currency_code"),
        decimal(o, "grand_total"), lines);
  }

  /** A Magento UTC timestamp ({@code 2024-05-01 10:00:00}), or null. */
  static Instant instant(JsonNode node, String field) {
    String v = text(node, field);
    if (v == null) {
      return null;
    }
    try {
      return ZonedDateTime.parse(v, MagentoApi.TIMESTAMP).toInstant();
    } catch (DateTimeParseException e) {
      throw new TransientFailure("Magento sent an unreadable date '" + v + "'", 200, null, e);
    }
  }

  private static ObjectNode base(String sku, String name, MagentoSettings s, int visibility, String type,
      String categoryId) {
    ObjectNode product = Json.MAPPER.createObjectNode();
    product.put("sku", sku);
    product.put("name", name);
    product.put("attribute_set_id", s.attributeSetId());
    product.put("status", MagentoApi.ENABLED);
    product.put("visibility", visibility);
    product.put("type_id", type);
    ObjectNode extension = product.putObject("extension_attributes");
    extension.putArray("website_ids").add(s.websiteId());
    String category = categoryId != null ? categoryId : s.categoryId();
    if (category != null) {
      extension.putArray("category_links").addObject().put("position", 0).put("category_id", category);
    }
    return product;
  }

  private static ObjectNode wrap(ObjectNode product) {
    ObjectNode body = Json.MAPPER.createObjectNode();
    body.set("product", product);
    return body;
  }

  private static ObjectNode attribute(String code, String value) {
    return Json.MAPPER.createObjectNode().put("attribute_code", code).put("value", value);
  }

  private static BigDecimal decimal(JsonNode node, String field) {
    String v = text(node, field);
    if (v == null) {
      return null;
    }
    try {
      return new BigDecimal(v);
    } catch (NumberFormatException e) {
      throw new TransientFailure("Magento sent an unreadable amount '" + v + "'", 200, null, e);
    }
  }
}
