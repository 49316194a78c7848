package io.syncfleet.adapters.bigcommerce;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.syncfleet.adapters.BatchLimits;
import io.syncfleet.adapters.BatchResult;
import io.syncfleet.adapters.Capabilities;
import io.syncfleet.adapters.Health;
import io.syncfleet.adapters.ItemOutcome;
import io.syncfleet.adapters.MarketplaceAdapter;
import io.syncfleet.adapters.Order;
import io.syncfleet.adapters.OrderCursor;
import io.syncfleet.adapters.OrderPage;
import io.syncfleet.adapters.Violation;
import io.syncfleet.adapters.failure.AuthenticationFailure;
import io.syncfleet.adapters.failure.PermanentFailure;
import io.syncfleet.adapters.http.HttpResult;
import io.syncfleet.adapters.http.ItemCalls;
import io.syncfleet.adapters.http.MarketplaceHttp;
import io.syncfleet.producer.Json;
import io.syncfleet.producer.connection.Connection;
import io.syncfleet.producer.job.Channels;
import io.syncfleet.producer.job.Item;
import io.syncfleet.producer.job.Listing;
import io.syncfleet.producer.job.Operation;
import io.syncfleet.producer.job.PriceChange;
import io.syncfleet.producer.job.SkuRef;
import io.syncfleet.producer.job.StockLevel;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import okhttp3.HttpUrl;
import okhttp3.Request;

/**
 * BigCommerce through its v3 catalog and inventory APIs and v2 orders, with a store-level API
 * account's token. Listings are products (a variant group is one product with a variant per
 * listing, see {@link BigCommerceProducts}), stock is set with absolute inventory adjustments by
 * SKU and location, prices through the variants batch, and orders are read by
 * {@code date_modified}. Batches BigCommerce applies all or nothing are split to find refused items
 * ({@link BigCommerceBisect}).
 */
public final class BigCommerceAdapter implements MarketplaceAdapter {
  /** Item outcome code of a listing that breaks one of {@link #validate}'s rules. */
  public static final String INVALID_LISTING = "INVALID_LISTING";
  /** Item outcome code of a SKU the store has no product or variant for. */
  public static final String SKU_NOT_FOUND = "SKU_NOT_FOUND";
  /** Item outcome code of a stock level whose location is not a BigCommerce location id. */
  public static final String INVALID_LOCATION = "INVALID_LOCATION";
  /** Item outcome code of a price below zero. */
  public static final String INVALID_PRICE = "INVALID_PRICE";

  private static final Capabilities CAPABILITIES = new Capabilities(Channels.BIGCOMMERCE, BigCommerceApi.RATE_PLANS);
  private static final DateTimeFormatter ISO_UTC =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'+00:00'").withZone(ZoneOffset.UTC);

  private final BigCommerceAuth auth;
  private final BigCommerceSkus skus;
  private final BigCommerceProducts products;
  private final Clock clock;

  public BigCommerceAdapter(MarketplaceHttp http) {
    this.auth = new BigCommerceAuth(http);
    this.skus = new BigCommerceSkus(auth);
    this.products = new BigCommerceProducts(auth, skus);
    this.clock = http.clock();
  }

  @Override
  public String channel() {
    return Channels.BIGCOMMERCE.id();
  }

  @Override
  public Capabilities capabilities() {
    return CAPABILITIES;
  }

  @Override
  public List<Violation> validate(Listing listing) {
    return BigCommerceRules.check(listing);
  }

