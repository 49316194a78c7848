package io.syncfleet.adapters.square;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.syncfleet.adapters.http.AccessTokenCache;
import io.syncfleet.adapters.testing.MockMarketplace;
import io.syncfleet.producer.connection.Connection;
import io.syncfleet.producer.connection.Secrets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * A MockWebServer standing in for Square, a real adapter pointed at it, and a fixed clock.
 * Registered as an extension, it shuts its server down after each test.
 */
final class SquareFixture extends MockMarketplace {
  static final String TOKEN = "EAAA-personal-token";

  final SquareAdapter adapter;

  SquareFixture() {
    this(READ_TIMEOUT);
  }

  SquareFixture(Duration readTimeout) {
    Clock clock = fixedClock(NOW);
    adapter = new SquareAdapter(http(clock, readTimeout), new AccessTokenCache(clock));
  }

  /** A connection to the mock server with a personal access token and default settings. */
  Connection connection() {
    return connection(Map.of());
  }

  /** A connection to the mock server with a personal access token and {@code settings}. */
  Connection connection(Map<String, String> settings) {
    return connection(settings, Map.of("access_token", TOKEN));
  }

  Connection connection(Map<String, String> settings, Map<String, String> secrets) {
    Map<String, String> all = settings("/");
    all.putAll(settings);
    return connection("square", all, Secrets.of(secrets), 1);
  }

  /** The next request, checked to carry the personal token and Square's version header. */
  @Override
  public RecordedRequest take() {
    RecordedRequest r = takeAny();
    assertEquals("Bearer " + TOKEN, r.getHeader("Authorization"));
    return r;
  }

  /** The next request, checked to carry Square's version header. */
  RecordedRequest takeAny() {
    RecordedRequest r = super.take();
    assertEquals("2026-01-22", r.getHeader("Square-Version"));
    return r;
  }
}
