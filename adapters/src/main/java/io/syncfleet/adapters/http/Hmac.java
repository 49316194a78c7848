package io.syncfleet.adapters.http;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256, the one primitive behind every marketplace signature and webhook check. Encodings
 * differ by marketplace (lowercase hex, UPPERCASE hex, base64), so each has its own method.
 */
public final class Hmac {
  private static final HexFormat LOWER = HexFormat.of();
  private static final HexFormat UPPER = HexFormat.of().withUpperCase();

  private Hmac() {}

  /** HMAC-SHA256 of {@code message} under the UTF-8 bytes of {@code key}. */
  public static byte[] sha256(String key, byte[] message) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return mac.doFinal(message);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }

  public static String sha256Hex(String key, String message) {
    return LOWER.formatHex(sha256(key, message.getBytes(StandardCharsets.UTF_8)));
  }

  public static String sha256HexUpper(String key, String message) {
    return UPPER.formatHex(sha256(key, message.getBytes(StandardCharsets.UTF_8)));
  }

  public static String sha256Base64(String key, byte[] message) {
    return Base64.getEncoder().encodeToString(sha256(key, message));
  }

  /** Constant-time comparison of a received signature with the expected one. */
  public static boolean matches(String expected, String received) {
    if (expected == null || received == null) {
      return false;
    }
    return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
        received.trim().getBytes(StandardCharsets.UTF_8));
  }
}
