package io.syncfleet.adapters.backmarket;

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
 * A MockWebServer standing in for Back Market, a real adapter pointed at it and a fixed clock.
 * Registered as an extension, it shuts its server down after each test.
 */
final class BackMarketFixture implements AfterEachCallback {
  static final Instant NOW = Instant.parse("2024-06-01T12:00:00Z");
  static final String TOKEN = "bm-token-1";
  static final String USER_AGENT = "BM-acme-Syncfleet;ops@acme.example";

  final MockWebServer server = new MockWebServer();
  final BackMarketAdapter adapter;

  BackMarketFixture() {
    this(Duration.ofSeconds(5));
  }

  BackMarketFixture(Duration readTimeout) {
    try {
      server.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    adapter = new BackMarketAdapter(MarketplaceHttp.create(Clock.fixed(NOW, ZoneOffset.UTC))
        .withReadTimeout(readTimeout));
  }

  /** A connection to the mock server with the token and the settings the adapter needs. */
  Connection connection() {
    return connection(Map.of(), Secrets.of(Map.of("token", TOKEN)));
  }

  Connection connection(Map<String, String> extraSettings, Secrets secrets) {
    Map<String, String> settings = new HashMap<>();
    settings.put(Connection.BASE_URL, server.url("/").toString());
    settings.put("contact_email", "ops@acme.example");
    settings.putAll(extraSettings);
    return new Connection("acme", "backmarket", Environment.PRODUCTION, settings, secrets, 1);
  }

  /** Queues a JSON answer. */
  void reply(int status, String json) {
    server.enqueue(new MockResponse().setResponseCode(status)
        .setHeader("Content-Type", "application/json").setBody(json));
  }

  void enqueue(MockResponse response) {
    server.enqueue(response);
  }

  /** The next request the server received, checked to carry Back Market's required headers. */
  RecordedRequest take() {
    try {
      RecordedRequest r = server.takeRequest(2, TimeUnit.SECONDS);
      assertNotNull(r, "expected another request");
      assertEquals("Basic " + TOKEN, r.getHeader("Authorization"));
      assertEquals("fr-fr", r.getHeader("Accept-Language"));
      assertEquals(USER_AGENT, r.getHeader("User-Agent"));
      assertEquals("application/json", r.getHeader("Accept"));
      return r;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static JsonNode body(RecordedRequest r) {
    try {
      return Json.MAPPER.readTree(r.getBody().readUtf8());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void afterEach(ExtensionContext context) throws IOException {
    server.shutdown();
  }
}
