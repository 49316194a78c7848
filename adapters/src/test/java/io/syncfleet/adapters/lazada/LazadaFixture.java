package io.syncfleet.adapters.lazada;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.syncfleet.adapters.http.Hmac;
import io.syncfleet.adapters.http.MarketplaceHttp;
import io.syncfleet.adapters.testing.MockMarketplace;
import io.syncfleet.producer.connection.Connection;
import io.syncfleet.producer.connection.Secrets;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import okhttp3.HttpUrl;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * A MockWebServer standing in for Lazada (API and authorization host alike), a real adapter pointed
 * at it, and a clock fixed at the timestamp of the facts file's signing vector. Registered as an
 * extension, it shuts its server down after each test.
 */
final class LazadaFixture extends MockMarketplace {
  /** The facts file's vector: app key, secret, timestamp (ms) and access token [§0]. */
  static final String APP_KEY = "123456";
  static final String APP_SECRET = "test_app_secret";
  static final long TIMESTAMP = 1517886554000L;
  static final String ACCESS_TOKEN = "tok";
  static final String REFRESH_TOKEN = "refresh-1";

  final MovableClock clock = new MovableClock(Instant.ofEpochMilli(TIMESTAMP));
  final MarketplaceHttp http;
  final LazadaAdapter adapter;

  LazadaFixture() {
    this(READ_TIMEOUT);
  }

  LazadaFixture(Duration readTimeout) {
    http = http(clock, readTimeout);
    adapter = new LazadaAdapter(http);
  }

  /** A connection to the mock server for a Singapore seller. */
  Connection connection() {
    return connection(Map.of(), secrets(), 1);
  }

  Connection connection(Map<String, String> settings) {
    return connection(settings, secrets(), 1);
  }

  Connection connection(Map<String, String> settings, Map<String, String> secrets, long version) {
    Map<String, String> all = settings("/");
    all.put("country", "sg");
    all.putAll(settings);
    return connection("lazada", all, Secrets.of(secrets), version);
  }

  static Map<String, String> secrets() {
    return Map.of("app_key", APP_KEY, "app_secret", APP_SECRET, "access_token", ACCESS_TOKEN,
        "refresh_token", REFRESH_TOKEN);
  }

  /** Queues a success with {@code data} (a JSON value). */
  void ok(String data) {
    reply(200, "{\"code\":\"0\",\"data\":" + data + ",\"request_id\":\"r-1\"}");
  }

  /** Queues an error answer. */
  void error(int status, String type, String code, String message) {
    reply(status, "{\"type\":\"" + type + "\",\"code\":\"" + code + "\",\"message\":\"" + message
        + "\",\"request_id\":\"r-2\"}");
  }

  /** Queues a products/get answer: each entry is {@code itemId:skuId:sellerSku}. */
  void products(String... skus) {
    StringBuilder products = new StringBuilder();
    for (String sku : skus) {
      String[] p = sku.split(":");
      products.append(products.length() == 0 ? "" : ",").append("{\"item_id\":").append(p[0])
          .append(",\"status\":\"Active\",\"skus\":[{\"SellerSku\":\"").append(p[2]).append("\",\"SkuId\":")
          .append(p[1]).append(",\"Status\":\"active\"}]}");
    }
    ok("{\"total_products\":" + skus.length + ",\"products\":[" + products + "]}");
  }

  /**
   * Takes the next request and checks it is a correctly signed call to {@code path} with
   * {@code token}: system parameters in the query, the sign recomputed over every parameter sent.
   * Returns the business parameters.
   */
  Map<String, String> takeCall(String method, String path, String token) {
    RecordedRequest r = take();
    HttpUrl url = r.getRequestUrl();
    assertEquals(method, r.getMethod());
    assertEquals(path, url.encodedPath());
    assertEquals(APP_KEY, url.queryParameter("app_key"));
    assertEquals("sha256", url.queryParameter("sign_method"));
    assertEquals(token, url.queryParameter("access_token"));
    Map<String, String> all = new TreeMap<>();
    for (String name : url.queryParameterNames()) {
      all.put(name, url.queryParameter(name));
    }
    Map<String, String> business = new LinkedHashMap<>(form(r));
    all.putAll(business);
    String sign = all.remove("sign");
    StringBuilder base = new StringBuilder(path);
    all.forEach((k, v) -> base.append(k).append(v));
    assertEquals(Hmac.sha256HexUpper(APP_SECRET, base.toString()), sign, "signature of " + path);
    for (String system : new String[] {"app_key", "timestamp", "sign_method", "access_token"}) {
      all.remove(system);
    }
    if ("POST".equals(method)) {
      for (String name : business.keySet()) {
        assertNull(url.queryParameter(name), name + " travels in the body");
      }
    }
    return all;
  }

  Map<String, String> takeCall(String method, String path) {
    return takeCall(method, path, ACCESS_TOKEN);
  }

  static Map<String, String> form(RecordedRequest r) {
    Map<String, String> out = new LinkedHashMap<>();
    String body = r.getBody().readUtf8();
    if (body.isEmpty()) {
      return out;
    }
    for (String pair : body.split("&")) {
      String[] kv = pair.split("=", 2);
      out.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8), URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
    }
    return out;
  }
}
