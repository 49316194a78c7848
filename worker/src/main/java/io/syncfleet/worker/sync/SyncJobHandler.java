package io.syncfleet.worker.sync;

import dev.failsafe.CircuitBreakerOpenException;
import dev.failsafe.FailsafeException;
import dev.failsafe.TimeoutExceededException;
import io.syncfleet.adapters.AdapterRegistry;
import io.syncfleet.adapters.BatchResult;
import io.syncfleet.adapters.Health;
import io.syncfleet.adapters.ItemOutcome;
import io.syncfleet.adapters.MarketplaceAdapter;
import io.syncfleet.adapters.Violation;
import io.syncfleet.adapters.failure.AuthenticationFailure;
import io.syncfleet.adapters.failure.PermanentFailure;
import io.syncfleet.adapters.failure.RateLimitedFailure;
import io.syncfleet.adapters.failure.SyncFailure;
import io.syncfleet.producer.Json;
import io.syncfleet.producer.connection.Connection;
import io.syncfleet.producer.job.Envelope;
import io.syncfleet.producer.job.Item;
import io.syncfleet.producer.job.JobCodec;
import io.syncfleet.producer.job.JobValidator;
import io.syncfleet.producer.job.Listing;
import io.syncfleet.producer.job.MalformedJobException;
import io.syncfleet.producer.job.PriceChange;
import io.syncfleet.producer.job.Problem;
import io.syncfleet.producer.job.SkuRef;
import io.syncfleet.producer.job.StockLevel;
import io.syncfleet.producer.job.SyncJob;
import io.syncfleet.producer.redis.Keys;
import io.syncfleet.producer.state.DeadJob;
import io.syncfleet.worker.FleetMetrics;
import io.syncfleet.worker.fetch.Fetched;
import io.syncfleet.worker.process.DeadRecords;
import io.syncfleet.worker.process.JobHandler;
import io.syncfleet.worker.process.Settlement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;

/**
 * Runs {@value SyncJob#JOB_CLASS} jobs: resolves the connection and adapter, applies the
 * marketplace's listing rules, calls the adapter through the connection's policies, and turns the
 * per-item outcomes into a {@link Settlement}:
 *
 * <ul>
 *   <li>done items are done;
 *   <li>items that failed for a passing reason are retried with backoff (Retry-After wins), and go
 *       to the dead set once {@code maxAttempts} is spent;
 *   <li>throttling and an open circuit postpone the job without spending an attempt;
 *   <li>credentials that stopped working pause the connection and park its jobs;
 *   <li>items that can never succeed go to the dead set with the marketplace's code and message.
 * </ul>
 */
public final class SyncJobHandler implements JobHandler {
  private static final Logger LOG = LoggerFactory.getLogger(SyncJobHandler.class);
  private static final long OUTCOME_WRITE_INTERVAL_MS = 5_000;

  private final AdapterRegistry adapters;
  private final ConnectionResolver connections;
  private final ConnectionPolicies policies;
  private final OrderSync orders;
  private final FleetMetrics metrics;
  private final JedisPool pool;
  private final Keys keys;
  private final int maxAttempts;
  private final Map<String, Long> lastOutcomeWrite = new ConcurrentHashMap<>();

  public SyncJobHandler(AdapterRegistry adapters, ConnectionResolver connections,
      ConnectionPolicies policies, OrderSync orders, FleetMetrics metrics, JedisPool pool, Keys keys,
      int maxAttempts) {
    this.adapters = adapters;
    this.connections = connections;
    this.policies = policies;
    this.orders = orders;
    this.metrics = metrics;
    this.pool = pool;
    this.keys = keys;
    this.maxAttempts = maxAttempts;
  }

