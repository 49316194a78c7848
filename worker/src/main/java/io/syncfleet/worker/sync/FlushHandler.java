package io.syncfleet.worker.sync;

import dev.failsafe.CircuitBreakerOpenException;
import io.syncfleet.adapters.AdapterRegistry;
import io.syncfleet.adapters.BatchResult;
import io.syncfleet.adapters.ItemOutcome;
import io.syncfleet.adapters.MarketplaceAdapter;
import io.syncfleet.adapters.RatePlan;
import io.syncfleet.adapters.Violation;
import io.syncfleet.adapters.failure.AuthenticationFailure;
import io.syncfleet.adapters.failure.PermanentFailure;
import io.syncfleet.adapters.failure.RateLimitedFailure;
import io.syncfleet.producer.connection.Connection;
import io.syncfleet.producer.job.Envelope;
import io.syncfleet.producer.job.Item;
import io.syncfleet.producer.job.JobIds;
import io.syncfleet.producer.job.Listing;
import io.syncfleet.producer.job.MalformedJobException;
import io.syncfleet.producer.job.Operation;
import io.syncfleet.producer.job.SyncJob;
import io.syncfleet.producer.lane.Change;
import io.syncfleet.producer.lane.FlushJob;
import io.syncfleet.producer.lane.Lane;
import io.syncfleet.producer.lane.Lanes;
import io.syncfleet.producer.redis.Keys;
import io.syncfleet.producer.state.DeadJob;
import io.syncfleet.worker.FleetMetrics;
import io.syncfleet.worker.fetch.Fetched;
import io.syncfleet.worker.flow.CallLeases;
import io.syncfleet.worker.flow.CallScope;
import io.syncfleet.worker.flow.LaneSlot;
import io.syncfleet.worker.flow.Limiter;
import io.syncfleet.worker.flow.RateSettings;
import io.syncfleet.worker.process.DeadRecords;
import io.syncfleet.worker.process.JobHandler;
import io.syncfleet.worker.process.Settlement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.LongConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;

/**
 * Runs {@value FlushJob#JOB_CLASS} jobs: each run sends one batch of a lane. It claims the lane's
 * due changes (up to the channel's batch size), takes a slot from the connection's fleet-wide rate
 * limit (or sends the batch back to wait when none comes soon), calls the adapter through the
 * connection's policies and settles each change: done, back to wait for a retry (yielding to any
 * newer change of its SKU), or into the dead set. The job then goes to the tail of its queue when
 * more is due, onto the schedule when the next change is due later, or ends when the lane is empty.
 */
public final class FlushHandler implements JobHandler {
  private static final Logger LOG = LoggerFactory.getLogger(FlushHandler.class);
  /** How soon a slot looks again when all of a connection's parallel calls are taken. */
  private static final long CALLS_TAKEN_RETRY_MS = 100;

  private final AdapterRegistry adapters;
  private final ConnectionResolver connections;
  private final ConnectionPolicies policies;
  private final FleetMetrics metrics;
  private final JedisPool pool;
  private final Keys keys;
  private final int maxAttempts;
  private final Limiter limiter;
  private final CallLeases leases;
  private final LongConsumer wakeAt;
  private final LaneSlot slots;
  private final ConnectionNotes notes;

  /** {@code wakeAt} is told when a lane's next batch is scheduled, so it is moved on time. */
  public FlushHandler(AdapterRegistry adapters, ConnectionResolver connections, ConnectionPolicies policies,
      FleetMetrics metrics, JedisPool pool, Keys keys, int maxAttempts, Limiter limiter, CallLeases leases,
      LongConsumer wakeAt) {
    this.adapters = adapters;
    this.connections = connections;
    this.policies = policies;
    this.metrics = metrics;
    this.pool = pool;
    this.keys = keys;
    this.maxAttempts = maxAttempts;
    this.limiter = limiter;
    this.leases = leases;
    this.wakeAt = wakeAt;
    this.slots = new LaneSlot(keys);
    this.notes = new ConnectionNotes(connections);
  }

