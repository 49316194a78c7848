package io.syncfleet.worker;

import io.syncfleet.adapters.AdapterRegistry;
import io.syncfleet.adapters.http.MarketplaceHttp;
import io.syncfleet.producer.connection.ConnectionStore;
import io.syncfleet.producer.connection.SecretBox;
import io.syncfleet.producer.job.SyncJob;
import io.syncfleet.producer.redis.Keys;
import io.syncfleet.worker.fetch.IdleGate;
import io.syncfleet.worker.process.JobHandler;
import io.syncfleet.worker.process.Processor;
import io.syncfleet.worker.schedule.OrderPulls;
import io.syncfleet.worker.schedule.Reaper;
import io.syncfleet.worker.schedule.Scheduler;
import io.syncfleet.producer.lane.FlushJob;
import io.syncfleet.worker.flow.CallLeases;
import io.syncfleet.worker.flow.CallScope;
import io.syncfleet.worker.flow.FleetLimiter;
import io.syncfleet.worker.flow.Limiter;
import io.syncfleet.worker.flow.ProcessLimiter;
import io.syncfleet.worker.sync.ConnectionPolicies;
import io.syncfleet.worker.sync.FlushHandler;
import io.syncfleet.worker.sync.ConnectionResolver;
import io.syncfleet.worker.sync.OrderSync;
import io.syncfleet.worker.sync.SyncJobHandler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import net.greghaines.jesque.Config;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;
import redis.clients.jedis.args.ListDirection;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Starts and stops one worker process: its processor threads (one Redis connection each), the
 * scheduler, the heartbeat, and the metrics/health port.
 *
 * <p>Shutdown (SIGTERM, or {@link #stop()}): stop taking work; give running jobs the grace period
 * to finish and be recorded; interrupt what is still running after it; hand whatever is still in
 * flight back to the head of its queue; leave the fleet's process list. Nothing is lost: a job is
 * always on a queue, in flight, on the schedule, parked or in the dead set.
 */
public final class Launcher {
  private static final Logger LOG = LoggerFactory.getLogger(Launcher.class);
  /** Socket timeout of worker connections; well above the idle watch, so blocking never trips it. */
  private static final int SOCKET_TIMEOUT_MS = 15_000;

  private final WorkerConfig config;
  private final String processId;
  private final JedisPool pool;
  private final Keys keys;
  private final FleetMetrics metrics;
  private final IdleGate gate;
  private final List<Processor> processors = new ArrayList<>();
  private final List<Thread> threads = new ArrayList<>();
  private final Scheduler scheduler;
  private final Heartbeat heartbeat;
  private final HealthServer health;
  private final CountDownLatch stopped = new CountDownLatch(1);
  private volatile boolean stopping;

  private Launcher(WorkerConfig config, AdapterRegistry adapters, Map<String, JobHandler> extraHandlers) {
    this.config = config;
    this.keys = config.redis().keys();
    this.processId = hostname() + ":" + pid() + ":" + UUID.randomUUID().toString().substring(0, 6);
    this.pool = config.redis().pool(config.concurrency() + 4, SOCKET_TIMEOUT_MS);
    this.metrics = new FleetMetrics();
    this.gate = new IdleGate(config.concurrency());
    awaitRedis();

    SecretBox box = null;
    try {
      box = SecretBox.fromEnv(config.env());
    } catch (RuntimeException e) {
      LOG.warn("{} Jobs that need a connection will go to the dead set with this reason.", e.getMessage());
    }
    ConnectionStore store = new ConnectionStore(pool, keys, box);
    OrderPulls pulls = config.orderPullEvery().isZero() ? null
        : new OrderPulls(pool, keys, store, adapters, config.orderPullEvery());
    this.scheduler = new Scheduler(pool, keys, pulls, new Reaper(pool, keys, processId, config.processTimeout()),
        config.processTimeout().dividedBy(4));
    ConnectionResolver resolver = new ConnectionResolver(store);
    ConnectionPolicies policies = new ConnectionPolicies(config.callTimeout(),
        (id, state) -> recordCircuit(store, id, state));
    Limiter limiter = "process".equals(config.rateLimitScope()) ? new ProcessLimiter() : new FleetLimiter(pool);
    // A lease outlives the longest call: its timeout on each of the policies' attempts.
    CallLeases leases = new CallLeases(pool, config.callTimeout().multipliedBy(3).plusSeconds(10));
    Map<String, JobHandler> handlers = new HashMap<>(extraHandlers);
    handlers.put(SyncJob.JOB_CLASS, new SyncJobHandler(adapters, resolver, policies, new OrderSync(pool, keys),
        metrics, pool, keys, config.maxAttempts()));
    handlers.put(FlushJob.JOB_CLASS, new FlushHandler(adapters, resolver, policies, metrics, pool, keys,
        config.maxAttempts(), limiter, leases, scheduler::wakeAt));

    Config jesque = config.redis().jesqueConfig(SOCKET_TIMEOUT_MS);
    for (int i = 0; i < config.concurrency(); i++) {
      Processor p = new Processor(jesque, keys, config.queues(), handlers, gate);
      processors.add(p);
      Thread t = new Thread(p, "processor-" + i);
      // Jesque unregisters a stopping thread through its first connection; if Redis is gone then,
      // the heartbeat expiry and the reaper clean up instead, so one line is enough.
      t.setUncaughtExceptionHandler((thread, e) ->
          LOG.warn("{} stopped without unregistering: {}", p.getName(), e.toString()));
      threads.add(t);
    }
    Map<String, String> lists = new LinkedHashMap<>();
    for (Processor p : processors) {
      lists.put("thread:" + p.getName(), "");
      for (int i = 0; i < config.queues().size(); i++) {
        lists.put(p.inflightKeys().get(i), config.queues().get(i));
      }
    }
    Map<String, String> description = new LinkedHashMap<>();
    description.put("host", hostname());
    description.put("pid", Long.toString(pid()));
    description.put("startedAt", Long.toString(System.currentTimeMillis()));
    description.put("concurrency", Integer.toString(config.concurrency()));
    description.put("queues", String.join(",", config.queues()));
    this.heartbeat = new Heartbeat(pool, keys, processId, description, processors, lists,
        config.processTimeout());
    try {
      this.health = new HealthServer(config.httpPort(), metrics.registry(), this::verdict);
    } catch (IOException e) {
      pool.close();
      throw new UncheckedIOException("cannot listen on SYNCFLEET_HTTP_PORT " + config.httpPort(), e);
    }
  }

  /** Starts a worker process with the given adapters and any extra job handlers by Jesque class. */
  public static Launcher start(WorkerConfig config, AdapterRegistry adapters, Map<String, JobHandler> extraHandlers) {
    Launcher l = new Launcher(config, adapters, extraHandlers);
    // Registered before any job can go in flight, so a process killed at once is still recoverable.
    l.heartbeat.beat();
    for (Thread t : l.threads) {
      t.start();
    }
    daemon(l.scheduler, "scheduler").start();
    daemon(l.heartbeat, "heartbeat").start();
    LOG.info("worker {} started: {} threads on queues {} ({}), metrics and health on port {}",
        l.processId, config.concurrency(), config.queues(), config.redis().describe(), l.health.port());
    return l;
  }

  /** Runs a worker process until SIGTERM. */
  public static void main(String[] args) {
    WorkerConfig config;
    try {
      config = WorkerConfig.fromEnv(System.getenv());
    } catch (RuntimeException e) {
      System.err.println("syncfleet worker: " + e.getMessage());
      System.exit(2);
      return;
    }
    Launcher launcher = start(config, AdapterRegistry.standard(MarketplaceHttp.create(Clock.systemUTC()),
        CallScope.LISTENER), Map.of());
    Runtime.getRuntime().addShutdownHook(new Thread(launcher::stop, "shutdown"));
    launcher.awaitStopped();
  }

  public String processId() {
    return processId;
  }

  /** The port serving /metrics and /health. */
  public int httpPort() {
    return health.port();
  }

  public FleetMetrics metrics() {
    return metrics;
  }

  /** Blocks until {@link #stop()} has finished. */
  public void awaitStopped() {
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Graceful stop; see the class comment. Safe to call more than once. */
  public synchronized void stop() {
    if (stopping) {
      awaitStopped();
      return;
    }
    stopping = true;
    LOG.info("worker {} stopping: finishing in-flight jobs (grace {} s)", processId,
        config.shutdownGrace().toSeconds());
    scheduler.stop();
    for (Processor p : processors) {
      p.end(false);
    }
    gate.close();
    long deadline = System.currentTimeMillis() + config.shutdownGrace().toMillis();
    for (Thread t : threads) {
      join(t, deadline - System.currentTimeMillis());
    }
    int interrupted = 0;
    for (int i = 0; i < threads.size(); i++) {
      if (threads.get(i).isAlive()) {
        interrupted++;
        processors.get(i).end(true);
        join(threads.get(i), 2_000);
      }
    }
    int handedBack = handBack();
    heartbeat.retire();
    health.stop();
    pool.close();
    LOG.info("worker {} stopped ({} jobs interrupted after the grace period, {} handed back to their queues)",
        processId, interrupted, handedBack);
    stopped.countDown();
  }

  private static void recordCircuit(ConnectionStore store, String connectionId, String state) {
    int slash = connectionId.indexOf('/');
    try {
      store.recordCircuit(connectionId.substring(0, slash), connectionId.substring(slash + 1), state);
    } catch (JedisException e) {
      LOG.debug("could not record circuit state of {}: {}", connectionId, e.getMessage());
    }
    LOG.info("circuit of {} is now {}", connectionId, state);
  }

  /** Jesque registers each thread as it starts, so wait (with backoff) until Redis answers. */
  private void awaitRedis() {
    long backoff = 200;
    while (true) {
      try (Jedis jedis = pool.getResource()) {
        jedis.ping();
        return;
      } catch (JedisException e) {
        LOG.warn("waiting for Redis at {}: {}", config.redis().describe(), e.getMessage());
        try {
          Thread.sleep(backoff);
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted while waiting for Redis", ie);
        }
        backoff = Math.min(backoff * 2, 5_000);
      }
    }
  }

  /** Puts whatever is still in flight back at the head of its queue. */
  private int handBack() {
    int moved = 0;
    try (Jedis jedis = pool.getResource()) {
      for (Processor p : processors) {
        List<String> inflight = p.inflightKeys();
        for (int i = 0; i < inflight.size(); i++) {
          String queue = keys.queue(config.queues().get(i));
          while (jedis.lmove(inflight.get(i), queue, ListDirection.RIGHT, ListDirection.LEFT) != null) {
            moved++;
          }
        }
      }
      if (moved > 0) {
        jedis.rpush(keys.wake(), "1");
      }
    } catch (JedisException e) {
      LOG.error("could not hand back in-flight jobs ({}); they stay in their in-flight lists", e.getMessage());
    }
    return moved;
  }

  private HealthServer.Verdict verdict() {
    boolean redis;
    try (Jedis jedis = pool.getResource()) {
      redis = "PONG".equals(jedis.ping());
    } catch (JedisException e) {
      redis = false;
    }
    long alive = threads.stream().filter(Thread::isAlive).count();
    boolean ok = redis && !stopping && alive == threads.size();
    String json = "{\"status\":\"" + (ok ? "UP" : "DOWN") + "\",\"process\":\"" + processId
        + "\",\"redis\":" + redis + ",\"threads\":" + alive + ",\"stopping\":" + stopping + "}";
    return new HealthServer.Verdict(ok, json);
  }

  private static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }

  private static void join(Thread t, long millis) {
    if (millis <= 0) {
      return;
    }
    try {
      t.join(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static long pid() {
    return ProcessHandle.current().pid();
  }

  private static String hostname() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "unknown-host";
    }
  }
}
