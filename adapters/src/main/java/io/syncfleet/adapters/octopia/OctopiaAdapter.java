package io.syncfleet.adapters.octopia;

import com.fasterxml.jackson.databind.JsonNode;
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
import io.syncfleet.adapters.http.AccessTokenCache;
import io.syncfleet.adapters.http.MarketplaceHttp;
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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import okhttp3.HttpUrl;
import okhttp3.Request;

/**
 * Cdiscount and the other Octopia sales channels through the Octopia Seller API v2. Listings, stock,
 * prices and deletes are offer packages Octopia integrates asynchronously ({@link OctopiaPackages}):
 * full offers in Upsert packages, quantities and prices in Update packages, deletes in Delete
 * packages. Orders are paged by updatedAt; the connection test reads the seller's information.
 *
 * <p>Connection: secrets {@value OctopiaApi#CLIENT_ID} and {@value OctopiaApi#CLIENT_SECRET}; settings
 * {@value OctopiaApi#SELLER_ID} (required), {@value OctopiaApi#VAT_RATE},
 * {@value OctopiaApi#DELIVERY_MODES} and {@value OctopiaApi#PREPARATION_TIME} (full offers),
 * {@value OctopiaApi#SALES_CHANNEL_ID}, {@value OctopiaApi#CURRENCY}, {@value OctopiaApi#AUTH_URL}.
 */
public final class OctopiaAdapter implements MarketplaceAdapter {
  private static final Capabilities CAPABILITIES = new Capabilities(Channels.OCTOPIA, OctopiaApi.RATE_PLANS);

  private final OctopiaAuth auth;
  private final OctopiaPackages packages;
  private final Clock clock;

  public OctopiaAdapter(MarketplaceHttp http, AccessTokenCache tokens) {
    this.auth = new OctopiaAuth(http, tokens);
    this.clock = http.clock();
    this.packages = new OctopiaPackages(auth, clock);
  }

  @Override
  public String channel() {
    return Channels.OCTOPIA.id();
  }

  @Override
  public Capabilities capabilities() {
    return CAPABILITIES;
  }

  @Override
  public List<Violation> validate(Listing listing) {
    return OctopiaRules.check(listing);
  }

  /** Full offers in an Upsert package; the offer terms come from the connection's settings. */
  @Override
  public BatchResult upsertListings(Connection c, List<Listing> items) {
    BatchLimits.require(Channels.OCTOPIA, Operation.UPSERT_LISTINGS, items.size());
    OctopiaSettings s = OctopiaSettings.of(c);
    BigDecimal vat = s.vatRate();
    int preparation = s.preparationTime();
    List<OctopiaSettings.DeliveryMode> modes = s.deliveryModes();
    return integrate(s, items, OctopiaApi.UPSERT, l -> OctopiaRules.checkOffer(l, s),
        l -> OctopiaMapper.fullOffer(l, vat, preparation, modes));
  }

  /** Quantities in an Update package. */
  @Override
  public BatchResult updateStock(Connection c, List<StockLevel> items) {
    BatchLimits.require(Channels.OCTOPIA, Operation.UPDATE_STOCK, items.size());
    return integrate(OctopiaSettings.of(c), items, OctopiaApi.UPDATE, OctopiaAdapter::stockRules,
        OctopiaMapper::stock);
  }

  /** Prices with their VAT in an Update package. */
  @Override
  public BatchResult updatePrices(Connection c, List<PriceChange> items) {
    BatchLimits.require(Channels.OCTOPIA, Operation.UPDATE_PRICES, items.size());
    OctopiaSettings s = OctopiaSettings.of(c);
    BigDecimal vat = s.vatRate();
    return integrate(s, items, OctopiaApi.UPDATE, p -> OctopiaRules.checkPrice(p, s),
        p -> OctopiaMapper.price(p, vat));
  }

  /** A Delete package. */
  @Override
  public BatchResult deleteListings(Connection c, List<SkuRef> items) {
    BatchLimits.require(Channels.OCTOPIA, Operation.DELETE_LISTINGS, items.size());
    return integrate(OctopiaSettings.of(c), items, OctopiaApi.DELETE, r -> OctopiaRules.checkSku(r.sku()),
        r -> OctopiaMapper.delete(r.sku()));
  }

