package io.syncfleet.adapters.http;

import io.syncfleet.producer.connection.Connection;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;

/**
 * Caches short-lived access tokens (OAuth2 refresh-token flows) per connection, in memory only.
 * A token is renewed a minute before it expires; one thread fetches while others for the same
 * connection wait for its result. A changed connection (new version) never gets a stale token.
 */
public final class AccessTokenCache {
  private static final Duration EARLY_RENEWAL = Duration.ofSeconds(60);

  private final Clock clock;
  private final ConcurrentMap<String, Entry> entries = new ConcurrentHashMap<>();

  public AccessTokenCache(Clock clock) {
    this.clock = clock;
  }

  /** A valid token for the connection, fetching a new one with {@code fetch} when needed. */
  public String get(Connection connection, Function<Connection, AccessToken> fetch) {
    Entry entry = entries.computeIfAbsent(connection.id(), k -> new Entry());
    synchronized (entry) {
      if (entry.token == null || entry.version != connection.version()
          || !clock.instant().plus(EARLY_RENEWAL).isBefore(entry.token.expiresAt())) {
        entry.token = fetch.apply(connection);
        entry.version = connection.version();
      }
      return entry.token.value();
    }
  }

  /** Forgets the connection's token, e.g. after the marketplace said it expired early. */
  public void invalidate(Connection connection) {
    Entry entry = entries.get(connection.id());
    if (entry != null) {
      synchronized (entry) {
        entry.token = null;
      }
    }
  }

  private static final class Entry {
    private AccessToken token;
    private long version;
  }
}
