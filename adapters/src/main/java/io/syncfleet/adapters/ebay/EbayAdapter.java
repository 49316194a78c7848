package io.syncfleet.adapters.ebay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import io.syncfleet.adapters.http.HttpResult;
import io.syncfleet.adapters.http.ItemCalls;
import io.syncfleet.adapters.http.MarketplaceHttp;
import io.syncfleet.producer.Json;
import io.syncfleet.producer.connection.Connection;
import io.syncfleet.producer.job.Channels;
import io.syncfleet.producer.job.Listing;
import io.syncfleet.producer.job.PriceChange;
import io.syncfleet.producer.job.SkuRef;
import io.syncfleet.producer.job.StockLevel;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Collectors;
import okhttp3.HttpUrl;
import okhttp3.Request;

/**
 * eBay through the Sell Inventory API (inventory items, offers, bulk price and quantity) and the
 * Fulfillment API (orders). A listing is an inventory item plus a published fixed-price offer on the
 * connection's site; stock and prices go through eBay's bulk price-quantity call.
 */
public final class EbayAdapter implements MarketplaceAdapter {
  private static final Capabilities CAPABILITIES = new Capabilities(Channels.EBAY, EbayApi.RATE_PLANS);

  private final EbayAuth auth;
  private final EbayOffers offers;
  private final Clock clock;

  public EbayAdapter(MarketplaceHttp http, AccessTokenCache tokens) {
    this.auth = new EbayAuth(http, tokens);
    this.offers = new EbayOffers(auth);
    this.clock = http.clock();
  }

  @Override
  public String channel() {
    return Channels.EBAY.id();
  }

  @Override
  public Capabilities capabilities() {
    return CAPABILITIES;
  }

  @Override
  public List<Violation> validate(Listing listing) {
    return EbayRules.check(listing);
  }

  /**
   * Stores the inventory items in one bulk call, then makes each stored item's offer match and be
   * live. Items breaking {@link #validate} rules are not sent.
   */
  @Override
  public BatchResult upsertListings(Connection c, List<Listing> items) {
    checkBatch(items.size());
    EbaySettings s = EbaySettings.of(c);
    ItemOutcome[] out = new ItemOutcome[items.size()];
    ArrayNode requests = Json.MAPPER.createArrayNode();
    for (int i = 0; i < items.size(); i++) {
      Listing l = items.get(i);
      List<Violation> violations = EbayRules.check(l);
      if (violations.isEmpty()) {
        requests.add(EbayMapper.inventoryItem(l, s));
      } else {
        out[i] = ItemOutcome.failed(l.sku(), violations.get(0).rule(),
            violations.stream().map(Violation::toString).collect(Collectors.joining("; ")));
      }
    }
    if (requests.isEmpty()) {
      return new BatchResult(List.of(out));
    }
    ObjectNode body = Json.MAPPER.createObjectNode().set("requests", requests);
    Request request = new Request.Builder().url(s.url(EbayApi.BULK_UPSERT))
        .post(MarketplaceHttp.json(body))
        .header(EbayApi.CONTENT_LANGUAGE, s.contentLanguage())
        .build();
    Map<String, ItemOutcome> stored = EbayErrors.bulkOutcomes(auth.send(c, request));
    ItemCalls calls = new ItemCalls();
    for (int i = 0; i < items.size(); i++) {
      if (out[i] != null) {
        continue;
      }
      Listing l = items.get(i);
      ItemOutcome item = stored.getOrDefault(l.sku(), EbayErrors.missing(l.sku()));
      out[i] = item.status() != ItemOutcome.Status.DONE ? item : calls.run(l.sku(), () -> {
        offers.publish(c, s, l);
        return ItemOutcome.done(l.sku());
      });
    }
    return new BatchResult(List.of(out));
  }

  /**
   * Sets the inventory item's quantity and, for SKUs that have an offer, the offer's available
   * quantity. eBay keeps one ship-to-location quantity per item, so a stock level's location is not
   * sent [U: multi-location availability is a separate eBay feature].
   */
  @Override
  public BatchResult updateStock(Connection c, List<StockLevel> items) {
    checkBatch(items.size());
    return priceQuantity(c, EbaySettings.of(c), items, StockLevel::sku, false, EbayMapper::stockEntry);
  }

  /**
   * Sets the price of each SKU's offer. A SKU without an offer yet is sent back for a retry: its
   * listing may still be on its way. The compare-at price has no place in eBay's bulk call.
   */
  @Override
  public BatchResult updatePrices(Connection c, List<PriceChange> items) {
    checkBatch(items.size());
    EbaySettings s = EbaySettings.of(c);
    return priceQuantity(c, s, items, PriceChange::sku, true,
        (price, offerId) -> EbayMapper.priceEntry(price, offerId, s));
  }

