package io.syncfleet.adapters.manomano;

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
 * A MockWebServer standing in for ManoMano's Partner API, a real adapter pointed at it and a fixed
 * clock. Registered as an extension, it shuts its server down after each test.
 */
final class ManoManoFixture implements AfterEachCallback {
  static final Instant NOW = Instant.parse("2024-06-01T12:00:00Z");
  static final String API_KEY = "mm-key-1";
  static final String CONTRACT = "3497732";

  final MockWebServer server = new MockWebServer();
  final ManoManoAdapter adapter;

  ManoManoFixture() {
    this(Duration.ofSeconds(5));
  }

  ManoManoFixture(Duration readTimeout) {
    try {
      server.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    adapter = new ManoManoAdapter(MarketplaceHttp.create(Clock.fixed(NOW, ZoneOffset.UTC))
        .withReadTimeout(readTimeout));
  }

  /** A connection to the mock server with the key and the seller contract. */
  Connection connection() {
    return connection(Map.of(), Secrets.of(Map.of("api_key", API_KEY)));
  }

  Connection connection(Map<String, String> extraSettings, Secrets secrets) {
    Map<String, String> settings = new HashMap<>();
    settings.put(Connection.BASE_URL, server.url("/").toString());
    settings.put("seller_contract_id", CONTRACT);
    settings.putAll(extraSettings);
    return new Connection("acme", "manomano", Environment.PRODUCTION, settings, secrets, 1);
  }

  /** Queues a JSON answer. */
  void reply(int status, String json) {
    server.enqueue(new MockResponse().setResponseCode(status)
        .setHeader("Content-Type", "application/json").setBody(json));
  }

  void enqueue(MockResponse response) {
    server.enqueue(response);
  }

  /** The next request, checked to carry the key and the default integration name. */
  RecordedRequest take() {
    try {
      RecordedRequest r = server.takeRequest(2, TimeUnit.SECONDS);
      assertNotNull(r, "expected another request");
      assertEquals(API_KEY, r.getHeader("x-api-key"));
      assertEquals("Syncfleet_1", r.getHeader("x-thirdparty-name"));
      return r;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
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