  @Override
  public Settlement handle(Envelope envelope, Fetched fetched) {
    String worker = Thread.currentThread().getName();
    SyncJob job;
    try {
      job = JobCodec.fromArgs(envelope.args());
    } catch (MalformedJobException e) {
      metrics.unreadable();
      return Settlement.dead(DeadRecords.unreadable(fetched, "malformed sync job: " + e.getMessage(), worker));
    }
    long now = System.currentTimeMillis();
    if (job.enqueuedAt() > 0) {
      metrics.waited(fetched.queue(), Duration.ofMillis(Math.max(0, now - job.enqueuedAt())));
    }
    String op = job.operation().wireName();
    // Raw payloads can bypass the producer: hold them to the same contract.
    List<Problem> problems = JobValidator.validate(job);
    if (!problems.isEmpty()) {
      metrics.unreadable();
      return bury(job, job.items(), "invalid job: " + problems.stream().map(Problem::toString)
          .collect(java.util.stream.Collectors.joining("; ")), null, null, worker);
    }
    Optional<MarketplaceAdapter> found = adapters.find(job.channel());
    if (found.isEmpty()) {
      return bury(job, job.items(), "this worker has no adapter for channel '" + job.channel() + "'",
          null, null, worker);
    }
    MarketplaceAdapter adapter = found.get();
    if (!adapter.capabilities().supports(job.operation())) {
      return bury(job, job.items(), adapter.channel() + " does not offer " + op, null, null, worker);
    }
    if (connections.paused(job.tenant(), job.channel())) {
      metrics.job(job.channel(), op, "parked");
      return Settlement.park(keys.parked(job.tenant(), job.channel()),
          keys.connectionState(job.tenant(), job.channel()),
          JobCodec.encode(job.postpone("connection paused", now)));
    }
    Connection connection;
    try {
      Optional<Connection> c = connections.connection(job.tenant(), job.channel());
      if (c.isEmpty()) {
        return bury(job, job.items(), "no connection for " + Connection.id(job.tenant(), job.channel())
            + "; add it with `syncfleet connections add`, then retry this job", null, null, worker);
      }
      connection = c.get();
    } catch (IllegalStateException e) {
      return bury(job, job.items(), "cannot read the connection: " + e.getMessage(), null, null, worker);
    }
    switch (job.operation()) {
      case TEST_CONNECTION:
        return testConnection(job, adapter, connection);
      case PULL_ORDERS:
        return pullOrders(job, adapter, connection, worker);
      default:
        return syncItems(job, adapter, connection, worker);
    }
  }

  private Settlement syncItems(SyncJob job, MarketplaceAdapter adapter, Connection connection, String worker) {
    String op = job.operation().wireName();
    long now = System.currentTimeMillis();
    List<Item> send = new ArrayList<>();
    List<ItemOutcome> outcomes = new ArrayList<>();
    for (Item item : job.items()) {
      if (item instanceof Listing listing) {
        List<Violation> violations = adapter.validate(listing);
        if (!violations.isEmpty()) {
          outcomes.add(ItemOutcome.failed(item.sku(), "VALIDATION", violations.toString()));
          continue;
        }
      }
      send.add(item);
    }
    if (!send.isEmpty()) {
      long start = System.nanoTime();
      try {
        BatchResult result = call(connection, () -> invoke(adapter, connection, job, send));
        outcomes.addAll(result.outcomes());
        noteOutcome(connection, null);
      } catch (CircuitBreakerOpenException e) {
        metrics.failure(job.channel(), "circuit_open");
        Duration wait = policies.breaker(connection.id()).getRemainingDelay();
        return postpone(job, Duration.ofMillis(Math.max(1000, wait.toMillis())), "circuit open for "
            + connection.id() + " after repeated failures", now);
      } catch (RateLimitedFailure e) {
        metrics.failure(job.channel(), "rate_limited");
        noteThrottle(connection);
        return postpone(job, Backoff.after(job.attempt(), e.retryAfter().orElse(null)),
            "rate limited: " + redact(e.getMessage(), connection), now);
      } catch (AuthenticationFailure e) {
        metrics.failure(job.channel(), "authentication");
        String reason = "credentials refused by " + adapter.channel() + " (HTTP " + e.httpStatus() + "): "
            + redact(e.getMessage(), connection);
        LOG.warn("pausing connection {}: {}", connection.id(), reason);
        connections.pause(connection, reason);
        noteOutcome(connection, reason);
        metrics.job(job.channel(), op, "parked");
        return Settlement.park(keys.parked(job.tenant(), job.channel()),
          keys.connectionState(job.tenant(), job.channel()),
          JobCodec.encode(job.postpone(reason, now)));
      } catch (PermanentFailure e) {
        metrics.failure(job.channel(), "permanent");
        String message = redact(e.getMessage(), connection);
        noteOutcome(connection, message);
        return bury(job, send, "rejected by " + adapter.channel() + " (HTTP " + e.httpStatus() + ")",
            e.code(), message, worker);
      } catch (RuntimeException e) {
        // Transient failures that outlived the in-call retries, timeouts, and adapter bugs alike.
        metrics.failure(job.channel(), "transient");
        String message = redact(describe(e), connection);
        noteOutcome(connection, message);
        return retryOrBury(job, send, null, message, worker, now);
      } finally {
        metrics.call(job.channel(), op, Duration.ofNanos(System.nanoTime() - start));
      }
    }
    return settle(job, outcomes, worker, now);
  }

