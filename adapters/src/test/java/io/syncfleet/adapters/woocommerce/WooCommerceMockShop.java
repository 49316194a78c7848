package io.syncfleet.adapters.woocommerce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.syncfleet.adapters.http.MarketplaceHttp;
import io.syncfleet.producer.Json;
import io.syncfleet.producer.connection.Connection;
import io.syncfleet.producer.connection.Environment;
import io.syncfleet.producer.connection.Secrets;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A scripted WooCommerce shop for contract tests: a real MockWebServer and a real adapter. The server
 * speaks plain HTTP, so calls are OAuth 1.0a-signed as WooCommerce requires there; {@link #https}
 * gives an adapter that believes it talks to an HTTPS shop (and so uses Basic auth), with its calls
 * routed to the same server. Registered as an extension, it shuts its server down after each test.
 */
final class WooCommerceMockShop implements AfterEachCallback {
  static final Instant NOW = Instant.parse("2024-06-01T12:00:00Z");
  static final String KEY = "ck_test";
  static final String SECRET = "cs_test";
  static final String NONCE = "kYjzVBB8Y0ZFabxSWbWovY3uYSQ2pTgm";
  static final String REST = "/wp-json/wc/v3/";

  final MockWebServer server = new MockWebServer();
  final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
  final WooCommerceAdapter adapter;

  WooCommerceMockShop() {
    this(Duration.ofSeconds(5));
  }

  WooCommerceMockShop(Duration readTimeout) {
    try {
      server.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    adapter = new WooCommerceAdapter(MarketplaceHttp.create(clock).withReadTimeout(readTimeout),
        new WooCommerceAuth(clock, () -> NONCE));
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
    return connection(Map.of(Connection.BASE_URL, server.url("/").toString()));
  }

  /** A connection with {@code settings} and both credentials. */
  Connection connection(Map<String, String> settings) {
    return new Connection("acme", "woocommerce", Environment.PRODUCTION, new HashMap<>(settings),
        Secrets.of(Map.of("consumer_key", KEY, "consumer_secret", SECRET)), 1);
  }

  /** Queues a JSON answer. */
  void reply(int status, String json) {
    server.enqueue(json(status, json));
  }

  /** Queues a list answer with the page count header. */
  void page(int totalPages, String jsonArray) {
    server.enqueue(json(200, jsonArray).setHeader("X-WP-TotalPages", String.valueOf(totalPages)));
  }

  /** Queues the answer of a SKU search that finds {@code products} (JSON objects, comma-separated). */
  void found(String... products) {
    page(1, "[" + String.join(",", products) + "]");
  }

  void enqueue(MockResponse response) {
    server.enqueue(response);
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

  /** The next request the shop received; fails when there is none. */
  RecordedRequest take() {
    try {
      RecordedRequest r = server.takeRequest(2, TimeUnit.SECONDS);
      assertNotNull(r, "expected another request");
      return r;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
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

  static JsonNode body(RecordedRequest r) {
    return json(r.getBody().readUtf8());
  }

  static JsonNode json(String text) {
    try {
      return Json.MAPPER.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void afterEach(ExtensionContext context) throws IOException {
    server.shutdown();
  }
}
