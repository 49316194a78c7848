package io.syncfleet.adapters.refurbed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
 * A MockWebServer standing in for refurbed's gateway, a real adapter pointed at it and a fixed clock.
 * Registered as an extension, it shuts its server down after each test.
 */
final class RefurbedFixture implements AfterEachCallback {
  static final Instant NOW = Instant.parse("2024-06-01T12:00:00Z");
  static final String TOKEN = "rf-token-1";

  final MockWebServer server = new MockWebServer();
  final RefurbedAdapter adapter;

  RefurbedFixture() {
    this(Duration.ofSeconds(5));
  }

  RefurbedFixture(Duration readTimeout) {
    try {
      server.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    adapter = new RefurbedAdapter(MarketplaceHttp.create(Clock.fixed(NOW, ZoneOffset.UTC))
        .withReadTimeout(readTimeout));
  }

  /** A connection to the mock server with the token and a shipping profile. */
  Connection connection() {
    return connection(Map.of("shipping_profile_id", "sp-1"), Secrets.of(Map.of("token", TOKEN)));
  }

  Connection connection(Map<String, String> extraSettings, Secrets secrets) {
    Map<String, String> settings = new HashMap<>(extraSettings);
    settings.put(Connection.BASE_URL, server.url("/").toString());
    return new Connection("acme", "refurbed", Environment.PRODUCTION, settings, secrets, 1);
  }

  /** Queues a JSON answer. */
  void reply(int status, String json) {
    server.enqueue(new MockResponse().setResponseCode(status)
        .setHeader("Content-Type", "application/json").setBody(json));
  }

  void enqueue(MockResponse response) {
    server.enqueue(response);
  }

  /** The next call, checked to be an authorized JSON POST to {@code method}; returns its body. */
  JsonNode take(String method) {
    try {
      RecordedRequest r = server.takeRequest(2, TimeUnit.SECONDS);
      assertNotNull(r, "expected another request");
      assertEquals("POST", r.getMethod());
      assertEquals("/refb.merchant.v1." + method, r.getPath());
      assertEquals("Plain " + TOKEN, r.getHeader("Authorization"));
      assertTrue(r.getHeader("Content-Type").startsWith("application/json"));
      return Json.MAPPER.readTree(r.getBody().readUtf8());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
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
