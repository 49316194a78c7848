package io.syncfleet.dashboard;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Browser sign-ins made with the dashboard token: a random 256-bit id in an HttpOnly cookie, valid
 * for {@link #LIFETIME}. Kept in this process's memory on purpose: nothing that grants access is
 * written to Redis, and a restart (or a new token) signs everyone out. Ids are stored as SHA-256
 * digests, so a lookup's timing says nothing about a valid id.
 */
final class LoginSessions {
  /** How long a sign-in lasts. */
  static final Duration LIFETIME = Duration.ofHours(12);
  private static final int MAX_SESSIONS = 1_000;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Map<String, Long> expiries = new ConcurrentHashMap<>();
  private final Clock clock;

  LoginSessions(Clock clock) {
    this.clock = clock;
  }

  /** Opens a session; returns the id for the cookie. */
  String open() {
    long now = clock.millis();
    expiries.values().removeIf(expiry -> expiry <= now);
    if (expiries.size() >= MAX_SESSIONS) {
      // Bounded so a flood of sign-ins cannot grow memory: the session closest to expiry goes.
      expiries.entrySet().stream().min(Map.Entry.comparingByValue())
          .ifPresent(oldest -> expiries.remove(oldest.getKey()));
    }
    String id = randomToken();
    expiries.put(digest(id), now + LIFETIME.toMillis());
    return id;
  }

  /** Whether {@code id} names a session that has not expired. */
  boolean valid(String id) {
    if (id == null || id.isEmpty()) {
      return false;
    }
    Long expiry = expiries.get(digest(id));
    return expiry != null && expiry > clock.millis();
  }

  void close(String id) {
    if (id != null) {
      expiries.remove(digest(id));
    }
  }

  /** 32 random bytes, base64url: for session ids and CSRF tokens. */
  static String randomToken() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  static String digest(String value) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(value.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
