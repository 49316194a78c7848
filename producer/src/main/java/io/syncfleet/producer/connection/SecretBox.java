package io.syncfleet.producer.connection;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM encryption of credentials under the key in {@code SYNCFLEET_SECRET_KEY} (32 random
 * bytes, base64). Each sealed value carries a random 96-bit nonce and the id of the key that sealed
 * it; the connection id is bound in as associated data, so a ciphertext copied onto another
 * connection fails to open.
 *
 * <p>Key rotation: put the new key in {@code SYNCFLEET_SECRET_KEY} and the old one(s) in
 * {@code SYNCFLEET_SECRET_KEY_PREVIOUS} (comma-separated). Values sealed under an old key still
 * open; {@code syncfleet connections rotate-key} re-seals them all under the new key, after which
 * the old key can be dropped.
 */
public final class SecretBox {
  /** Environment variable holding the base64 key. */
  public static final String KEY_ENV = "SYNCFLEET_SECRET_KEY";
  /** Environment variable holding earlier keys (base64, comma-separated) during a rotation. */
  public static final String PREVIOUS_KEYS_ENV = "SYNCFLEET_SECRET_KEY_PREVIOUS";
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final SecretKeySpec key;
  private final String keyId;
  private final Map<String, SecretKeySpec> previous = new java.util.HashMap<>();

  public SecretBox(byte[] keyBytes) {
    if (keyBytes.length != 32) {
      throw new IllegalArgumentException(KEY_ENV + " must be 32 bytes, base64-encoded (was "
          + keyBytes.length + " bytes); make one with: openssl rand -base64 32");
    }
    this.key = new SecretKeySpec(keyBytes, "AES");
    this.keyId = idOf(keyBytes);
  }

  /** This box, also able to open values sealed under {@code olderKeys}. */
  public SecretBox withPrevious(List<byte[]> olderKeys) {
    for (byte[] older : olderKeys) {
      if (older.length != 32) {
        throw new IllegalArgumentException(PREVIOUS_KEYS_ENV + " holds a key that is not 32 bytes");
      }
      previous.put(idOf(older), new SecretKeySpec(older, "AES"));
    }
    return this;
  }

  private static String idOf(byte[] keyBytes) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(keyBytes);
      return HexFormat.of().formatHex(digest, 0, 4);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The box for the key in the environment; a clear error when it is missing or malformed. */
  public static SecretBox fromEnv(Map<String, String> env) {
    String b64 = env.get(KEY_ENV);
    if (b64 == null || b64.isBlank()) {
      throw new IllegalStateException(KEY_ENV + " is not set: connections are encrypted under it."
          + " Make one with: openssl rand -base64 32");
    }
    SecretBox box;
    List<byte[]> older = new java.util.ArrayList<>();
    try {
      box = new SecretBox(Base64.getDecoder().decode(b64.trim()));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(KEY_ENV + " is not valid base64: " + e.getMessage());
    }
    for (String part : env.getOrDefault(PREVIOUS_KEYS_ENV, "").split(",")) {
      if (!part.isBlank()) {
        try {
          older.add(Base64.getDecoder().decode(part.trim()));
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException(PREVIOUS_KEYS_ENV + " holds a value that is not base64");
        }
      }
    }
    return box.withPrevious(older);
  }

  /** Whether {@code sealed} was sealed under this box's current key. */
  public boolean isCurrent(String sealed) {
    return sealed.startsWith(keyId + ":");
  }

  /** A fresh random key, base64, for first-time setup and the demo. */
  public static String newKey() {
    byte[] k = new byte[32];
    RANDOM.nextBytes(k);
    return Base64.getEncoder().encodeToString(k);
  }

  /** Short, non-secret id of this key (first bytes of its SHA-256), stored beside each ciphertext. */
  public String keyId() {
    return keyId;
  }

  /** Encrypts {@code plain}, binding it to {@code context}; returns {@code keyId:nonce:ciphertext}. */
  public String seal(String plain, String context) {
    try {
      byte[] nonce = new byte[NONCE_BYTES];
      RANDOM.nextBytes(nonce);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
      byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
      Base64.Encoder b64 = Base64.getEncoder();
      return keyId + ":" + b64.encodeToString(nonce) + ":" + b64.encodeToString(sealed);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM unavailable", e);
    }
  }

  /** Decrypts a value sealed under this key for the same {@code context}. */
  public String open(String sealed, String context) {
    String[] parts = sealed.split(":");
    if (parts.length != 3) {
      throw new IllegalArgumentException("not a sealed value");
    }
    SecretKeySpec opener = parts[0].equals(keyId) ? key : previous.get(parts[0]);
    if (opener == null) {
      throw new IllegalStateException("credentials were sealed under key " + parts[0]
          + " but " + KEY_ENV + " is key " + keyId + "; set the key they were stored with"
          + " (during a rotation, the old one goes in " + PREVIOUS_KEYS_ENV + ")");
    }
    try {
      Base64.Decoder b64 = Base64.getDecoder();
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, opener, new GCMParameterSpec(TAG_BITS, b64.decode(parts[1])));
      cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
      return new String(cipher.doFinal(b64.decode(parts[2])), StandardCharsets.UTF_8);
    } catch (AEADBadTagException e) {
      throw new IllegalStateException("credentials for " + context + " fail authentication:"
          + " they were altered or belong to another connection");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM unavailable", e);
    }
  }
}