  @Override
  public Settlement handle(Envelope envelope, Fetched fetched) {
    String worker = Thread.currentThread().getName();
    FlushJob flush;
    try {
      flush = FlushJob.from(envelope);
    } catch (MalformedJobException e) {
      metrics.unreadable();
      return Settlement.dead(DeadRecords.unreadable(fetched, "malformed flush job: " + e.getMessage(), worker));
    }
    Lane lane = flush.lane();
    Optional<MarketplaceAdapter> found = adapters.find(lane.channel());
    if (found.isEmpty()) {
      return buryBatch(flush, "this worker has no adapter for channel '" + lane.channel() + "'", worker);
    }
    MarketplaceAdapter adapter = found.get();
    if (!adapter.capabilities().supports(lane.operation())) {
      return buryBatch(flush, lane.channel() + " does not offer " + lane.operation().wireName(), worker);
    }
    if (connections.paused(lane.tenant(), lane.channel())) {
      // The lane keeps its changes; the job waits with the connection's parked work for the resume.
      metrics.job(lane.channel(), lane.operation().wireName(), "parked");
      return Settlement.park(keys.parked(lane.tenant(), lane.channel()),
          keys.connectionState(lane.tenant(), lane.channel()), fetched.payload());
    }
    Connection connection;
    RatePlan plan;
    OptionalInt cap;
    try {
      Optional<Connection> c = connections.connection(lane.tenant(), lane.channel());
      if (c.isEmpty()) {
        return buryBatch(flush, "no connection for " + Connection.id(lane.tenant(), lane.channel())
            + "; add it with `syncfleet connections add`, then retry this job", worker);
      }
      connection = c.get();
      plan = RateSettings.plan(connection, lane.operation(), adapter.capabilities()).orElse(null);
      cap = RateSettings.concurrency(connection);
    } catch (IllegalStateException e) {
      return buryBatch(flush, "cannot read the connection: " + e.getMessage(), worker);
    } catch (IllegalArgumentException e) {
      return buryBatch(flush, "connection " + Connection.id(lane.tenant(), lane.channel())
          + " has a bad setting: " + e.getMessage(), worker);
    }
    String leaseKey = keys.callLeases(lane.tenant(), lane.channel());
    String holder = JobIds.next();
    if (cap.isPresent() && !leases.acquire(leaseKey, holder, cap.getAsInt())) {
      return again(flush, System.currentTimeMillis() + CALLS_TAKEN_RETRY_MS, Lanes.classOf(flush.queue()));
    }
    try {
      return send(flush, adapter, connection, plan, cap.orElse(Lanes.FLUSHERS), worker);
    } finally {
      if (cap.isPresent()) {
        leases.release(leaseKey, holder);
      }
    }
  }

  private Settlement send(FlushJob flush, MarketplaceAdapter adapter, Connection connection, RatePlan plan,
      int flushers, String worker) {
    Lane lane = flush.lane();
    Operation op = lane.operation();
    int batchSize = adapter.capabilities().spec().batchLimit(op).orElse(1);
    LaneSlot.Step step = claim(flush, batchSize, flushers);
    if (!step.hasWork()) {
      return next(flush, step);
    }
    Batch batch = new Batch(flush, System.currentTimeMillis());
    List<Change> changes = batch.read(step.claimed());
    String bucket = keys.bucket(lane.tenant(), lane.channel(), op.wireName());
    if (plan != null && !changes.isEmpty()) {
      long wait = limiter.take(bucket, plan, flush.queue());
      if (wait < 0) {
        metrics.deferred(lane.tenant(), lane.channel(), op.wireName());
        changes.forEach(c -> batch.hold(c, "waiting for a rate-limit slot", batch.now - wait));
        return finish(batch, worker);
      }
      if (wait > 0 && !pause(wait)) {
        changes.forEach(c -> batch.hold(c, "worker stopping", batch.now));
        return finish(batch, worker);
      }
      metrics.token(lane.tenant(), lane.channel(), op.wireName(), Duration.ofMillis(wait));
    }
    call(batch, adapter, connection, plan, bucket, changes);
    return finish(batch, worker);
  }

