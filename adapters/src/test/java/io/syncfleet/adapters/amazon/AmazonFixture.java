package io.syncfleet.adapters.amazon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.syncfleet.adapters.http.AccessTokenCache;
import io.syncfleet.adapters.http.MarketplaceHttp;
import io.syncfleet.producer.Json;
import io.syncfleet.producer.connection.Connection;
import io.syncfleet.producer.connection.Environment;
import io.syncfleet.producer.connection.Secrets;
import io.syncfleet.producer.job.Listing;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A MockWebServer standing in for the SP-API host and Login with Amazon, a real adapter pointed at
 * it, and a clock tests can move. Registered as an extension, it shuts its server down after each test.
 */
final class AmazonFixture implements AfterEachCallback {
  static final Instant NOW = Instant.parse("2024-06-01T12:00:00Z");
  static final String CLIENT_ID = "amzn1.application-oa2-client.test";
  static final String CLIENT_SECRET = "amzn1.oa2-cs.v1.secret";
  static final String REFRESH_TOKEN = "Atzr|refresh-1";
  static final String SELLER = "A1SELLER";
  static final String MARKETPLACE = "A1PA6795UKMFR9";
  static final String TOKEN_PATH = "/auth/o2/token";

  final MockWebServer server = new MockWebServer();
  final MovableClock clock = new MovableClock(NOW);
  final AmazonAdapter adapter;

  AmazonFixture() {
    this(Duration.ofSeconds(5));
  }

  AmazonFixture(Duration readTimeout) {
    try {
      server.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    adapter = new AmazonAdapter(MarketplaceHttp.create(clock).withReadTimeout(readTimeout),
        new AccessTokenCache(clock));
  }

  /** A connection to the mock server with every setting and credential the adapter reads. */
  Connection connection() {
    return connection(Secrets.of(Map.of("client_id", CLIENT_ID, "client_secret", CLIENT_SECRET,
        "refresh_token", REFRESH_TOKEN)));
  }

  Connection connection(Secrets secrets) {
    return connection(secrets, Map.of());
  }

  /** A connection with {@code extra} settings added to (or replacing) the usual ones. */
  Connection connection(Secrets secrets, Map<String, String> extra) {
    Map<String, String> settings = new HashMap<>();
    settings.put(Connection.BASE_URL, server.url("/").toString());
    settings.put("seller_id", SELLER);
    settings.put("marketplace_id", MARKETPLACE);
    settings.put("region", "eu");
    settings.put("language_tag", "de_DE");
    settings.putAll(extra);
    return new Connection("acme", "amazon", Environment.PRODUCTION, settings, secrets, 1);
  }

  /** A listing that passes Amazon's rules for a new product. */
  static Listing listing(String sku) {
    return new Listing(sku, "Mug " + sku, "A red mug", "Acme", "MPN-1", "4006381333931", Listing.Condition.NEW,
        new BigDecimal("12.50"), "EUR", 7, List.of("https://img.example.com/" + sku + ".jpg"), "HOME",
        Map.of(), null, Map.of());
  }

  /** Queues a successful token answer. */
  void token(String accessToken) {
    reply(200, "{\"access_token\":\"" + accessToken + "\",\"token_type\":\"bearer\",\"expires_in\":3600,"
        + "\"refresh_token\":\"" + REFRESH_TOKEN + "\"}");
  }

  /** Queues a JSON answer. */
  void reply(int status, String json) {
    server.enqueue(new MockResponse().setResponseCode(status)
        .setHeader("Content-Type", "application/json").setBody(json));
  }

  /** Queues an accepted Listings Items submission. */
  void accepted(String sku) {
    reply(200, "{\"sku\":\"" + sku + "\",\"status\":\"ACCEPTED\",\"submissionId\":\"sub-" + sku + "\",\"issues\":[]}");
  }

  /** Queues Amazon's throttle answer with the rate it applied. */
  void throttled(String rate) {
    server.enqueue(new MockResponse().setResponseCode(429).setHeader("Content-Type", "application/json")
        .setHeader("x-amzn-RateLimit-Limit", rate)
        .setBody("{\"errors\":[{\"code\":\"QuotaExceeded\",\"message\":\"You exceeded your quota for the "
            + "requested resource.\",\"details\":\"\"}]}"));
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
    assertEquals(TOKEN_PATH, take().getPath(), "expected the token request first");
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
