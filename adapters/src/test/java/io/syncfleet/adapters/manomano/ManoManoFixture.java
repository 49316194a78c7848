package io.syncfleet.adapters.manomano;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.syncfleet.adapters.testing.MockMarketplace;
import io.syncfleet.producer.connection.Connection;
import io.syncfleet.producer.connection.Secrets;
import java.time.Duration;
import java.util.Map;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * A MockWebServer standing in for ManoMano's Partner API, a real adapter pointed at it and a fixed
 * clock. Registered as an extension, it shuts its server down after each test.
 */
final class ManoManoFixture extends MockMarketplace {
  static final String API_KEY = "mm-key-1";
  static final String CONTRACT = "3497732";

  final ManoManoAdapter adapter;

  ManoManoFixture() {
    this(READ_TIMEOUT);
  }

  ManoManoFixture(Duration readTimeout) {
    adapter = new ManoManoAdapter(http(fixedClock(NOW), readTimeout));
  }

  /** A connection to the mock server with the key and the seller contract. */
  Connection connection() {
    return connection(Map.of(), Secrets.of(Map.of("api_key", API_KEY)));
  }

  Connection connection(Map<String, String> extraSettings, Secrets secrets) {
    Map<String, String> settings = settings("/");
    settings.put("seller_contract_id", CONTRACT);
    settings.putAll(extraSettings);
    return connection("manomano", settings, secrets, 1);
  }

  /** The next request, checked to carry the key and the default integration name. */
  @Override
  public RecordedRequest take() {
    RecordedRequest r = super.take();
    assertEquals(API_KEY, r.getHeader("x-api-key"));
    assertEquals("Syncfleet_1", r.getHeader("x-thirdparty-name"));
    return r;
  }
}
