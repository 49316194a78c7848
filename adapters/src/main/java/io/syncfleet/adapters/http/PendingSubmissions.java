package io.syncfleet.adapters.http;

import io.syncfleet.producer.connection.Connection;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Asynchronous submissions a marketplace is still processing (an import, feed or package id),
 * remembered in memory by the fingerprint of what was sent. While the marketplace works, the worker
 * retries the batch; the rerun then follows the earlier submission up instead of sending the batch
 * again. Entries are bounded in number and age, and a changed connection (new version) never sees
 * an older entry. Another process has no entry and submits again, which only idempotent submissions
 * make harmless: use this for those alone.
 */
public final class PendingSubmissions {
  private static final int MAX_REMEMBERED = 10_000;

  private final Clock clock;
  private final Duration maxAge;
  private final Map<String, Submission> byKey = Collections.synchronizedMap(
      new LinkedHashMap<String, Submission>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Submission> eldest) {
          return size() > MAX_REMEMBERED;
        }
      });

  /** Remembers submissions for at most {@code maxAge}; older ones count as never sent. */
  public PendingSubmissions(Clock clock, Duration maxAge) {
    this.clock = clock;
    this.maxAge = maxAge;
  }

  /** A submission the marketplace gave {@code handle} for, and when it was made. */
  public record Submission(String handle, Instant submittedAt) {}

  /** The submission of this content on this connection, if one is pending and not too old. */
  public Optional<Submission> find(Connection connection, String fingerprint) {
    String key = key(connection, fingerprint);
    Submission s = byKey.get(key);
    if (s != null && s.submittedAt().plus(maxAge).isBefore(clock.instant())) {
      byKey.remove(key);
      return Optional.empty();
    }
    return Optional.ofNullable(s);
  }

  /** Records that this content was submitted now and the marketplace calls it {@code handle}. */
  public Submission remember(Connection connection, String fingerprint, String handle) {
    Submission s = new Submission(handle, clock.instant());
    byKey.put(key(connection, fingerprint), s);
    return s;
  }

  /** Forgets a submission once its outcome is known (or it failed), so the next run sends anew. */
  public void forget(Connection connection, String fingerprint) {
    byKey.remove(key(connection, fingerprint));
  }

  /** SHA-256 (lowercase hex) of a submission's kind (mode, type) and the exact bytes sent. */
  public static String fingerprint(String kind, byte[] content) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digest.update(kind.getBytes(StandardCharsets.UTF_8));
      digest.update((byte) 0);
      digest.update(content);
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 unavailable", e);
    }
  }

  private static String key(Connection connection, String fingerprint) {
    return connection.id() + '\n' + connection.version() + '\n' + fingerprint;
  }
}
