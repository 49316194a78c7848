package io.syncfleet.adapters.shopify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.syncfleet.adapters.Order;
import io.syncfleet.producer.Json;
import io.syncfleet.producer.job.Listing;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Our model to Shopify's and back: listings to a {@code productSet} input (listings sharing a
 * {@code group} become the variants of one product), Shopify orders to {@link Order}, and GIDs.
 * Prices are in the shop's currency, so a listing's currency is not sent; Shopify products have no
 * condition, and the listing's category is another marketplace's taxonomy, so neither is sent either.
 */
final class ShopifyMapper {
  private static final String GID_PREFIX = "gid://shopify/";
  /** Financial statuses that mean the merchant has the money or a hold on it. */
  private static final Set<String> PAID = Set.of("PAID", "PARTIALLY_REFUNDED", "AUTHORIZED");

  private ShopifyMapper() {}

  /** A global id of {@code type}; an id that already is a GID is kept as it is. */
  static String gid(String type, String idOrGid) {
    return idOrGid.startsWith(GID_PREFIX) ? idOrGid : GID_PREFIX + type + "/" + idOrGid;
  }

  /** The numeric id at the end of a GID ({@code gid://shopify/Order/42} gives {@code 42}). */
  static String numericId(String gid) {
    String tail = gid.substring(gid.lastIndexOf('/') + 1);
    int query = tail.indexOf('?');
    return query < 0 ? tail : tail.substring(0, query);
  }

  /**
   * The handle of a variant group's product: lowercase letters and digits, every other run of
   * characters one hyphen, as Shopify makes handles [V]; null when nothing is left. The same group
   * always gives the same handle, which is how a later batch finds the product its new variants join.
   */
  static String handle(String group) {
    String slug = group.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    return slug.isEmpty() ? null : slug;
  }

  /** Shopify's Money scalar is a decimal string. */
  static String money(BigDecimal amount) {
    return amount.toPlainString();
  }

  /**
   * The {@code productSet} input for one product. productSet replaces list fields, so variants it
   * is not told about are deleted [V]: {@code kept} (the product's variants outside this batch) are
   * sent back by id with their option values, which leaves them as they are.
   *
   * @param listings   the batch's listings of this product, in batch order (variant i is listing i)
   * @param existing   the product's variants already carrying a listing's SKU, by SKU
   * @param kept       the product's other variants
   * @param locationId where listing quantities are set, or null when no listing has one
   * @param handle     the handle of a product being created, or null to let Shopify derive one
   */
  static ObjectNode productSetInput(List<Listing> listings, Map<String, ShopifyVariant> existing,
      List<ShopifyVariant> kept, String locationId, String handle) {
    Listing first = listings.get(0);
    ObjectNode input = Json.MAPPER.createObjectNode();
    input.put("title", first.title());
    if (handle != null) {
      input.put("handle", handle);
    }
    if (first.description() != null) {
      input.put("descriptionHtml", first.description());
    }
    if (first.brand() != null) {
      input.put("vendor", first.brand());
    }

    List<Map<String, String>> batchOptions = new ArrayList<>();
    for (Listing listing : listings) {
      batchOptions.add(optionsOf(listing, existing.get(listing.sku())));
    }
    List<String> names = optionNames(batchOptions, kept);
    ArrayNode productOptions = input.putArray("productOptions");
    for (String name : names) {
      Set<String> values = new LinkedHashSet<>();
      batchOptions.forEach(o -> addIfPresent(values, o.get(name)));
      kept.forEach(v -> addIfPresent(values, v.options().get(name)));
      ObjectNode option = productOptions.addObject().put("name", name);
      ArrayNode valueNodes = option.putArray("values");
      values.forEach(v -> valueNodes.addObject().put("name", v));
    }

    ArrayNode variants = input.putArray("variants");
    for (int i = 0; i < listings.size(); i++) {
      Listing listing = listings.get(i);
      ObjectNode variant = variants.addObject();
      ShopifyVariant current = existing.get(listing.sku());
      if (current != null) {
        variant.put("id", current.id());
      }
      variant.put("sku", listing.sku());
      if (listing.price() != null) {
        variant.put("price", money(listing.price()));
      }
      if (listing.gtin() != null) {
        variant.put("barcode", listing.gtin());
      }
      optionValues(variant, batchOptions.get(i));
      variant.putObject("inventoryItem").put("tracked", true);
      if (listing.quantity() != null && locationId != null) {
        variant.putArray("inventoryQuantities").addObject()
            .put("locationId", locationId)
            .put("name", ShopifyApi.STOCK_QUANTITY_NAME)
            .put("quantity", listing.quantity());
      }
    }
    for (ShopifyVariant other : kept) {
      optionValues(variants.addObject().put("id", other.id()), other.options());
    }

    Set<String> images = new LinkedHashSet<>();
    listings.forEach(l -> images.addAll(l.imageUrls()));
    if (!images.isEmpty()) {
      // Left out when there are none, so images managed in Shopify are not deleted by an update.
      ArrayNode files = input.putArray("files");
      images.forEach(url -> files.addObject().put("originalSource", url).put("contentType", "IMAGE"));
    }
    return input;
  }

