package io.syncfleet.adapters.backmarket;

import com.fasterxml.jackson.databind.JsonNode;
import io.syncfleet.adapters.http.HttpResult;
import io.syncfleet.producer.connection.Connection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import okhttp3.HttpUrl;
import okhttp3.Request;

/**
 * The Back Market listing id behind each SKU. Single-listing updates address a listing by its id
 * only [V], so ids are looked up by SKU ({@code GET /ws/listings/detail?sku=}) and remembered per
 * connection, in memory and bounded: stock and price jobs need them on every call.
 */
final class BackMarketListingIds {
  private static final int MAX_REMEMBERED = 50_000;

  private final BackMarketClient client;
  private final Map<String, String> ids = Collections.synchronizedMap(
      new LinkedHashMap<String, String>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
          return size() > MAX_REMEMBERED;
        }
      });

  BackMarketListingIds(BackMarketClient client) {
    this.client = client;
  }

  /** The SKU's listing id, remembered or looked up; empty when the seller has no listing with that SKU. */
  Optional<String> find(Connection c, BackMarketSettings s, String sku) {
    String known = ids.get(key(c, sku));
    if (known != null) {
      return Optional.of(known);
    }
    HttpUrl url = s.url(BackMarketApi.LISTING_DETAIL).newBuilder().addQueryParameter("sku", sku).build();
    HttpResult r = client.send(c, s, new Request.Builder().url(url).get().build());
    if (r.status() == 404) {
      return Optional.empty();
    }
    JsonNode listing = r.requireSuccess().json();
    // The UUID is preferred [V]; the older integer id still addresses the listing.
    String id = BackMarketErrors.text(listing, "id");
    if (id == null) {
      id = BackMarketErrors.text(listing, "listing_id");
    }
    if (id != null) {
      ids.put(key(c, sku), id);
    }
    return Optional.ofNullable(id);
  }

  /** Forgets the SKU's id, after Back Market no longer knew it. */
  void forget(Connection c, String sku) {
    ids.remove(key(c, sku));
  }

  private static String key(Connection c, String sku) {
    return c.id() + '\n' + c.version() + '\n' + sku.toLowerCase(Locale.ROOT);
  }
}
