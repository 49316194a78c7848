package io.syncfleet.adapters.magento;

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
 * A MockWebServer standing in for a Magento store, a real adapter pointed at it, and a fixed clock.
 * Registered as an extension, it shuts its server down after each test.
 */
final class MagentoFixture implements AfterEachCallback {
  static final Instant NOW = Instant.parse("2024-06-01T12:00:00Z");
  static final String TOKEN = "integration-token-1";

  final MockWebServer server = new MockWebServer();
  final MagentoAdapter adapter;

  MagentoFixture() {
    this(Duration.ofSeconds(5));
  }

  MagentoFixture(Duration readTimeout) {
    try {
      server.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    adapter = new MagentoAdapter(MarketplaceHttp.create(Clock.fixed(NOW, ZoneOffset.UTC)).withReadTimeout(readTimeout));
  }

  /** A connection to the mock store with a token and default settings. */
  Connection connection() {
    return connection(Map.of());
  }

  /** A connection to the mock store with a token and {@code settings}. */
  Connection connection(Map<String, String> settings) {
    Map<String, String> all = new HashMap<>(settings);
    all.putIfAbsent(Connection.BASE_URL, server.url("/").toString());
    return new Connection("acme", "magento", Environment.PRODUCTION, all,
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

  /** The next request, checked to carry the bearer token and ask for JSON. */
  RecordedRequest take() {
    try {
      RecordedRequest r = server.takeRequest(2, TimeUnit.SECONDS);
      assertNotNull(r, "expected another request");
      assertEquals("Bearer " + TOKEN, r.getHeader("Authorization"));
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
