package io.syncfleet.adapters.mirakl;

import static io.syncfleet.adapters.mirakl.MiraklErrors.text;

import com.fasterxml.jackson.databind.JsonNode;
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
import io.syncfleet.adapters.http.MarketplaceHttp;
import io.syncfleet.producer.connection.Connection;
import io.syncfleet.producer.job.Channels;
import io.syncfleet.producer.job.Item;
import io.syncfleet.producer.job.Listing;
import io.syncfleet.producer.job.Operation;
import io.syncfleet.producer.job.PriceChange;
import io.syncfleet.producer.job.SkuRef;
import io.syncfleet.producer.job.StockLevel;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import okhttp3.HttpUrl;
import okhttp3.Request;

/**
 * A shop on a Mirakl-run marketplace, through the seller (shop) API of the operator's own instance.
 * Listings, stock, prices and deletes are offer import files (OF01) that Mirakl processes
 * asynchronously: the first call uploads, the worker's reruns follow the import up, and the error
 * report gives each refused line with Mirakl's message ({@link MiraklImports}). Listings are complete
 * offers (fields an import leaves out are reset); stock and prices change only their own columns.
 * Orders come from OR11, the connection test from A01.
 *
 * <p>Connection: secret {@value MiraklApi#API_KEY}; settings {@code base_url} (the instance, required),
 * {@value MiraklApi#SHOP_ID}, {@value MiraklApi#PRODUCT_ID_TYPE_SETTING}, {@code state_code.<CONDITION>},
 * {@value MiraklApi#LEADTIME_SETTING}, {@value MiraklApi#LOGISTIC_CLASS_SETTING},
 * {@value MiraklApi#CURRENCY_SETTING}.
 */
public final class MiraklAdapter implements MarketplaceAdapter {
  private static final Capabilities CAPABILITIES = new Capabilities(Channels.MIRAKL, MiraklApi.RATE_PLANS);

  private final MiraklClient client;
  private final MiraklImports imports;
  private final Clock clock;

  public MiraklAdapter(MarketplaceHttp http) {
    this.client = new MiraklClient(http);
    this.clock = http.clock();
    this.imports = new MiraklImports(client, clock);
  }

  @Override
  public String channel() {
    return Channels.MIRAKL.id();
  }

  @Override
  public Capabilities capabilities() {
    return CAPABILITIES;
  }

  @Override
  public List<Violation> validate(Listing listing) {
    return MiraklRules.check(listing);
  }

  /** Complete offers in a NORMAL import; items breaking a rule for this connection are not sent. */
  @Override
  public BatchResult upsertListings(Connection c, List<Listing> items) {
    BatchLimits.require(Channels.MIRAKL, Operation.UPSERT_LISTINGS, items.size());
    MiraklSettings s = MiraklSettings.of(c);
    return importItems(c, s, items, MiraklOfferFile.Kind.OFFERS, l -> MiraklRules.checkOffer(l, s),
        l -> MiraklMapper.offerRow(l, s));
  }

  /** Quantities in a PARTIAL_UPDATE import; a stock level's location is not sent (one stock per offer). */
  @Override
  public BatchResult updateStock(Connection c, List<StockLevel> items) {
    BatchLimits.require(Channels.MIRAKL, Operation.UPDATE_STOCK, items.size());
    return importItems(c, MiraklSettings.of(c), items, MiraklOfferFile.Kind.STOCK, MiraklAdapter::stockRules,
        MiraklMapper::stockRow);
  }

  /** Prices (with a discount price for a compare-at) in a PARTIAL_UPDATE import. */
  @Override
  public BatchResult updatePrices(Connection c, List<PriceChange> items) {
    BatchLimits.require(Channels.MIRAKL, Operation.UPDATE_PRICES, items.size());
    MiraklSettings s = MiraklSettings.of(c);
    return importItems(c, s, items, MiraklOfferFile.Kind.PRICES, p -> MiraklRules.checkPrice(p, s),
        MiraklMapper::priceRow);
  }

