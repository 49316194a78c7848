package io.syncfleet.adapters.backmarket;

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
import io.syncfleet.adapters.failure.TransientFailure;
import io.syncfleet.adapters.http.ErrorDetail;
import io.syncfleet.adapters.http.HttpResult;
import io.syncfleet.adapters.http.MarketplaceHttp;
import io.syncfleet.adapters.http.PendingSubmissions;
import io.syncfleet.producer.connection.Connection;
import io.syncfleet.producer.job.Channels;
import io.syncfleet.producer.job.Item;
import io.syncfleet.producer.job.Listing;
import io.syncfleet.producer.job.PriceChange;
import io.syncfleet.producer.job.StockLevel;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import okhttp3.HttpUrl;
import okhttp3.Request;

/**
 * Back Market through its seller API. Connection: secret {@value BackMarketApi#TOKEN} (the API token
 * of the seller Back Office); settings {@value BackMarketApi#CONTACT_EMAIL} (required, it goes into
 * the mandatory User-Agent), and optionally {@value BackMarketApi#PLATFORM} (EU, NA or AP),
 * {@value BackMarketApi#MARKET} (the Accept-Language market, e.g. fr-fr), {@value BackMarketApi#COMPANY}
 * and {@value BackMarketApi#WARRANTY_SETTING}.
 *
 * <p>Listings go as one catalog file per job, which Back Market processes as a task in a few minutes:
 * the job's listings come back as RETRY with code {@value #TASK_PENDING} and the task's average
 * duration as the wait, and the next attempt reads the task's report instead of sending the file
 * again (tasks are remembered per row in this process, see {@link PendingSubmissions}). Stock and
 * prices are one real-time call per SKU. Back Market offers no delete: a listing goes offline at
 * quantity 0 [V], which is a stock update.
 */
public final class BackMarketAdapter implements MarketplaceAdapter {
  /** Item outcome code while Back Market is still processing the listing's catalog file. */
  public static final String TASK_PENDING = "TASK_PENDING";
  /** Item outcome code of a SKU no Back Market listing carries (yet). */
  public static final String LISTING_NOT_FOUND = "LISTING_NOT_FOUND";
  /** Item outcome code of a listing that breaks one of {@link #validate}'s rules. */
  public static final String INVALID_LISTING = "INVALID_LISTING";
  /** Item outcome code of a SKU a finished task refused without a code of Back Market's own. */
  public static final String TASK_REFUSED = "TASK_REFUSED";

  private static final Capabilities CAPABILITIES = new Capabilities(Channels.BACKMARKET, BackMarketApi.ratePlans());

  private final BackMarketClient client;
  private final BackMarketListingIds listingIds;
  private final PendingSubmissions tasks;
  private final Clock clock;

  public BackMarketAdapter(MarketplaceHttp http) {
    this.client = new BackMarketClient(http);
    this.listingIds = new BackMarketListingIds(client);
    this.tasks = new PendingSubmissions(http.clock(), BackMarketApi.TASK_MEMORY);
    this.clock = http.clock();
  }

  @Override
  public String channel() {
    return Channels.BACKMARKET.id();
  }

  @Override
  public Capabilities capabilities() {
    return CAPABILITIES;
  }

  @Override
  public List<Violation> validate(Listing listing) {
    return BackMarketRules.check(listing);
  }

