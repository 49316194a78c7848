package io.syncfleet.worker.sync;

import io.syncfleet.producer.connection.Connection;
import io.syncfleet.producer.connection.ConnectionStore;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Connections and their pause flags for the worker, cached briefly in memory so a busy fleet does
 * not read and decrypt a connection for every job. Credentials stay in this process's memory only.
 */
public final class ConnectionResolver {
  private static final long CONNECTION_TTL_MS = 10_000;
  private static final long NOT_PAUSED_TTL_MS = 1_000;

  private final ConnectionStore store;
  private final ConcurrentMap<String, Cached<Optional<Connection>>> connections = new ConcurrentHashMap<>();
  private final ConcurrentMap<String, Cached<Boolean>> notPaused = new ConcurrentHashMap<>();

  public ConnectionResolver(ConnectionStore store) {
    this.store = store;
  }

  public ConnectionStore store() {
    return store;
  }

  /** The connection of {@code tenant} on {@code channel}, if one was added. */
  public Optional<Connection> connection(String tenant, String channel) {
    String id = Connection.id(tenant, channel);
    long now = System.currentTimeMillis();
    Cached<Optional<Connection>> c = connections.get(id);
    if (c == null || now - c.at > CONNECTION_TTL_MS) {
      c = new Cached<>(store.get(tenant, channel), now);
      connections.put(id, c);
    }
    return c.value;
  }

  /**
   * Whether the connection is paused because its credentials failed. Only "not paused" is cached: a
   * paused connection is asked again each time, so released jobs are not parked on a stale answer.
   */
  public boolean paused(String tenant, String channel) {
    String id = Connection.id(tenant, channel);
    long now = System.currentTimeMillis();
    Cached<Boolean> c = notPaused.get(id);
    if (c != null && now - c.at <= NOT_PAUSED_TTL_MS) {
      return false;
    }
    boolean isPaused = store.isPaused(tenant, channel);
    if (isPaused) {
      notPaused.remove(id);
    } else {
      notPaused.put(id, new Cached<>(false, now));
    }
    return isPaused;
  }

  /** Pauses the connection fleet-wide and forgets the cached copies, so new credentials are read. */
  public void pause(Connection connection, String reason) {
    store.pause(connection.tenant(), connection.channel(), reason);
    connections.remove(connection.id());
    notPaused.remove(connection.id());
  }

  private record Cached<T>(T value, long at) {}
}
