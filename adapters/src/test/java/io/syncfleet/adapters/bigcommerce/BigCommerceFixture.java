package io.syncfleet.adapters.bigcommerce;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.syncfleet.adapters.testing.MockMarketplace;
import io.syncfleet.producer.connection.Connection;
import io.syncfleet.producer.connection.Secrets;
import java.time.Duration;
import java.util.Map;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * A MockWebServer standing in for a BigCommerce store, a real adapter pointed at it, and a fixed clock.
 * Registered as an extension, it shuts its server down after each test.
 */
final class BigCommerceFixture extends MockMarketplace {
  static final String TOKEN = "bc-token-1";
  static final String HASH = "abc123";

  final BigCommerceAdapter adapter;

  BigCommerceFixture() {
    this(READ_TIMEOUT);
  }

  BigCommerceFixture(Duration readTimeout) {
    adapter = new BigCommerceAdapter(http(fixedClock(NOW), readTimeout));
  }

  /** A connection to the mock store with a token, the store hash and default settings. */
  Connection connection() {
    return connection(Map.of());
  }

  /** A connection to the mock store with a token and {@code settings}. */
  Connection connection(Map<String, String> settings) {
    Map<String, String> all = settings("/");
    all.putAll(settings);
    all.putIfAbsent("store_hash", HASH);
    return connection("bigcommerce", all, Secrets.of(Map.of("access_token", TOKEN)), 1);
  }

  /** The next request, checked to carry the access token and ask for JSON. */
  @Override
  public RecordedRequest take() {
    RecordedRequest r = super.take();
    assertEquals(TOKEN, r.getHeader("X-Auth-Token"));
    assertEquals("application/json", r.getHeader("Accept"));
    return r;
  }
}
