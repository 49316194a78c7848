package io.syncfleet.adapters.http;

import io.syncfleet.adapters.failure.AuthenticationFailure;
import io.syncfleet.producer.connection.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * OAuth tokens of marketplaces whose refresh token is single-use and rotates on every refresh
 * (Shopee, Lazada), per connection and in memory only. A connection starts from its stored access
 * and refresh tokens; each refresh keeps the newest pair here, one refresh at a time per connection.
 * When the stored tokens change (the merchant authorized again), the stored pair wins again.
 *
 * <p>Rotated tokens are not written back: the connection store belongs to the worker and the CLI,
 * not to adapters. A restarted process, or another process of the fleet, starts again from the
 * stored refresh token, which the marketplace may already have retired.
 */
public final class RotatingTokens {
  private static final Duration EARLY_RENEWAL = Duration.ofSeconds(60);

  /** What a refresh returns: the new access token, when it expires, and the next refresh token. */
  public record Grant(String accessToken, Instant expiresAt, String refreshToken) {
    @Override
    public String toString() {
      return "Grant[expiresAt=" + expiresAt + "]";
    }
  }

  /** One refresh call of a marketplace, made with the newest refresh token. */
  @FunctionalInterface
  public interface Refresher {
    Grant refresh(Connection connection, String refreshToken);
  }

  private final Clock clock;
  private final String accessTokenSecret;
  private final String refreshTokenSecret;
  private final ConcurrentMap<String, Entry> entries = new ConcurrentHashMap<>();

  /** Tokens seeded from the connection secrets named {@code accessTokenSecret} and {@code refreshTokenSecret}. */
  public RotatingTokens(Clock clock, String accessTokenSecret, String refreshTokenSecret) {
    this.clock = clock;
    this.accessTokenSecret = accessTokenSecret;
    this.refreshTokenSecret = refreshTokenSecret;
  }

  /**
   * An access token for the connection: the stored one until a refresh replaced it, refreshed when
   * there is none or a refreshed one is about to expire.
   */
  public String accessToken(Connection connection, Refresher refresher) {
    Entry entry = entries.computeIfAbsent(connection.id(), k -> new Entry());
    synchronized (entry) {
      entry.seedFrom(connection);
      if (entry.accessToken == null || entry.expiresAt != null
          && !clock.instant().plus(EARLY_RENEWAL).isBefore(entry.expiresAt)) {
        refresh(connection, entry, refresher);
      }
      return entry.accessToken;
    }
  }

  /**
   * A new access token after the marketplace refused {@code refused}. Threads that saw the same
   * refusal share one refresh: a single-use refresh token must not be spent twice.
   */
  public String renew(Connection connection, String refused, Refresher refresher) {
    Entry entry = entries.computeIfAbsent(connection.id(), k -> new Entry());
    synchronized (entry) {
      entry.seedFrom(connection);
      if (entry.accessToken == null || entry.accessToken.equals(refused)) {
        refresh(connection, entry, refresher);
      }
      return entry.accessToken;
    }
  }

  private void refresh(Connection connection, Entry entry, Refresher refresher) {
    if (entry.refreshToken == null || entry.refreshToken.isEmpty()) {
      throw new AuthenticationFailure("connection " + connection.id() + " has no usable access token and no '"
          + refreshTokenSecret + "' credential to get one; authorize Syncfleet again and store both tokens",
          0, "missing_credential");
    }
    Grant grant = refresher.refresh(connection, entry.refreshToken);
    entry.accessToken = grant.accessToken();
    entry.expiresAt = grant.expiresAt();
    if (grant.refreshToken() != null && !grant.refreshToken().isEmpty()) {
      entry.refreshToken = grant.refreshToken();
    }
  }

  private final class Entry {
    private String storedAccessToken;
    private String storedRefreshToken;
    private boolean seeded;
    private String accessToken;
    private Instant expiresAt;
    private String refreshToken;

    /** Starts over from the stored tokens the first time, and whenever someone stored new ones. */
    void seedFrom(Connection connection) {
      String access = connection.secrets().get(accessTokenSecret).filter(v -> !v.isEmpty()).orElse(null);
      String refresh = connection.secrets().get(refreshTokenSecret).filter(v -> !v.isEmpty()).orElse(null);
      if (seeded && Objects.equals(access, storedAccessToken) && Objects.equals(refresh, storedRefreshToken)) {
        return;
      }
      seeded = true;
      storedAccessToken = access;
      storedRefreshToken = refresh;
      accessToken = access;
      // The marketplace does not say when a stored token expires; it is used until refused.
      expiresAt = null;
      refreshToken = refresh;
    }
  }
}
