package io.syncfleet.adapters.refurbed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.syncfleet.adapters.testing.MockMarketplace;
import io.syncfleet.producer.connection.Connection;
import io.syncfleet.producer.connection.Secrets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * A MockWebServer standing in for refurbed's gateway, a real adapter pointed at it and a fixed clock.
 * Registered as an extension, it shuts its server down after each test.
 */
final class RefurbedFixture extends MockMarketplace {
  static final String TOKEN = "rf-token-1";

  final RefurbedAdapter adapter;

  RefurbedFixture() {
    this(READ_TIMEOUT);
  }

  RefurbedFixture(Duration readTimeout) {
    adapter = new RefurbedAdapter(http(fixedClock(NOW), readTimeout));
  }

  /** A connection to the mock server with the token and a shipping profile. */
  Connection connection() {
    return connection(Map.of("shipping_profile_id", "sp-1"), Secrets.of(Map.of("token", TOKEN)));
  }

  Connection connection(Map<String, String> extraSettings, Secrets secrets) {
    Map<String, String> settings = new HashMap<>(extraSettings);
    settings.putAll(settings("/"));
    return connection("refurbed", settings, secrets, 1);
  }

  /** The next call, checked to be an authorized JSON POST to {@code method}; returns its body. */
  JsonNode take(String method) {
    RecordedRequest r = take();
    assertEquals("POST", r.getMethod());
    assertEquals("/refb.merchant.v1." + method, r.getPath());
    assertEquals("Plain " + TOKEN, r.getHeader("Authorization"));
    assertTrue(r.getHeader("Content-Type").startsWith("application/json"));
    return body(r);
  }
}
