package io.syncfleet.adapters.shopee;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Shopee through Open Platform v2 shop APIs. Connection: secrets {@value ShopeeApi#PARTNER_ID},
 * {@value ShopeeApi#PARTNER_KEY} (the app's), {@value ShopeeApi#ACCESS_TOKEN} and
 * {@value ShopeeApi#REFRESH_TOKEN_SECRET} (the seller's authorization); settings
 * {@value ShopeeApi#SHOP_ID} (required), {@value ShopeeApi#HOST}, {@value ShopeeApi#REGION},
 * {@value ShopeeApi#LOGISTIC_IDS} (required to create items) and {@value ShopeeApi#LOCATION_ID}.
 *
 * <p>A listing is an item, or a model of an item for listings sharing a group
 * ({@link ShopeeListingUpsert}); stock and prices go per item with update_stock and update_price;
 * a delete unlists the item, or deletes the model when other models remain; orders are pulled by
 * update time ({@link ShopeeOrders}). SKUs are found in the shop by {@link ShopeeCatalog}.
 */
public final class ShopeeAdapter implements MarketplaceAdapter {
  /** Item outcome code for a SKU no item or model in the shop carries (yet). */
  public static final String SKU_NOT_FOUND = "SKU_NOT_FOUND";
  /** Item outcome code for a price the shop cannot take (currency, decimals). */
  public static final String INVALID_PRICE = "invalid_price";
  /** Item outcome code for a connection setting an operation needs. */
  public static final String MISSING_SETTING = "missing_setting";

  private static final Capabilities CAPABILITIES = new Capabilities(Channels.SHOPEE, ShopeeApi.RATE_PLANS);

  private final ShopeeClient client;
  private final ShopeeCatalog catalog;
  private final ShopeeModelUpdate updates;
  private final ShopeeListingUpsert listings;
  private final ShopeeOrders orders;

  public ShopeeAdapter(MarketplaceHttp http) {
    this.client = new ShopeeClient(http, new ShopeeAuth(http));
    this.catalog = new ShopeeCatalog(client);
    this.updates = new ShopeeModelUpdate(client);
    this.listings = new ShopeeListingUpsert(client, catalog, new ShopeeImages(http, client), updates);
    this.orders = new ShopeeOrders(client, http.clock());
  }

  @Override
  public String channel() {
    return Channels.SHOPEE.id();
  }

  @Override
  public Capabilities capabilities() {
    return CAPABILITIES;
  }

  @Override
  public List<Violation> validate(Listing listing) {
    return ShopeeRules.check(listing);
  }

  @Override
  public BatchResult upsertListings(Connection c, List<Listing> items) {
    BatchLimits.require(Channels.SHOPEE, Operation.UPSERT_LISTINGS, items.size());
    return listings.upsert(c, items);
  }

  /**
   * One update_stock per Shopee item, for the batch's SKUs of that item. A stock level's location,
   * or the connection's {@value ShopeeApi#LOCATION_ID}, is Shopee's location_id.
   */
  @Override
  public BatchResult updateStock(Connection c, List<StockLevel> items) {
    BatchLimits.require(Channels.SHOPEE, Operation.UPDATE_STOCK, items.size());
    ShopeeSettings s = ShopeeSettings.of(c);
    return perItem(c, s, items, ShopeeApi.UPDATE_STOCK, "stock_list", "invalid_quantity", level -> {
      if (level.quantity() == null || level.quantity() < 0) {
        return "stock must be zero or more";
      }
      return null;
    }, (level, listed) -> ShopeeMapper.stockEntry(listed.modelId(), level.quantity(),
        level.location() != null && !level.location().isBlank() ? level.location().trim() : s.locationId()));
  }

  /**
   * One update_price per Shopee item. The compare-at price has no place in it: Shopee shows a
   * struck-through price only for its own promotions.
   */
  @Override
  public BatchResult updatePrices(Connection c, List<PriceChange> items) {
    BatchLimits.require(Channels.SHOPEE, Operation.UPDATE_PRICES, items.size());
    ShopeeSettings s = ShopeeSettings.of(c);
    return perItem(c, s, items, ShopeeApi.UPDATE_PRICE, "price_list", INVALID_PRICE,
        price -> ShopeeRules.priceProblem(price.amount(), price.currency(), s),
        (price, listed) -> ShopeeMapper.priceEntry(listed.modelId(), price.amount()));
  }

  private <T extends Item> BatchResult perItem(Connection c, ShopeeSettings s, List<T> items, String path,
      String listField, String problemCode, Function<T, String> problem,
      BiFunction<T, ShopeeListed, ObjectNode> entry) {
    ItemOutcome[] out = new ItemOutcome[items.size()];
    Set<String> wanted = new LinkedHashSet<>();
    for (int i = 0; i < items.size(); i++) {
      T item = items.get(i);
      String wrong = problem.apply(item);
      if (wrong != null) {
        out[i] = ItemOutcome.failed(item.sku(), problemCode, wrong);
      } else {
        wanted.add(item.sku());
      }
    }
    Map<String, ShopeeListed> found = catalog.find(c, s, wanted);
    Map<Long, List<Integer>> byItem = new LinkedHashMap<>();
    for (int i = 0; i < items.size(); i++) {
      T item = items.get(i);
      ShopeeListed listed = found.get(item.sku());
      if (out[i] != null) {
        continue;
      }
      if (listed == null) {
        // Stock and prices travel on the urgent queue and may overtake the listing's own upsert.
        out[i] = ItemOutcome.retry(item.sku(), SKU_NOT_FOUND, "no item or variant in the Shopee shop has SKU '"
            + item.sku() + "' yet; its listing must be upserted first", null);
      } else {
        byItem.computeIfAbsent(listed.itemId(), k -> new ArrayList<>()).add(i);
      }
    }
    ItemCalls calls = new ItemCalls();
    for (Map.Entry<Long, List<Integer>> group : byItem.entrySet()) {
      List<ShopeeModelUpdate.Entry> entries = new ArrayList<>();
      for (int i : group.getValue()) {
        T item = items.get(i);
        ShopeeListed listed = found.get(item.sku());
        entries.add(new ShopeeModelUpdate.Entry(item.sku(), listed.modelId(), entry.apply(item, listed)));
      }
      List<ItemOutcome> outcomes = calls.runAll(entries.stream().map(ShopeeModelUpdate.Entry::sku).toList(),
          () -> updates.send(c, s, path, listField, group.getKey(), entries));
      for (int k = 0; k < outcomes.size(); k++) {
        int i = group.getValue().get(k);
        out[i] = outcomes.get(k);
        if (out[i].status() != ItemOutcome.Status.DONE) {
          // A stale item or model id is one reason Shopee refuses; the next attempt looks it up again.
          catalog.forget(c, items.get(i).sku());
        }
      }
    }
    return new BatchResult(List.of(out));
  }

  /**
   * Ends each SKU's listing: an item without variants, or one whose every model is in the batch, is
   * unlisted (reversible; an upsert lists it again); a single model is deleted. A SKU the shop does
   * not have, or an item already unlisted, is done.
   */
  @Override
  public BatchResult deleteListings(Connection c, List<SkuRef> items) {
    BatchLimits.require(Channels.SHOPEE, Operation.DELETE_LISTINGS, items.size());
    ShopeeSettings s = ShopeeSettings.of(c);
    Map<String, ShopeeListed> found = catalog.find(c, s, skus(items));
    Map<String, ItemOutcome> bySku = new HashMap<>();
    Map<Long, List<String>> byItem = new LinkedHashMap<>();
    for (SkuRef ref : items) {
      ShopeeListed listed = found.get(ref.sku());
      if (listed == null || ShopeeApi.UNLIST.equals(listed.status())) {
        bySku.put(ref.sku(), ItemOutcome.done(ref.sku()));
      } else {
        byItem.computeIfAbsent(listed.itemId(), k -> new ArrayList<>()).add(ref.sku());
      }
    }
    ItemCalls calls = new ItemCalls();
    Map<Long, List<String>> unlist = new LinkedHashMap<>();
    for (Map.Entry<Long, List<String>> item : byItem.entrySet()) {
      List<String> skus = List.copyOf(new LinkedHashSet<>(item.getValue()));
      ShopeeListed first = found.get(skus.get(0));
      if (!first.isModel() || skus.size() >= first.modelCount()) {
        unlist.put(item.getKey(), skus);
        continue;
      }
      for (String sku : skus) {
        ShopeeListed listed = found.get(sku);
        calls.runAll(List.of(sku), () -> {
          ObjectNode body = Json.MAPPER.createObjectNode().put("item_id", listed.itemId())
              .put("model_id", listed.modelId());
          client.post(c, s, ShopeeApi.DELETE_MODEL, body).orThrow();
          catalog.forget(c, sku);
          return List.of(ItemOutcome.done(sku));
        }).forEach(o -> bySku.put(o.sku(), o));
      }
    }
    List<Long> itemIds = new ArrayList<>(unlist.keySet());
    for (int from = 0; from < itemIds.size(); from += ShopeeApi.LIST_LIMIT) {
      List<Long> chunk = itemIds.subList(from, Math.min(itemIds.size(), from + ShopeeApi.LIST_LIMIT));
      List<String> skus = chunk.stream().flatMap(id -> unlist.get(id).stream()).toList();
      calls.runAll(skus, () -> unlistItems(c, s, chunk, unlist, found)).forEach(o -> bySku.put(o.sku(), o));
    }
    return new BatchResult(items.stream().map(ref -> bySku.get(ref.sku())).toList());
  }

  private List<ItemOutcome> unlistItems(Connection c, ShopeeSettings s, List<Long> itemIds,
      Map<Long, List<String>> skusByItem, Map<String, ShopeeListed> found) {
    ObjectNode body = Json.MAPPER.createObjectNode();
    ArrayNode list = body.putArray("item_list");
    itemIds.forEach(id -> list.addObject().put("item_id", id).put("unlist", true));
    ShopeeReply reply = client.post(c, s, ShopeeApi.UNLIST_ITEM, body);
    Map<Long, String> failures = new HashMap<>();
    for (JsonNode f : reply.response().path("failure_list")) {
      failures.put(f.path("item_id").asLong(0), ShopeeErrors.text(f, "failed_reason"));
    }
    if (!reply.ok() && failures.isEmpty()) {
      reply.orThrow();
    }
    List<ItemOutcome> out = new ArrayList<>();
    for (long id : itemIds) {
      for (String sku : skusByItem.get(id)) {
        String reason = failures.get(id);
        if (reason == null) {
          ShopeeListed l = found.get(sku);
          catalog.remember(c, sku, new ShopeeListed(l.itemId(), l.modelId(), ShopeeApi.UNLIST, l.modelCount()));
          out.add(ItemOutcome.done(sku));
        } else {
          String code = reply.ok() ? "failure_list" : reply.error();
          out.add(ShopeeErrors.retryable(reason) ? ItemOutcome.retry(sku, code, reason, null)
              : ItemOutcome.failed(sku, code, reason));
        }
      }
    }
    return out;
  }

  /** One page of orders changed since the cursor; see {@link ShopeeOrderCursor} for its encoding. */
  @Override
  public OrderPage fetchOrders(Connection c, OrderCursor since) {
    return orders.page(c, since);
  }

  /** Reads the shop's info, the cheapest shop call; reports when the seller's authorization ends. */
  @Override
  public Health testConnection(Connection c) {
    try {
      ShopeeSettings s = ShopeeSettings.of(c);
      JsonNode shop = client.get(c, s, ShopeeApi.SHOP_INFO, q -> { }).orThrow().body();
      String name = ShopeeErrors.text(shop, "shop_name");
      String status = ShopeeErrors.text(shop, "status");
      if (status != null && !ShopeeApi.NORMAL.equals(status)) {
        return new Health(false, name, "Shopee shop " + name + " is " + status + "; it cannot sell until Shopee "
            + "restores it");
      }
      long expires = shop.path("expire_time").asLong(0);
      return new Health(true, name, expires > 0 ? "credentials work; the seller's authorization ends "
          + Instant.ofEpochSecond(expires) : "credentials work");
    } catch (AuthenticationFailure | PermanentFailure e) {
      return Health.failed("Shopee connection does not work: " + e.getMessage());
    }
  }

  private static Set<String> skus(List<? extends Item> items) {
    Set<String> skus = new LinkedHashSet<>();
    items.forEach(i -> skus.add(i.sku()));
    return skus;
  }
}