  /** Calls the marketplace and sorts every change into done, back to wait, or dead. */
  private void call(Batch batch, MarketplaceAdapter adapter, Connection connection, RatePlan plan, String bucket,
      List<Change> changes) {
    Lane lane = batch.flush.lane();
    String op = lane.operation().wireName();
    Map<String, Change> bySku = new LinkedHashMap<>();
    List<Item> send = new ArrayList<>();
    for (Change change : changes) {
      metrics.waited(batch.flush.queue().queueName(), Duration.ofMillis(Math.max(0, batch.now - change.enqueuedAt())));
      if (change.item() instanceof Listing listing) {
        List<Violation> violations = adapter.validate(listing);
        if (!violations.isEmpty()) {
          batch.dead(change, "VALIDATION", violations.toString(), "rejected by " + lane.channel() + "'s listing rules");
          continue;
        }
      }
      bySku.put(change.item().sku(), change);
      send.add(change.item());
    }
    if (send.isEmpty()) {
      return;
    }
    long start = System.nanoTime();
    BatchResult result;
    try {
      result = CallScope.during(allowance -> {
        if (plan != null) {
          limiter.observed(bucket, plan, allowance);
        }
      }, () -> Calls.call(policies, connection, () -> Calls.invoke(adapter, connection, lane.operation(), send)));
      notes.outcome(connection, null);
    } catch (CircuitBreakerOpenException e) {
      metrics.failure(lane.channel(), "circuit_open");
      long due = batch.now + Math.max(1000, policies.breaker(connection.id()).getRemainingDelay().toMillis());
      bySku.values().forEach(c -> batch.hold(c, "circuit open for " + connection.id()
          + " after repeated failures", due));
      return;
    } catch (RateLimitedFailure e) {
      Duration wait = Backoff.after(0, e.retryAfter().orElse(null));
      throttled(connection, plan, bucket, op, wait);
      String reason = "rate limited: " + Calls.redact(e.getMessage(), connection);
      bySku.values().forEach(c -> batch.hold(c, reason, batch.now + wait.toMillis()));
      batch.throttled += bySku.size();
      return;
    } catch (AuthenticationFailure e) {
      metrics.failure(lane.channel(), "authentication");
      String reason = "credentials refused by " + lane.channel() + " (HTTP " + e.httpStatus() + "): "
          + Calls.redact(e.getMessage(), connection);
      LOG.warn("pausing connection {}: {}", connection.id(), reason);
      connections.pause(connection, reason);
      notes.outcome(connection, reason);
      bySku.values().forEach(c -> batch.hold(c, reason, batch.now));
      batch.park = true;
      return;
    } catch (PermanentFailure e) {
      metrics.failure(lane.channel(), "permanent");
      String message = Calls.redact(e.getMessage(), connection);
      notes.outcome(connection, message);
      String reason = "rejected by " + lane.channel() + " (HTTP " + e.httpStatus() + ")";
      bySku.values().forEach(c -> batch.dead(c, e.code(), message, reason));
      return;
    } catch (RuntimeException e) {
      // Transient failures that outlived the in-call retries, timeouts, and adapter bugs alike.
      metrics.failure(lane.channel(), "transient");
      String message = Calls.redact(Calls.describe(e), connection);
      notes.outcome(connection, message);
      bySku.values().forEach(c -> batch.retry(c, message, null));
      return;
    } finally {
      metrics.call(lane.channel(), op, Duration.ofNanos(System.nanoTime() - start));
    }
    Duration throttledFor = null;
    Set<String> seen = new HashSet<>();
    for (ItemOutcome o : result.outcomes()) {
      Change change = bySku.get(o.sku());
      if (change == null || !seen.add(o.sku())) {
        continue;
      }
      switch (o.status()) {
        case DONE -> batch.done(change);
        case RETRY -> batch.retry(change, o.code() == null ? o.message() : o.code() + ": " + o.message(),
            o.retryAfter());
        case THROTTLED -> {
          Duration wait = Backoff.after(0, o.retryAfter());
          throttledFor = throttledFor == null || wait.compareTo(throttledFor) > 0 ? wait : throttledFor;
          batch.hold(change, "rate limited by " + lane.channel(), batch.now + wait.toMillis());
          batch.throttled++;
        }
        case FAILED -> batch.dead(change, o.code(), o.message(), "item rejected by " + lane.channel());
      }
    }
    if (throttledFor != null) {
      throttled(connection, plan, bucket, op, throttledFor);
    }
    for (Map.Entry<String, Change> e : bySku.entrySet()) {
      if (!seen.contains(e.getKey())) {
        // An adapter that forgets an item must not lose it.
        LOG.warn("{} returned no outcome for {}; retrying it", lane.channel(), e.getKey());
        batch.retry(e.getValue(), "no outcome reported", null);
      }
    }
  }

