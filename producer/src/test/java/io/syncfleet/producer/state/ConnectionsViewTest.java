package io.syncfleet.producer.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.syncfleet.producer.Json;
import io.syncfleet.producer.connection.ConnectionState;
import io.syncfleet.producer.connection.ConnectionStore;
import io.syncfleet.producer.connection.Environment;
import io.syncfleet.producer.connection.SecretBox;
import io.syncfleet.producer.testing.TestRedis;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Connection health as the fleet records it, read without the secret key. */
class ConnectionsViewTest {
  private static final String SECRET = "s3cr3t-value-that-must-not-leak";

  private TestRedis redis;
  private ConnectionStore store;

  @BeforeEach
  void setUp() {
    redis = TestRedis.open();
    store = new ConnectionStore(redis.pool(), redis.keys(),
        new SecretBox(Base64.getDecoder().decode(SecretBox.newKey())));
  }

  @AfterEach
  void tearDown() {
    redis.close();
  }

  @Test
  void judgesEachConnectionByWhatMattersMost() throws Exception {
    for (String channel : List.of("ebay", "shopify")) {
      store.put("acme", channel, Environment.SANDBOX, Map.of("marketplace_id", "EBAY_US"),
          Map.of("client_secret", SECRET));
    }
    store.put("globex", "ebay", Environment.PRODUCTION, Map.of(), Map.of("refresh_token", SECRET));
    store.recordOutcome("acme", "ebay", null);
    store.recordThrottle("acme", "ebay");
    store.recordOutcome("acme", "shopify", "HTTP 503");
    store.recordCircuit("acme", "shopify", "open");
    store.pause("globex", "ebay", "invalid_grant: refresh token revoked");

    List<ConnectionView> all = new ConnectionsView(redis.pool(), redis.keys()).all();
    assertEquals(List.of("acme/ebay", "acme/shopify", "globex/ebay"),
        all.stream().map(c -> c.tenant() + "/" + c.channel()).toList());
    assertEquals(List.of(ConnectionHealth.HEALTHY, ConnectionHealth.CIRCUIT_OPEN, ConnectionHealth.PAUSED),
        all.stream().map(ConnectionView::health).toList());
    assertEquals(1, all.get(0).state().throttled());
    assertEquals(List.of("client_secret"), all.get(0).secretNames());
    assertEquals("invalid_grant: refresh token revoked", all.get(2).state().pausedReason());
    assertFalse(Json.MAPPER.writeValueAsString(all).contains(SECRET));
    assertEquals("\"circuit_open\"", Json.MAPPER.writeValueAsString(ConnectionHealth.CIRCUIT_OPEN));
  }

  @Test
  void failingAndUnusedFollowTheLastCall() {
    ConnectionState none = new ConnectionState(false, null, 0, 0, 0, null, 0, null, 0, 0, 0);
    assertEquals(ConnectionHealth.UNUSED, ConnectionHealth.of(none));
    ConnectionState failing = new ConnectionState(false, null, 0, 10, 20, "HTTP 500", 0, "closed", 5, 0, 0);
    assertEquals(ConnectionHealth.FAILING, ConnectionHealth.of(failing));
    ConnectionState recovered = new ConnectionState(false, null, 0, 30, 20, "HTTP 500", 0, "closed", 5, 0, 0);
    assertEquals(ConnectionHealth.HEALTHY, ConnectionHealth.of(recovered));
  }
}
