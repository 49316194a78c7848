package io.syncfleet.producer.state;

import io.syncfleet.producer.connection.ConnectionState;
import io.syncfleet.producer.connection.Environment;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A connection as people watching the fleet see it: its settings and the names of its secrets
 * (never their values), its live state, and a verdict on its health.
 *
 * @param tenant      the merchant
 * @param channel     the marketplace id
 * @param environment sandbox or production
 * @param settings    non-secret settings (base URL, marketplace id, shop), by name
 * @param secretNames names of the stored secrets
 * @param version     bumped on every change of the connection
 * @param updatedAt   last change (epoch ms)
 * @param state       paused, last success and error, circuit breaker, throttling
 * @param health      what matters most now
 */
public record ConnectionView(String tenant, String channel, Environment environment,
    Map<String, String> settings, List<String> secretNames, long version, long updatedAt,
    ConnectionState state, ConnectionHealth health) {

  public ConnectionView {
    settings = Collections.unmodifiableMap(new TreeMap<>(settings));
    secretNames = List.copyOf(secretNames);
  }
}