  private void throttled(Connection connection, RatePlan plan, String bucket, String op, Duration wait) {
    metrics.failure(connection.channel(), "rate_limited");
    metrics.throttled(connection.tenant(), connection.channel(), op);
    notes.throttle(connection);
    if (plan != null) {
      limiter.throttled(bucket, plan, wait);
    }
  }

  /** A lane whose changes can never be sent (no adapter, no connection): its batches go to the dead set. */
  private Settlement buryBatch(FlushJob flush, String reason, String worker) {
    LaneSlot.Step step = claim(flush, Lanes.CHUNK, Lanes.FLUSHERS);
    if (!step.hasWork()) {
      return next(flush, step);
    }
    Batch batch = new Batch(flush, System.currentTimeMillis());
    batch.read(step.claimed()).forEach(c -> batch.dead(c, null, null, reason));
    LOG.warn("{} changes of lane {} sent to the dead set: {}", step.claimed().size(), flush.lane().id(), reason);
    return finish(batch, worker);
  }

  private LaneSlot.Step claim(FlushJob flush, int batchSize, int flushers) {
    try (Jedis jedis = pool.getResource()) {
      return slots.claim(jedis, flush, batchSize, Math.min(flushers, Lanes.MOST_FLUSHERS));
    }
  }

  /** Settles the batch in the lane and says how the flush job goes on, in one settlement. */
  private Settlement finish(Batch batch, String worker) {
    FlushJob flush = batch.flush;
    LaneSlot.Step step;
    try (Jedis jedis = pool.getResource()) {
      step = slots.settle(jedis, flush, batch.doneSkus, batch.back, batch.deadSkus());
    }
    String channel = flush.lane().channel();
    String op = flush.lane().operation().wireName();
    metrics.items(channel, op, "done", batch.doneSkus.size());
    metrics.items(channel, op, "retried", batch.retried);
    metrics.items(channel, op, "throttled", batch.throttled);
    metrics.items(channel, op, "failed", batch.deadSkus().size());
    Settlement s = Settlement.done();
    for (DeadJob record : batch.deadRecords(worker)) {
      s = s.and(Settlement.dead(record));
    }
    if (batch.park) {
      Lane lane = flush.lane();
      return s.and(Settlement.park(keys.parked(lane.tenant(), lane.channel()),
          keys.connectionState(lane.tenant(), lane.channel()), flush.payload()));
    }
    return s.and(next(flush, step));
  }

  /** The flush job's way on after {@code step}. */
  private Settlement next(FlushJob flush, LaneSlot.Step step) {
    if (step.retired()) {
      return Settlement.done();
    }
    return again(flush, step.dueAt(), step.klass());
  }

  private Settlement again(FlushJob flush, long dueAt, int klass) {
    long now = System.currentTimeMillis();
    FlushJob follow = new FlushJob(flush.lane(), Lanes.queueOf(klass), flush.slot(), Math.max(now, dueAt));
    if (dueAt <= now) {
      return Settlement.queued(follow.queue().queueName(), follow.payload());
    }
    wakeAt.accept(dueAt);
    return Settlement.retry(dueAt, follow.payload());
  }