  private Settlement settle(SyncJob job, List<ItemOutcome> outcomes, String worker, long now) {
    String op = job.operation().wireName();
    Map<String, Item> bySku = new LinkedHashMap<>();
    for (Item item : job.items()) {
      bySku.put(item.sku(), item);
    }
    List<Item> retry = new ArrayList<>();
    List<Item> throttled = new ArrayList<>();
    Duration throttledFor = null;
    List<Item> failed = new ArrayList<>();
    List<DeadJob.ItemError> errors = new ArrayList<>();
    Duration retryAfter = null;
    String retryReason = null;
    int done = 0;
    Map<String, ItemOutcome> seen = new HashMap<>();
    for (ItemOutcome o : outcomes) {
      Item item = bySku.get(o.sku());
      if (item == null || seen.put(o.sku(), o) != null) {
        continue;
      }
      switch (o.status()) {
        case DONE -> done++;
        case RETRY -> {
          retry.add(item);
          if (o.retryAfter() != null && (retryAfter == null || o.retryAfter().compareTo(retryAfter) > 0)) {
            retryAfter = o.retryAfter();
          }
          retryReason = o.code() == null ? o.message() : o.code() + ": " + o.message();
        }
        case THROTTLED -> {
          throttled.add(item);
          if (o.retryAfter() != null && (throttledFor == null || o.retryAfter().compareTo(throttledFor) > 0)) {
            throttledFor = o.retryAfter();
          }
        }
        case FAILED -> {
          failed.add(item);
          errors.add(new DeadJob.ItemError(o.sku(), o.code(), o.message()));
        }
      }
    }
    for (Map.Entry<String, Item> e : bySku.entrySet()) {
      if (!seen.containsKey(e.getKey())) {
        // An adapter that forgets an item must not lose it.
        LOG.warn("{} returned no outcome for {}; retrying it", job.channel(), e.getKey());
        retry.add(e.getValue());
        retryReason = "no outcome reported";
      }
    }
    metrics.items(job.channel(), op, "done", done);
    Settlement s = Settlement.done();
    if (!failed.isEmpty()) {
      metrics.items(job.channel(), op, "failed", failed.size());
      String reason = failed.size() == 1 ? "item rejected" : failed.size() + " items rejected";
      DeadJob.ItemError first = errors.get(0);
      s = s.and(Settlement.dead(DeadRecords.forItems(job, failed, errors, reason + " by " + job.channel(),
          first.code(), first.message(), worker, now)));
    }
    if (!retry.isEmpty()) {
      s = s.and(retryOrBury(job, retry, retryAfter, retryReason, worker, now));
    }
    if (!throttled.isEmpty()) {
      // Throttling says nothing about the items: wait as asked, without spending an attempt.
      metrics.items(job.channel(), op, "throttled", throttled.size());
      metrics.failure(job.channel(), "rate_limited");
      connections.connection(job.tenant(), job.channel()).ifPresent(this::noteThrottle);
      long due = now + Backoff.after(job.attempt(), throttledFor).toMillis();
      s = s.and(Settlement.retry(due, JobCodec.encode(
          job.postpone(throttled, "rate limited by " + job.channel(), now))));
    }
    if (s.isDone()) {
      metrics.job(job.channel(), op, "done");
    } else if (!failed.isEmpty()) {
      metrics.job(job.channel(), op, "dead");
    }
    return s;
  }

