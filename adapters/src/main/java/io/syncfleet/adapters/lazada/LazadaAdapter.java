package io.syncfleet.adapters.lazada;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.syncfleet.adapters.BatchLimits;
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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Lazada through the Lazada Open Platform seller APIs. Connection: secrets {@value LazadaApi#APP_KEY},
 * {@value LazadaApi#APP_SECRET} (the app's), {@value LazadaApi#ACCESS_TOKEN} and
 * {@value LazadaApi#REFRESH_TOKEN_SECRET} (the seller's authorization); settings
 * {@value LazadaApi#COUNTRY} (the venture, required) and {@value LazadaApi#WAREHOUSE_CODE}.
 *
 * <p>Listings are products created or updated whole ({@link LazadaListingUpsert}); stock and prices
 * go together in one price_quantity/update per batch; deletes remove SKUs by id; orders are pulled by
 * update time ({@link LazadaOrders}). SKUs are found by {@link LazadaCatalog}.
 */
public final class LazadaAdapter implements MarketplaceAdapter {
  /** Item outcome code for a SKU Lazada does not have (yet). */
  public static final String SKU_NOT_FOUND = "SKU_NOT_FOUND";
  /** Item outcome code for a price the seller's venture cannot take. */
  public static final String INVALID_PRICE = "invalid_price";

  private static final Capabilities CAPABILITIES = new Capabilities(Channels.LAZADA, LazadaApi.RATE_PLANS);

  private final LazadaClient client;
  private final LazadaCatalog catalog;
  private final LazadaListingUpsert listings;
  private final LazadaOrders orders;

  public LazadaAdapter(MarketplaceHttp http) {
    this.client = new LazadaClient(http, new LazadaAuth(http));
    this.catalog = new LazadaCatalog(client);
    this.listings = new LazadaListingUpsert(client, catalog, new LazadaImages(client));
    this.orders = new LazadaOrders(client, http.clock());
  }

  @Override
  public String channel() {
    return Channels.LAZADA.id();
  }

  @Override
  public Capabilities capabilities() {
    return CAPABILITIES;
  }

  @Override
  public List<Violation> validate(Listing listing) {
    return LazadaRules.check(listing);
  }

  @Override
  public BatchResult upsertListings(Connection c, List<Listing> items) {
    BatchLimits.require(Channels.LAZADA, Operation.UPSERT_LISTINGS, items.size());
    return listings.upsert(c, items);
  }

  /** Absolute quantities; a stock level's location, or the connection's warehouse, is a Lazada warehouse code. */
  @Override
  public BatchResult updateStock(Connection c, List<StockLevel> items) {
    BatchLimits.require(Channels.LAZADA, Operation.UPDATE_STOCK, items.size());
    LazadaSettings s = LazadaSettings.of(c);
    return priceQuantity(c, s, items, "invalid_quantity",
        level -> level.quantity() == null || level.quantity() < 0 ? "stock must be zero or more" : null,
        (level, id) -> LazadaMapper.stock(id, level, s.warehouseCode()));
  }

  /** Prices; a compare-at price above the new one makes it a sale price ({@link LazadaMapper#price}). */
  @Override
  public BatchResult updatePrices(Connection c, List<PriceChange> items) {
    BatchLimits.require(Channels.LAZADA, Operation.UPDATE_PRICES, items.size());
    LazadaSettings s = LazadaSettings.of(c);
    return priceQuantity(c, s, items, INVALID_PRICE, change -> {
      if (change.amount() == null || change.amount().signum() <= 0) {
        return "Lazada needs a price above zero";
      }
      if (change.currency() != null && s.currency() != null && !s.currency().equalsIgnoreCase(change.currency())) {
        return "the seller sells in " + s.currency() + ", not " + change.currency();
      }
      return null;
    }, (change, id) -> LazadaMapper.price(id, change));
  }

  /**
   * One price_quantity/update for the batch [V: up to 50 SKUs, 20 recommended]. A seller SKU on
   * several products updates each of them.
   */
  private <T extends Item> BatchResult priceQuantity(Connection c, LazadaSettings s, List<T> items,
      String problemCode, Function<T, String> problem, BiFunction<T, LazadaSku, ObjectNode> entry) {
    Map<String, ItemOutcome> bySku = new HashMap<>();
    Set<String> wanted = new LinkedHashSet<>();
    for (T item : items) {
      String wrong = problem.apply(item);
      if (wrong != null) {
        bySku.put(item.sku(), ItemOutcome.failed(item.sku(), problemCode, wrong));
      } else {
        wanted.add(item.sku());
      }
    }
    Map<String, List<LazadaSku>> found = catalog.find(c, s, wanted);
    List<ObjectNode> entries = new ArrayList<>();
    List<String> sent = new ArrayList<>();
    for (T item : items) {
      if (bySku.containsKey(item.sku()) || sent.contains(item.sku())) {
        continue;
      }
      List<LazadaSku> ids = found.get(item.sku());
      if (ids == null || ids.isEmpty()) {
        // Stock and prices travel on the urgent queue and may overtake the listing's own upsert.
        bySku.put(item.sku(), ItemOutcome.retry(item.sku(), SKU_NOT_FOUND, "Lazada has no SKU '" + item.sku()
            + "' yet; its listing must be upserted first", null));
        continue;
      }
      ids.forEach(id -> entries.add(entry.apply(item, id)));
      sent.add(item.sku());
    }
    if (!sent.isEmpty()) {
      ItemCalls calls = new ItemCalls();
      calls.runAll(sent, () -> {
        LazadaReply reply = client.post(c, s, LazadaApi.PRICE_QUANTITY,
            Map.of("payload", LazadaMapper.priceQuantity(entries)));
        return reply.ok() ? sent.stream().map(ItemOutcome::done).toList()
            : LazadaErrors.outcomes(reply, sent, false);
      }).forEach(o -> bySku.put(o.sku(), o));
    }
    List<ItemOutcome> out = new ArrayList<>(items.size());
    for (T item : items) {
      ItemOutcome o = bySku.get(item.sku());
      if (o.status() != ItemOutcome.Status.DONE) {
        // A stale SKU id is one reason Lazada refuses; the next attempt looks it up again.
        catalog.forget(c, item.sku());
      }
      out.add(o);
    }
    return new BatchResult(out);
  }

  /** Removes each SKU by its Lazada SKU id [V]; a SKU Lazada does not have is done. */
  @Override
  public BatchResult deleteListings(Connection c, List<SkuRef> items) {
    BatchLimits.require(Channels.LAZADA, Operation.DELETE_LISTINGS, items.size());
    LazadaSettings s = LazadaSettings.of(c);
    Set<String> skus = new LinkedHashSet<>();
    items.forEach(ref -> skus.add(ref.sku()));
    Map<String, List<LazadaSku>> found = catalog.find(c, s, skus);
    Map<String, ItemOutcome> bySku = new HashMap<>();
    List<String> removing = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    for (String sku : skus) {
      List<LazadaSku> listed = found.getOrDefault(sku, List.of());
      if (listed.isEmpty()) {
        bySku.put(sku, ItemOutcome.done(sku));
      } else {
        removing.add(sku);
        listed.forEach(id -> ids.add(id.removeId()));
      }
    }
    if (!removing.isEmpty()) {
      new ItemCalls().runAll(removing, () -> {
        LazadaReply reply = client.post(c, s, LazadaApi.REMOVE_PRODUCT, Map.of("sku_id_list", json(ids)));
        if (!reply.ok()) {
          return LazadaErrors.outcomes(reply, removing, false);
        }
        removing.forEach(sku -> catalog.forget(c, sku));
        return removing.stream().map(ItemOutcome::done).toList();
      }).forEach(o -> bySku.put(o.sku(), o));
    }
    return new BatchResult(items.stream().map(ref -> bySku.get(ref.sku())).toList());
  }

  /** One page of orders changed since the cursor; see {@link LazadaOrderCursor} for its encoding. */
  @Override
  public OrderPage fetchOrders(Connection c, OrderCursor since) {
    return orders.page(c, since);
  }

  /** Reads the seller's account, the cheapest seller call. */
  @Override
  public Health testConnection(Connection c) {
    try {
      LazadaSettings s = LazadaSettings.of(c);
      JsonNode seller = client.get(c, s, LazadaApi.SELLER, Map.of()).orThrow().data();
      String name = LazadaErrors.text(seller, "name");
      String status = LazadaErrors.text(seller, "status");
      if (status != null && !"ACTIVE".equalsIgnoreCase(status)) {
        return new Health(false, name, "Lazada seller " + name + " is " + status + "; it cannot sell until it is "
            + "active again in Seller Center");
      }
      return Health.ok(name);
    } catch (AuthenticationFailure | PermanentFailure e) {
      return Health.failed("Lazada connection does not work: " + e.getMessage());
    }
  }

  private static String json(List<String> values) {
    try {
      return Json.MAPPER.writeValueAsString(values);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
