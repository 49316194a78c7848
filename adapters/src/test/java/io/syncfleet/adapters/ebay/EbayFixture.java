package io.syncfleet.adapters.ebay;

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
 * A MockWebServer standing in for eBay, a real adapter pointed at it, and a clock tests can move.
 * Registered as an extension, it shuts its server down after each test.
 */
final class EbayFixture implements AfterEachCallback {
  static final Instant NOW = Instant.parse("2024-06-01T12:00:00Z");
  static final String CLIENT_ID = "client-1";
  static final String CLIENT_SECRET = "secret-1";
  static final String REFRESH_TOKEN = "refresh-1";

  final MockWebServer server = new MockWebServer();
  final MovableClock clock = new MovableClock(NOW);
  final EbayAdapter adapter;

  EbayFixture() {
    this(Duration.ofSeconds(5));
  }

  EbayFixture(Duration readTimeout) {
    try {
      server.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    adapter = new EbayAdapter(MarketplaceHttp.create(clock).withReadTimeout(readTimeout),
        new AccessTokenCache(clock));
  }

  /** A connection to the mock server with every setting and credential the adapter reads. */
  Connection connection() {
    return connection(Secrets.of(Map.of("client_id", CLIENT_ID, "client_secret", CLIENT_SECRET,
        "refresh_token", REFRESH_TOKEN)));
  }

  Connection connection(Secrets secrets) {
    Map<String, String> settings = new HashMap<>();
    settings.put(Connection.BASE_URL, server.url("/").toString());
    settings.put("merchant_location_key", "wh-1");
    settings.put("fulfillment_policy_id", "fp-1");
    settings.put("payment_policy_id", "pp-1");
    settings.put("return_policy_id", "rp-1");
    settings.put("category_id", "9355");
    return new Connection("acme", "ebay", Environment.PRODUCTION, settings, secrets, 1);
  }

  /** Queues a successful token answer. */
  void token(String accessToken) {
    reply(200, "{\"access_token\":\"" + accessToken + "\",\"expires_in\":7200,\"token_type\":\"User Access Token\"}");
  }

  /** Queues a JSON answer. */
  void reply(int status, String json) {
    server.enqueue(new MockResponse().setResponseCode(status)
        .setHeader("Content-Type", "application/json").setBody(json));
  }

  /** Queues an answer without a body. */
  void reply(int status) {
    server.enqueue(new MockResponse().setResponseCode(status));
  }

  void enqueue(MockResponse response) {
    server.enqueue(response);
  }

  /** The next request the server received; fails when there is none. */
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

  /** Takes the token request, then the next one, which is returned. */
  RecordedRequest takeAfterToken() {
    RecordedRequest token = take();
    if (!token.getPath().equals("/identity/v1/oauth2/token")) {
      throw new AssertionError("expected the token request, got " + token.getPath());
    }
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