  private Settlement retryOrBury(SyncJob job, List<? extends Item> items, Duration retryAfter,
      String reason, String worker, long now) {
    String op = job.operation().wireName();
    if (job.attempt() + 1 >= maxAttempts) {
      metrics.items(job.channel(), op, "failed", items.size());
      metrics.job(job.channel(), op, "dead");
      return Settlement.dead(DeadRecords.forItems(job, items, List.of(), "gave up after "
          + (job.attempt() + 1) + " attempts", null, reason, worker, now));
    }
    metrics.items(job.channel(), op, "retried", items.size());
    metrics.job(job.channel(), op, "retried");
    long due = now + Backoff.after(job.attempt(), retryAfter).toMillis();
    return Settlement.retry(due, JobCodec.encode(job.retry(items, reason, now)));
  }

  private Settlement postpone(SyncJob job, Duration wait, String reason, long now) {
    metrics.job(job.channel(), job.operation().wireName(), "postponed");
    return Settlement.retry(now + wait.toMillis(), JobCodec.encode(job.postpone(reason, now)));
  }

  private Settlement bury(SyncJob job, List<? extends Item> items, String reason, String code,
      String message, String worker) {
    LOG.warn("job {} ({} {} for {}) sent to the dead set: {}{}", job.id(), job.channel(),
        job.operation().wireName(), job.tenant(), reason, message == null ? "" : ": " + message);
    metrics.items(job.channel(), job.operation().wireName(), "failed", items.size());
    metrics.job(job.channel(), job.operation().wireName(), "dead");
    List<DeadJob.ItemError> errors = new ArrayList<>();
    for (Item item : items) {
      errors.add(new DeadJob.ItemError(item.sku(), code, message));
    }
    return Settlement.dead(DeadRecords.forItems(job, items, errors, reason, code, message, worker,
        System.currentTimeMillis()));
  }

  private Settlement pullOrders(SyncJob job, MarketplaceAdapter adapter, Connection connection, String worker) {
    long now = System.currentTimeMillis();
    try {
      OrderSync.Pulled pulled = orders.pull(connection,
          cursor -> call(connection, () -> adapter.fetchOrders(connection, cursor)));
      noteOutcome(connection, null);
      metrics.job(job.channel(), "pull_orders", "done");
      LOG.debug("pulled {} orders ({} new or changed) for {}", pulled.seen(), pulled.appended(), connection.id());
      // A long backlog continues in a fresh job so this thread is not held for minutes.
      return pulled.more() ? Settlement.retry(now, JobCodec.encode(job.postpone("more orders", now)))
          : Settlement.done();
    } catch (CircuitBreakerOpenException e) {
      return postpone(job, policies.breaker(connection.id()).getRemainingDelay(), "circuit open", now);
    } catch (RateLimitedFailure e) {
      return postpone(job, Backoff.after(job.attempt(), e.retryAfter().orElse(null)), "rate limited", now);
    } catch (AuthenticationFailure e) {
      String reason = "credentials refused by " + adapter.channel() + ": " + redact(e.getMessage(), connection);
      connections.pause(connection, reason);
      return Settlement.park(keys.parked(job.tenant(), job.channel()),
          keys.connectionState(job.tenant(), job.channel()), JobCodec.encode(job.postpone(reason, now)));
    } catch (PermanentFailure e) {
      return bury(job, List.of(), "order pull rejected by " + adapter.channel(), e.code(),
          redact(e.getMessage(), connection), worker);
    } catch (RuntimeException e) {
      return retryOrBury(job, List.of(), null, redact(describe(e), connection), worker, now);
    }
  }