  private <T extends Item> BatchResult integrate(OctopiaSettings s, List<T> items, String type,
      Function<T, List<Violation>> rules, Function<T, ObjectNode> request) {
    Map<String, ItemOutcome> refused = new HashMap<>();
    Map<String, ObjectNode> requests = new LinkedHashMap<>();
    for (T item : items) {
      List<Violation> violations = rules.apply(item);
      // A SKU's last item in the batch decides what is sent for it.
      requests.remove(item.sku());
      if (violations.isEmpty()) {
        requests.put(item.sku(), request.apply(item));
        refused.remove(item.sku());
      } else {
        refused.put(item.sku(), ItemOutcome.failed(item.sku(), violations.get(0).rule(),
            violations.stream().map(Violation::toString).collect(Collectors.joining("; "))));
      }
    }
    Map<String, ItemOutcome> sent = requests.isEmpty() ? Map.of() : packages.run(s, type, requests);
    List<ItemOutcome> out = new ArrayList<>(items.size());
    for (T item : items) {
      ItemOutcome o = sent.get(item.sku());
      out.add(o != null ? o : refused.get(item.sku()));
    }
    return new BatchResult(out);
  }

  private static List<Violation> stockRules(StockLevel level) {
    List<Violation> out = OctopiaRules.checkSku(level.sku());
    if (level.quantity() == null || level.quantity() < 0) {
      out.add(new Violation("quantity", "min", "a quantity of zero or more is required"));
    }
    return out;
  }

  /** One page of orders updated since the cursor; see {@link OctopiaOrderCursor} for its encoding. */
  @Override
  public OrderPage fetchOrders(Connection c, OrderCursor since) {
    OctopiaSettings s = OctopiaSettings.of(c);
    OctopiaOrderCursor cursor = OctopiaOrderCursor.parse(since, clock);
    HttpUrl url = s.url(OctopiaApi.ORDERS).newBuilder()
        .addQueryParameter("updatedAtMin", cursor.queryFrom().toString())
        .addQueryParameter("sort", "updatedAt")
        .addQueryParameter("desc", "false")
        .addQueryParameter("pageIndex", String.valueOf(cursor.page()))
        .addQueryParameter("pageSize", String.valueOf(OctopiaApi.ORDER_PAGE_SIZE))
        .build();
    JsonNode body = auth.send(s, new Request.Builder().url(url).get().build()).requireSuccess().json();
    JsonNode list = body.isArray() ? body : body.has("items") ? body.path("items") : body.path("orders");
    List<Order> orders = new ArrayList<>();
    Instant latest = null;
    for (JsonNode node : list) {
      Order order = OctopiaMapper.order(node);
      orders.add(order);
      if (order.updatedAt() != null && (latest == null || order.updatedAt().isAfter(latest))) {
        latest = order.updatedAt();
      }
    }
    boolean more = orders.size() >= OctopiaApi.ORDER_PAGE_SIZE;
    OctopiaOrderCursor next = more ? cursor.afterFullPage(latest) : cursor.afterLastPage(latest);
    return new OrderPage(orders, next.encode(), more);
  }

  /** Mints a token and reads the seller's information, proving both the client and the seller id. */
  @Override
  public Health testConnection(Connection c) {
    try {
      OctopiaSettings s = OctopiaSettings.of(c);
      JsonNode seller = auth.send(s, new Request.Builder().url(s.url(OctopiaApi.SELLERS)).get().build())
          .requireSuccess().json();
      JsonNode info = seller.isArray() && !seller.isEmpty() ? seller.get(0) : seller;
      String name = null;
      for (String field : new String[] {"shopName", "name", "sellerName"}) {
        if (name == null) {
          name = OctopiaErrors.text(info, field);
        }
      }
      return Health.ok(name != null ? name + " (" + s.sellerId() + ")" : s.sellerId());
    } catch (AuthenticationFailure | PermanentFailure e) {
      return Health.failed("Octopia connection does not work: " + e.getMessage());
    }
  }

}
