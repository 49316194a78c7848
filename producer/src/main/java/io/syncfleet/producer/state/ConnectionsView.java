package io.syncfleet.producer.state;

import io.syncfleet.producer.connection.ConnectionStore;
import io.syncfleet.producer.connection.ConnectionSummary;
import io.syncfleet.producer.redis.Keys;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import redis.clients.jedis.JedisPool;

/**
 * Every connection's health, by id. Reads through {@link ConnectionStore#list()} without a key, so
 * nothing here can decrypt a credential.
 */
public final class ConnectionsView {
  private final ConnectionStore store;

  public ConnectionsView(JedisPool pool, Keys keys) {
    this.store = new ConnectionStore(pool, keys, null);
  }

  /** Every connection, sorted by {@code tenant/channel}. */
  public List<ConnectionView> all() {
    List<ConnectionView> out = new ArrayList<>();
    for (ConnectionSummary c : store.list()) {
      out.add(new ConnectionView(c.tenant(), c.channel(), c.environment(),
          c.settings() == null ? Map.of() : c.settings(),
          c.secretNames() == null ? List.of() : c.secretNames(), c.version(), c.updatedAt(),
          c.state(), ConnectionHealth.of(c.state())));
    }
    return out;
  }
}
