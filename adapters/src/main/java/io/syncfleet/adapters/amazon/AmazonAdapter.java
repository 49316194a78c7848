package io.syncfleet.adapters.amazon;

import static io.syncfleet.adapters.amazon.AmazonErrors.text;

import com.fasterxml.jackson.databind.JsonNode;
import io.syncfleet.adapters.BatchResult;
import io.syncfleet.adapters.Capabilities;
import io.syncfleet.adapters.Health;
import io.syncfleet.adapters.ItemOutcome;
import io.syncfleet.adapters.MarketplaceAdapter;
import io.syncfleet.adapters.OrderCursor;
import io.syncfleet.adapters.OrderPage;
import io.syncfleet.adapters.Violation;
import io.syncfleet.adapters.failure.AuthenticationFailure;
import io.syncfleet.adapters.failure.PermanentFailure;
import io.syncfleet.adapters.http.AccessTokenCache;
import io.syncfleet.adapters.http.MarketplaceHttp;
import io.syncfleet.producer.connection.Connection;
import io.syncfleet.producer.job.Channels;
import io.syncfleet.producer.job.Listing;
import io.syncfleet.producer.job.Operation;
import io.syncfleet.producer.job.PriceChange;
import io.syncfleet.producer.job.SkuRef;
import io.syncfleet.producer.job.StockLevel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import okhttp3.Request;

/**
 * Amazon through the Selling Partner API: listings through the Listings Items API (one call per SKU)
 * or, for larger batches, the JSON listings feed; stock and prices as Listings Items patches; orders
 * through Orders API v0. The connection names the seller, the marketplace and the selling region.
 */
public final class AmazonAdapter implements MarketplaceAdapter {
  private static final Capabilities CAPABILITIES = new Capabilities(Channels.AMAZON, AmazonApi.RATE_PLANS);

  private final AmazonAuth auth;
  private final AmazonListingsItems items;
  private final AmazonFeeds feeds;
  private final AmazonOrders orders;

  public AmazonAdapter(MarketplaceHttp http, AccessTokenCache tokens) {
    this.auth = new AmazonAuth(http, tokens);
    this.items = new AmazonListingsItems(auth);
    this.feeds = new AmazonFeeds(auth, http.clock());
    this.orders = new AmazonOrders(auth, http.clock());
  }

  @Override
  public String channel() {
    return Channels.AMAZON.id();
  }

  @Override
  public Capabilities capabilities() {
    return CAPABILITIES;
  }

  @Override
  public List<Violation> validate(Listing listing) {
    return AmazonRules.check(listing);
  }

  /**
   * Replaces each listing whole. Up to {@value AmazonApi#SINGLE_ITEM_UPSERT_MAX} go one PUT each and
   * are done when Amazon accepts them; more go as one JSON listings feed, whose items come back RETRY
   * until Amazon has processed it (see {@link AmazonFeeds}). Items breaking {@link #validate} rules or
   * lacking a product type are not sent.
   */
  @Override
  public BatchResult upsertListings(Connection c, List<Listing> listings) {
    checkBatch(Operation.UPSERT_LISTINGS, listings.size(), AmazonApi.UPSERT_BATCH);
    AmazonSettings s = AmazonSettings.of(c);
    Map<String, ItemOutcome> refused = new HashMap<>();
    List<Listing> send = new ArrayList<>();
    for (Listing l : listings) {
      List<Violation> violations = AmazonRules.check(l);
      if (violations.isEmpty() && AmazonMapper.productType(l, s) == null) {
        violations = List.of(new Violation("categoryId", "required", "an Amazon product type is required: set the "
            + "listing's categoryId or the connection's " + AmazonApi.PRODUCT_TYPE + " setting"));
      }
      if (violations.isEmpty()) {
        send.add(l);
      } else {
        refused.put(l.sku(), ItemOutcome.failed(l.sku(), violations.get(0).rule(),
            violations.stream().map(Violation::toString).collect(Collectors.joining("; "))));
      }
    }
    List<ItemOutcome> sent = send.isEmpty() ? List.of()
        : send.size() <= AmazonApi.SINGLE_ITEM_UPSERT_MAX
            ? items.send(c, s, send, Listing::sku, "PUT", l -> AmazonMapper.putBody(l, s))
            : feeds.upsert(c, s, send);
    Map<String, ItemOutcome> bySku = new HashMap<>(refused);
    sent.forEach(o -> bySku.put(o.sku(), o));
    return new BatchResult(listings.stream().map(l -> bySku.get(l.sku())).toList());
  }

