package io.syncfleet.worker.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.syncfleet.demo.sim.EbaySimulator;
import io.syncfleet.producer.connection.Connection;
import io.syncfleet.producer.connection.Environment;
import io.syncfleet.producer.connection.Secrets;
import io.syncfleet.producer.job.PriceChange;
import io.syncfleet.producer.job.StockLevel;
import io.syncfleet.producer.redis.RedisSettings;
import java.io.File;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.StreamEntry;
import redis.clients.jedis.StreamEntryID;

/**
 * Runs a full sync through a real worker process (debug logging on), including refused credentials,
 * then reads every log line and every Redis value the fleet wrote and looks for the secrets used.
 */
class SecretLeakTest {
  private static final String CLIENT_SECRET = "cs-9f8e7d6c5b4a3210";
  private static final String REFRESH_TOKEN = "rt-0a1b2c3d4e5f6789";
  private static final String ISSUED_TOKEN_PREFIX = "v^1.1#sim-";

  @Test
  void noSecretReachesALogLineOrARedisValue() throws Exception {
    try (EbaySimulator ebay = new EbaySimulator("client-abc", CLIENT_SECRET, REFRESH_TOKEN,
            java.time.Clock.systemUTC());
        Fleet fleet = new Fleet(RedisSettings.fromEnv(), Map.of("LOG_LEVEL", "DEBUG",
            "SYNCFLEET_ORDER_PULL_SECONDS", "1", "SYNCFLEET_MAX_ATTEMPTS", "2"))) {
      ebay.start(0);
      ebay.seedOrders(3);
      fleet.connect(withSecrets(ebay.connection("acme"), REFRESH_TOKEN));
      fleet.connect(withSecrets(ebay.connection("beta"), "rt-wrong-" + REFRESH_TOKEN));
      fleet.startWorker();
      fleet.awaitWorkers(1);

      List<String> skus = fleet.enqueueListings("acme", "ebay", 20, "LEAK-");
      assertTrue(Fleet.eventually(60_000, () -> ebay.listings().size() == 20), "listings synced");
      fleet.client().setStock("acme", List.of("ebay"), List.of(StockLevel.of(skus.get(0), 3)));
      fleet.client().setPrices("acme", List.of("ebay"),
          List.of(PriceChange.of(skus.get(1), new BigDecimal("99.00"), "USD")));
      fleet.enqueueListings("beta", "ebay", 2, "BETA-");
      assertTrue(fleet.client().testConnection("acme", "ebay", java.time.Duration.ofSeconds(20)).ok());
      assertTrue(Fleet.eventually(60_000, () -> ebay.listing(skus.get(0)).map(l -> l.quantity() == 3).orElse(false)
          && streamLength(fleet) == 3 && fleet.pending() == 0), "stock, orders and refused credentials settled");

      List<String> leaks = new ArrayList<>();
      for (File log : new File("target/faults/" + fleet.keys().namespace()).listFiles()) {
        String text = Files.readString(log.toPath(), StandardCharsets.UTF_8);
        assertTrue(text.contains("DEBUG"), "debug logging was on in " + log);
        scan("log " + log.getName(), text, leaks);
      }
      try (Jedis j = fleet.pool().getResource()) {
        for (String key : j.keys(fleet.keys().namespace() + ":*")) {
          scan(key, dump(j, key), leaks);
        }
      }
      assertEquals(List.of(), leaks);
    }
  }

  private static Connection withSecrets(Connection c, String refreshToken) {
    return new Connection(c.tenant(), c.channel(), Environment.SANDBOX, c.settings(), Secrets.of(Map.of(
        "client_id", "client-abc", "client_secret", CLIENT_SECRET, "refresh_token", refreshToken)), 1);
  }

  private static long streamLength(Fleet fleet) {
    try (Jedis j = fleet.pool().getResource()) {
      return j.exists(fleet.keys().orders("acme")) ? j.xlen(fleet.keys().orders("acme")) : 0;
    }
  }

  private static void scan(String where, String text, List<String> leaks) {
    for (String secret : List.of(CLIENT_SECRET, REFRESH_TOKEN, ISSUED_TOKEN_PREFIX)) {
      if (text.contains(secret)) {
        leaks.add(where + " contains " + secret);
      }
    }
  }

  /** Every value under {@code key}, whatever its type, as text. */
  private static String dump(Jedis j, String key) {
    switch (j.type(key)) {
      case "string":
        return j.get(key);
      case "hash":
        return j.hgetAll(key).toString();
      case "list":
        return j.lrange(key, 0, -1).toString();
      case "set":
        return j.smembers(key).toString();
      case "zset":
        return j.zrange(key, 0, -1).toString();
      case "stream":
        StringBuilder b = new StringBuilder();
        for (StreamEntry e : j.xrange(key, (StreamEntryID) null, (StreamEntryID) null, Integer.MAX_VALUE)) {
          b.append(e.getFields());
        }
        return b.toString();
      default:
        return "";
    }
  }
}
