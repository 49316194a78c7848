package io.syncfleet.adapters.shopee;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.syncfleet.adapters.http.Hmac;
import io.syncfleet.adapters.http.MarketplaceHttp;
import io.syncfleet.adapters.testing.MockMarketplace;
import io.syncfleet.producer.connection.Connection;
import io.syncfleet.producer.connection.Secrets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import okhttp3.HttpUrl;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * A MockWebServer standing in for Shopee, a real adapter pointed at it, and a clock fixed at the
 * timestamp of the facts file's signing vectors, so signatures in requests are known values.
 * Registered as an extension, it shuts its server down after each test.
 */
final class ShopeeFixture extends MockMarketplace {
  /** The test vectors' partner, key, timestamp, access token and shop [§0]. */
  static final long PARTNER_ID = 2001887;
  static final String PARTNER_KEY = "test_partner_key_123";
  static final long TIMESTAMP = 1655714431;
  static final String ACCESS_TOKEN = "59777174636562737266615546704c6d";
  static final long SHOP_ID = 14701711;
  static final String REFRESH_TOKEN = "refresh-1";

  final MovableClock clock = new MovableClock(Instant.ofEpochSecond(TIMESTAMP));
  final MarketplaceHttp http;
  final ShopeeAdapter adapter;

  ShopeeFixture() {
    this(READ_TIMEOUT);
  }

  ShopeeFixture(Duration readTimeout) {
    http = http(clock, readTimeout);
    adapter = new ShopeeAdapter(http);
  }

  /** A connection to the mock server in region SG with one logistics channel. */
  Connection connection() {
    return connection(Map.of(), secrets());
  }

  /** A connection with extra (or overriding) settings. */
  Connection connection(Map<String, String> settings) {
    return connection(settings, secrets());
  }

  Connection connection(Map<String, String> settings, Map<String, String> secrets) {
    return connection(settings, secrets, 1);
  }

  Connection connection(Map<String, String> settings, Map<String, String> secrets, long version) {
    Map<String, String> all = settings("/");
    all.put("shop_id", String.valueOf(SHOP_ID));
    all.put("region", "SG");
    all.put("logistic_ids", "10001");
    all.putAll(settings);
    return connection("shopee", all, Secrets.of(secrets), version);
  }

  static Map<String, String> secrets() {
    return Map.of("partner_id", String.valueOf(PARTNER_ID), "partner_key", PARTNER_KEY,
        "access_token", ACCESS_TOKEN, "refresh_token", REFRESH_TOKEN);
  }

  /** Queues a successful envelope around {@code response} (a JSON object). */
  void ok(String response) {
    reply(200, "{\"error\":\"\",\"message\":\"\",\"request_id\":\"r-1\",\"response\":" + response + "}");
  }

  /** Queues an error envelope. */
  void error(int status, String code, String message) {
    reply(status, "{\"error\":\"" + code + "\",\"message\":\"" + message + "\",\"request_id\":\"r-2\"}");
  }

  /** Queues a search_item answer finding {@code itemIds}. */
  void search(long... itemIds) {
    StringBuilder ids = new StringBuilder();
    for (long id : itemIds) {
      ids.append(ids.length() == 0 ? "" : ",").append(id);
    }
    ok("{\"item_id_list\":[" + ids + "],\"total_count\":" + itemIds.length + ",\"next_offset\":\"\"}");
  }

  /** Queues a get_item_base_info answer with one item. */
  void baseInfo(long itemId, String itemSku, boolean hasModel, String status) {
    ok("{\"item_list\":[{\"item_id\":" + itemId + ",\"item_sku\":\"" + itemSku + "\",\"has_model\":" + hasModel
        + ",\"item_status\":\"" + status + "\"}]}");
  }

  /** Takes the next request and checks it is a correctly signed shop call to {@code path} with {@code token}. */
  RecordedRequest takeShopCall(String method, String path, String token) {
    RecordedRequest r = take();
    HttpUrl url = r.getRequestUrl();
    assertEquals(method, r.getMethod());
    assertEquals(path, url.encodedPath());
    assertEquals(String.valueOf(PARTNER_ID), url.queryParameter("partner_id"));
    assertEquals(String.valueOf(SHOP_ID), url.queryParameter("shop_id"));
    assertEquals(token, url.queryParameter("access_token"));
    String timestamp = url.queryParameter("timestamp");
    assertEquals(Hmac.sha256Hex(PARTNER_KEY, PARTNER_ID + path + timestamp + token + SHOP_ID),
        url.queryParameter("sign"), "shop signature of " + path);
    return r;
  }

  RecordedRequest takeShopCall(String method, String path) {
    return takeShopCall(method, path, ACCESS_TOKEN);
  }
}
