package io.syncfleet.producer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.syncfleet.producer.job.InvalidJobException;
import io.syncfleet.producer.job.Item;
import io.syncfleet.producer.job.JobCodec;
import io.syncfleet.producer.job.JobValidator;
import io.syncfleet.producer.job.Listing;
import io.syncfleet.producer.job.Operation;
import io.syncfleet.producer.job.PriceChange;
import io.syncfleet.producer.job.Problem;
import io.syncfleet.producer.job.Queue;
import io.syncfleet.producer.job.SkuRef;
import io.syncfleet.producer.job.StockLevel;
import io.syncfleet.producer.job.SyncJob;
import io.syncfleet.producer.redis.Keys;
import io.syncfleet.producer.redis.RedisSettings;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.exceptions.JedisException;

/**
 * What application code uses to put sync work on the fleet's queues. Every call validates all of
 * its jobs before writing anything ({@link InvalidJobException} lists every problem), splits items
 * into batches of each channel's limit, and writes the Jesque layout plus a wake-up token in one
 * pipelined round trip. Thread-safe; closing it closes the pool only when the client created it.
 */
public final class SyncfleetClient implements AutoCloseable {
  /** Jobs per pipeline flush: bounds client memory for huge batches while keeping round trips few. */
  private static final int PIPELINE_CHUNK = 1000;
  /** Wake tokens kept; idle workers need only one each, the trim keeps the list from growing. */
  private static final int WAKE_TOKENS_KEPT = 64;

  private final JedisPool pool;
  private final Keys keys;
  private final Clock clock;
  private final boolean ownsPool;

  /** A client with its own connection pool, closed with the client. */
  public SyncfleetClient(RedisSettings settings) {
    this(settings.pool(16, 5000), settings.keys(), Clock.systemUTC(), true);
  }

  /** A client on an existing pool, which the caller keeps and closes. */
  public SyncfleetClient(JedisPool pool, Keys keys, Clock clock) {
    this(pool, keys, clock, false);
  }

  private SyncfleetClient(JedisPool pool, Keys keys, Clock clock, boolean ownsPool) {
    this.pool = pool;
    this.keys = keys;
    this.clock = clock;
    this.ownsPool = ownsPool;
  }

  /** A client for {@code REDIS_URL} and {@code SYNCFLEET_NAMESPACE}. */
  public static SyncfleetClient fromEnv() {
    return new SyncfleetClient(RedisSettings.fromEnv());
  }

  /** Creates or updates listings on each channel, on the default queue. */
  public EnqueueReceipt upsertListings(String tenant, Collection<String> channels, List<Listing> listings) {
    return submit(tenant, channels, Operation.UPSERT_LISTINGS, Operation.UPSERT_LISTINGS.defaultQueue(), listings);
  }

  /** Creates or updates listings as bulk work (resyncs): on the bulk queue, behind every other update. */
  public EnqueueReceipt bulkUpsertListings(String tenant, Collection<String> channels, List<Listing> listings) {
    return submit(tenant, channels, Operation.UPSERT_LISTINGS, Queue.BULK, listings);
  }

  /** Removes the listings of these SKUs from each channel. */
  public EnqueueReceipt deleteListings(String tenant, Collection<String> channels, Collection<String> skus) {
    List<SkuRef> refs = new ArrayList<>();
    for (String sku : skus) {
      refs.add(new SkuRef(sku));
    }
    return submit(tenant, channels, Operation.DELETE_LISTINGS, Operation.DELETE_LISTINGS.defaultQueue(), refs);
  }

  /** Sets absolute stock levels on each channel, on the urgent queue. */
  public EnqueueReceipt setStock(String tenant, Collection<String> channels, List<StockLevel> levels) {
    return submit(tenant, channels, Operation.UPDATE_STOCK, Operation.UPDATE_STOCK.defaultQueue(), levels);
  }

  /** Sets prices on each channel, on the urgent queue. */
  public EnqueueReceipt setPrices(String tenant, Collection<String> channels, List<PriceChange> prices) {
    return submit(tenant, channels, Operation.UPDATE_PRICES, Operation.UPDATE_PRICES.defaultQueue(), prices);
  }

  /** Asks for the orders changed on {@code channel} since the connection's cursor. */
  public EnqueueReceipt pullOrders(String tenant, String channel) {
    return submit(tenant, List.of(channel), Operation.PULL_ORDERS, Operation.PULL_ORDERS.defaultQueue(), List.of());
  }

  /** Enqueues a job built by the caller, as it is (its queue, its batch). */
  public EnqueueReceipt enqueue(SyncJob job) {
    JobValidator.check(job);
    return write(List.of(job));
  }

  /** Enqueues jobs built by the caller, pipelined; nothing is written unless every job is valid. */
  public EnqueueReceipt enqueueAll(Collection<SyncJob> jobs) {
    List<Problem> problems = new ArrayList<>();
    int i = 0;
    for (SyncJob job : jobs) {
      for (Problem p : JobValidator.validate(job)) {
        problems.add(new Problem("jobs[" + i + "]." + p.field(), p.message()));
      }
      i++;
    }
    if (!problems.isEmpty()) {
      throw new InvalidJobException(problems);
    }
    return write(List.copyOf(jobs));
  }

