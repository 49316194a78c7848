package io.syncfleet.dashboard;

import io.syncfleet.producer.connection.ConnectionState;
import io.syncfleet.producer.redis.Keys;
import io.syncfleet.producer.state.ConnectionView;
import io.syncfleet.producer.state.ConnectionsView;
import io.syncfleet.producer.state.DeadJob;
import io.syncfleet.producer.state.DeadJobs;
import io.syncfleet.producer.state.FleetStats;
import io.syncfleet.producer.state.FleetStatus;
import io.syncfleet.producer.state.JobSummary;
import io.syncfleet.producer.state.LanesView;
import io.syncfleet.producer.state.OrderStreams;
import io.syncfleet.producer.state.QueueView;
import io.syncfleet.producer.state.Queues;
import io.syncfleet.producer.state.ResyncView;
import io.syncfleet.producer.state.ResyncsView;
import io.syncfleet.producer.state.ScheduledJob;
import io.syncfleet.producer.state.ScheduledJobs;
import io.syncfleet.producer.state.WorkerProcess;
import io.syncfleet.producer.state.WorkerProcesses;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import redis.clients.jedis.JedisPool;

/**
 * The read side of the JSON API. Every answer comes from the producer's read model (the one the
 * CLI's {@code status} reads), with anything credential-like masked on the way out, and carries
 * {@code capturedAt} (server time, epoch ms) so the page computes ages without trusting its own clock.
 */
final class FleetApi {
  /** Per-minute history the overview shows unless asked otherwise: the last hour. */
  static final int DEFAULT_MINUTES = 60;
  static final int DEFAULT_PAGE = 50;
  static final int MAX_PAGE = 500;
  static final int MAX_PEEK = 100;
  /** Resync records are trimmed to the newest hundred (running ones stay), so no more can be asked for. */
  static final int MAX_RESYNCS = 100;

  private final DashboardSettings settings;
  private final JedisPool pool;
  private final Keys keys;
  private final Clock clock;
  private final SecretRedactor redactor;
  private final Queues queues;
  private final ScheduledJobs scheduled;
  private final DeadJobs dead;
  private final WorkerProcesses workers;
  private final ConnectionsView connections;
  private final OrderStreams orders;
  private final ResyncsView resyncs;
  private final LanesView lanes;

  FleetApi(DashboardSettings settings, JedisPool pool, Clock clock, SecretRedactor redactor) {
    this.settings = settings;
    this.pool = pool;
    this.keys = settings.redis().keys();
    this.clock = clock;
    this.redactor = redactor;
    this.queues = new Queues(pool, keys, clock);
    this.scheduled = new ScheduledJobs(pool, keys);
    this.dead = new DeadJobs(pool, keys, clock);
    this.workers = new WorkerProcesses(pool, keys, clock);
    this.connections = new ConnectionsView(pool, keys);
    this.orders = new OrderStreams(pool, keys);
    this.resyncs = new ResyncsView(pool, keys, clock);
    this.lanes = new LanesView(pool, keys);
  }

  /** GET /api/session: where the dashboard looks, and what this caller may do. */
  void session(WebExchange ex, List<String> params) throws IOException {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("namespace", keys.namespace());
    out.put("redis", settings.redis().describe());
    out.put("readOnly", settings.readOnly());
    out.put("signedInAs", ex.principal());
    out.put("canSignOut", "session".equals(ex.principal()));
    ex.sendJson(200, out);
  }

