package io.syncfleet.adapters.manomano;

import com.fasterxml.jackson.databind.JsonNode;
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
import io.syncfleet.adapters.http.ErrorDetail;
import io.syncfleet.adapters.http.HttpResult;
import io.syncfleet.adapters.http.MarketplaceHttp;
import io.syncfleet.producer.connection.Connection;
import io.syncfleet.producer.job.Channels;
import io.syncfleet.producer.job.Item;
import io.syncfleet.producer.job.Listing;
import io.syncfleet.producer.job.PriceChange;
import io.syncfleet.producer.job.StockLevel;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import okhttp3.HttpUrl;
import okhttp3.Request;

/**
 * ManoMano through its Partner API. Connection: secret {@value ManoManoApi#API_KEY} (the API key
 * ManoMano gives the seller); settings {@value ManoManoApi#SELLER_CONTRACT_ID} (required: the seller
 * contract of one ManoMano country) and optionally {@value ManoManoApi#THIRDPARTY_NAME}.
 *
 * <p>Stock and prices are one offer PATCH per job. Listings are not offered: products enter
 * ManoMano's catalog through a product feed, not the API (see {@link ManoManoApi}); deletes neither
 * [U], and an offer goes out of sale at stock 0.
 */
public final class ManoManoAdapter implements MarketplaceAdapter {
  /** Item outcome code of a stock level without a quantity of zero or more. */
  public static final String INVALID_QUANTITY = "INVALID_QUANTITY";
  /** Item outcome code of a price of zero or less. */
  public static final String INVALID_PRICE = "INVALID_PRICE";

  private static final Capabilities CAPABILITIES = new Capabilities(Channels.MANOMANO, ManoManoApi.ratePlans());

  private final ManoManoClient client;
  private final Clock clock;

  public ManoManoAdapter(MarketplaceHttp http) {
    this.client = new ManoManoClient(http);
    this.clock = http.clock();
  }

  @Override
  public String channel() {
    return Channels.MANOMANO.id();
  }

  @Override
  public Capabilities capabilities() {
    return CAPABILITIES;
  }

  /** Whether ManoMano's catalog could take the product (through its feed) and its offer has a price. */
  @Override
  public List<Violation> validate(Listing listing) {
    return ManoManoRules.check(listing);
  }

  /** Sets each SKU's stock; ManoMano keeps one stock per offer, so a stock level's location is not sent. */
  @Override
  public BatchResult updateStock(Connection c, List<StockLevel> items) {
    checkBatch(items.size());
    ItemOutcome[] out = new ItemOutcome[items.size()];
    List<ObjectNode> send = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      StockLevel level = items.get(i);
      if (level.quantity() == null || level.quantity() < 0) {
        out[i] = ItemOutcome.failed(level.sku(), INVALID_QUANTITY, "a quantity of zero or more is required");
      } else {
        send.add(ManoManoMapper.stock(level.sku(), level.quantity()));
      }
    }
    return patch(c, items, send, out);
  }

  /** Sets each SKU's price, VAT included; the compare-at price has no known place in the PATCH [U]. */
  @Override
  public BatchResult updatePrices(Connection c, List<PriceChange> items) {
    checkBatch(items.size());
    ItemOutcome[] out = new ItemOutcome[items.size()];
    List<ObjectNode> send = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      PriceChange change = items.get(i);
      if (change.amount() == null || change.amount().compareTo(BigDecimal.ZERO) <= 0) {
        out[i] = ItemOutcome.failed(change.sku(), INVALID_PRICE, "a price above zero is required");
      } else {
        send.add(ManoManoMapper.price(change.sku(), change.amount()));
      }
    }
    return patch(c, items, send, out);
  }

  /**
   * Sends the offer items in one PATCH and gives each item without an outcome the one ManoMano
   * reports for its SKU. A taken call that reports on no SKU took them all; a refused call that
   * reports on none refused them all, with ManoMano's code and message.
   */
  private BatchResult patch(Connection c, List<? extends Item> items, List<ObjectNode> send, ItemOutcome[] out) {
    if (!send.isEmpty()) {
      ManoManoSettings s = ManoManoSettings.of(c);
      HttpResult r = client.send(c, s, new Request.Builder().url(s.url(ManoManoApi.OFFERS))
          .patch(MarketplaceHttp.json(ManoManoMapper.offers(s.contractId(), send))).build());
      Map<String, ItemOutcome> reported = ManoManoErrors.offerResults(
          r.isSuccess() ? r.json() : r.jsonOrEmpty());
      ErrorDetail refused = r.isSuccess() || !reported.isEmpty() ? null : r.error();
      for (int i = 0; i < items.size(); i++) {
        if (out[i] != null) {
          continue;
        }
        String sku = items.get(i).sku();
        ItemOutcome o = reported.get(sku);
        if (o != null) {
          out[i] = o;
        } else if (refused != null) {
          out[i] = ItemOutcome.failed(sku, refused.code(), refused.message());
        } else {
          out[i] = r.isSuccess() ? ItemOutcome.done(sku)
              : ItemOutcome.retry(sku, null, "ManoMano refused the call without a word on this SKU", null);
        }
      }
    }
    return new BatchResult(List.of(out));
  }

  /** One page of orders created since the cursor; see {@link ManoManoOrderCursor} for why recent ones come again. */
  @Override
  public OrderPage fetchOrders(Connection c, OrderCursor since) {
    ManoManoOrderCursor cursor = ManoManoOrderCursor.parse(since, clock);
    ManoManoSettings s = ManoManoSettings.of(c);
    HttpUrl url = ordersUrl(s, cursor.page(), ManoManoApi.ORDER_PAGE).newBuilder()
        .addQueryParameter(ManoManoApi.CREATED_SINCE, ManoManoApi.TIMESTAMP.format(cursor.since()))
        .build();
    JsonNode body = client.send(c, s, new Request.Builder().url(url).get().build()).requireSuccess().json();
    List<Order> orders = new ArrayList<>();
    for (JsonNode node : body.path("content")) {
      orders.add(ManoManoMapper.order(node));
    }
    JsonNode pages = body.path("pagination").path("pages");
    boolean more = !orders.isEmpty()
        && (pages.isNumber() ? cursor.page() < pages.asInt() : orders.size() >= ManoManoApi.ORDER_PAGE);
    return new OrderPage(orders, (more ? cursor.next() : ManoManoOrderCursor.rest(clock)).encode(), more);
  }

  /** Lists one order of the contract: proves the key, the integration name and the contract together. */
  @Override
  public Health testConnection(Connection c) {
    try {
      ManoManoSettings s = ManoManoSettings.of(c);
      client.send(c, s, new Request.Builder().url(ordersUrl(s, 1, 1)).get().build()).requireSuccess();
      return Health.ok("seller contract " + s.contractId());
    } catch (AuthenticationFailure | PermanentFailure e) {
      return Health.failed("ManoMano connection does not work: " + e.getMessage());
    }
  }

  private static HttpUrl ordersUrl(ManoManoSettings s, int page, int limit) {
    return s.url(ManoManoApi.ORDERS).newBuilder()
        .addQueryParameter(ManoManoApi.CONTRACT_PARAM, String.valueOf(s.contractId()))
        .addQueryParameter("page", String.valueOf(page))
        .addQueryParameter("limit", String.valueOf(limit))
        .build();
  }

  private static void checkBatch(int size) {
    if (size > ManoManoApi.OFFER_BATCH) {
      throw new PermanentFailure("a batch of " + size + " items is over ManoMano's limit of "
          + ManoManoApi.OFFER_BATCH, 0, "batch_too_large");
    }
  }
}
