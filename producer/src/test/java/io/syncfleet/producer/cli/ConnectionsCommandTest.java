package io.syncfleet.producer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.syncfleet.producer.Json;
import io.syncfleet.producer.connection.Connection;
import io.syncfleet.producer.connection.ConnectionStore;
import io.syncfleet.producer.connection.Environment;
import io.syncfleet.producer.connection.SecretBox;
import io.syncfleet.producer.job.JobCodec;
import io.syncfleet.producer.job.Operation;
import io.syncfleet.producer.job.Queue;
import io.syncfleet.producer.job.StockLevel;
import io.syncfleet.producer.job.SyncJob;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConnectionsCommandTest extends CliTestBase {
  private static final String TOKEN = "tok-3f9a1c77e2";
  private static final String REFRESH = "ref-b81d00c4aa";

  private final String secretKey = SecretBox.newKey();

  private CliRun run(Map<String, String> env, String stdin, String... args) {
    return CliRun.run(redis, Clock.systemUTC(), env, stdin, args);
  }

  private CliRun run(String... args) {
    return run(Map.of(), "", args);
  }

  private ConnectionStore store() {
    return new ConnectionStore(redis.pool(), keys, SecretBox.fromEnv(Map.of(SecretBox.KEY_ENV, secretKey)));
  }

  @Test
  void addTakesSecretsFromEnvironmentAndStdinAndNeverShowsThem() {
    CliRun add = run(Map.of(SecretBox.KEY_ENV, secretKey, "SYNCFLEET_SECRET_ACCESS_TOKEN", TOKEN),
        "refresh-token=" + REFRESH + "\n",
        "connections", "add", "--tenant", "acme", "--channel", "ebay", "--env", "sandbox",
        "--setting", "marketplace_id=EBAY_US", "--secret", "access_token", "--secret", "refresh-token");
    assertEquals(0, add.code(), add.err());
    assertEquals("saved acme/ebay (sandbox), version 1; secrets: access_token, refresh-token (values not shown)\n",
        add.out());

    String stored = redis.with(j -> j.hget(keys.connections(), "acme/ebay"));
    assertFalse(stored.contains(TOKEN) || stored.contains(REFRESH), stored);

    CliRun list = run("connections", "list");
    assertEquals(0, list.code(), list.err());
    assertTrue(list.out().contains("access_token,refresh-token"), list.out());
    assertTrue(list.out().contains("marketplace_id=EBAY_US"), list.out());
    assertFalse(list.out().contains(TOKEN) || list.out().contains(REFRESH), list.out());

    Connection opened = store().get("acme", "ebay").orElseThrow();
    assertEquals(Environment.SANDBOX, opened.environment());
    assertEquals(TOKEN, opened.secrets().require("access_token"));
    assertEquals(REFRESH, opened.secrets().require("refresh-token"));

    CliRun remove = run("connections", "remove", "--tenant", "acme", "--channel", "ebay");
    assertEquals(0, remove.code(), remove.err());
    assertTrue(store().get("acme", "ebay").isEmpty());
    CliRun again = run("connections", "remove", "--tenant", "acme", "--channel", "ebay");
    assertEquals(1, again.code());
    assertEquals("error: no connection acme/ebay\n", again.err());
  }

  @Test
  void aTamperedOrMovedCiphertextFailsToOpen() throws Exception {
    store().put("acme", "ebay", Environment.PRODUCTION, Map.of(), Map.of("access_token", TOKEN));
    store().put("acme", "shopify", Environment.PRODUCTION, Map.of(), Map.of("access_token", "other"));

    ObjectNode ebay = (ObjectNode) Json.MAPPER.readTree(redis.<String>with(j -> j.hget(keys.connections(), "acme/ebay")));
    String sealed = ebay.path("secrets").asText();
    // keyId:nonce:ciphertext; flip one bit of the ciphertext.
    String[] parts = sealed.split(":");
    byte[] ciphertext = Base64.getDecoder().decode(parts[2]);
    ciphertext[0] ^= 1;
    ebay.put("secrets", parts[0] + ":" + parts[1] + ":" + Base64.getEncoder().encodeToString(ciphertext));
    redis.with(j -> j.hset(keys.connections(), "acme/ebay", ebay.toString()));
    IllegalStateException tampered = assertThrows(IllegalStateException.class, () -> store().get("acme", "ebay"));
    assertTrue(tampered.getMessage().contains("fail authentication"), tampered.getMessage());

    ObjectNode shopify = (ObjectNode) Json.MAPPER.readTree(redis.<String>with(j -> j.hget(keys.connections(), "acme/shopify")));
    shopify.put("secrets", sealed);
    redis.with(j -> j.hset(keys.connections(), "acme/shopify", shopify.toString()));
    assertThrows(IllegalStateException.class, () -> store().get("acme", "shopify"));
  }

  @Test
  void addExplainsWhatIsMissingWithoutEchoingInput() {
    CliRun noKey = run("connections", "add", "--tenant", "acme", "--channel", "ebay", "--env", "production");
    assertEquals(1, noKey.code());
    assertTrue(noKey.err().startsWith("error: SYNCFLEET_SECRET_KEY is not set"), noKey.err());

    CliRun noSecret = run(Map.of(SecretBox.KEY_ENV, secretKey), "",
        "connections", "add", "--tenant", "acme", "--channel", "ebay", "--env", "production", "--secret", "token");
    assertEquals(1, noSecret.code());
    assertEquals("error: secret 'token' not given: set SYNCFLEET_SECRET_TOKEN or pipe a line 'token=...' on standard input\n",
        noSecret.err());

    CliRun garbled = run(Map.of(SecretBox.KEY_ENV, secretKey), TOKEN + "\n",
        "connections", "add", "--tenant", "acme", "--channel", "ebay", "--env", "production", "--secret", "token");
    assertEquals(1, garbled.code());
    assertEquals("error: standard input line 1 is not NAME=value\n", garbled.err());
    assertTrue(redis.with(j -> j.hgetAll(keys.connections())).isEmpty());
  }

  @Test
  void listShowsPausedConnectionsAndResumeReleasesParkedJobs() throws Exception {
    store().put("acme", "ebay", Environment.PRODUCTION, Map.of(), Map.of("access_token", TOKEN));
    store().pause("acme", "ebay", "invalid_grant");
    SyncJob parked = SyncJob.create("acme", "ebay", Operation.UPDATE_STOCK, Queue.URGENT,
        List.of(StockLevel.of("SKU-1", 1)), 1);
    redis.with(j -> j.rpush(keys.parked("acme", "ebay"), JobCodec.encode(parked)));

    CliRun list = run("connections", "list");
    assertTrue(list.out().contains("PAUSED: invalid_grant"), list.out());
    assertTrue(list.out().lines().anyMatch(l -> l.startsWith("acme/ebay") && l.matches(".*\\s1\\s.*")), list.out());

    CliRun resume = run("connections", "resume", "--tenant", "acme", "--channel", "ebay");
    assertEquals(0, resume.code(), resume.err());
    assertEquals("resumed acme/ebay: released 1 parked job\n", resume.out());
    assertEquals(parked.id(), JobCodec.decode(redis.with(j -> j.lindex(keys.queue("urgent"), 0))).id());
    assertFalse(store().state("acme", "ebay").paused());
  }

  @Test
  void testNeedsAConnectionAndSaysWhenNoWorkerAnswers() {
    CliRun unknown = run("connections", "test", "--tenant", "acme", "--channel", "ebay");
    assertEquals(1, unknown.code());
    assertEquals("error: no connection acme/ebay; add it with: syncfleet connections add\n", unknown.err());

    store().put("acme", "ebay", Environment.PRODUCTION, Map.of(), Map.of("access_token", TOKEN));
    CliRun silent = run("connections", "test", "--tenant", "acme", "--channel", "ebay", "--timeout", "1s");
    assertEquals(1, silent.code());
    assertTrue(silent.err().startsWith("no answer: acme/ebay: no worker took the test within 1s"), silent.err());

    CliRun badTimeout = run("connections", "test", "--tenant", "acme", "--channel", "ebay", "--timeout", "soon");
    assertEquals(2, badTimeout.code());
    assertTrue(badTimeout.err().contains("'soon' is not a duration such as 30s, 2m or PT1M"), badTimeout.err());
  }
}
