package io.syncfleet.adapters.woocommerce;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.syncfleet.adapters.http.MarketplaceHttp;
import io.syncfleet.adapters.testing.MockMarketplace;
import io.syncfleet.producer.connection.Connection;
import io.syncfleet.producer.connection.Secrets;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * A scripted WooCommerce shop for contract tests: a real MockWebServer and a real adapter. The server
 * speaks plain HTTP, so calls are OAuth 1.0a-signed as WooCommerce requires there; {@link #https}
 * gives an adapter that believes it talks to an HTTPS shop (and so uses Basic auth), with its calls
 * routed to the same server. Registered as an extension, it shuts its server down after each test.
 */
final class WooCommerceMockShop extends MockMarketplace {
  static final String KEY = "ck_test";
  static final String SECRET = "cs_test";
  static final String NONCE = "kYjzVBB8Y0ZFabxSWbWovY3uYSQ2pTgm";
  static final String REST = "/wp-json/wc/v3/";

  final Clock clock = fixedClock(NOW);
  final WooCommerceAdapter adapter;

  WooCommerceMockShop() {
    this(READ_TIMEOUT);
  }

  WooCommerceMockShop(Duration readTimeout) {
    adapter = new WooCommerceAdapter(http(clock, readTimeout), new WooCommerceAuth(clock, () -> NONCE));
  }

  /** An adapter whose calls to https://shop.example go to this server, as an HTTPS shop would be reached. */
  WooCommerceAdapter https() {
    OkHttpClient routed = new OkHttpClient.Builder().addInterceptor(chain -> {
      HttpUrl to = chain.request().url().newBuilder().scheme("http").host(server.getHostName())
          .port(server.getPort()).build();
      return chain.proceed(chain.request().newBuilder().url(to).build());
    }).build();
    return new WooCommerceAdapter(new MarketplaceHttp(routed, clock), new WooCommerceAuth(clock, () -> NONCE));
  }

  /** A connection to this server with both credentials. */
  Connection connection() {
    return connection(settings("/"));
  }

  /** A connection with {@code settings} and both credentials. */
  Connection connection(Map<String, String> settings) {
    return connection("woocommerce", new HashMap<>(settings),
        Secrets.of(Map.of("consumer_key", KEY, "consumer_secret", SECRET)), 1);
  }

  /** Queues a list answer with the page count header. */
  void page(int totalPages, String jsonArray) {
    server.enqueue(json(200, jsonArray).setHeader("X-WP-TotalPages", String.valueOf(totalPages)));
  }

  /** Queues the answer of a SKU search that finds {@code products} (JSON objects, comma-separated). */
  void found(String... products) {
    page(1, "[" + String.join(",", products) + "]");
  }

  static MockResponse json(int status, String body) {
    return new MockResponse().setResponseCode(status).setHeader("Content-Type", "application/json").setBody(body);
  }

  /** A simple product as a SKU search answers it. */
  static String simple(long id, String sku) {
    return "{\"id\":" + id + ",\"sku\":\"" + sku + "\",\"type\":\"simple\",\"parent_id\":0,\"attributes\":[],\"images\":[]}";
  }

  /** A variation of {@code parent} as a SKU search answers it. */
  static String variation(long id, String sku, long parent) {
    return "{\"id\":" + id + ",\"sku\":\"" + sku + "\",\"type\":\"variation\",\"parent_id\":" + parent
        + ",\"attributes\":[],\"images\":[]}";
  }

  /** The next request, checked to be {@code method} on {@code REST + path} and validly signed. */
  RecordedRequest take(String method, String path) {
    RecordedRequest r = take();
    assertEquals(method, r.getMethod());
    assertEquals(REST + path, r.getRequestUrl().encodedPath());
    assertSigned(r);
    return r;
  }

  /** The request carries WooCommerce's OAuth 1.0a parameters and a signature that matches them. */
  static void assertSigned(RecordedRequest r) {
    HttpUrl url = r.getRequestUrl();
    assertEquals(KEY, url.queryParameter("oauth_consumer_key"));
    assertEquals(NONCE, url.queryParameter("oauth_nonce"));
    assertEquals("HMAC-SHA256", url.queryParameter("oauth_signature_method"));
    assertEquals(String.valueOf(NOW.getEpochSecond()), url.queryParameter("oauth_timestamp"));
    HttpUrl unsigned = url.newBuilder().removeAllQueryParameters("oauth_signature").build();
    assertEquals(WooCommerceOAuth1.signature(r.getMethod(), unsigned, SECRET), url.queryParameter("oauth_signature"));
  }
}
