package io.syncfleet.adapters.octopia;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.syncfleet.adapters.http.AccessTokenCache;
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
import java.time.ZoneId;
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
 * A MockWebServer standing in for both Octopia's token server and its Seller API, a real adapter
 * pointed at it, and a clock tests can move. Registered as an extension, it shuts its server down
 * after each test.
 */
final class OctopiaFixture implements AfterEachCallback {
  static final Instant NOW = Instant.parse("2024-06-01T12:00:00Z");
  static final String TOKEN_PATH = "/auth/realms/maas/protocol/openid-connect/token";
  static final String SELLER_ID = "98979";

  final MockWebServer server = new MockWebServer();
  final MovableClock clock = new MovableClock(NOW);
  final MarketplaceHttp http;
  final OctopiaAdapter adapter;

  OctopiaFixture() {
    this(Duration.ofSeconds(5));
  }

  OctopiaFixture(Duration readTimeout) {
    try {
      server.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    http = MarketplaceHttp.create(clock).withReadTimeout(readTimeout);
    adapter = new OctopiaAdapter(http, new AccessTokenCache(clock));
  }

  /** A connection to the mock server with every setting and credential the adapter reads. */
  Connection connection() {
    return connection(Map.of());
  }

  /** The full connection with {@code changes} applied; an empty value removes a setting. */
  Connection connection(Map<String, String> changes) {
    Map<String, String> settings = new HashMap<>();
    settings.put(Connection.BASE_URL, server.url("/seller/v2").toString());
    settings.put("seller_id", SELLER_ID);
    settings.put("vat_rate", "20");
    settings.put("delivery_modes", "TRK:4.90:1.00,REG:6:0");
    settings.put("preparation_time", "2");
    changes.forEach((k, v) -> {
      if (v.isEmpty()) {
        settings.remove(k);
      } else {
        settings.put(k, v);
      }
    });
    return new Connection("acme", "octopia", Environment.PRODUCTION, settings,
        Secrets.of(Map.of("client_id", "client-1", "client_secret", "secret-1")), 1);
  }

  /** Queues a token answer. */
  void token(String accessToken) {
    reply(200, "{\"access_token\":\"" + accessToken + "\",\"expires_in\":7200,\"token_type\":\"Bearer\"}");
  }

  void reply(int status, String json) {
    server.enqueue(new MockResponse().setResponseCode(status)
        .setHeader("Content-Type", "application/json").setBody(json));
  }

  void enqueue(MockResponse response) {
    server.enqueue(response);
  }

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

  /** Takes the token request, then returns the next one. */
  RecordedRequest takeAfterToken() {
    assertEquals(TOKEN_PATH, take().getPath());
    return take();
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

  /** A clock that stands still until a test moves it. */
  static final class MovableClock extends Clock {
    private volatile Instant now;

    MovableClock(Instant now) {
      this.now = now;
    }

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
