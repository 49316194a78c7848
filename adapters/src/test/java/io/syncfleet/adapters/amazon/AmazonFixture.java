package io.syncfleet.adapters.amazon;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.syncfleet.adapters.http.AccessTokenCache;
import io.syncfleet.adapters.testing.MockMarketplace;
import io.syncfleet.producer.connection.Connection;
import io.syncfleet.producer.connection.Secrets;
import io.syncfleet.producer.job.Listing;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * A MockWebServer standing in for the SP-API host and Login with Amazon, a real adapter pointed at
 * it, and a clock tests can move. Registered as an extension, it shuts its server down after each test.
 */
final class AmazonFixture extends MockMarketplace {
  static final String CLIENT_ID = "amzn1.application-oa2-client.test";
  static final String CLIENT_SECRET = "amzn1.oa2-cs.v1.secret";
  static final String REFRESH_TOKEN = "Atzr|refresh-1";
  static final String SELLER = "A1SELLER";
  static final String MARKETPLACE = "A1PA6795UKMFR9";
  static final String TOKEN_PATH = "/auth/o2/token";

  final MovableClock clock = new MovableClock(NOW);
  final AmazonAdapter adapter;

  AmazonFixture() {
    this(READ_TIMEOUT);
  }

  AmazonFixture(Duration readTimeout) {
    adapter = new AmazonAdapter(http(clock, readTimeout), new AccessTokenCache(clock));
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
    Map<String, String> settings = settings("/");
    settings.put("seller_id", SELLER);
    settings.put("marketplace_id", MARKETPLACE);
    settings.put("region", "eu");
    settings.put("language_tag", "de_DE");
    settings.putAll(extra);
    return connection("amazon", settings, secrets, 1);
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

  /** Queues an accepted Listings Items submission. */
  void accepted(String sku) {
    reply(200, "{\"sku\":\"" + sku + "\",\"status\":\"ACCEPTED\",\"submissionId\":\"sub-" + sku + "\",\"issues\":[]}");
  }

  /** Queues Amazon's throttle answer with the rate it applied. */
  void throttled(String rate) {
    enqueue(new MockResponse().setResponseCode(429).setHeader("Content-Type", "application/json")
        .setHeader("x-amzn-RateLimit-Limit", rate)
        .setBody("{\"errors\":[{\"code\":\"QuotaExceeded\",\"message\":\"You exceeded your quota for the "
            + "requested resource.\",\"details\":\"\"}]}"));
  }

  /** Takes the token request, then the next one, which is returned. */
  RecordedRequest takeAfterToken() {
    assertEquals(TOKEN_PATH, take().getPath(), "expected the token request first");
    return take();
  }
}
