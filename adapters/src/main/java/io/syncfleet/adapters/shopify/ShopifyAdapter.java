package io.syncfleet.adapters.shopify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.syncfleet.adapters.BatchResult;
import io.syncfleet.adapters.Capabilities;
import io.syncfleet.adapters.Health;
import io.syncfleet.adapters.MarketplaceAdapter;
import io.syncfleet.adapters.OrderCursor;
import io.syncfleet.adapters.OrderPage;
import io.syncfleet.adapters.Violation;
import io.syncfleet.adapters.failure.AuthenticationFailure;
import io.syncfleet.adapters.failure.PermanentFailure;
import io.syncfleet.adapters.failure.RateLimitedFailure;
import io.syncfleet.adapters.failure.TransientFailure;
import io.syncfleet.adapters.http.MarketplaceHttp;
import io.syncfleet.producer.Json;
import io.syncfleet.producer.connection.Connection;
import io.syncfleet.producer.job.Channels;
import io.syncfleet.producer.job.Item;
import io.syncfleet.producer.job.Listing;
import io.syncfleet.producer.job.PriceChange;
import io.syncfleet.producer.job.SkuRef;
import io.syncfleet.producer.job.StockLevel;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Shopify through the Admin GraphQL API. Connection: secret {@value #ACCESS_TOKEN} (and
 * {@value #WEBHOOK_SECRET} for webhooks); settings {@value #SHOP} (e.g. {@code acme.myshopify.com})
 * and optionally {@value #LOCATION_ID}, the location stock is set at when a job names none. A stock
 * level's own location, when given, is a Shopify location id or GID.
 *
 * <p>Every batch operation first finds the batch's SKUs in the shop with one search, since Shopify
 * addresses variants by id; a SKU the shop lacks fails with {@value #SKU_NOT_FOUND} (a delete of it
 * is done). Calls go one per product where Shopify saves per product; when one fails for a passing
 * reason after others succeeded, the rest of the batch comes back as RETRY rather than redoing what
 * is done. Upserts are {@link ShopifyProductUpsert}, order pulls {@link ShopifyOrders}.
 */
public final class ShopifyAdapter implements MarketplaceAdapter {
  /** Setting: the shop's domain. */
  public static final String SHOP = "shop";
  /** Setting: the default location's id or GID. */
  public static final String LOCATION_ID = "location_id";
  /** Secret: the Admin API access token. */
  public static final String ACCESS_TOKEN = "access_token";
  /** Secret: the app's client secret, which signs webhooks. */
  public static final String WEBHOOK_SECRET = "webhook_secret";
  /** Secret: the client secret before the last rotation, accepted until it is removed. */
  public static final String PREVIOUS_WEBHOOK_SECRET = "webhook_secret_previous";

  /** Item outcome code for a SKU no variant in the shop carries. */
  public static final String SKU_NOT_FOUND = "SKU_NOT_FOUND";
  /** Item outcome code for a listing that breaks one of {@link #validate}'s rules. */
  public static final String INVALID_LISTING = "INVALID_LISTING";
  /** Item outcome code for a product that would exceed Shopify's variant limit. */
  public static final String TOO_MANY_VARIANTS = "TOO_MANY_VARIANTS";

  private static final Capabilities CAPABILITIES = new Capabilities(Channels.SHOPIFY, ShopifyApi.ratePlans());

  private final ShopifyGraphql graphql;
  private final ShopifyVariantLookup variants;
  private final ShopifyLocations locations;
  private final ShopifyProductUpsert products;
  private final ShopifyOrders orders;

  public ShopifyAdapter(MarketplaceHttp http) {
    this.graphql = new ShopifyGraphql(http);
    this.variants = new ShopifyVariantLookup(graphql);
    this.locations = new ShopifyLocations(graphql);
    this.products = new ShopifyProductUpsert(graphql, variants, locations);
    this.orders = new ShopifyOrders(graphql);
  }

  @Override
  public String channel() {
    return Channels.SHOPIFY.id();
  }

  @Override
  public Capabilities capabilities() {
    return CAPABILITIES;
  }

  @Override
  public List<Violation> validate(Listing listing) {
    List<Violation> violations = new ArrayList<>();
    if (listing.title() == null || listing.title().isBlank()) {
      violations.add(new Violation("title", "required", "a Shopify product needs a title"));
    } else if (listing.title().length() > ShopifyApi.MAX_TITLE_LENGTH) {
      violations.add(new Violation("title", "max_length", "is " + listing.title().length()
          + " characters; Shopify allows " + ShopifyApi.MAX_TITLE_LENGTH));
    }
    if (listing.sku() != null && listing.sku().length() > ShopifyApi.MAX_SKU_LENGTH) {
      violations.add(new Violation("sku", "max_length", "is " + listing.sku().length()
          + " characters; Shopify allows " + ShopifyApi.MAX_SKU_LENGTH));
    }
    if (listing.options().size() > ShopifyApi.MAX_OPTIONS) {
      violations.add(new Violation("options", "max_options", "has " + listing.options().size()
          + " options (" + String.join(", ", listing.options().keySet()) + "); a Shopify product has at most "
          + ShopifyApi.MAX_OPTIONS));
    }
    for (String url : listing.imageUrls()) {
      if (!isHttpUrl(url)) {
        violations.add(new Violation("imageUrls", "http_url", "'" + url + "' is not an http(s) URL"));
      }
    }
    return violations;
  }

  private static boolean isHttpUrl(String url) {
    try {
      URI uri = new URI(url);
      return ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
          && uri.getHost() != null;
    } catch (URISyntaxException e) {
      return false;
    }
  }

  /** One {@code productSet} per product; listings sharing a {@code group} are its variants. */
  @Override
  public BatchResult upsertListings(Connection connection, List<Listing> items) {
    return products.upsert(connection, items, this::validate);
  }

  /** One {@code inventorySetQuantities} for the batch. */
  @Override
  public BatchResult updateStock(Connection connection, List<StockLevel> items) {
    BatchOutcomes out = new BatchOutcomes(items);
    Map<String, List<ShopifyVariant>> found = variants.bySku(connection, skus(items));
    String defaultLocation = items.stream().anyMatch(s -> s.location() == null || s.location().isBlank())
        ? locations.defaultLocation(connection) : null;
    List<ShopifyListMutation.Entry> entries = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      StockLevel level = items.get(i);
      String locationId = level.location() == null || level.location().isBlank()
          ? defaultLocation : ShopifyMapper.gid("Location", level.location().trim());
      for (ShopifyVariant v : carriers(found, level, i, out)) {
        ObjectNode quantity = Json.MAPPER.createObjectNode()
            .put("inventoryItemId", v.inventoryItemId())
            .put("locationId", locationId)
            .put("quantity", level.quantity());
        // Required since 2026-04; null says this system is the source of truth, no compare-and-swap [V].
        quantity.putNull("changeFromQuantity");
        entries.add(new ShopifyListMutation.Entry(quantity, List.of(i)));
      }
    }
    try {
      ShopifyListMutation.run(entries, "quantities", inputs -> setQuantities(connection, inputs), out);
    } catch (PermanentFailure e) {
      entries.forEach(entry -> entry.owners().forEach(i -> out.failed(i, e.code(), e.getMessage())));
    } catch (RateLimitedFailure | TransientFailure e) {
      out.interrupt(e);
    }
    return out.result();
  }

  private List<ShopifyUserError> setQuantities(Connection connection, List<ObjectNode> quantities) {
    ObjectNode variables = Json.MAPPER.createObjectNode();
    ObjectNode input = variables.putObject("input")
        .put("name", ShopifyApi.STOCK_QUANTITY_NAME)
        .put("reason", ShopifyApi.STOCK_REASON);
    input.putArray("quantities").addAll(quantities);
    // A fresh key per call: the same absolute value may rightly be set again after stock moved in between.
    variables.put("idempotencyKey", UUID.randomUUID().toString());
    return mutate(connection, ShopifyQueries.INVENTORY_SET, variables, "inventorySetQuantities");
  }

  /**
   * One {@code productVariantsBulkUpdate} per product. A missing compare-at price clears Shopify's:
   * the change states the whole price, and a stale struck-through price would advertise a sale.
   */
  @Override
  public BatchResult updatePrices(Connection connection, List<PriceChange> items) {
    BatchOutcomes out = new BatchOutcomes(items);
    Map<String, List<ShopifyVariant>> found = variants.bySku(connection, skus(items));
    Map<String, List<ShopifyListMutation.Entry>> byProduct = new LinkedHashMap<>();
    for (int i = 0; i < items.size(); i++) {
      PriceChange change = items.get(i);
      for (ShopifyVariant v : carriers(found, change, i, out)) {
        ObjectNode variant = Json.MAPPER.createObjectNode()
            .put("id", v.id())
            .put("price", ShopifyMapper.money(change.amount()));
        if (change.compareAt() == null) {
          variant.putNull("compareAtPrice");
        } else {
          variant.put("compareAtPrice", ShopifyMapper.money(change.compareAt()));
        }
        byProduct.computeIfAbsent(v.productId(), k -> new ArrayList<>())
            .add(new ShopifyListMutation.Entry(variant, List.of(i)));
      }
    }
    for (Map.Entry<String, List<ShopifyListMutation.Entry>> product : byProduct.entrySet()) {
      try {
        ShopifyListMutation.run(product.getValue(), "variants",
            inputs -> setPrices(connection, product.getKey(), inputs), out);
      } catch (PermanentFailure e) {
        product.getValue().forEach(entry -> entry.owners().forEach(i -> out.failed(i, e.code(), e.getMessage())));
      } catch (RateLimitedFailure | TransientFailure e) {
        out.interrupt(e);
        break;
      }
    }
    return out.result();
  }

  private List<ShopifyUserError> setPrices(Connection connection, String productId, List<ObjectNode> inputs) {
    ObjectNode variables = Json.MAPPER.createObjectNode().put("productId", productId);
    variables.putArray("variants").addAll(inputs);
    return mutate(connection, ShopifyQueries.VARIANT_PRICES, variables, "productVariantsBulkUpdate");
  }

  /**
   * Deletes the SKU's variant, or its whole product when no other variant would be left (Shopify
   * keeps no product without variants). A SKU the shop does not have is done.
   */
  @Override
  public BatchResult deleteListings(Connection connection, List<SkuRef> items) {
    BatchOutcomes out = new BatchOutcomes(items);
    Map<String, List<ShopifyVariant>> found = variants.bySku(connection, skus(items));
    Map<String, Set<String>> variantIds = new LinkedHashMap<>();
    Map<String, Set<Integer>> owners = new HashMap<>();
    Map<String, Integer> variantCounts = new HashMap<>();
    for (int i = 0; i < items.size(); i++) {
      List<ShopifyVariant> carriers = found.getOrDefault(items.get(i).sku(), List.of());
      if (carriers.isEmpty()) {
        out.done(i);
      }
      for (ShopifyVariant v : carriers) {
        variantIds.computeIfAbsent(v.productId(), k -> new LinkedHashSet<>()).add(v.id());
        owners.computeIfAbsent(v.productId(), k -> new LinkedHashSet<>()).add(i);
        variantCounts.put(v.productId(), v.productVariantCount());
      }
    }
    for (Map.Entry<String, Set<String>> product : variantIds.entrySet()) {
      String productId = product.getKey();
      Set<Integer> productOwners = owners.get(productId);
      try {
        List<ShopifyUserError> errors = product.getValue().size() >= variantCounts.get(productId)
            ? deleteProduct(connection, productId)
            : deleteVariants(connection, productId, product.getValue());
        if (errors.isEmpty()) {
          productOwners.forEach(out::done);
        } else {
          productOwners.forEach(i -> out.failed(i, errors.get(0).code(), errors.get(0).describe()));
        }
      } catch (PermanentFailure e) {
        productOwners.forEach(i -> out.failed(i, e.code(), e.getMessage()));
      } catch (RateLimitedFailure | TransientFailure e) {
        out.interrupt(e);
        break;
      }
    }
    return out.result();
  }

  private List<ShopifyUserError> deleteProduct(Connection connection, String productId) {
    ObjectNode variables = Json.MAPPER.createObjectNode();
    variables.putObject("input").put("id", productId);
    return mutate(connection, ShopifyQueries.PRODUCT_DELETE, variables, "productDelete");
  }

  private List<ShopifyUserError> deleteVariants(Connection connection, String productId, Set<String> ids) {
    ObjectNode variables = Json.MAPPER.createObjectNode().put("productId", productId);
    ArrayNode idNodes = variables.putArray("variantsIds");
    ids.forEach(idNodes::add);
    return mutate(connection, ShopifyQueries.VARIANTS_DELETE, variables, "productVariantsBulkDelete");
  }

  /** Runs {@code mutation} and returns the {@code userErrors} of its {@code field} payload. */
  private List<ShopifyUserError> mutate(Connection connection, String mutation, ObjectNode variables, String field) {
    return ShopifyUserError.list(graphql.execute(connection, mutation, variables).path(field).path("userErrors"));
  }

  /** Orders by {@code updated_at}, oldest change first, one page per call. */
  @Override
  public OrderPage fetchOrders(Connection connection, OrderCursor since) {
    return orders.page(connection, since);
  }

  @Override
  public Health testConnection(Connection connection) {
    try {
      JsonNode shop = graphql.execute(connection, ShopifyQueries.SHOP_INFO, Json.MAPPER.createObjectNode())
          .path("shop");
      return Health.ok(shop.path("name").asText(shop.path("myshopifyDomain").asText("")));
    } catch (AuthenticationFailure e) {
      return Health.failed(e.getMessage());
    }
  }

  /** The variants carrying the item's SKU; fails the item when there are none. */
  private static List<ShopifyVariant> carriers(Map<String, List<ShopifyVariant>> found, Item item, int index,
      BatchOutcomes out) {
    List<ShopifyVariant> carriers = found.getOrDefault(item.sku(), List.of());
    if (carriers.isEmpty()) {
      out.failed(index, SKU_NOT_FOUND, "no variant in the shop has SKU '" + item.sku() + "'");
    }
    return carriers;
  }

  private static Set<String> skus(List<? extends Item> items) {
    Set<String> skus = new LinkedHashSet<>();
    items.forEach(i -> skus.add(i.sku()));
    return skus;
  }
}
