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
import io.syncfleet.producer.job.Operation;
import io.syncfleet.producer.lane.Change;
import io.syncfleet.producer.lane.Lane;
import io.syncfleet.producer.lane.Lanes;
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
 * Runs {@value SyncJob#JOB_CLASS} jobs. Item changes (from raw payloads, or retried from the dead
 * set) are admitted into their lane, where the latest change per SKU wins and {@link FlushHandler}
 * sends them; their versions travel with them, so a retried change never overwrites a newer one.
 * Order pulls and connection tests run here: credentials that stopped working pause the connection
 * and park its jobs, throttling and an open circuit postpone without spending an attempt, passing
 * failures retry with backoff, and what can never succeed goes to the dead set with the reason.
 */
public final class SyncJobHandler implements JobHandler {
  private static final Logger LOG = LoggerFactory.getLogger(SyncJobHandler.class);

  private final AdapterRegistry adapters;
  private final ConnectionResolver connections;
  private final ConnectionPolicies policies;
  private final OrderSync orders;
  private final FleetMetrics metrics;
  private final JedisPool pool;
  private final Keys keys;
  private final int maxAttempts;
  private final Lanes lanes;
  private final ConnectionNotes notes;

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
    this.lanes = new Lanes(keys, Duration.ZERO);
    this.notes = new ConnectionNotes(connections);
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
    if (!job.items().isEmpty()) {
      return admit(job);
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
    if (job.operation() == Operation.TEST_CONNECTION) {
      return testConnection(job, adapter, connection);
    }
    return pullOrders(job, adapter, connection, worker);
  }

  /**
   * Offers a job's items to its lane with the job's urgency; items without a version take the job's
   * enqueue time, so a change retried from the dead set never beats one offered after it.
   */
  private Settlement admit(SyncJob job) {
    long version = Math.max(0, job.enqueuedAt()) * 1000;
    List<Change> changes = new ArrayList<>();
    for (Item item : job.items()) {
      Item stamped = item.version() == null ? item.withVersion(version) : item;
      changes.add(new Change(stamped, job.attempt(), job.traceId(), job.enqueuedAt(), job.lastError(), null,
          job.queue()));
    }
    Lane lane = new Lane(job.tenant(), job.channel(), job.operation());
    try (Jedis jedis = pool.getResource()) {
      for (int from = 0; from < changes.size(); from += Lanes.CHUNK) {
        Lanes.Offered offered = lanes.offer(jedis, lane, job.queue(),
            changes.subList(from, Math.min(changes.size(), from + Lanes.CHUNK)), System.currentTimeMillis());
        metrics.coalesced(job.tenant(), job.channel(), job.operation().wireName(), offered.coalesced());
      }
    }
    metrics.job(job.channel(), job.operation().wireName(), "admitted");
    return Settlement.done();
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
      notes.outcome(connection, null);
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
      String reason = "credentials refused by " + adapter.channel() + ": " + Calls.redact(e.getMessage(), connection);
      connections.pause(connection, reason);
      return Settlement.park(keys.parked(job.tenant(), job.channel()),
          keys.connectionState(job.tenant(), job.channel()), JobCodec.encode(job.postpone(reason, now)));
    } catch (PermanentFailure e) {
      return bury(job, List.of(), "order pull rejected by " + adapter.channel(), e.code(),
          Calls.redact(e.getMessage(), connection), worker);
    } catch (RuntimeException e) {
      return retryOrBury(job, List.of(), null, Calls.redact(Calls.describe(e), connection), worker, now);
    }
  }

  private Settlement testConnection(SyncJob job, MarketplaceAdapter adapter, Connection connection) {
    Health health;
    try {
      health = call(connection, () -> adapter.testConnection(connection));
    } catch (RuntimeException e) {
      health = Health.failed(Calls.redact(Calls.describe(e), connection));
    }
    Map<String, Object> reply = new LinkedHashMap<>();
    reply.put("ok", health.ok());
    reply.put("account", health.account());
    reply.put("message", Calls.redact(health.message(), connection));
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
    return Calls.call(policies, connection, call);
  }
}
