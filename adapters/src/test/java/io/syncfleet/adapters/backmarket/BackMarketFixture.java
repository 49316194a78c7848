package io.syncfleet.adapters.backmarket;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.syncfleet.adapters.testing.MockMarketplace;
import io.syncfleet.producer.connection.Connection;
import io.syncfleet.producer.connection.Secrets;
import java.time.Duration;
import java.util.Map;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * A MockWebServer standing in for Back Market, a real adapter pointed at it and a fixed clock.
 * Registered as an extension, it shuts its server down after each test.
 */
final class BackMarketFixture extends MockMarketplace {
  static final String TOKEN = "bm-token-1";
  static final String USER_AGENT = "BM-acme-Syncfleet;ops@acme.example";

  final BackMarketAdapter adapter;

  BackMarketFixture() {
    this(READ_TIMEOUT);
  }

  BackMarketFixture(Duration readTimeout) {
    adapter = new BackMarketAdapter(http(fixedClock(NOW), readTimeout));
  }

  /** A connection to the mock server with the token and the settings the adapter needs. */
  Connection connection() {
    return connection(Map.of(), Secrets.of(Map.of("token", TOKEN)));
  }

  Connection connection(Map<String, String> extraSettings, Secrets secrets) {
    Map<String, String> settings = settings("/");
    settings.put("contact_email", "ops@acme.example");
    settings.putAll(extraSettings);
    return connection("backmarket", settings, secrets, 1);
  }

  /** The next request the server received, checked to carry Back Market's required headers. */
  @Override
  public RecordedRequest take() {
    RecordedRequest r = super.take();
    assertEquals("Basic " + TOKEN, r.getHeader("Authorization"));
    assertEquals("fr-fr", r.getHeader("Accept-Language"));
    assertEquals(USER_AGENT, r.getHeader("User-Agent"));
    assertEquals("application/json", r.getHeader("Accept"));
    return r;
  }
}
