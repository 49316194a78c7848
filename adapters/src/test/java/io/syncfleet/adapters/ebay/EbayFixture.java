package io.syncfleet.adapters.ebay;

import io.syncfleet.adapters.http.AccessTokenCache;
import io.syncfleet.adapters.testing.MockMarketplace;
import io.syncfleet.producer.connection.Connection;
import io.syncfleet.producer.connection.Secrets;
import java.time.Duration;
import java.util.Map;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * A MockWebServer standing in for eBay, a real adapter pointed at it, and a clock tests can move.
 * Registered as an extension, it shuts its server down after each test.
 */
final class EbayFixture extends MockMarketplace {
  static final String CLIENT_ID = "client-1";
  static final String CLIENT_SECRET = "secret-1";
  static final String REFRESH_TOKEN = "refresh-1";

  final MovableClock clock = new MovableClock(NOW);
  final EbayAdapter adapter;

  EbayFixture() {
    this(READ_TIMEOUT);
  }

  EbayFixture(Duration readTimeout) {
    adapter = new EbayAdapter(http(clock, readTimeout), new AccessTokenCache(clock));
  }

  /** A connection to the mock server with every setting and credential the adapter reads. */
  Connection connection() {
    return connection(Secrets.of(Map.of("client_id", CLIENT_ID, "client_secret", CLIENT_SECRET,
        "refresh_token", REFRESH_TOKEN)));
  }

  Connection connection(Secrets secrets) {
    Map<String, String> settings = settings("/");
    settings.put("merchant_location_key", "wh-1");
    settings.put("fulfillment_policy_id", "fp-1");
    settings.put("payment_policy_id", "pp-1");
    settings.put("return_policy_id", "rp-1");
    settings.put("category_id", "9355");
    return connection("ebay", settings, secrets, 1);
  }

  /** Queues a successful token answer. */
  void token(String accessToken) {
    reply(200, "{\"access_token\":\"" + accessToken + "\",\"expires_in\":7200,\"token_type\":\"User Access Token\"}");
  }

  /** Takes the token request, then the next one, which is returned. */
  RecordedRequest takeAfterToken() {
    RecordedRequest token = take();
    if (!token.getPath().equals("/identity/v1/oauth2/token")) {
      throw new AssertionError("expected the token request, got " + token.getPath());
    }
    return take();
  }
}