  /**
   * GET /api/overview?minutes=N: counters, per-minute history, jobs in flight, queues, changes waiting
   * per lane, running resyncs, workers.
   */
  void overview(WebExchange ex, List<String> params) throws IOException {
    int minutes = ex.intQuery("minutes", DEFAULT_MINUTES, 0, FleetStats.MAX_MINUTES);
    FleetStatus status = FleetStatus.capture(pool, keys, clock, minutes);
    Map<String, Object> out = captured(status.capturedAt());
    out.put("namespace", keys.namespace());
    out.put("readOnly", settings.readOnly());
    out.put("stats", status.stats());
    out.put("inFlight", status.busyThreads());
    out.put("threads", status.totalThreads());
    out.put("liveProcesses", status.liveProcesses());
    out.put("deadProcesses", status.processes().size() - status.liveProcesses());
    out.put("queues", status.queues());
    out.put("lanes", status.lanes());
    out.put("runningResyncs", status.resyncs().stream().filter(ResyncView::running).count());
    ex.sendJson(200, out);
  }

  /** GET /api/lanes: per tenant, channel and operation, the changes waiting and in flight, and its counters. */
  void lanes(WebExchange ex, List<String> params) throws IOException {
    Map<String, Object> out = captured(clock.millis());
    out.put("lanes", lanes.all());
    ex.sendJson(200, out);
  }

  /** GET /api/queues: every queue with depth, latency and pause flag. */
  void queues(WebExchange ex, List<String> params) throws IOException {
    Map<String, Object> out = captured(clock.millis());
    out.put("queues", queues.all());
    ex.sendJson(200, out);
  }

  /** GET /api/queues/{name}/peek?limit=N: the next jobs, in the order workers take them. */
  void peek(WebExchange ex, List<String> params) throws IOException {
    String name = params.get(0);
    QueueView queue = knownQueue(queues, name);
    int limit = ex.intQuery("limit", 20, 1, MAX_PEEK);
    List<JobSummary> jobs = new ArrayList<>();
    for (JobSummary j : queues.peek(name, limit)) {
      jobs.add(redacted(j));
    }
    Map<String, Object> out = captured(clock.millis());
    out.put("queue", queue);
    out.put("jobs", jobs);
    ex.sendJson(200, out);
  }

  /** GET /api/workers: processes (dead ones too, marked) and what each busy thread runs. */
  void workers(WebExchange ex, List<String> params) throws IOException {
    List<WorkerProcess> all = workers.all();
    Map<String, Object> out = captured(clock.millis());
    out.put("live", all.stream().filter(WorkerProcess::alive).count());
    out.put("dead", all.stream().filter(p -> !p.alive()).count());
    out.put("staleAfterMillis", WorkerProcesses.STALE_AFTER.toMillis());
    out.put("processes", all);
    ex.sendJson(200, out);
  }

  /** GET /api/scheduled?offset&limit: retries in backoff and postponed jobs, soonest first. */
  void scheduled(WebExchange ex, List<String> params) throws IOException {
    int offset = ex.intQuery("offset", 0, 0, Integer.MAX_VALUE);
    int limit = ex.intQuery("limit", DEFAULT_PAGE, 1, MAX_PAGE);
    List<Map<String, Object>> jobs = new ArrayList<>();
    for (ScheduledJob s : scheduled.page(offset, limit)) {
      Map<String, Object> job = new LinkedHashMap<>();
      job.put("dueAt", s.dueAt());
      job.put("job", redacted(s.job()));
      jobs.add(job);
    }
    Map<String, Object> out = captured(clock.millis());
    out.put("total", scheduled.size());
    out.put("offset", offset);
    out.put("jobs", jobs);
    ex.sendJson(200, out);
  }

  /** GET /api/dead?offset&limit: dead jobs, newest first, without their payloads. */
  void deadList(WebExchange ex, List<String> params) throws IOException {
    int offset = ex.intQuery("offset", 0, 0, Integer.MAX_VALUE);
    int limit = ex.intQuery("limit", DEFAULT_PAGE, 1, MAX_PAGE);
    List<DeadJob> jobs = new ArrayList<>();
    for (DeadJob d : dead.page(offset, limit)) {
      jobs.add(redacted(d, false));
    }
    Map<String, Object> out = captured(clock.millis());
    out.put("total", dead.size());
    out.put("offset", offset);
    out.put("jobs", jobs);
    ex.sendJson(200, out);
  }

