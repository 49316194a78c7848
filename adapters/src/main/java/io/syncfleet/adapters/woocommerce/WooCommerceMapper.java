package io.syncfleet.adapters.woocommerce;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.syncfleet.adapters.Order;
import io.syncfleet.adapters.failure.TransientFailure;
import io.syncfleet.producer.Json;
import io.syncfleet.producer.job.Listing;
import io.syncfleet.producer.job.PriceChange;
import io.syncfleet.producer.job.StockLevel;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Our model to WooCommerce's JSON and back [U field names beyond those tagged in WooCommerceApi]:
 * listings to simple products, or to a variable product and its variations when they share a
 * {@code group}; stock levels and prices to product fields; WooCommerce orders to {@link Order}.
 *
 * <p>Prices are strings [V]. WooCommerce sells at {@code sale_price} when one is set, so a price is
 * always sent whole: with a compare-at price above it, {@code regular_price} is the compare-at and
 * {@code sale_price} the price; without, {@code regular_price} is the price and any sale is cleared.
 * The shop has one currency, so a listing's currency is not sent; nor is its condition, which
 * WooCommerce has no field for.
 */
final class WooCommerceMapper {
  private static final String IMAGE_NAME_PREFIX = "syncfleet-";

  private WooCommerceMapper() {}

  /** A simple product for {@code l}; {@code existing} is the product it updates, or null to create. */
  static ObjectNode simpleProduct(Listing l, WooCommerceProduct existing) {
    ObjectNode p = Json.MAPPER.createObjectNode();
    if (existing == null) {
      p.put("type", WooCommerceApi.SIMPLE);
      p.put("sku", l.sku());
    }
    p.put("name", l.title());
    putIfPresent(p, "description", l.description());
    if (l.price() != null) {
      prices(p, l.price(), null);
    }
    if (l.quantity() != null) {
      p.put("manage_stock", true);
      p.put("stock_quantity", l.quantity());
    }
    putIfPresent(p, "global_unique_id", l.gtin());
    categories(p, l);
    Map<String, List<String>> attributes = new TreeMap<>(l.attributes());
    l.options().forEach((name, value) -> attributes.put(name, List.of(value)));
    if (!attributes.isEmpty() || (l.brand() != null && !l.brand().isBlank())) {
      // Left out when there are none, so attributes kept in the shop are not deleted by an update.
      plainAttributes(p.putArray("attributes"), attributes, l.brand());
    }
    images(p, l.imageUrls(), existing);
    return p;
  }

  /**
   * The variable product of a variant group. Its variation attributes keep every option it already
   * has, since its other variations use them; names already on the product keep their place (and a
   * global attribute its id), new ones follow by name.
   *
   * @param variants the group's listings in this job, in job order
   * @param group    the group id, which is the product's SKU when it is created
   * @param existing the product it updates, or null to create
   */
  static ObjectNode variableProduct(List<Listing> variants, String group, WooCommerceProduct existing) {
    Listing first = variants.get(0);
    ObjectNode p = Json.MAPPER.createObjectNode();
    if (existing == null) {
      p.put("type", WooCommerceApi.VARIABLE);
    }
    if (existing == null || existing.sku().isEmpty()) {
      p.put("sku", group);
    }
    p.put("name", first.title());
    variants.stream().map(Listing::description).filter(d -> d != null && !d.isBlank()).findFirst()
        .ifPresent(d -> p.put("description", d));
    categories(p, first);
    ArrayNode list = p.putArray("attributes");
    for (WooCommerceProduct.Attribute a : variationAttributes(variants, existing)) {
      ObjectNode attribute = list.addObject();
      if (a.id() != 0) {
        attribute.put("id", a.id());
      } else {
        attribute.put("name", a.name());
      }
      attribute.put("visible", true).put("variation", true);
      ArrayNode options = attribute.putArray("options");
      a.options().forEach(options::add);
    }
    plainAttributes(list, new TreeMap<>(first.attributes()), first.brand());
    Set<String> images = new LinkedHashSet<>();
    variants.forEach(v -> images.addAll(v.imageUrls()));
    images(p, new ArrayList<>(images), existing);
    return p;
  }

  /** The variation attributes a variable product needs for {@code variants}, merged with its own. */
  static List<WooCommerceProduct.Attribute> variationAttributes(List<Listing> variants, WooCommerceProduct existing) {
    Map<String, WooCommerceProduct.Attribute> byKey = new LinkedHashMap<>();
    if (existing != null) {
      existing.attributes().stream().filter(WooCommerceProduct.Attribute::variation)
          .forEach(a -> byKey.put(key(a.name()), a));
    }
    Map<String, Set<String>> added = new TreeMap<>();
    for (Listing v : variants) {
      v.options().forEach((name, value) -> added.computeIfAbsent(name, k -> new LinkedHashSet<>()).add(value));
    }
    added.forEach((name, values) -> {
      WooCommerceProduct.Attribute current = byKey.get(key(name));
      Set<String> options = new LinkedHashSet<>(current == null ? List.of() : current.options());
      options.addAll(values);
      byKey.put(key(name), new WooCommerceProduct.Attribute(current == null ? 0 : current.id(),
          current == null ? name : current.name(), true, new ArrayList<>(options)));
    });
    return new ArrayList<>(byKey.values());
  }

