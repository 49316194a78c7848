package io.syncfleet.adapters.magento;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.syncfleet.adapters.testing.MockMarketplace;
import io.syncfleet.producer.connection.Connection;
import io.syncfleet.producer.connection.Secrets;
import java.time.Duration;
import java.util.Map;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * A MockWebServer standing in for a Magento store, a real adapter pointed at it, and a fixed clock.
 * Registered as an extension, it shuts its server down after each test.
 */
final class MagentoFixture extends MockMarketplace {
  static final String TOKEN = "integration-token-1";

  final MagentoAdapter adapter;

  MagentoFixture() {
    this(READ_TIMEOUT);
  }

  MagentoFixture(Duration readTimeout) {
    adapter = new MagentoAdapter(http(fixedClock(NOW), readTimeout));
  }

  /** A connection to the mock store with a token and default settings. */
  Connection connection() {
    return connection(Map.of());
  }

  /** A connection to the mock store with a token and {@code settings}. */
  Connection connection(Map<String, String> settings) {
    Map<String, String> all = settings("/");
    all.putAll(settings);
    return connection("magento", all, Secrets.of(Map.of("access_token", TOKEN)), 1);
  }

  /** The next request, checked to carry the bearer token and ask for JSON. */
  @Override
  public RecordedRequest take() {
    RecordedRequest r = super.take();
    assertEquals("Bearer " + TOKEN, r.getHeader("Authorization"));
    assertEquals("application/json", r.getHeader("Accept"));
    return r;
  }
}