  /**
   * Asks a worker to check the credentials of {@code tenant} on {@code channel} and waits up to
   * {@code timeout} for its answer. When none comes, a test still waiting in its queue is withdrawn
   * so it does not run later for nobody. Losing Redis while waiting surfaces as Jedis's exception.
   */
  public ConnectionTestResult testConnection(String tenant, String channel, Duration timeout) {
    Operation op = Operation.TEST_CONNECTION;
    SyncJob job = SyncJob.create(tenant, channel, op, op.defaultQueue(), List.of(), clock.millis());
    JobValidator.check(job);
    write(List.of(job));
    // BLPOP takes whole seconds on every Redis version; round up so a short timeout still waits.
    int seconds = (int) Math.max(1, (timeout.toMillis() + 999) / 1000);
    String queueName = op.defaultQueue().queueName();
    try (Jedis jedis = pool.getResource()) {
      List<String> reply = jedis.blpop(seconds, keys.reply(job.id()));
      if (reply != null && reply.size() == 2) {
        return answer(tenant, channel, reply.get(1));
      }
      boolean withdrawn = jedis.lrem(keys.queue(queueName), 1, JobCodec.encode(job)) > 0;
      boolean paused = jedis.sismember(keys.pausedQueues(), queueName);
      String waited = seconds + "s";
      String message;
      if (!withdrawn) {
        message = "a worker took the test but did not answer within " + waited
            + "; the marketplace may be slow, try a longer timeout";
      } else if (paused) {
        message = "queue '" + queueName + "' is paused, so no worker took the test within " + waited
            + "; the test was withdrawn";
      } else {
        message = "no worker took the test within " + waited + ": is a worker running and polling queue '"
            + queueName + "'? The test was withdrawn";
      }
      return new ConnectionTestResult(tenant, channel, false, false, null, message);
    }
  }

  private static ConnectionTestResult answer(String tenant, String channel, String raw) {
    try {
      JsonNode node = Json.MAPPER.readTree(raw);
      String account = node.hasNonNull("account") ? node.get("account").asText() : null;
      return new ConnectionTestResult(tenant, channel, true, node.path("ok").asBoolean(false), account,
          node.path("message").asText(""));
    } catch (JsonProcessingException e) {
      return new ConnectionTestResult(tenant, channel, true, false, null,
          "the worker's answer is not JSON: " + e.getOriginalMessage());
    }
  }

  private EnqueueReceipt submit(String tenant, Collection<String> channels, Operation op, Queue queue,
      List<? extends Item> items) {
    return write(BatchPlanner.plan(tenant, channels, op, queue, items, clock.millis()));
  }

  /** SADD queues + RPUSH per job (Jesque's layout), then one wake token per flush, pipelined. */
  private EnqueueReceipt write(List<SyncJob> jobs) {
    List<String> payloads = new java.util.ArrayList<>(jobs.size());
    for (SyncJob job : jobs) {
      String payload = JobCodec.encode(job);
      if (payload.length() > JobCodec.MAX_PAYLOAD_CHARS) {
        throw new InvalidJobException(List.of(new Problem("items", "job " + job.id() + " is "
            + payload.length() + " characters long; the limit is " + JobCodec.MAX_PAYLOAD_CHARS
            + " (send fewer or smaller items per job)")));
      }
      payloads.add(payload);
    }
    try (Jedis jedis = pool.getResource()) {
      for (int from = 0; from < jobs.size(); from += PIPELINE_CHUNK) {
        List<SyncJob> chunk = jobs.subList(from, Math.min(jobs.size(), from + PIPELINE_CHUNK));
        Pipeline pipeline = jedis.pipelined();
        Set<String> queueNames = new LinkedHashSet<>();
        for (SyncJob job : chunk) {
          queueNames.add(job.queue().queueName());
        }
        pipeline.sadd(keys.queues(), queueNames.toArray(new String[0]));
        for (int i = 0; i < chunk.size(); i++) {
          pipeline.rpush(keys.queue(chunk.get(i).queue().queueName()), payloads.get(from + i));
        }
        pipeline.rpush(keys.wake(), "1");
        pipeline.ltrim(keys.wake(), -WAKE_TOKENS_KEPT, -1);
        for (Object reply : pipeline.syncAndReturnAll()) {
          if (reply instanceof JedisException e) {
            throw e;
          }
        }
      }
    } catch (JedisException e) {
      throw new EnqueueException("could not enqueue " + jobs.size() + (jobs.size() == 1 ? " job" : " jobs")
          + ": " + e.getMessage(), e);
    }
    return EnqueueReceipt.of(jobs);
  }

  @Override
  public void close() {
    if (ownsPool) {
      pool.close();
    }
  }
}