  /** Deletes offers in a NORMAL import; an offer the shop no longer has counts as done. */
  @Override
  public BatchResult deleteListings(Connection c, List<SkuRef> items) {
    BatchLimits.require(Channels.MIRAKL, Operation.DELETE_LISTINGS, items.size());
    return importItems(c, MiraklSettings.of(c), items, MiraklOfferFile.Kind.DELETES, r -> List.of(),
        r -> MiraklMapper.deleteRow(r.sku()));
  }

  private <T extends Item> BatchResult importItems(Connection c, MiraklSettings s, List<T> items,
      MiraklOfferFile.Kind kind, Function<T, List<Violation>> rules, Function<T, List<String>> row) {
    Map<String, ItemOutcome> refused = new HashMap<>();
    MiraklOfferFile.Builder file = MiraklOfferFile.builder(kind);
    for (T item : items) {
      List<Violation> violations = rules.apply(item);
      if (violations.isEmpty()) {
        file.add(item.sku(), row.apply(item));
        refused.remove(item.sku());
      } else {
        file.remove(item.sku());
        refused.put(item.sku(), ItemOutcome.failed(item.sku(), violations.get(0).rule(),
            violations.stream().map(Violation::toString).collect(Collectors.joining("; "))));
      }
    }
    Map<String, ItemOutcome> sent = file.isEmpty() ? Map.of() : imports.run(c, s, file.build());
    List<ItemOutcome> out = new ArrayList<>(items.size());
    for (T item : items) {
      ItemOutcome o = sent.get(item.sku());
      out.add(o != null ? o : refused.get(item.sku()));
    }
    return new BatchResult(out);
  }

  private static List<Violation> stockRules(StockLevel level) {
    if (level.quantity() == null || level.quantity() < 0) {
      return List.of(new Violation("quantity", "min", "a quantity of zero or more is required"));
    }
    return List.of();
  }

  /** One page of orders updated since the cursor; see {@link MiraklOrderCursor} for its encoding. */
  @Override
  public OrderPage fetchOrders(Connection c, OrderCursor since) {
    MiraklSettings s = MiraklSettings.of(c);
    MiraklOrderCursor cursor = MiraklOrderCursor.parse(since, clock);
    HttpUrl url = s.url(MiraklApi.ORDERS).newBuilder()
        .addQueryParameter(MiraklApi.START_UPDATE_DATE, cursor.since().toString())
        .addQueryParameter(MiraklApi.SORT, MiraklApi.SORT_BY_CREATED)
        .addQueryParameter(MiraklApi.SORT_ORDER, MiraklApi.ASCENDING)
        .addQueryParameter(MiraklApi.PAGINATE, "true")
        .addQueryParameter(MiraklApi.MAX, String.valueOf(MiraklApi.ORDER_PAGE_SIZE))
        .addQueryParameter(MiraklApi.OFFSET, String.valueOf(cursor.offset()))
        .build();
    JsonNode body = client.send(c, new Request.Builder().url(url).get().build()).requireSuccess().json();
    List<Order> orders = new ArrayList<>();
    for (JsonNode node : body.path("orders")) {
      orders.add(MiraklMapper.order(node));
    }
    MiraklOrderCursor next = cursor.advance(orders.size());
    boolean more = orders.size() == MiraklApi.ORDER_PAGE_SIZE
        && (!body.has(MiraklApi.TOTAL_COUNT) || next.offset() < body.path(MiraklApi.TOTAL_COUNT).asInt());
    return new OrderPage(orders, (more ? next : next.finish()).encode(), more);
  }

  /** A01 shop information: proves the key and names the shop. */
  @Override
  public Health testConnection(Connection c) {
    try {
      MiraklSettings s = MiraklSettings.of(c);
      JsonNode shop = client.send(c, new Request.Builder().url(s.url(MiraklApi.ACCOUNT)).get().build())
          .requireSuccess().json();
      String name = text(shop, "shop_name");
      String id = text(shop, "shop_id");
      return Health.ok(name != null ? name + (id != null ? " (" + id + ")" : "") : id);
    } catch (AuthenticationFailure | PermanentFailure e) {
      return Health.failed("Mirakl connection does not work: " + e.getMessage());
    }
  }

}