  private Settlement testConnection(SyncJob job, MarketplaceAdapter adapter, Connection connection) {
    Health health;
    try {
      health = call(connection, () -> adapter.testConnection(connection));
    } catch (RuntimeException e) {
      health = Health.failed(redact(describe(e), connection));
    }
    Map<String, Object> reply = new LinkedHashMap<>();
    reply.put("ok", health.ok());
    reply.put("account", health.account());
    reply.put("message", redact(health.message(), connection));
    try (Jedis jedis = pool.getResource()) {
      String key = keys.reply(job.id());
      jedis.rpush(key, Json.MAPPER.writeValueAsString(reply));
      jedis.expire(key, 300);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    metrics.job(job.channel(), "test_connection", health.ok() ? "done" : "failed");
    return Settlement.done();
  }

  private <T> T call(Connection connection, Supplier<T> call) {
    try {
      return policies.executor(connection.id()).get(call::get);
    } catch (FailsafeException e) {
      // Failsafe wraps checked exceptions only; unwrap so callers see the typed failure.
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw e;
    }
  }

  private static BatchResult invoke(MarketplaceAdapter adapter, Connection c, SyncJob job, List<Item> items) {
    switch (job.operation()) {
      case UPSERT_LISTINGS:
        return adapter.upsertListings(c, cast(items, Listing.class));
      case UPDATE_STOCK:
        return adapter.updateStock(c, cast(items, StockLevel.class));
      case UPDATE_PRICES:
        return adapter.updatePrices(c, cast(items, PriceChange.class));
      case DELETE_LISTINGS:
        return adapter.deleteListings(c, cast(items, SkuRef.class));
      default:
        throw new IllegalArgumentException(job.operation() + " carries no items");
    }
  }

  private static <T> List<T> cast(List<Item> items, Class<T> type) {
    List<T> out = new ArrayList<>(items.size());
    for (Item item : items) {
      out.add(type.cast(item));
    }
    return out;
  }

  private void noteOutcome(Connection connection, String error) {
    long now = System.currentTimeMillis();
    Long last = lastOutcomeWrite.get(connection.id());
    // Errors are always recorded; successes at most every few seconds per connection.
    if (error != null || last == null || now - last > OUTCOME_WRITE_INTERVAL_MS) {
      lastOutcomeWrite.put(connection.id(), now);
      try {
        connections.store().recordOutcome(connection.tenant(), connection.channel(), error);
      } catch (RuntimeException e) {
        LOG.debug("could not record outcome for {}: {}", connection.id(), e.toString());
      }
    }
  }

  private void noteThrottle(Connection connection) {
    try {
      connections.store().recordThrottle(connection.tenant(), connection.channel());
    } catch (RuntimeException e) {
      LOG.debug("could not count a throttle for {}: {}", connection.id(), e.toString());
    }
  }

  private static String describe(RuntimeException e) {
    if (e instanceof TimeoutExceededException) {
      return "marketplace call timed out";
    }
    if (e instanceof SyncFailure f) {
      return (f.code() == null ? "" : f.code() + ": ") + f.getMessage()
          + (f.httpStatus() > 0 ? " (HTTP " + f.httpStatus() + ")" : "");
    }
    return e.getClass().getSimpleName() + ": " + e.getMessage();
  }

  private static String redact(String text, Connection connection) {
    return Redaction.redact(text, connection.secrets());
  }
}