  /**
   * One variation of {@code parent}; {@code attributes} are the parent's variation attributes, which
   * give a global attribute's id. {@code existing} is the variation it updates, or null to create.
   */
  static ObjectNode variation(Listing l, List<WooCommerceProduct.Attribute> attributes, WooCommerceProduct existing) {
    ObjectNode v = Json.MAPPER.createObjectNode();
    if (existing == null) {
      v.put("sku", l.sku());
    }
    if (l.price() != null) {
      prices(v, l.price(), null);
    }
    if (l.quantity() != null) {
      v.put("manage_stock", true);
      v.put("stock_quantity", l.quantity());
    }
    putIfPresent(v, "global_unique_id", l.gtin());
    ArrayNode list = v.putArray("attributes");
    new TreeMap<>(l.options()).forEach((name, value) -> {
      ObjectNode a = list.addObject();
      WooCommerceProduct.Attribute known = attributes.stream().filter(x -> key(x.name()).equals(key(name)))
          .findFirst().orElse(null);
      if (known != null && known.id() != 0) {
        a.put("id", known.id());
      } else {
        a.put("name", known != null ? known.name() : name);
      }
      a.put("option", value);
    });
    return v;
  }

  /** The fields that set an absolute stock quantity. */
  static ObjectNode stock(StockLevel level) {
    ObjectNode s = Json.MAPPER.createObjectNode();
    s.put("manage_stock", true);
    s.put("stock_quantity", level.quantity());
    return s;
  }

  /** The fields of a price change. */
  static ObjectNode price(PriceChange change) {
    ObjectNode p = Json.MAPPER.createObjectNode();
    prices(p, change.amount(), change.compareAt());
    return p;
  }

  private static void prices(ObjectNode node, BigDecimal amount, BigDecimal compareAt) {
    if (compareAt != null && compareAt.compareTo(amount) > 0) {
      node.put("regular_price", money(compareAt));
      node.put("sale_price", money(amount));
    } else {
      node.put("regular_price", money(amount));
      node.put("sale_price", "");
    }
  }

  /** WooCommerce prices are decimal strings [V]. */
  static String money(BigDecimal amount) {
    return amount.toPlainString();
  }

  /**
   * The name an image is uploaded under: derived from its URL, so a later upsert can tell the
   * product's images are these already and not upload them again (WooCommerce downloads every image
   * sent by URL, and stores the name given as the image's title [U]).
   */
  static String imageName(String url) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(url.getBytes(StandardCharsets.UTF_8));
      return IMAGE_NAME_PREFIX + HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 unavailable", e);
    }
  }

  /** Sets {@code images} unless the product already has exactly these; none sent leaves the shop's own. */
  private static void images(ObjectNode product, List<String> urls, WooCommerceProduct existing) {
    if (urls.isEmpty()) {
      return;
    }
    List<String> names = urls.stream().map(WooCommerceMapper::imageName).toList();
    if (existing != null && existing.imageNames().equals(names)) {
      return;
    }
    ArrayNode images = product.putArray("images");
    for (int i = 0; i < urls.size(); i++) {
      images.addObject().put("src", urls.get(i)).put("name", names.get(i));
    }
  }

  private static void categories(ObjectNode product, Listing l) {
    if (l.categoryId() != null && !l.categoryId().isBlank()) {
      product.putArray("categories").addObject().put("id", Long.parseLong(l.categoryId().trim()));
    }
  }

  private static void plainAttributes(ArrayNode list, Map<String, List<String>> attributes, String brand) {
    Map<String, List<String>> all = new LinkedHashMap<>(attributes);
    if (brand != null && !brand.isBlank()) {
      all.putIfAbsent(WooCommerceApi.BRAND_ATTRIBUTE, List.of(brand));
    }
    all.forEach((name, values) -> {
      ObjectNode a = list.addObject().put("name", name).put("visible", true).put("variation", false);
      ArrayNode options = a.putArray("options");
      values.forEach(options::add);
    });
  }

  private static String key(String attributeName) {
    return attributeName.trim().toLowerCase(Locale.ROOT);
  }

  private static void putIfPresent(ObjectNode node, String field, String value) {
    if (value != null && !value.isBlank()) {
      node.put(field, value);
    }
  }

  /** A WooCommerce order as our normalized order. */
  static Order order(JsonNode o) {
    String status = o.path("status").asText("");
    boolean paid = WooCommerceErrors.text(o, "date_paid_gmt") != null;
    List<Order.Line> lines = new ArrayList<>();
    for (JsonNode line : o.path("line_items")) {
      String sku = WooCommerceErrors.text(line, "sku");
      lines.add(new Order.Line(sku == null || sku.isEmpty() ? null : sku, WooCommerceErrors.text(line, "name"),
          line.path("quantity").asInt(0), decimal(line, "price")));
    }
    return new Order("woocommerce", o.path("id").asText(), WooCommerceApi.orderStatus(status, paid), status,
        gmt(o, "date_created_gmt"), gmt(o, "date_modified_gmt"), WooCommerceErrors.text(o, "currency"),
        decimal(o, "total"), lines);
  }

  /** A GMT date as WooCommerce writes it ({@code 2024-05-01T10:00:00}), or null. */
  static Instant gmt(JsonNode node, String field) {
    String v = WooCommerceErrors.text(node, field);
    if (v == null || v.isEmpty()) {
      return null;
    }
    try {
      return LocalDateTime.parse(v).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      throw new TransientFailure("WooCommerce sent an unreadable date '" + v + "'", 200, "unreadable_order", e);
    }
  }

  private static BigDecimal decimal(JsonNode node, String field) {
    String v = WooCommerceErrors.text(node, field);
    if (v == null || v.isEmpty()) {
      return null;
    }
    try {
      return new BigDecimal(v);
    } catch (NumberFormatException e) {
      throw new TransientFailure("WooCommerce sent an unreadable amount '" + v + "'", 200, "unreadable_order", e);
    }
  }
}
