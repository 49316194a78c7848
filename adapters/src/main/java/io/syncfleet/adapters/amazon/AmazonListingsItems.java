package io.syncfleet.adapters.amazon;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.syncfleet.adapters.ItemOutcome;
import io.syncfleet.adapters.http.HttpResult;
import io.syncfleet.adapters.http.ItemCalls;
import io.syncfleet.adapters.http.MarketplaceHttp;
import io.syncfleet.producer.connection.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import okhttp3.Request;

/**
 * The Listings Items API, one call per SKU [V]: PUT replaces a whole listing, PATCH replaces single
 * attributes (quantity, price), DELETE removes the listing. Every one is idempotent, so a job that
 * runs twice sends the same state twice.
 */
final class AmazonListingsItems {
  private final AmazonAuth auth;

  AmazonListingsItems(AmazonAuth auth) {
    this.auth = auth;
  }

  /** Sends each item's body with {@code method} and reads each item's outcome. */
  <T> List<ItemOutcome> send(Connection c, AmazonSettings s, List<T> items, Function<T, String> sku,
      String method, Function<T, ObjectNode> body) {
    ItemCalls calls = new ItemCalls();
    List<ItemOutcome> out = new ArrayList<>(items.size());
    for (T item : items) {
      String k = sku.apply(item);
      out.add(calls.run(k, () -> {
        Request request = new Request.Builder().url(s.listingsItem(k))
            .method(method, MarketplaceHttp.json(body.apply(item))).build();
        return AmazonErrors.submission(k, auth.send(c, s, request));
      }));
    }
    return out;
  }

  /** Deletes each SKU's listing; a SKU Amazon does not know is already gone [U: Amazon answers 404]. */
  List<ItemOutcome> delete(Connection c, AmazonSettings s, List<String> skus) {
    ItemCalls calls = new ItemCalls();
    List<ItemOutcome> out = new ArrayList<>(skus.size());
    for (String k : skus) {
      out.add(calls.run(k, () -> {
        HttpResult r = auth.send(c, s, new Request.Builder().url(s.listingsItem(k)).delete().build());
        return r.status() == 404 ? ItemOutcome.done(k) : AmazonErrors.submission(k, r);
      }));
    }
    return out;
  }
}
