package io.syncfleet.adapters.refurbed;

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
import io.syncfleet.adapters.failure.RateLimitedFailure;
import io.syncfleet.adapters.failure.SyncFailure;
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
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * refurbed through its Merchant API (gRPC methods over HTTP/JSON). Connection: secret
 * {@value RefurbedApi#TOKEN} (the API token refurbed issues); settings
 * {@value RefurbedApi#SHIPPING_PROFILE_ID} (needed to create offers), and optionally
 * {@value RefurbedApi#DEFAULT_WARRANTY} and {@value RefurbedApi#TAXATION}.
 *
 * <p>Offers are addressed by the merchant's SKU [V]. An upsert updates the batch's offers in one call
 * and creates, in a second, those refurbed does not have; stock, prices and deletes are one batch
 * call each. Each entry of a batch answer carries its own google.rpc.Status, which becomes that
 * item's outcome with refurbed's code and message.
 */
public final class RefurbedAdapter implements MarketplaceAdapter {
  /** Item outcome code of a listing that breaks one of {@link #validate}'s rules. */
  public static final String INVALID_LISTING = "INVALID_LISTING";
  /** Item outcome code of a new offer on a connection without a shipping profile. */
  public static final String MISSING_SHIPPING_PROFILE = "MISSING_SHIPPING_PROFILE";
  /** Item outcome code of a price refurbed cannot take (zero, negative, more than two decimals). */
  public static final String INVALID_PRICE = "INVALID_PRICE";

  private static final Capabilities CAPABILITIES = new Capabilities(Channels.REFURBED, RefurbedApi.ratePlans());

  private final RefurbedClient client;
  private final Clock clock;

  public RefurbedAdapter(MarketplaceHttp http) {
    this.client = new RefurbedClient(http);
    this.clock = http.clock();
  }

  @Override
  public String channel() {
    return Channels.REFURBED.id();
  }

  @Override
  public Capabilities capabilities() {
    return CAPABILITIES;
  }

  @Override
  public List<Violation> validate(Listing listing) {
    return RefurbedRules.check(listing);
  }

  /**
   * Updates every valid listing's offer by SKU, then creates the offers refurbed answered NOT_FOUND
   * for. A rerun updates what the first run created, so the upsert is idempotent.
   */
  @Override
  public BatchResult upsertListings(Connection c, List<Listing> items) {
    checkBatch(items.size());
    RefurbedSettings s = RefurbedSettings.of(c);
    ItemOutcome[] out = new ItemOutcome[items.size()];
    List<Integer> valid = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      List<Violation> violations = RefurbedRules.check(items.get(i));
      if (violations.isEmpty()) {
        valid.add(i);
      } else {
        out[i] = ItemOutcome.failed(items.get(i).sku(), INVALID_LISTING,
            violations.stream().map(Violation::toString).collect(Collectors.joining("; ")));
      }
    }
    if (valid.isEmpty()) {
      return new BatchResult(List.of(out));
    }
    JsonNode updated = client.call(c, RefurbedApi.BATCH_UPDATE_OFFERS,
        offers(valid.stream().map(i -> RefurbedMapper.update(items.get(i), s)).toList()));
    List<Integer> create = new ArrayList<>();
    for (int k = 0; k < valid.size(); k++) {
      int i = valid.get(k);
      JsonNode status = result(updated, k).path("status");
      if (RefurbedErrors.code(status) == RefurbedApi.NOT_FOUND) {
        create.add(i);
      } else {
        out[i] = outcome(items.get(i).sku(), updated, k);
      }
    }
    if (!create.isEmpty()) {
      create(c, s, items, create, out);
    }
    return new BatchResult(List.of(out));
  }

  private void create(Connection c, RefurbedSettings s, List<Listing> items, List<Integer> create, ItemOutcome[] out) {
    if (s.shippingProfileId() == null) {
      for (int i : create) {
        out[i] = ItemOutcome.failed(items.get(i).sku(), MISSING_SHIPPING_PROFILE, "refurbed has no offer with this "
            + "SKU and creating one needs a shipping profile: set the connection's " + RefurbedApi.SHIPPING_PROFILE_ID);
      }
      return;
    }
    JsonNode created;
    try {
      created = client.call(c, RefurbedApi.BATCH_CREATE_OFFERS,
          offers(create.stream().map(i -> RefurbedMapper.create(items.get(i), s)).toList()));
    } catch (PermanentFailure e) {
      create.forEach(i -> out[i] = ItemOutcome.failed(items.get(i).sku(), e.code(), e.getMessage()));
      return;
    } catch (RateLimitedFailure | TransientFailure e) {
      interrupt(e, items, create, out);
      return;
    }
    for (int k = 0; k < create.size(); k++) {
      int i = create.get(k);
      String sku = items.get(i).sku();
      JsonNode status = result(created, k).path("status");
      // Created by someone else since the update: the next attempt updates it.
      out[i] = RefurbedErrors.code(status) == RefurbedApi.ALREADY_EXISTS
          ? ItemOutcome.retry(sku, "ALREADY_EXISTS", RefurbedErrors.detail(status, 200).message(), null)
          : outcome(sku, created, k);
    }
  }

  /** Sets each SKU's stock; a stock level's location has no place in refurbed's offer. */
  @Override
  public BatchResult updateStock(Connection c, List<StockLevel> items) {
    checkBatch(items.size());
    ItemOutcome[] out = new ItemOutcome[items.size()];
    return batch(c, RefurbedApi.BATCH_UPDATE_OFFERS, items, out,
        level -> RefurbedMapper.bySku(level.sku()).put("stock", level.quantity()), false);
  }

  /**
   * Sets each SKU's reference price, from which refurbed calculates the market prices the merchant
   * has not set by hand [V]; refurbed has no compare-at price.
   */
  @Override
  public BatchResult updatePrices(Connection c, List<PriceChange> items) {
    checkBatch(items.size());
    ItemOutcome[] out = new ItemOutcome[items.size()];
    for (int i = 0; i < items.size(); i++) {
      BigDecimal amount = items.get(i).amount();
      if (amount == null || amount.signum() <= 0 || !RefurbedMapper.isMoney(amount)) {
        out[i] = ItemOutcome.failed(items.get(i).sku(), INVALID_PRICE, "refurbed takes a price above zero with at most "
            + RefurbedApi.MONEY_SCALE + " decimals, got " + (amount == null ? "none" : amount.toPlainString()));
      }
    }
    return batch(c, RefurbedApi.BATCH_UPDATE_OFFERS, items, out, change -> {
      ObjectNode entry = RefurbedMapper.bySku(change.sku())
          .put("reference_price", RefurbedMapper.money(change.amount()));
      if (change.currency() != null && !change.currency().isBlank()) {
        entry.put("reference_currency_code", change.currency().trim().toUpperCase(Locale.ROOT));
      }
      return entry;
    }, false);
  }

  /** Deletes each SKU's offer; an offer refurbed does not have is done. */
  @Override
  public BatchResult deleteListings(Connection c, List<SkuRef> items) {
    checkBatch(items.size());
    return batch(c, RefurbedApi.BATCH_DELETE_OFFERS, items, new ItemOutcome[items.size()],
        ref -> RefurbedMapper.bySku(ref.sku()), true);
  }

  /** One batch call for the items without an outcome yet; each entry's status is its item's outcome. */
  private <T extends Item> BatchResult batch(Connection c, String method, List<T> items, ItemOutcome[] out,
      Function<T, ObjectNode> entry, boolean notFoundIsDone) {
    List<Integer> send = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      if (out[i] == null) {
        send.add(i);
      }
    }
    if (!send.isEmpty()) {
      JsonNode answer = client.call(c, method, offers(send.stream().map(i -> entry.apply(items.get(i))).toList()));
      for (int k = 0; k < send.size(); k++) {
        int i = send.get(k);
        boolean gone = RefurbedErrors.code(result(answer, k).path("status")) == RefurbedApi.NOT_FOUND;
        out[i] = gone && notFoundIsDone ? ItemOutcome.done(items.get(i).sku()) : outcome(items.get(i).sku(), answer, k);
      }
    }
    return new BatchResult(List.of(out));
  }

  /**
   * One page of orders released since the cursor, by ascending id; see {@link RefurbedOrderCursor}
   * for why a pull walks recent orders again.
   */
  @Override
  public OrderPage fetchOrders(Connection c, OrderCursor since) {
    RefurbedOrderCursor cursor = RefurbedOrderCursor.parse(since, clock);
    ObjectNode request = Json.MAPPER.createObjectNode();
    ObjectNode pagination = request.putObject("pagination").put("limit", RefurbedApi.MAX_PAGE);
    if (cursor.after() != null) {
      pagination.put("starting_after", cursor.after());
    }
    request.putObject("sort").put("by", RefurbedApi.SORT_BY_ID).put("order", "ASC");
    request.putObject("filter").putObject("released_at").put("ge", RefurbedApi.TIMESTAMP.format(cursor.since()));
    JsonNode answer = client.call(c, RefurbedApi.LIST_ORDERS, request);
    List<Order> orders = new ArrayList<>();
    for (JsonNode node : answer.path("orders")) {
      orders.add(RefurbedMapper.order(node));
    }
    boolean more = answer.path("has_more").asBoolean(false) && !orders.isEmpty();
    RefurbedOrderCursor next = more ? cursor.after(orders.get(orders.size() - 1).orderId())
        : RefurbedOrderCursor.rest(clock);
    return new OrderPage(orders, next.encode(), more);
  }

  /** Lists one offer, the cheapest call that proves the token and its offer permission. */
  @Override
  public Health testConnection(Connection c) {
    try {
      ObjectNode request = Json.MAPPER.createObjectNode();
      request.putObject("pagination").put("limit", 1);
      client.call(c, RefurbedApi.LIST_OFFERS, request);
      return Health.ok(null);
    } catch (AuthenticationFailure | PermanentFailure e) {
      return Health.failed("refurbed connection does not work: " + e.getMessage());
    }
  }

  private static ObjectNode offers(List<ObjectNode> entries) {
    ObjectNode body = Json.MAPPER.createObjectNode();
    ArrayNode offers = body.putArray("offers");
    offers.addAll(entries);
    return body;
  }

  /** The {@code k}th entry of a batch answer (in request order [V]), or a missing node. */
  private static JsonNode result(JsonNode answer, int k) {
    return answer.path("results").path(k);
  }

  private static ItemOutcome outcome(String sku, JsonNode answer, int k) {
    JsonNode entry = result(answer, k);
    if (entry.isMissingNode()) {
      return ItemOutcome.retry(sku, null, "refurbed's answer did not mention this offer", null);
    }
    return RefurbedErrors.outcome(sku, entry.path("status"));
  }

  /**
   * Settles the items of a second call that failed for a passing reason: THROTTLED (refurbed refused
   * before doing them) or RETRY. When nothing is done yet the failure is thrown, so the worker backs
   * off the whole connection.
   */
  private static void interrupt(SyncFailure e, List<Listing> items, List<Integer> pending, ItemOutcome[] out) {
    boolean anyDone = Arrays.stream(out).anyMatch(o -> o != null && o.status() == ItemOutcome.Status.DONE);
    if (!anyDone) {
      throw e;
    }
    for (int i : pending) {
      String sku = items.get(i).sku();
      out[i] = e instanceof RateLimitedFailure r
          ? ItemOutcome.throttled(sku, e.code(), e.getMessage(), r.retryAfter().orElse(null))
          : ItemOutcome.retry(sku, e.code(), e.getMessage(), null);
    }
  }

  private static void checkBatch(int size) {
    if (size > RefurbedApi.BATCH_LIMIT) {
      throw new PermanentFailure("a batch of " + size + " items is over refurbed's limit of "
          + RefurbedApi.BATCH_LIMIT, 0, "batch_too_large");
    }
  }
}