  /** GET /api/dead/{id}: one dead job with its payload, credentials masked. */
  void deadOne(WebExchange ex, List<String> params) throws IOException {
    DeadJob job = dead.get(params.get(0))
        .orElseThrow(() -> new ApiError(404, "no dead job " + params.get(0)));
    ex.sendJson(200, redacted(job, true));
  }

  /** GET /api/connections: health per tenant and channel; secret names, never values. */
  void connections(WebExchange ex, List<String> params) throws IOException {
    List<ConnectionView> out = new ArrayList<>();
    for (ConnectionView c : connections.all()) {
      ConnectionState s = c.state();
      out.add(new ConnectionView(c.tenant(), c.channel(), c.environment(), redactor.settings(c.settings()),
          c.secretNames(), c.version(), c.updatedAt(),
          new ConnectionState(s.paused(), redactor.text(s.pausedReason()), s.pausedAt(), s.lastSuccessAt(),
              s.lastErrorAt(), redactor.text(s.lastError()), s.parkedJobs(), s.circuit(), s.circuitAt(),
              s.throttled(), s.lastThrottledAt()),
          c.health()));
    }
    Map<String, Object> body = captured(clock.millis());
    body.put("connections", out);
    ex.sendJson(200, body);
  }

  /** GET /api/orders: each tenant's order stream and its consumer groups' lag. */
  void orders(WebExchange ex, List<String> params) throws IOException {
    Map<String, Object> out = captured(clock.millis());
    out.put("streams", orders.all());
    ex.sendJson(200, out);
  }

  /**
   * GET /api/resyncs?limit=N: running resyncs however old, then the most recent others up to N in all,
   * newest first, each with per-channel progress.
   */
  void resyncs(WebExchange ex, List<String> params) throws IOException {
    int limit = ex.intQuery("limit", DEFAULT_PAGE, 1, MAX_RESYNCS);
    List<ResyncView> out = new ArrayList<>();
    for (ResyncView r : resyncs.runningAndRecent(limit)) {
      out.add(new ResyncView(r.id(), r.tenant(), r.source(), r.startedAt(), r.heartbeatAt(), r.finishedAt(),
          r.state(), r.running(), redactor.text(r.error()), r.channels()));
    }
    Map<String, Object> body = captured(clock.millis());
    body.put("running", out.stream().filter(ResyncView::running).count());
    body.put("resyncs", out);
    ex.sendJson(200, body);
  }

  /** The queue named {@code name}, or 404: only queues the read model knows can be peeked or paused. */
  static QueueView knownQueue(Queues queues, String name) {
    for (QueueView q : queues.all()) {
      if (q.name().equals(name)) {
        return q;
      }
    }
    throw new ApiError(404, "no queue " + name);
  }

  private static Map<String, Object> captured(long at) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("capturedAt", at);
    return out;
  }

  private JobSummary redacted(JobSummary j) {
    return new JobSummary(j.id(), j.tenant(), j.channel(), j.operation(), j.queue(), j.items(), j.attempt(),
        j.enqueuedAt(), j.traceId(), redactor.text(j.lastError()), redactor.text(j.problem()));
  }

  private DeadJob redacted(DeadJob d, boolean withPayload) {
    List<DeadJob.ItemError> items = new ArrayList<>();
    for (DeadJob.ItemError i : d.items()) {
      items.add(new DeadJob.ItemError(i.sku(), i.code(), redactor.text(i.message())));
    }
    return new DeadJob(d.id(), d.failedAt(), d.queue(), d.tenant(), d.channel(), d.operation(), d.attempts(),
        redactor.text(d.reason()), d.errorCode(), redactor.text(d.errorMessage()), items, d.worker(),
        withPayload ? redactor.payload(d.payload()) : null);
  }
}