  /**
   * Looks the batch's products up in one call, saves each product (created with its variants, or
   * updated), then sets the saved listings' quantities at the connection's location in one call.
   */
  @Override
  public BatchResult upsertListings(Connection c, List<Listing> items) {
    BatchLimits.require(Channels.BIGCOMMERCE, Operation.UPSERT_LISTINGS, items.size());
    BigCommerceSettings s = BigCommerceSettings.of(c);
    ItemOutcome[] out = new ItemOutcome[items.size()];
    Map<String, BigCommerceProducts.Product> byProduct = new LinkedHashMap<>();
    for (int i = 0; i < items.size(); i++) {
      Listing l = items.get(i);
      List<Violation> violations = BigCommerceRules.check(l);
      if (!violations.isEmpty()) {
        out[i] = ItemOutcome.failed(l.sku(), INVALID_LISTING,
            violations.stream().map(Violation::toString).collect(Collectors.joining("; ")));
        continue;
      }
      String productSku = l.group() != null ? l.group() : l.sku();
      byProduct.computeIfAbsent(productSku, k -> new BigCommerceProducts.Product(k, l.group() != null,
          new LinkedHashMap<>())).listings().put(i, l);
    }
    if (byProduct.isEmpty()) {
      return new BatchResult(List.of(out));
    }
    Map<String, JsonNode> existing = products.existing(c, s, new ArrayList<>(byProduct.keySet()));
    ItemCalls calls = new ItemCalls();
    for (BigCommerceProducts.Product p : byProduct.values()) {
      products.save(c, s, p, existing.get(p.sku()), calls, out);
    }
    List<Integer> stocked = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      if (out[i].status() == ItemOutcome.Status.DONE && items.get(i).quantity() != null) {
        stocked.add(i);
      }
    }
    if (!stocked.isEmpty()) {
      long location = Long.parseLong(s.locationId());
      ItemOutcome[] quantities = new ItemOutcome[stocked.size()];
      // One more call of the batch: after a throttle it is not made, and its failure is each item's.
      ItemOutcome whole = calls.run(null, () -> {
        ItemOutcome[] set = BigCommerceBisect.run(stocked.size(), k -> items.get(stocked.get(k)).sku(),
            indexes -> adjust(c, s, indexes.stream().map(k -> BigCommerceMapper.inventoryItem(
                items.get(stocked.get(k)).sku(), location, items.get(stocked.get(k)).quantity())).toList()));
        System.arraycopy(set, 0, quantities, 0, set.length);
        return ItemOutcome.done(null);
      });
      for (int k = 0; k < stocked.size(); k++) {
        int i = stocked.get(k);
        ItemOutcome step = quantities[k] != null ? quantities[k] : whole;
        if (step.status() != ItemOutcome.Status.DONE) {
          out[i] = new ItemOutcome(out[i].sku(), step.status(), step.code(),
              "saved, but its quantity was not: " + step.message(), step.retryAfter());
        }
      }
    }
    return new BatchResult(List.of(out));
  }

  /**
   * Sets each quantity with one absolute adjustment by SKU at the level's location (a BigCommerce
   * location id; the connection's {@code location_id}, else 1, when it names none). BigCommerce
   * applies the adjustment all or nothing, so a refusal is split to find the refused SKUs.
   */
  @Override
  public BatchResult updateStock(Connection c, List<StockLevel> items) {
    BatchLimits.require(Channels.BIGCOMMERCE, Operation.UPDATE_STOCK, items.size());
    BigCommerceSettings s = BigCommerceSettings.of(c);
    ItemOutcome[] out = new ItemOutcome[items.size()];
    List<Integer> sent = new ArrayList<>();
    List<ObjectNode> entries = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      StockLevel level = items.get(i);
      String location = level.location() == null || level.location().isBlank() ? s.locationId() : level.location().trim();
      if (!location.matches("\\d+")) {
        out[i] = ItemOutcome.failed(level.sku(), INVALID_LOCATION, "a BigCommerce location id is a number, got '"
            + location + "'");
        continue;
      }
      sent.add(i);
      entries.add(BigCommerceMapper.inventoryItem(level.sku(), Long.parseLong(location), level.quantity()));
    }
    if (!sent.isEmpty()) {
      ItemOutcome[] set = BigCommerceBisect.run(sent.size(), k -> items.get(sent.get(k)).sku(),
          indexes -> adjust(c, s, indexes.stream().map(entries::get).toList()));
      for (int k = 0; k < sent.size(); k++) {
        out[sent.get(k)] = set[k];
      }
    }
    return new BatchResult(List.of(out));
  }

  private HttpResult adjust(Connection c, BigCommerceSettings s, List<ObjectNode> entries) {
    ObjectNode body = Json.MAPPER.createObjectNode().put("reason", BigCommerceApi.ADJUSTMENT_REASON);
    body.putArray("items").addAll(entries);
    return auth.send(c, new Request.Builder().url(s.v3(BigCommerceApi.INVENTORY_ABSOLUTE).build())
        .put(MarketplaceHttp.json(body)).build());
  }

  /**
   * Finds each SKU's variant, then sets the prices in one variants batch; the compare-at price is
   * the retail price BigCommerce shows struck through. A SKU BigCommerce refused is looked up
   * afresh next time.
   */
  @Override
  public BatchResult updatePrices(Connection c, List<PriceChange> items) {
    BatchLimits.require(Channels.BIGCOMMERCE, Operation.UPDATE_PRICES, items.size());
    BigCommerceSettings s = BigCommerceSettings.of(c);
    ItemOutcome[] out = new ItemOutcome[items.size()];
    Map<String, BigCommerceSkus.Ref> found = skus.find(c, s, skuSet(items));
    List<Integer> sent = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      PriceChange change = items.get(i);
      if (change.amount() == null || change.amount().compareTo(BigDecimal.ZERO) < 0) {
        out[i] = ItemOutcome.failed(change.sku(), INVALID_PRICE, "a price of zero or more is required");
      } else if (!found.containsKey(change.sku())) {
        out[i] = notFound(change.sku());
      } else {
        sent.add(i);
      }
    }
    if (!sent.isEmpty()) {
      ItemOutcome[] set = BigCommerceBisect.run(sent.size(), k -> items.get(sent.get(k)).sku(), indexes -> {
        ArrayNode body = Json.MAPPER.createArrayNode();
        for (int k : indexes) {
          PriceChange change = items.get(sent.get(k));
          body.add(BigCommerceMapper.priceUpdate(found.get(change.sku()).variantId(), change.amount(), change.compareAt()));
        }
        return auth.send(c, new Request.Builder().url(s.v3(BigCommerceApi.VARIANTS).build())
            .put(MarketplaceHttp.json(body)).build());
      });
      for (int k = 0; k < sent.size(); k++) {
        out[sent.get(k)] = set[k];
        if (set[k].status() != ItemOutcome.Status.DONE) {
          skus.forget(c, set[k].sku());
        }
      }
    }
    return new BatchResult(List.of(out));
  }

  /**
   * Deletes the products whose own SKU is asked for in one call, and every other SKU's variant on
   * its own. A SKU the store does not have is done.
   */
  @Override
  public BatchResult deleteListings(Connection c, List<SkuRef> items) {
    BatchLimits.require(Channels.BIGCOMMERCE, Operation.DELETE_LISTINGS, items.size());
    BigCommerceSettings s = BigCommerceSettings.of(c);
    ItemOutcome[] out = new ItemOutcome[items.size()];
    Map<String, BigCommerceSkus.Ref> found = skus.find(c, s, skuSet(items));
    ItemCalls calls = new ItemCalls();
    Set<Long> productIds = new LinkedHashSet<>();
    List<Integer> whole = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      String sku = items.get(i).sku();
      BigCommerceSkus.Ref ref = found.get(sku);
      if (ref == null) {
        out[i] = ItemOutcome.done(sku);
      } else if (ref.base()) {
        productIds.add(ref.productId());
        whole.add(i);
      } else {
        out[i] = calls.run(sku, () -> {
          HttpResult r = auth.send(c, new Request.Builder().url(s.v3(BigCommerceApi.PRODUCTS)
              .addPathSegment(String.valueOf(ref.productId())).addPathSegment(BigCommerceApi.VARIANTS_OF_PRODUCT)
              .addPathSegment(String.valueOf(ref.variantId())).build()).delete().build());
          if (r.status() != 404) {
            r.requireSuccess();
          }
          return ItemOutcome.done(sku);
        });
      }
    }
    if (!productIds.isEmpty()) {
      ItemOutcome deleted = calls.run(null, () -> {
        HttpUrl url = s.v3(BigCommerceApi.PRODUCTS).addQueryParameter("id:in",
            productIds.stream().map(String::valueOf).collect(Collectors.joining(","))).build();
        auth.send(c, new Request.Builder().url(url).delete().build()).requireSuccess();
        return ItemOutcome.done(null);
      });
      for (int i : whole) {
        out[i] = new ItemOutcome(items.get(i).sku(), deleted.status(), deleted.code(), deleted.message(),
            deleted.retryAfter());
      }
    }
    for (int i = 0; i < items.size(); i++) {
      if (out[i].status() == ItemOutcome.Status.DONE) {
        skus.forget(c, items.get(i).sku());
      }
    }
    return new BatchResult(List.of(out));
  }

  /** One page of v2 orders changed since the cursor, oldest change first, with their lines. */
  @Override
  public OrderPage fetchOrders(Connection c, OrderCursor since) {
    BigCommerceSettings s = BigCommerceSettings.of(c);
    BigCommerceOrderCursor cursor = BigCommerceOrderCursor.parse(since, clock);
    HttpUrl url = s.v2(BigCommerceApi.ORDERS)
        .addQueryParameter("min_date_modified", ISO_UTC.format(cursor.since()))
        .addQueryParameter("sort", "date_modified:asc")
        .addQueryParameter("limit", String.valueOf(BigCommerceApi.ORDER_PAGE_SIZE))
        .addQueryParameter("page", String.valueOf(cursor.page()))
        .addQueryParameter("include", "consignments.line_items")
        .addQueryParameter("consignment_structure", "object")
        .build();
    HttpResult r = auth.send(c, new Request.Builder().url(url).get().build()).requireSuccess();
    List<Order> orders = new ArrayList<>();
    Instant last = null;
    // v2 answers 204 without a body when nothing matches (see BigCommerceApi.ORDERS).
    if (r.status() != 204 && r.bodyBytes().length > 0) {
      for (JsonNode node : r.json()) {
        Order order = BigCommerceMapper.order(node);
        orders.add(order);
        if (order.updatedAt() != null && (last == null || order.updatedAt().isAfter(last))) {
          last = order.updatedAt();
        }
      }
    }
    boolean more = orders.size() >= BigCommerceApi.ORDER_PAGE_SIZE;
    return new OrderPage(orders, (more ? cursor.next(last) : cursor.finish(last)).encode(), more);
  }

  /** Reads the store's profile: its name is the account. */
  @Override
  public Health testConnection(Connection c) {
    try {
      BigCommerceSettings s = BigCommerceSettings.of(c);
      JsonNode store = auth.send(c, new Request.Builder().url(s.v2(BigCommerceApi.STORE).build()).get().build())
          .requireSuccess().json();
      return Health.ok(store.path("name").asText(store.path("domain").asText("")));
    } catch (AuthenticationFailure e) {
      return Health.failed("BigCommerce refused the access token (" + e.getMessage() + "). Check the store hash "
          + "and that the store-level API account still exists with the scopes Products (modify), Store Inventory "
          + "(modify), Orders (read-only) and Information & Settings (read-only)");
    } catch (PermanentFailure e) {
      return Health.failed("BigCommerce connection does not work: " + e.getMessage());
    }
  }

  private static ItemOutcome notFound(String sku) {
    return ItemOutcome.failed(sku, SKU_NOT_FOUND, "no product or variant in the store has SKU '" + sku + "'");
  }

  private static Set<String> skuSet(List<? extends Item> items) {
    Set<String> out = new LinkedHashSet<>();
    items.forEach(i -> out.add(i.sku()));
    return out;
  }

}