  /** The listing's own options; else those its variant already has; else Shopify's default option. */
  private static Map<String, String> optionsOf(Listing listing, ShopifyVariant current) {
    if (!listing.options().isEmpty()) {
      return listing.options();
    }
    if (current != null && !current.options().isEmpty()) {
      return current.options();
    }
    return Map.of(ShopifyApi.DEFAULT_OPTION_NAME, ShopifyApi.DEFAULT_OPTION_VALUE);
  }

  /** The product's option order where Shopify already has one, then new names alphabetically. */
  private static List<String> optionNames(List<Map<String, String>> batchOptions, List<ShopifyVariant> kept) {
    Set<String> names = new LinkedHashSet<>();
    kept.forEach(v -> names.addAll(v.options().keySet()));
    Set<String> added = new TreeSet<>();
    batchOptions.forEach(o -> added.addAll(o.keySet()));
    names.addAll(added);
    return new ArrayList<>(names);
  }

  private static void optionValues(ObjectNode variant, Map<String, String> options) {
    ArrayNode values = variant.putArray("optionValues");
    new TreeSet<>(options.keySet()).forEach(name ->
        values.addObject().put("optionName", name).put("name", options.get(name)));
  }

  private static void addIfPresent(Set<String> values, String value) {
    if (value != null) {
      values.add(value);
    }
  }

  /**
   * A Shopify order as our model. The status is the most advanced fact: cancelled, then refunded,
   * then how far fulfillment got, then whether it is paid.
   */
  static Order order(JsonNode node, List<Order.Line> lines) {
    JsonNode total = node.path("totalPriceSet").path("shopMoney");
    String financial = node.path("displayFinancialStatus").asText("");
    String fulfillment = node.path("displayFulfillmentStatus").asText("");
    boolean cancelled = !node.path("cancelledAt").isNull() && !node.path("cancelledAt").isMissingNode();
    return new Order("shopify", numericId(node.path("id").asText()),
        status(financial, fulfillment, cancelled),
        financial + "/" + fulfillment + (cancelled ? "/CANCELLED" : ""),
        instant(node.path("createdAt")), instant(node.path("updatedAt")),
        total.path("currencyCode").asText(null), decimal(total.path("amount")), lines);
  }

  static Order.Status status(String financial, String fulfillment, boolean cancelled) {
    if (cancelled || "VOIDED".equals(financial)) {
      return Order.Status.CANCELLED;
    }
    if ("REFUNDED".equals(financial)) {
      return Order.Status.REFUNDED;
    }
    if ("FULFILLED".equals(fulfillment)) {
      return Order.Status.SHIPPED;
    }
    if ("PARTIALLY_FULFILLED".equals(fulfillment)) {
      return Order.Status.PARTIALLY_SHIPPED;
    }
    return PAID.contains(financial) ? Order.Status.PAID : Order.Status.PENDING;
  }

  /** Order lines from a {@code lineItems.nodes} array. */
  static List<Order.Line> lines(JsonNode nodes) {
    List<Order.Line> lines = new ArrayList<>();
    for (JsonNode line : nodes) {
      JsonNode unitPrice = line.path("originalUnitPriceSet").path("shopMoney").path("amount");
      lines.add(new Order.Line(line.path("sku").asText(null), line.path("title").asText(null),
          line.path("quantity").asInt(), decimal(unitPrice)));
    }
    return lines;
  }

  private static Instant instant(JsonNode node) {
    return node.isTextual() ? Instant.parse(node.asText()) : null;
  }

  private static BigDecimal decimal(JsonNode node) {
    return node.isTextual() || node.isNumber() ? new BigDecimal(node.asText()) : null;
  }
}
