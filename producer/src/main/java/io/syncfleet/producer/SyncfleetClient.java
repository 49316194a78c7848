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
import io.syncfleet.producer.lane.Change;
import io.syncfleet.producer.lane.Lane;
import io.syncfleet.producer.lane.Lanes;
import io.syncfleet.producer.redis.Keys;
import io.syncfleet.producer.redis.RedisSettings;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.exceptions.JedisException;

/**
 * What application code uses to put sync work on the fleet. Every call validates all of its items
 * before writing anything ({@link InvalidJobException} lists every problem). Item changes (stock,
 * prices, listings, deletes) are offered into lanes, where the latest change per SKU wins and flush
 * jobs send them in batches of each channel's size; changes without a version are stamped with the
 * enqueue time in microseconds. Other work (order pulls, connection tests, jobs built by the caller)
 * is written in the Jesque layout plus a wake-up token. Writes are pipelined. Thread-safe; closing it
 * closes the pool only when the client created it.
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
  private final Lanes lanes;
  private final AtomicLong lastVersion = new AtomicLong();

  /**
   * A client with its own connection pool, closed with the client; its coalescing window comes from
   * {@value Lanes#WINDOW_ENV} (milliseconds) when set.
   */
  public SyncfleetClient(RedisSettings settings) {
    this(settings.pool(16, 5000), settings.keys(), Clock.systemUTC(), true,
        Lanes.windowFromEnv(System.getenv()));
  }

  /** A client on an existing pool, which the caller keeps and closes. */
  public SyncfleetClient(JedisPool pool, Keys keys, Clock clock) {
    this(pool, keys, clock, false, Lanes.DEFAULT_WINDOW);
  }

  /** A client on an existing pool whose changes wait {@code coalescingWindow} for newer ones. */
  public SyncfleetClient(JedisPool pool, Keys keys, Clock clock, Duration coalescingWindow) {
    this(pool, keys, clock, false, coalescingWindow);
  }

  private SyncfleetClient(JedisPool pool, Keys keys, Clock clock, boolean ownsPool, Duration window) {
    this.pool = pool;
    this.keys = keys;
    this.clock = clock;
    this.ownsPool = ownsPool;
    this.lanes = new Lanes(keys, window);
  }

  /** A client for {@code REDIS_URL} and {@code SYNCFLEET_NAMESPACE}. */
  public static SyncfleetClient fromEnv() {
    return new SyncfleetClient(RedisSettings.fromEnv());
  }

  /** Creates or updates listings on each channel, on the default queue. */
  public OfferReceipt upsertListings(String tenant, Collection<String> channels, List<Listing> listings) {
    return submit(tenant, channels, Operation.UPSERT_LISTINGS, Operation.UPSERT_LISTINGS.defaultQueue(), listings);
  }

  /** Creates or updates listings as bulk work (resyncs): on the bulk queue, behind every other update. */
  public OfferReceipt bulkUpsertListings(String tenant, Collection<String> channels, List<Listing> listings) {
    return submit(tenant, channels, Operation.UPSERT_LISTINGS, Queue.BULK, listings);
  }

  /** Removes the listings of these SKUs from each channel. */
  public OfferReceipt deleteListings(String tenant, Collection<String> channels, Collection<String> skus) {
    List<SkuRef> refs = new ArrayList<>();
    for (String sku : skus) {
      refs.add(new SkuRef(sku));
    }
    return submit(tenant, channels, Operation.DELETE_LISTINGS, Operation.DELETE_LISTINGS.defaultQueue(), refs);
  }

  /** Sets absolute stock levels on each channel, on the urgent queue. */
  public OfferReceipt setStock(String tenant, Collection<String> channels, List<StockLevel> levels) {
    return submit(tenant, channels, Operation.UPDATE_STOCK, Operation.UPDATE_STOCK.defaultQueue(), levels);
  }

  /** Sets prices on each channel, on the urgent queue. */
  public OfferReceipt setPrices(String tenant, Collection<String> channels, List<PriceChange> prices) {
    return submit(tenant, channels, Operation.UPDATE_PRICES, Operation.UPDATE_PRICES.defaultQueue(), prices);
  }

  /** Asks for the orders changed on {@code channel} since the connection's cursor. */
  public EnqueueReceipt pullOrders(String tenant, String channel) {
    Operation op = Operation.PULL_ORDERS;
    return write(BatchPlanner.plan(tenant, List.of(channel), op, op.defaultQueue(), List.of(), clock.millis()));
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

  private OfferReceipt submit(String tenant, Collection<String> channels, Operation op, Queue queue,
      List<? extends Item> items) {
    return offer(tenant, channels, op, queue, items, null);
  }

  /**
   * Offers item changes into the lanes of {@code channels}, as work of {@code queue}'s urgency;
   * {@code resync} (may be null) names the bulk resync they belong to, whose record counts them.
   */
  public OfferReceipt offer(String tenant, Collection<String> channels, Operation op, Queue queue,
      List<? extends Item> items, String resync) {
    long now = clock.millis();
    Map<String, List<Change>> byChannel = new LinkedHashMap<>();
    for (SyncJob job : BatchPlanner.plan(tenant, channels, op, queue, items, now)) {
      List<Change> changes = byChannel.computeIfAbsent(job.channel(), c -> new ArrayList<>());
      long version = nextVersion(now);
      for (Item item : job.items()) {
        Item stamped = item.version() == null ? item.withVersion(version) : item;
        changes.add(Change.offered(stamped, queue, job.traceId(), now, resync));
      }
    }
    Map<String, Lanes.Offered> offered = new LinkedHashMap<>();
    try (Jedis jedis = pool.getResource()) {
      Pipeline pipeline = jedis.pipelined();
      Map<String, List<Response<Object>>> replies = new LinkedHashMap<>();
      for (Map.Entry<String, List<Change>> e : byChannel.entrySet()) {
        Lane lane = new Lane(tenant, e.getKey(), op);
        List<Change> changes = e.getValue();
        for (int from = 0; from < changes.size(); from += Lanes.CHUNK) {
          replies.computeIfAbsent(e.getKey(), c -> new ArrayList<>()).add(lanes.offer(pipeline, lane, queue,
              changes.subList(from, Math.min(changes.size(), from + Lanes.CHUNK)), now));
        }
      }
      pipeline.sync();
      for (Map.Entry<String, List<Response<Object>>> e : replies.entrySet()) {
        Lanes.Offered sum = Lanes.Offered.NONE;
        for (Response<Object> r : e.getValue()) {
          sum = sum.plus(Lanes.Offered.from(r.get()));
        }
        offered.put(e.getKey(), sum);
      }
    } catch (JedisException e) {
      throw new EnqueueException("could not offer " + items.size() + (items.size() == 1 ? " change" : " changes")
          + " for " + tenant + ": " + e.getMessage(), e);
    }
    return new OfferReceipt(offered);
  }

  /** Epoch microseconds, strictly increasing within this client. */
  private long nextVersion(long nowMillis) {
    return lastVersion.updateAndGet(last -> Math.max(last + 1, nowMillis * 1000));
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