  /**
   * Sets each SKU's available quantity for the connection's fulfillment channel, or for the channel a
   * stock level names as its location [U: Amazon's multi-location codes]. Amazon-fulfilled (FBA)
   * stock is Amazon's to count and cannot be set.
   */
  @Override
  public BatchResult updateStock(Connection c, List<StockLevel> stock) {
    checkBatch(Operation.UPDATE_STOCK, stock.size(), AmazonApi.ITEM_CALL_BATCH);
    AmazonSettings s = AmazonSettings.of(c);
    return new BatchResult(items.send(c, s, stock, StockLevel::sku, "PATCH", l -> AmazonMapper.stockPatch(l, s)));
  }

  /** Sets each SKU's price, with the compare-at price as Amazon's list price. */
  @Override
  public BatchResult updatePrices(Connection c, List<PriceChange> prices) {
    checkBatch(Operation.UPDATE_PRICES, prices.size(), AmazonApi.ITEM_CALL_BATCH);
    AmazonSettings s = AmazonSettings.of(c);
    return new BatchResult(items.send(c, s, prices, PriceChange::sku, "PATCH", p -> AmazonMapper.pricePatch(p, s)));
  }

  /** Deletes each SKU's listing in the connection's marketplace. */
  @Override
  public BatchResult deleteListings(Connection c, List<SkuRef> refs) {
    checkBatch(Operation.DELETE_LISTINGS, refs.size(), AmazonApi.ITEM_CALL_BATCH);
    return new BatchResult(items.delete(c, AmazonSettings.of(c), refs.stream().map(SkuRef::sku).toList()));
  }

  /** One page of orders changed since the cursor; see {@link AmazonOrderCursor} for its encoding. */
  @Override
  public OrderPage fetchOrders(Connection c, OrderCursor since) {
    return orders.page(c, AmazonSettings.of(c), since);
  }

  /**
   * Exchanges the refresh token and lists the seller's marketplace participations, the cheapest
   * authorized call; the connection works when the seller takes part in its marketplace.
   */
  @Override
  public Health testConnection(Connection c) {
    try {
      AmazonSettings s = AmazonSettings.of(c);
      JsonNode body = auth.send(c, s, new Request.Builder().url(s.url(AmazonApi.PARTICIPATIONS)).get().build())
          .requireSuccess().json();
      for (JsonNode p : body.path("payload")) {
        if (s.marketplaceId().equals(text(p.path("marketplace"), "id"))) {
          if (!p.path("participation").path("isParticipating").asBoolean(false)) {
            return Health.failed("the seller does not take part in marketplace " + s.marketplaceId());
          }
          return Health.ok(text(p, "storeName"));
        }
      }
      return Health.failed("the seller's account has no marketplace " + s.marketplaceId()
          + "; check the connection's " + AmazonApi.MARKETPLACE_ID + " and " + AmazonApi.REGION + " settings");
    } catch (AuthenticationFailure | PermanentFailure e) {
      return Health.failed("Amazon connection does not work: " + e.getMessage());
    }
  }

  private static void checkBatch(Operation op, int size, int limit) {
    if (size > limit) {
      throw new PermanentFailure("a batch of " + size + " items is over the limit of " + limit + " for Amazon "
          + op.wireName(), 0, "batch_too_large");
    }
  }
}
