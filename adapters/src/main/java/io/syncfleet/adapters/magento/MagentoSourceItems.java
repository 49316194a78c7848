package io.syncfleet.adapters.magento;

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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import okhttp3.Request;

/**
 * Saves MSI source items. Magento saves a call's items all or nothing and refuses an invalid one
 * with a 400 naming it [V code], so the items it names fail and the rest are sent again, until a
 * call succeeds or names none of what is left (then its message fails every item left).
 */
final class MagentoSourceItems {
  private final MagentoAuth auth;

  MagentoSourceItems(MagentoAuth auth) {
    this.auth = auth;
  }

  /** A quantity for a SKU at a source. */
  record Entry(String sku, String sourceCode, int quantity) {}

  /**
   * The outcome of each entry, by position. A throttle or passing fault after some items failed for
   * good leaves the rest THROTTLED or RETRY; before anything is settled it is thrown.
   */
  ItemOutcome[] save(Connection c, MagentoSettings s, List<Entry> entries) {
    ItemOutcome[] out = new ItemOutcome[entries.size()];
    List<Integer> left = new ArrayList<>();
    for (int i = 0; i < entries.size(); i++) {
      left.add(i);
    }
    while (!left.isEmpty()) {
      HttpResult r;
      try {
        r = auth.send(c, request(s, entries, left));
      } catch (RateLimitedFailure | TransientFailure e) {
        if (left.size() == entries.size()) {
          throw e;
        }
        settle(out, entries, left, e);
        return out;
      }
      if (r.isSuccess()) {
        left.forEach(i -> out[i] = ItemOutcome.done(entries.get(i).sku()));
        return out;
      }
      if (r.status() != 400) {
        throw r.permanent();
      }
      Set<String> skus = left.stream().map(i -> entries.get(i).sku()).collect(Collectors.toSet());
      Map<String, String> refused = new LinkedHashMap<>();
      for (MagentoErrors.Entry problem : MagentoErrors.problems(r)) {
        Optional<String> sku = problem.sku(skus);
        sku.ifPresent(k -> refused.merge(k, problem.text(), (a, b) -> a + "; " + b));
      }
      if (refused.isEmpty()) {
        String message = r.error().message();
        left.forEach(i -> out[i] = ItemOutcome.failed(entries.get(i).sku(), null, message));
        return out;
      }
      List<Integer> next = new ArrayList<>();
      for (int i : left) {
        String reason = refused.get(entries.get(i).sku());
        if (reason != null) {
          out[i] = ItemOutcome.failed(entries.get(i).sku(), null, reason);
        } else {
          next.add(i);
        }
      }
      left = next;
    }
    return out;
  }

  private static Request request(MagentoSettings s, List<Entry> entries, List<Integer> indexes) {
    ObjectNode body = Json.MAPPER.createObjectNode();
    ArrayNode items = body.putArray("sourceItems");
    for (int i : indexes) {
      Entry e = entries.get(i);
      items.add(MagentoMapper.sourceItem(e.sku(), e.sourceCode(), e.quantity()));
    }
    return new Request.Builder().url(s.url(MagentoApi.SOURCE_ITEMS)).post(MarketplaceHttp.json(body)).build();
  }

  private static void settle(ItemOutcome[] out, List<Entry> entries, List<Integer> left, SyncFailure e) {
    for (int i : left) {
      String sku = entries.get(i).sku();
      out[i] = e instanceof RateLimitedFailure r
          ? ItemOutcome.throttled(sku, e.code(), e.getMessage(), r.retryAfter().orElse(null))
          : ItemOutcome.retry(sku, e.code(), e.getMessage(), null);
    }
  }
}
