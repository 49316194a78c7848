package io.syncfleet.producer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.syncfleet.producer.connection.ConnectionStore;
import io.syncfleet.producer.connection.Environment;
import io.syncfleet.producer.connection.SecretBox;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Rotating SYNCFLEET_SECRET_KEY: old ciphertexts keep opening until rotate-key re-seals them. */
class KeyRotationTest extends CliTestBase {
  private static byte[] raw(String b64) {
    return Base64.getDecoder().decode(b64);
  }

  @Test
  void rotateKeyReSealsEveryConnectionUnderTheNewKey() {
    String oldKey = SecretBox.newKey();
    String newKey = SecretBox.newKey();
    new ConnectionStore(redis.pool(), keys, new SecretBox(raw(oldKey)))
        .put("acme", "ebay", Environment.SANDBOX, Map.of(), Map.of("refresh_token", "r-123456"));

    ConnectionStore newOnly = new ConnectionStore(redis.pool(), keys, new SecretBox(raw(newKey)));
    IllegalStateException refused = assertThrows(IllegalStateException.class, () -> newOnly.get("acme", "ebay"));
    assertTrue(refused.getMessage().contains(SecretBox.PREVIOUS_KEYS_ENV), refused.getMessage());

    CliRun run = CliRun.run(redis, Clock.systemUTC(),
        Map.of(SecretBox.KEY_ENV, newKey, SecretBox.PREVIOUS_KEYS_ENV, oldKey), "", "connections", "rotate-key");
    assertEquals(0, run.code(), run.err());
    assertTrue(run.out().contains("re-sealed 1 connection"), run.out());

    assertEquals("r-123456", newOnly.get("acme", "ebay").orElseThrow().secrets().require("refresh_token"),
        "opens with the new key alone");
    ConnectionStore oldOnly = new ConnectionStore(redis.pool(), keys, new SecretBox(raw(oldKey)));
    assertThrows(IllegalStateException.class, () -> oldOnly.get("acme", "ebay"));
    String stored = redis.with(j -> j.hget(keys.connections(), "acme/ebay"));
    assertFalse(stored.contains("r-123456"), "never stored in the clear");

    CliRun again = CliRun.run(redis, Clock.systemUTC(), Map.of(SecretBox.KEY_ENV, newKey), "",
        "connections", "rotate-key");
    assertTrue(again.out().contains("re-sealed 0 connections"), again.out());
  }

  @Test
  void previousKeysMustBeRealKeys() {
    assertThrows(IllegalArgumentException.class, () -> SecretBox.fromEnv(Map.of(
        SecretBox.KEY_ENV, SecretBox.newKey(), SecretBox.PREVIOUS_KEYS_ENV, "not-base64!")));
    assertThrows(IllegalArgumentException.class, () -> new SecretBox(raw(SecretBox.newKey()))
        .withPrevious(List.of(new byte[7])));
  }
}