  private static boolean pause(long ms) {
    try {
      Thread.sleep(ms);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** A change bound for the dead set, with its error. */
  private record Buried(Change change, DeadJob.ItemError error) {}

  /** One batch's changes as they are sorted: done, back to wait, dead. */
  private final class Batch {
    final FlushJob flush;
    final long now;
    final List<String> doneSkus = new ArrayList<>();
    final List<LaneSlot.Back> back = new ArrayList<>();
    final Map<String, List<Buried>> deadByReason = new LinkedHashMap<>();
    final Map<String, String[]> codeByReason = new LinkedHashMap<>();
    final Map<String, String> deadRaw = new LinkedHashMap<>();
    final List<DeadJob> unreadable = new ArrayList<>();
    int retried;
    int throttled;
    boolean park;

    Batch(FlushJob flush, long now) {
      this.flush = flush;
      this.now = now;
    }

    /** The claimed changes; one that cannot be read goes to the dead set with its raw text. */
    List<Change> read(Map<String, String> claimed) {
      List<Change> out = new ArrayList<>();
      for (Map.Entry<String, String> e : claimed.entrySet()) {
        try {
          out.add(Change.fromJson(e.getValue(), flush.lane().operation()));
        } catch (IllegalArgumentException ex) {
          metrics.unreadable();
          deadRaw.put(e.getKey(), e.getValue());
          unreadable.add(DeadRecords.unreadable(new Fetched(0, flush.queue().queueName(), e.getValue()),
              "unreadable change for SKU " + e.getKey() + " in lane " + flush.lane().id() + ": "
              + ex.getMessage(), Thread.currentThread().getName()));
        }
      }
      return out;
    }

    void done(Change c) {
      doneSkus.add(c.item().sku());
    }

    void retry(Change c, String reason, Duration retryAfter) {
      if (c.attempt() + 1 >= maxAttempts) {
        dead(c, null, reason, "gave up after " + (c.attempt() + 1) + " attempts");
        return;
      }
      retried++;
      back.add(new LaneSlot.Back(c.item().sku(), now + Backoff.after(c.attempt(), retryAfter).toMillis(),
          Lanes.classOf(c.queue()), c.failed(reason).toJson()));
    }

    void hold(Change c, String reason, long dueAt) {
      back.add(new LaneSlot.Back(c.item().sku(), dueAt, Lanes.classOf(c.queue()), c.heldBack(reason).toJson()));
    }

    void dead(Change c, String code, String message, String reason) {
      deadByReason.computeIfAbsent(reason, r -> new ArrayList<>())
          .add(new Buried(c, new DeadJob.ItemError(c.item().sku(), code, message)));
      codeByReason.putIfAbsent(reason, new String[] {code, message});
    }

    List<String> deadSkus() {
      List<String> skus = new ArrayList<>(deadRaw.keySet());
      deadByReason.values().forEach(list -> list.forEach(b -> skus.add(b.change().item().sku())));
      return skus;
    }

    /** One record per reason; retrying one from the dead set offers its changes again, versions kept. */
    List<DeadJob> deadRecords(String worker) {
      List<DeadJob> records = new ArrayList<>(unreadable);
      Lane lane = flush.lane();
      for (Map.Entry<String, List<Buried>> e : deadByReason.entrySet()) {
        List<Buried> buried = e.getValue();
        Change first = buried.get(0).change();
        List<Item> items = new ArrayList<>();
        List<DeadJob.ItemError> itemErrors = new ArrayList<>();
        int attempt = 0;
        long enqueuedAt = Long.MAX_VALUE;
        for (Buried b : buried) {
          items.add(b.change().item());
          itemErrors.add(b.error());
          attempt = Math.max(attempt, b.change().attempt());
          enqueuedAt = Math.min(enqueuedAt, b.change().enqueuedAt());
        }
        SyncJob job = new SyncJob(SyncJob.CURRENT_VERSION, JobIds.next(), lane.tenant(), lane.channel(),
            lane.operation(), first.queue(), items, attempt, enqueuedAt, first.traceId(), first.lastError());
        String[] codeMessage = codeByReason.get(e.getKey());
        LOG.warn("{} changes of lane {} sent to the dead set: {}{}", buried.size(), lane.id(), e.getKey(),
            codeMessage[1] == null ? "" : ": " + codeMessage[1]);
        records.add(DeadRecords.forItems(job, items, itemErrors, e.getKey(), codeMessage[0], codeMessage[1],
            worker, now));
      }
      return records;
    }
  }
}
