package io.syncfleet.adapters.octopia;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.syncfleet.adapters.http.AccessTokenCache;
import io.syncfleet.adapters.http.MarketplaceHttp;
import io.syncfleet.adapters.testing.MockMarketplace;
import io.syncfleet.producer.connection.Connection;
import io.syncfleet.producer.connection.Secrets;
import java.time.Duration;
import java.util.Map;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * A MockWebServer standing in for both Octopia's token server and its Seller API, a real adapter
 * pointed at it, and a clock tests can move. Registered as an extension, it shuts its server down
 * after each test.
 */
final class OctopiaFixture extends MockMarketplace {
  static final String TOKEN_PATH = "/auth/realms/maas/protocol/openid-connect/token";
  static final String SELLER_ID = "98979";

  final MovableClock clock = new MovableClock(NOW);
  final MarketplaceHttp http;
  final OctopiaAdapter adapter;

  OctopiaFixture() {
    this(READ_TIMEOUT);
  }

  OctopiaFixture(Duration readTimeout) {
    http = http(clock, readTimeout);
    adapter = new OctopiaAdapter(http, new AccessTokenCache(clock));
  }

  /** A connection to the mock server with every setting and credential the adapter reads. */
  Connection connection() {
    return connection(Map.of());
  }

  /** The full connection with {@code changes} applied; an empty value removes a setting. */
  Connection connection(Map<String, String> changes) {
    Map<String, String> settings = settings("/seller/v2");
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
    return connection("octopia", settings,
        Secrets.of(Map.of("client_id", "client-1", "client_secret", "secret-1")), 1);
  }

  /** Queues a token answer. */
  void token(String accessToken) {
    reply(200, "{\"access_token\":\"" + accessToken + "\",\"expires_in\":7200,\"token_type\":\"Bearer\"}");
  }

  /** Takes the token request, then returns the next one. */
  RecordedRequest takeAfterToken() {
    assertEquals(TOKEN_PATH, take().getPath());
    return take();
  }
}
