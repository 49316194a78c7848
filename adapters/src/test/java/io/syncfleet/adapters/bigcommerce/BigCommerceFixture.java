package io.syncfleet.adapters.bigcommerce;

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
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A MockWebServer standing in for a BigCommerce store, a real adapter pointed at it, and a fixed clock.
 * Registered as an extension, it shuts its server down after each test.
 */
final class BigCommerceFixture implements AfterEachCallback {
  static final Instant NOW = Instant.parse("2024-06-01T12:00:00Z");
  static final String TOKEN = "bc-token-1";
  static final String HASH = "abc123";

  final MockWebServer server = new MockWebServer();
  final BigCommerceAdapter adapter;

  BigCommerceFixture() {
    this(Duration.ofSeconds(5));
  }

  BigCommerceFixture(Duration readTimeout) {
    try {
      server.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    adapter = new BigCommerceAdapter(MarketplaceHttp.create(Clock.fixed(NOW, ZoneOffset.UTC)).withReadTimeout(readTimeout));
  }

  /** A connection to the mock store with a token, the store hash and default settings. */
  Connection connection() {
    return connection(Map.of());
  }

  /** A connection to the mock store with a token and {@code settings}. */
  Connection connection(Map<String, String> settings) {
    Map<String, String> all = new HashMap<>(settings);
    all.putIfAbsent(Connection.BASE_URL, server.url("/").toString());
    all.putIfAbsent("store_hash", HASH);
    return new Connection("acme", "bigcommerce", Environment.PRODUCTION, all,
        Secrets.of(Map.of("access_token", TOKEN)), 1);
  }

  /** Queues a JSON answer. */
  void reply(int status, String json) {
    server.enqueue(new MockResponse().setResponseCode(status)
        .setHeader("Content-Type", "application/json").setBody(json));
  }

  void enqueue(MockResponse response) {
    server.enqueue(response);
  }

  /** The next request, checked to carry the access token and ask for JSON. */
  RecordedRequest take() {
    try {
      RecordedRequest r = server.takeRequest(2, TimeUnit.SECONDS);
      assertNotNull(r, "expected another request");
      assertEquals(TOKEN, r.getHeader("X-Auth-Token"));
      assertEquals("application/json", r.getHeader("Accept"));
      return r;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static JsonNode body(RecordedRequest r) {
    return json(r.getBody().clone().readUtf8());
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