  /**
   * Reads the report of each listing whose unchanged row is already in a task, then sends the other
   * valid listings as one catalog file. A task that failed as a whole, or that Back Market no longer
   * knows, is sent again at once.
   */
  @Override
  public BatchResult upsertListings(Connection c, List<Listing> items) {
    checkBatch(items.size(), BackMarketApi.UPSERT_BATCH);
    BackMarketSettings s = BackMarketSettings.of(c);
    ItemOutcome[] out = new ItemOutcome[items.size()];
    String[] rows = new String[items.size()];
    String[] fingerprints = new String[items.size()];
    Map<String, List<Integer>> pending = new LinkedHashMap<>();
    List<Integer> send = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      Listing l = items.get(i);
      List<Violation> violations = BackMarketRules.check(l);
      if (!violations.isEmpty()) {
        out[i] = ItemOutcome.failed(l.sku(), INVALID_LISTING,
            violations.stream().map(Violation::toString).collect(Collectors.joining("; ")));
        continue;
      }
      rows[i] = BackMarketCatalogFile.row(l, s);
      fingerprints[i] = PendingSubmissions.fingerprint(BackMarketApi.CATALOG_ROW,
          rows[i].getBytes(StandardCharsets.UTF_8));
      Optional<PendingSubmissions.Submission> task = tasks.find(c, fingerprints[i]);
      if (task.isPresent()) {
        pending.computeIfAbsent(task.get().handle(), k -> new ArrayList<>()).add(i);
      } else {
        send.add(i);
      }
    }
    BackMarketItemCalls calls = new BackMarketItemCalls();
    for (Map.Entry<String, List<Integer>> task : pending.entrySet()) {
      readTask(c, s, task.getKey(), task.getValue(), items, fingerprints, out, send, calls);
    }
    if (!send.isEmpty()) {
      sendCatalog(c, s, items, rows, fingerprints, send, out, calls);
    }
    return new BatchResult(List.of(out));
  }

  private void readTask(Connection c, BackMarketSettings s, String taskId, List<Integer> owners, List<Listing> items,
      String[] fingerprints, ItemOutcome[] out, List<Integer> send, BackMarketItemCalls calls) {
    BackMarketItemCalls.Attempt<Optional<BackMarketTaskReport>> read = calls.attempt(items.get(owners.get(0)).sku(),
        () -> {
          HttpResult r = client.send(c, s, new Request.Builder()
              .url(s.url(BackMarketApi.TASKS, taskId)).get().build());
          return r.isSuccess() ? Optional.of(BackMarketTaskReport.read(r.json())) : Optional.empty();
        });
    for (int i : owners) {
      String sku = items.get(i).sku();
      BackMarketTaskReport report = read.failed() ? null : read.value().orElse(null);
      if (read.failed()) {
        out[i] = read.failureFor(sku);
      } else if (report == null || report.failed()) {
        // Unknown to Back Market, or failed as a whole ("Task has been interrupted."): send the row again.
        tasks.forget(c, fingerprints[i]);
        send.add(i);
      } else if (report.done()) {
        tasks.forget(c, fingerprints[i]);
        ErrorDetail refusal = report.refusal(sku);
        out[i] = refusal == null ? ItemOutcome.done(sku)
            : ItemOutcome.failed(sku, refusal.code() != null ? refusal.code() : TASK_REFUSED, refusal.message());
      } else {
        out[i] = ItemOutcome.retry(sku, TASK_PENDING, "Back Market is still processing catalog task " + taskId,
            BackMarketApi.TASK_AVERAGE);
      }
    }
  }

  /** Back Market's answer to a catalog file: the task it became, or why the whole file was refused. */
  private record CatalogAnswer(long taskId, ErrorDetail refused) {}

  private void sendCatalog(Connection c, BackMarketSettings s, List<Listing> items, String[] rows,
      String[] fingerprints, List<Integer> send, ItemOutcome[] out, BackMarketItemCalls calls) {
    List<String> file = send.stream().map(i -> rows[i]).toList();
    BackMarketItemCalls.Attempt<CatalogAnswer> posted = calls.attempt(items.get(send.get(0)).sku(), () -> {
      HttpResult r = client.send(c, s, new Request.Builder().url(s.url(BackMarketApi.LISTINGS))
          .post(MarketplaceHttp.json(BackMarketCatalogFile.body(file))).build());
      return r.isSuccess() ? new CatalogAnswer(r.json().path(BackMarketApi.TASK_ID_FIELD).asLong(0), null)
          : new CatalogAnswer(0, r.error());
    });
    for (int i : send) {
      String sku = items.get(i).sku();
      if (posted.failed()) {
        out[i] = posted.failureFor(sku);
      } else if (posted.value().refused() != null) {
        // The whole file was refused (a missing column, a disabled channel): every row shares the reason.
        ErrorDetail e = posted.value().refused();
        out[i] = ItemOutcome.failed(sku, e.code() != null ? e.code() : TASK_REFUSED, e.message());
      } else if (posted.value().taskId() <= 0) {
        out[i] = ItemOutcome.retry(sku, null, "Back Market accepted the catalog file but sent no task id", null);
      } else {
        long taskId = posted.value().taskId();
        tasks.remember(c, fingerprints[i], String.valueOf(taskId));
        out[i] = ItemOutcome.retry(sku, TASK_PENDING, "Back Market accepted the listing in catalog task " + taskId
            + "; its report is read on the next attempt", BackMarketApi.TASK_AVERAGE);
      }
    }
  }

  /** Sets each SKU's quantity, the same in every market [V]; a stock level's location has no place on Back Market. */
  @Override
  public BatchResult updateStock(Connection c, List<StockLevel> items) {
    checkBatch(items.size(), BackMarketApi.UPDATE_BATCH);
    return perListing(c, items, BackMarketMapper::stock);
  }

  /** Sets each SKU's price in the connection's market; Back Market has no compare-at price. */
  @Override
  public BatchResult updatePrices(Connection c, List<PriceChange> items) {
    checkBatch(items.size(), BackMarketApi.UPDATE_BATCH);
    return perListing(c, items, BackMarketMapper::price);
  }

  /**
   * One real-time update per SKU, after finding its listing id. A SKU without a listing comes back
   * for a retry: its catalog file may still be processing.
   */
  private <T extends Item> BatchResult perListing(Connection c, List<T> items, Function<T, ObjectNode> body) {
    BackMarketSettings s = BackMarketSettings.of(c);
    BackMarketItemCalls calls = new BackMarketItemCalls();
    List<ItemOutcome> out = new ArrayList<>(items.size());
    for (T item : items) {
      String sku = item.sku();
      out.add(calls.run(sku, () -> {
        String id = listingIds.find(c, s, sku).orElse(null);
        if (id == null) {
          return notFound(sku);
        }
        HttpResult r = client.send(c, s, new Request.Builder().url(s.url(BackMarketApi.LISTINGS, id))
            .post(MarketplaceHttp.json(body.apply(item))).build());
        if (r.status() == 404) {
          listingIds.forget(c, sku);
          return notFound(sku);
        }
        if (!r.isSuccess()) {
          ErrorDetail e = r.error();
          return ItemOutcome.failed(sku, e.code(), e.message());
        }
        return ItemOutcome.done(sku);
      }));
    }
    return new BatchResult(out);
  }

  private static ItemOutcome notFound(String sku) {
    return ItemOutcome.retry(sku, LISTING_NOT_FOUND, "no Back Market listing has SKU '" + sku
        + "' yet; it is created by a listing upsert", null);
  }

  /** One page of orders changed since the cursor; see {@link BackMarketOrderCursor} for its encoding. */
  @Override
  public OrderPage fetchOrders(Connection c, OrderCursor since) {
    BackMarketOrderCursor cursor = BackMarketOrderCursor.parse(since, clock);
    BackMarketSettings s = BackMarketSettings.of(c);
    HttpUrl url = s.url(BackMarketApi.ORDERS).newBuilder()
        .addQueryParameter(BackMarketApi.MODIFIED_SINCE, BackMarketApi.TIMESTAMP.format(cursor.since()))
        .addQueryParameter(BackMarketApi.PAGE, String.valueOf(cursor.page()))
        .addQueryParameter(BackMarketApi.PAGE_SIZE, String.valueOf(BackMarketApi.MAX_PAGE_SIZE))
        .build();
    JsonNode body = client.send(c, s, new Request.Builder().url(url).get().build()).requireSuccess().json();
    JsonNode results = body.path("results");
    if (!results.isArray()) {
      throw new TransientFailure("Back Market's order list has no results", 200);
    }
    List<Order> orders = new ArrayList<>();
    for (JsonNode node : results) {
      Order order = BackMarketMapper.order(node);
      orders.add(order);
      cursor = cursor.seen(order.updatedAt());
    }
    boolean more = !orders.isEmpty() && BackMarketErrors.text(body, "next") != null;
    return new OrderPage(orders, (more ? cursor.next() : cursor.finish()).encode(), more);
  }

  /** Lists one order, the cheapest call that proves the token is a merchant's on this platform. */
  @Override
  public Health testConnection(Connection c) {
    try {
      BackMarketSettings s = BackMarketSettings.of(c);
      HttpUrl url = s.url(BackMarketApi.ORDERS).newBuilder().addQueryParameter(BackMarketApi.PAGE_SIZE, "1").build();
      client.send(c, s, new Request.Builder().url(url).get().build()).requireSuccess();
      return Health.ok(null);
    } catch (AuthenticationFailure | PermanentFailure e) {
      return Health.failed("Back Market connection does not work: " + e.getMessage());
    }
  }

  private static void checkBatch(int size, int limit) {
    if (size > limit) {
      throw new PermanentFailure("a batch of " + size + " items is over Back Market's limit of " + limit, 0,
          "batch_too_large");
    }
  }
}
