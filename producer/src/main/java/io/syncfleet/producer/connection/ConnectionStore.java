package io.syncfleet.producer.connection;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.syncfleet.producer.Json;
import io.syncfleet.producer.job.Channels;
import io.syncfleet.producer.job.JobValidator;
import io.syncfleet.producer.job.Problem;
import io.syncfleet.producer.redis.Keys;
import io.syncfleet.producer.redis.Script;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;

/**
 * Connections per tenant and channel, kept in one Redis hash with credentials sealed by
 * {@link SecretBox}, plus each connection's live state (paused, last success, last error).
 * Reading a connection's secrets needs the key; listing never does.
 */
public final class ConnectionStore {
  private static final Script RELEASE_PARKED = Script.load("release_parked");
  private static final Script RESEAL = Script.load("replace_if_unchanged");
  private static final TypeReference<Map<String, String>> STRING_MAP = new TypeReference<>() {};

  private final JedisPool pool;
  private final Keys keys;
  private final SecretBox box;

  /** A store that can read secrets; {@code box} may be null for a read-only listing. */
  public ConnectionStore(JedisPool pool, Keys keys, SecretBox box) {
    this.pool = pool;
    this.keys = keys;
    this.box = box;
  }

  /** Adds or replaces a connection; replacing one that was paused releases its parked jobs. */
  public Connection put(String tenant, String channel, Environment environment,
      Map<String, String> settings, Map<String, String> secrets) {
    List<Problem> problems = new ArrayList<>();
    JobValidator.checkTenant(tenant, problems);
    if (Channels.find(channel).isEmpty()) {
      problems.add(new Problem("channel", "unknown channel '" + channel + "'"));
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(problems.toString());
    }
    String id = Connection.id(tenant, channel);
    ObjectNode stored = Json.MAPPER.createObjectNode();
    stored.put("tenant", tenant);
    stored.put("channel", channel);
    stored.put("environment", environment.name());
    stored.set("settings", Json.MAPPER.valueToTree(new TreeMap<>(settings)));
    stored.set("secretNames", Json.MAPPER.valueToTree(new TreeMap<>(secrets).keySet()));
    try {
      stored.put("secrets", requireBox().seal(Json.MAPPER.writeValueAsString(secrets), id));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    stored.put("updatedAt", System.currentTimeMillis());
    try (Jedis jedis = pool.getResource()) {
      long version = jedis.hincrBy(keys.connectionVersions(), id, 1);
      stored.put("version", version);
      jedis.hset(keys.connections(), id, stored.toString());
      resume(jedis, tenant, channel);
      return new Connection(tenant, channel, environment, settings, Secrets.of(secrets), version);
    }
  }

  /** The connection with its secrets decrypted, if it exists. */
  public Optional<Connection> get(String tenant, String channel) {
    String id = Connection.id(tenant, channel);
    String raw;
    try (Jedis jedis = pool.getResource()) {
      raw = jedis.hget(keys.connections(), id);
    }
    if (raw == null) {
      return Optional.empty();
    }
    JsonNode node = parse(raw);
    Map<String, String> secrets;
    try {
      secrets = Json.MAPPER.readValue(requireBox().open(node.path("secrets").asText(), id), STRING_MAP);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored credentials of " + id + " are not readable");
    }
    return Optional.of(new Connection(tenant, channel,
        Environment.valueOf(node.path("environment").asText("PRODUCTION")),
        Json.MAPPER.convertValue(node.path("settings"), STRING_MAP), Secrets.of(secrets),
        node.path("version").asLong()));
  }

  /** Every connection, without secret values, sorted by id. */
  public List<ConnectionSummary> list() {
    Map<String, String> all;
    try (Jedis jedis = pool.getResource()) {
      all = jedis.hgetAll(keys.connections());
    }
    List<ConnectionSummary> out = new ArrayList<>();
    for (String raw : all.values()) {
      JsonNode node = parse(raw);
      String tenant = node.path("tenant").asText();
      String channel = node.path("channel").asText();
      out.add(new ConnectionSummary(tenant, channel,
          Environment.valueOf(node.path("environment").asText("PRODUCTION")),
          Json.MAPPER.convertValue(node.path("settings"), STRING_MAP),
          Json.MAPPER.convertValue(node.path("secretNames"), new TypeReference<List<String>>() {}),
          node.path("version").asLong(), node.path("updatedAt").asLong(), state(tenant, channel)));
    }
    out.sort(Comparator.comparing(ConnectionSummary::id));
    return out;
  }

  /**
   * Re-seals every connection still sealed under an earlier key with the current one (key
   * rotation); returns how many changed. Each is rewritten only if nobody changed it meanwhile.
   */
  public int resealAll() {
    SecretBox current = requireBox();
    int changed = 0;
    try (Jedis jedis = pool.getResource()) {
      for (Map.Entry<String, String> e : jedis.hgetAll(keys.connections()).entrySet()) {
        ObjectNode node = (ObjectNode) parse(e.getValue());
        String sealed = node.path("secrets").asText();
        if (current.isCurrent(sealed)) {
          continue;
        }
        node.put("secrets", current.seal(current.open(sealed, e.getKey()), e.getKey()));
        Object swapped = RESEAL.eval(jedis, List.of(keys.connections()),
            List.of(e.getKey(), e.getValue(), node.toString()));
        if (Long.valueOf(1).equals(swapped)) {
          changed++;
        }
      }
    }
    return changed;
  }

  /** Removes a connection and its state; jobs still parked for it stay parked and visible. */
  public boolean remove(String tenant, String channel) {
    try (Jedis jedis = pool.getResource()) {
      return jedis.hdel(keys.connections(), Connection.id(tenant, channel)) > 0;
    }
  }

  /** The connection's live state. */
  public ConnectionState state(String tenant, String channel) {
    try (Jedis jedis = pool.getResource()) {
      Map<String, String> h = jedis.hgetAll(keys.connectionState(tenant, channel));
      long parked = jedis.llen(keys.parked(tenant, channel));
      return new ConnectionState("1".equals(h.get("paused")), h.get("pausedReason"),
          num(h.get("pausedAt")), num(h.get("lastSuccessAt")), num(h.get("lastErrorAt")),
          h.get("lastError"), parked, h.get("circuit"), num(h.get("circuitAt")),
          num(h.get("throttled")), num(h.get("lastThrottledAt")));
    }
  }

  /** Every connection id ({@code tenant/channel}), without reading the connections. */
  public List<String> ids() {
    try (Jedis jedis = pool.getResource()) {
      return new ArrayList<>(jedis.hkeys(keys.connections()));
    }
  }

  /** Whether workers must hold the connection's jobs (its credentials failed). */
  public boolean isPaused(String tenant, String channel) {
    try (Jedis jedis = pool.getResource()) {
      return "1".equals(jedis.hget(keys.connectionState(tenant, channel), "paused"));
    }
  }

  /** Records the last success or the last error (already redacted) of a call on the connection. */
  public void recordOutcome(String tenant, String channel, String error) {
    String now = Long.toString(System.currentTimeMillis());
    try (Jedis jedis = pool.getResource()) {
      if (error == null) {
        jedis.hset(keys.connectionState(tenant, channel), "lastSuccessAt", now);
      } else {
        jedis.hset(keys.connectionState(tenant, channel), Map.of("lastErrorAt", now, "lastError", error));
      }
    }
  }

  /** Records a change of the connection's circuit breaker (closed, open, half_open). */
  public void recordCircuit(String tenant, String channel, String circuit) {
    try (Jedis jedis = pool.getResource()) {
      jedis.hset(keys.connectionState(tenant, channel), Map.of("circuit", circuit,
          "circuitAt", Long.toString(System.currentTimeMillis())));
    }
  }

  /** Counts one throttled call on the connection. */
  public void recordThrottle(String tenant, String channel) {
    try (Jedis jedis = pool.getResource()) {
      String key = keys.connectionState(tenant, channel);
      jedis.hincrBy(key, "throttled", 1);
      jedis.hset(key, "lastThrottledAt", Long.toString(System.currentTimeMillis()));
    }
  }

  /** Marks the connection paused: workers park its jobs instead of calling the marketplace. */
  public void pause(String tenant, String channel, String reason) {
    try (Jedis jedis = pool.getResource()) {
      jedis.hset(keys.connectionState(tenant, channel), Map.of("paused", "1",
          "pausedReason", reason, "pausedAt", Long.toString(System.currentTimeMillis())));
    }
  }

  /** Clears a pause and puts the parked jobs back on their queues; returns how many. */
  public long resume(String tenant, String channel) {
    try (Jedis jedis = pool.getResource()) {
      return resume(jedis, tenant, channel);
    }
  }

  private long resume(Jedis jedis, String tenant, String channel) {
    Object moved = RELEASE_PARKED.eval(jedis,
        List.of(keys.parked(tenant, channel), keys.connectionState(tenant, channel), keys.wake()),
        List.of(keys.queue(""), keys.queues()));
    return (Long) moved;
  }

  private SecretBox requireBox() {
    if (box == null) {
      throw new IllegalStateException(SecretBox.KEY_ENV + " is not set: it is needed to read or store credentials");
    }
    return box;
  }

  private static JsonNode parse(String raw) {
    try {
      return Json.MAPPER.readTree(raw);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a stored connection is not JSON", e);
    }
  }

  private static long num(String s) {
    return s == null ? 0 : Long.parseLong(s);
  }
}
