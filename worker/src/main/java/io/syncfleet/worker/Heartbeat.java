package io.syncfleet.worker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.syncfleet.producer.Json;
import io.syncfleet.producer.redis.Keys;
import io.syncfleet.worker.fetch.Fetched;
import io.syncfleet.worker.process.Processor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Tells the fleet this process is alive and what its threads are doing, a dozen times per process
 * timeout: the process's hash ({@code Keys.process}) expires one timeout after the last beat, so a
 * process that dies shows as dead, and the {@link io.syncfleet.worker.schedule.Reaper} of another
 * process hands its in-flight lists (kept in {@code Keys.processLists}) back. What each thread runs
 * is read from memory here, costing nothing per job.
 */
public final class Heartbeat implements Runnable {
  private static final Logger LOG = LoggerFactory.getLogger(Heartbeat.class);

  private final JedisPool pool;
  private final Keys keys;
  private final String processId;
  private final Map<String, String> description;
  private final List<Processor> processors;
  private final Map<String, String> lists;
  private final long intervalMillis;
  private final int expireSeconds;
  private volatile boolean running = true;

  /**
   * @param lists   this process's in-flight list keys (to their queues) and thread registrations
   * @param timeout silence after which the fleet treats this process as dead
   */
  public Heartbeat(JedisPool pool, Keys keys, String processId, Map<String, String> description,
      List<Processor> processors, Map<String, String> lists, java.time.Duration timeout) {
    this.pool = pool;
    this.keys = keys;
    this.processId = processId;
    this.description = Map.copyOf(description);
    this.processors = List.copyOf(processors);
    this.lists = Map.copyOf(lists);
    this.intervalMillis = Math.max(250, timeout.toMillis() / 12);
    this.expireSeconds = (int) Math.max(1, timeout.toSeconds());
  }

  @Override
  public void run() {
    while (running) {
      try {
        beat();
      } catch (JedisException e) {
        LOG.debug("heartbeat skipped: {}", e.getMessage());
      }
      try {
        Thread.sleep(intervalMillis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /** Writes one beat. */
  public void beat() {
    long now = System.currentTimeMillis();
    ArrayNode threads = Json.MAPPER.createArrayNode();
    int busy = 0;
    for (Processor p : processors) {
      Fetched job = p.current();
      if (job != null) {
        busy++;
        threads.add(describe(p.getName(), job, p.currentSince()));
      }
    }
    Map<String, String> fields = new LinkedHashMap<>(description);
    fields.put("heartbeatAt", Long.toString(now));
    fields.put("busy", Integer.toString(busy));
    fields.put("threads", threads.toString());
    try (Jedis jedis = pool.getResource()) {
      Pipeline p = jedis.pipelined();
      p.zadd(keys.processes(), now, processId);
      p.hset(keys.process(processId), fields);
      p.expire(keys.process(processId), expireSeconds);
      // Rewritten every beat: a process wrongly reaped during a long pause registers itself again.
      p.hset(keys.processLists(processId), lists);
      p.sync();
    }
  }

  /** Removes this process from the fleet's view (clean shutdown). */
  public void retire() {
    running = false;
    try (Jedis jedis = pool.getResource()) {
      jedis.zrem(keys.processes(), processId);
      jedis.del(keys.process(processId), keys.processLists(processId));
    } catch (JedisException e) {
      LOG.debug("could not retire heartbeat: {}", e.getMessage());
    }
  }

  private static ObjectNode describe(String thread, Fetched job, long since) {
    ObjectNode t = Json.MAPPER.createObjectNode();
    t.put("thread", thread);
    t.put("queue", job.queue());
    t.put("since", since);
    try {
      JsonNode args = Json.MAPPER.readTree(job.payload()).path("args").path(0);
      t.put("jobId", args.path("id").asText(null));
      t.put("tenant", args.path("tenant").asText(null));
      t.put("channel", args.path("channel").asText(null));
      t.put("op", args.path("op").asText(null));
    } catch (java.io.IOException | RuntimeException e) {
      t.put("op", "unreadable payload");
    }
    return t;
  }
}
