package io.syncfleet.worker.sync;

import io.syncfleet.producer.connection.Connection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes what the fleet learns about a connection (last success, last error, throttles) to its
 * live state for the CLI and the dashboard: errors always, successes at most every few seconds.
 * A failed write never fails the job.
 */
final class ConnectionNotes {
  private static final Logger LOG = LoggerFactory.getLogger(ConnectionNotes.class);
  private static final long OUTCOME_WRITE_INTERVAL_MS = 5_000;

  private final ConnectionResolver connections;
  private final Map<String, Long> lastOutcomeWrite = new ConcurrentHashMap<>();

  ConnectionNotes(ConnectionResolver connections) {
    this.connections = connections;
  }

  /** A call ended: {@code error} is null on success. */
  void outcome(Connection connection, String error) {
    long now = System.currentTimeMillis();
    Long last = lastOutcomeWrite.get(connection.id());
    if (error != null || last == null || now - last > OUTCOME_WRITE_INTERVAL_MS) {
      lastOutcomeWrite.put(connection.id(), now);
      try {
        connections.store().recordOutcome(connection.tenant(), connection.channel(), error);
      } catch (RuntimeException e) {
        LOG.debug("could not record outcome for {}: {}", connection.id(), e.toString());
      }
    }
  }

  /** The marketplace throttled a call. */
  void throttle(Connection connection) {
    try {
      connections.store().recordThrottle(connection.tenant(), connection.channel());
    } catch (RuntimeException e) {
      LOG.debug("could not count a throttle for {}: {}", connection.id(), e.toString());
    }
  }
}
