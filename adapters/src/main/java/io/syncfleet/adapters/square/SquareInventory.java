package io.syncfleet.adapters.square;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.syncfleet.adapters.ItemOutcome;
import io.syncfleet.adapters.failure.RateLimitedFailure;
import io.syncfleet.adapters.failure.SyncFailure;
import io.syncfleet.adapters.failure.TransientFailure;
import io.syncfleet.adapters.http.HttpResult;
import io.syncfleet.adapters.http.MarketplaceHttp;
import io.syncfleet.producer.Json;
import io.syncfleet.producer.connection.Connection;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import okhttp3.Request;

/**
 * Sets absolute quantities with physical counts in one inventory changes call. Square applies a
 * call's changes together and names a refused change by its position in {@code field}
 * ({@code changes[3]...}) [C], so the changes it names fail and the rest are sent again, until a
 * call succeeds or names none of them (then its errors are every remaining change's).
 */
final class SquareInventory {
  private final SquareAuth auth;
  private final Clock clock;

  SquareInventory(SquareAuth auth, Clock clock) {
    this.auth = auth;
    this.clock = clock;
  }

  /** A quantity for a SKU's variation at a location. */
  record Count(String sku, String variationId, String locationId, int quantity) {}

  /**
   * The outcome of each count, by position. A throttle or passing fault after some counts failed for
   * good leaves the rest THROTTLED or RETRY; before anything is settled it is thrown.
   */
  ItemOutcome[] set(Connection c, SquareSettings s, List<Count> counts) {
    ItemOutcome[] out = new ItemOutcome[counts.size()];
    List<Integer> left = new ArrayList<>();
    for (int i = 0; i < counts.size(); i++) {
      left.add(i);
    }
    while (!left.isEmpty()) {
      HttpResult r;
      try {
        r = auth.send(c, s, request(s, counts, left));
      } catch (RateLimitedFailure | TransientFailure e) {
        if (left.size() == counts.size()) {
          throw e;
        }
        settle(out, counts, left, e);
        return out;
      }
      if (r.isSuccess()) {
        left.forEach(i -> out[i] = ItemOutcome.done(counts.get(i).sku()));
        return out;
      }
      List<SquareErrors.Fault> faults = SquareErrors.errors(r.jsonOrEmpty());
      if (faults.isEmpty()) {
        throw r.permanent();
      }
      Map<Integer, SquareErrors.Fault> named = new HashMap<>();
      for (SquareErrors.Fault f : faults) {
        int position = f.index();
        if (position >= 0 && position < left.size()) {
          named.putIfAbsent(left.get(position), f);
        }
      }
      if (named.isEmpty()) {
        SquareErrors.Fault first = faults.get(0);
        left.forEach(i -> out[i] = first.outcome(counts.get(i).sku()));
        return out;
      }
      List<Integer> next = new ArrayList<>();
      for (int i : left) {
        SquareErrors.Fault f = named.get(i);
        if (f != null) {
          out[i] = f.outcome(counts.get(i).sku());
        } else {
          next.add(i);
        }
      }
      left = next;
    }
    return out;
  }

  /**
   * One call's body. A fresh idempotency key per call: the same absolute count may rightly be set
   * again after sales moved the stock in between, and a reused key would replay the old answer.
   */
  private Request request(SquareSettings s, List<Count> counts, List<Integer> indexes) {
    ObjectNode body = Json.MAPPER.createObjectNode();
    body.put("idempotency_key", UUID.randomUUID().toString());
    ArrayNode changes = body.putArray("changes");
    for (int i : indexes) {
      Count count = counts.get(i);
      changes.add(SquareMapper.physicalCount(count.variationId(), count.locationId(), count.quantity(), clock.instant()));
    }
    body.put("ignore_unchanged_counts", true);
    return new Request.Builder().url(s.url(SquareApi.INVENTORY_CHANGES)).post(MarketplaceHttp.json(body)).build();
  }

  private static void settle(ItemOutcome[] out, List<Count> counts, List<Integer> left, SyncFailure e) {
    for (int i : left) {
      String sku = counts.get(i).sku();
      out[i] = e instanceof RateLimitedFailure r
          ? ItemOutcome.throttled(sku, e.code(), e.getMessage(), r.retryAfter().orElse(null))
          : ItemOutcome.retry(sku, e.code(), e.getMessage(), null);
    }
  }
}
