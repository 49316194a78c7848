package io.syncfleet.producer.state;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.syncfleet.producer.Json;
import io.syncfleet.producer.redis.Keys;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.Tuple;

/**
 * The worker processes that have registered (Sidekiq's {@code ProcessSet}), live ones first. A
 * process whose description has expired or whose heartbeat is older than {@link #STALE_AFTER} is
 * reported dead rather than hidden, so a crashed worker is visible.
 */
public final class WorkerProcesses {
  /** Heartbeat age after which a process counts as dead. */
  public static final Duration STALE_AFTER = Duration.ofSeconds(30);

  private final JedisPool pool;
  private final Keys keys;
  private final Clock clock;

  public WorkerProcesses(JedisPool pool, Keys keys, Clock clock) {
    this.pool = pool;
    this.keys = keys;
    this.clock = clock;
  }

  /** Every registered process, live ones first, each group by id. */
  public List<WorkerProcess> all() {
    try (Jedis jedis = pool.getResource()) {
      Set<Tuple> registered = jedis.zrangeWithScores(keys.processes(), 0, -1);
      Pipeline pipeline = jedis.pipelined();
      List<Response<Map<String, String>>> descriptions = new ArrayList<>();
      for (Tuple t : registered) {
        descriptions.add(pipeline.hgetAll(keys.process(t.getElement())));
      }
      pipeline.sync();
      long now = clock.millis();
      List<WorkerProcess> live = new ArrayList<>();
      List<WorkerProcess> dead = new ArrayList<>();
      int i = 0;
      for (Tuple t : registered) {
        WorkerProcess p = describe(t.getElement(), (long) t.getScore(), descriptions.get(i++).get(), now);
        (p.alive() ? live : dead).add(p);
      }
      live.sort(Comparator.comparing(WorkerProcess::id));
      dead.sort(Comparator.comparing(WorkerProcess::id));
      live.addAll(dead);
      return live;
    }
  }

  private static WorkerProcess describe(String id, long registeredBeat, Map<String, String> h, long now) {
    long heartbeatAt = num(h.get("heartbeatAt"), registeredBeat);
    long age = Math.max(0, now - heartbeatAt);
    boolean alive = !h.isEmpty() && age <= STALE_AFTER.toMillis();
    String queues = h.get("queues");
    return new WorkerProcess(id, h.get("host"), h.get("pid"), num(h.get("startedAt"), 0), heartbeatAt,
        age, (int) num(h.get("concurrency"), 0),
        queues == null || queues.isBlank() ? List.of() : Arrays.asList(queues.split(",")),
        (int) num(h.get("busy"), 0), threads(h.get("threads")), alive);
  }

  private static List<WorkerThread> threads(String json) {
    if (json == null || json.isBlank()) {
      return List.of();
    }
    JsonNode array;
    try {
      array = Json.MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      return List.of();
    }
    List<WorkerThread> out = new ArrayList<>();
    for (JsonNode t : array) {
      out.add(new WorkerThread(t.path("thread").asText(null), t.path("jobId").asText(null),
          t.path("tenant").asText(null), t.path("channel").asText(null), t.path("op").asText(null),
          t.path("queue").asText(null), t.path("since").asLong(0)));
    }
    return out;
  }

  private static long num(String value, long fallback) {
    if (value == null) {
      return fallback;
    }
    try {
      return Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      return fallback;
    }
  }
}