  /**
   * Finds each SKU's offer id (one call per SKU not remembered), sends one bulk price-quantity call
   * and reads each SKU's outcome. A refused SKU's offer id is forgotten, since a stale id is one
   * reason eBay refuses.
   */
  private <T> BatchResult priceQuantity(Connection c, EbaySettings s, List<T> items, Function<T, String> sku,
      boolean offerRequired, BiFunction<T, String, ObjectNode> entry) {
    ItemCalls calls = new ItemCalls();
    ItemOutcome[] out = new ItemOutcome[items.size()];
    ArrayNode requests = Json.MAPPER.createArrayNode();
    for (int i = 0; i < items.size(); i++) {
      T item = items.get(i);
      String k = sku.apply(item);
      ItemOutcome lookup = calls.run(k, () -> {
        String offerId = offers.offerId(c, s, k).orElse(null);
        if (offerId == null && offerRequired) {
          return ItemOutcome.retry(k, "offer_not_found",
              "no eBay offer for this SKU yet; its listing must be upserted first", null);
        }
        requests.add(entry.apply(item, offerId));
        return ItemOutcome.done(k);
      });
      // DONE only means "entry prepared": the bulk answer decides.
      out[i] = lookup.status() == ItemOutcome.Status.DONE ? null : lookup;
    }
    Map<String, ItemOutcome> sent = Map.of();
    if (!requests.isEmpty() && !calls.throttled()) {
      ObjectNode body = Json.MAPPER.createObjectNode().set("requests", requests);
      sent = EbayErrors.bulkOutcomes(auth.send(c, new Request.Builder()
          .url(s.url(EbayApi.BULK_PRICE_QUANTITY)).post(MarketplaceHttp.json(body)).build()));
    }
    for (int i = 0; i < items.size(); i++) {
      String k = sku.apply(items.get(i));
      if (out[i] == null) {
        Map<String, ItemOutcome> answered = sent;
        out[i] = calls.run(k, () -> answered.getOrDefault(k, EbayErrors.missing(k)));
      }
      if (out[i].status() != ItemOutcome.Status.DONE) {
        offers.forget(c, s, k);
      }
    }
    return new BatchResult(List.of(out));
  }

  /** Deletes each inventory item (eBay ends its listing and removes its offers [U]); 404 is done. */
  @Override
  public BatchResult deleteListings(Connection c, List<SkuRef> items) {
    checkBatch(items.size());
    EbaySettings s = EbaySettings.of(c);
    ItemCalls calls = new ItemCalls();
    List<ItemOutcome> out = new ArrayList<>(items.size());
    for (SkuRef ref : items) {
      out.add(calls.run(ref.sku(), () -> {
        HttpResult r = auth.send(c, new Request.Builder()
            .url(s.url(EbayApi.INVENTORY_ITEM, ref.sku())).delete().build());
        if (r.status() != 404) {
          r.requireSuccess();
        }
        offers.forget(c, s, ref.sku());
        return ItemOutcome.done(ref.sku());
      }));
    }
    return new BatchResult(out);
  }

  /** One page of orders changed since the cursor; see {@link EbayOrderCursor} for its encoding. */
  @Override
  public OrderPage fetchOrders(Connection c, OrderCursor since) {
    EbaySettings s = EbaySettings.of(c);
    EbayOrderCursor cursor = EbayOrderCursor.parse(since, clock);
    HttpUrl url = s.url(EbayApi.ORDERS).newBuilder()
        .addQueryParameter("filter", EbayApi.modifiedSince(cursor.since()))
        .addQueryParameter("limit", String.valueOf(EbayApi.ORDER_PAGE_LIMIT))
        .addQueryParameter("offset", String.valueOf(cursor.offset()))
        .build();
    JsonNode body = auth.send(c, new Request.Builder().url(url).get().build()).requireSuccess().json();
    List<Order> orders = new ArrayList<>();
    for (JsonNode node : body.path("orders")) {
      Order order = EbayMapper.order(node);
      orders.add(order);
      cursor = cursor.seen(order.updatedAt());
    }
    cursor = cursor.advance(orders.size());
    boolean more = !orders.isEmpty()
        && (EbayErrors.text(body, "next") != null || cursor.offset() < body.path("total").asInt(0));
    return new OrderPage(orders, (more ? cursor : cursor.finish()).encode(), more);
  }

  /** Mints a token and lists one inventory item, the cheapest call the granted scopes allow. */
  @Override
  public Health testConnection(Connection c) {
    EbaySettings s = EbaySettings.of(c);
    HttpUrl url = s.url(EbayApi.INVENTORY_ITEM).newBuilder().addQueryParameter("limit", "1").build();
    try {
      auth.send(c, new Request.Builder().url(url).get().build()).requireSuccess();
      return Health.ok(null);
    } catch (AuthenticationFailure | PermanentFailure e) {
      return Health.failed("eBay connection does not work: " + e.getMessage());
    }
  }

  private static void checkBatch(int size) {
    if (size > EbayApi.BULK_LIMIT) {
      throw new PermanentFailure("a batch of " + size + " items is over eBay's limit of "
          + EbayApi.BULK_LIMIT, 0, "batch_too_large");
    }
  }
}
