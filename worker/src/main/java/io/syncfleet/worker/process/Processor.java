package io.syncfleet.worker.process;

import io.syncfleet.producer.job.Envelope;
import io.syncfleet.producer.job.JobCodec;
import io.syncfleet.producer.job.MalformedJobException;
import io.syncfleet.producer.redis.Keys;
import io.syncfleet.worker.fetch.Fetched;
import io.syncfleet.worker.fetch.Fetcher;
import io.syncfleet.worker.fetch.IdleGate;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import net.greghaines.jesque.Config;
import net.greghaines.jesque.worker.WorkerImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisException;

/**
 * One worker thread. It keeps Jesque's registration, connection, naming and key layout, and
 * replaces only {@link #poll()}, Jesque's loop, which sleeps 500 ms on empty queues, loses jobs a
 * crash leaves in flight, drops unreadable payloads and stops for good after a Redis restart.
 *
 * <p>This loop costs one round trip per job ({@link Fetcher}), waits for work through the
 * {@link IdleGate}, records every way a job ends ({@link Settler}), rides out Redis outages by
 * reconnecting with backoff and re-running whatever it still held in flight, and on shutdown
 * finishes its current job and acknowledges it before returning.
 */
public final class Processor extends WorkerImpl {
  private static final Logger LOG = LoggerFactory.getLogger(Processor.class);
  private static final long MAX_BACKOFF_MS = 1_000;

  private final Keys keys;
  private final Fetcher fetcher;
  private final Settler settler;
  private final IdleGate gate;
  private final Map<String, JobHandler> handlers;
  private final Supplier<Jedis> connections;
  /** The connection the loop uses; Jesque's own {@code jedis} only registers and unregisters the thread. */
  private Jedis conn;
  private volatile Fetched current;
  private volatile long currentSince;

  public Processor(Config config, Keys keys, List<String> queues, Map<String, JobHandler> handlers,
      IdleGate gate) {
    this(config, keys, queues, handlers, gate, () -> connect(config));
  }

  /**
   * A processor whose connections come from {@code connections} (TLS, instrumented sockets). A new
   * one is made after every connection failure: a Jedis 3 connection that once failed to reconnect
   * stays broken for good.
   */
  public Processor(Config config, Keys keys, List<String> queues, Map<String, JobHandler> handlers,
      IdleGate gate, Supplier<Jedis> connections) {
    this(config, keys, queues, handlers, gate, connections, connections.get());
  }

  private Processor(Config config, Keys keys, List<String> queues, Map<String, JobHandler> handlers,
      IdleGate gate, Supplier<Jedis> connections, Jedis first) {
    super(config, queues, job -> {
      throw new UnsupportedOperationException("jobs run through Syncfleet handlers");
    }, first);
    this.connections = connections;
    this.conn = first;
    this.keys = keys;
    this.fetcher = new Fetcher(keys, getName(), queues);
    this.settler = new Settler(keys);
    this.gate = gate;
    this.handlers = Map.copyOf(handlers);
  }

  /** The job this thread is running, or null when idle. */
  public Fetched current() {
    return current;
  }

  /** When the current job started (epoch ms). */
  public long currentSince() {
    return currentSince;
  }

  /** This thread's in-flight lists, for handing work back after a forced stop. */
  public List<String> inflightKeys() {
    return fetcher.inflightKeys();
  }

  @Override
  protected void poll() {
    Fetched pendingAck = null;
    boolean wasIdle = false;
    boolean recover = true;
    long backoff = 100;
    while (!isShutdown()) {
      try {
        if (recover) {
          // After a lost connection we may hold jobs whose fetch reply never arrived: run them.
          for (Fetched leftover : fetcher.leftovers(conn())) {
            if (runAndSettle(leftover)) {
              fetcher.fetch(conn(), leftover, false, false);
            }
          }
          recover = false;
        }
        Fetched next = fetcher.fetch(conn(), pendingAck, true, wasIdle);
        pendingAck = null;
        backoff = 100;
        if (next == null) {
          wasIdle = true;
          gate.await(conn(), keys.wake());
          continue;
        }
        if (wasIdle) {
          gate.release();
          wasIdle = false;
        }
        if (runAndSettle(next)) {
          pendingAck = next;
        }
      } catch (JedisException e) {
        pendingAck = null;
        recover = true;
        LOG.warn("{}: Redis unavailable ({}); retrying in {} ms", getName(), e.getMessage(), backoff);
        reconnect();
        if (!sleep(backoff)) {
          break;
        }
        backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    if (pendingAck != null) {
      try {
        fetcher.fetch(conn(), pendingAck, false, false);
      } catch (JedisException e) {
        // Left in flight: it will run again (at-least-once), never lost.
        LOG.warn("{}: could not acknowledge {} at shutdown: {}", getName(), pendingAck.queue(), e.getMessage());
      }
    }
  }

  /** The loop's connection, made anew (lazily, so Redis being down is just another failure) after a loss. */
  private Jedis conn() {
    if (conn == null) {
      conn = connections.get();
    }
    return conn;
  }

  private void reconnect() {
    if (conn != null && conn != jedis) {
      conn.close();
    }
    conn = null;
  }

  private static Jedis connect(Config config) {
    Jedis j = new Jedis(config.getHost(), config.getPort(), config.getTimeout());
    if (config.getPassword() != null) {
      j.getClient().setPassword(config.getPassword());
    }
    if (config.getDatabase() != 0) {
      j.getClient().setDb(config.getDatabase());
    }
    return j;
  }

  /** Runs one job; returns true when it simply succeeded and its acknowledgement is still due. */
  private boolean runAndSettle(Fetched job) {
    current = job;
    currentSince = System.currentTimeMillis();
    try {
      Settlement s = run(job);
      if (s.isDone()) {
        return true;
      }
      settler.settle(conn(), fetcher.inflightKey(job.pair()), job, s);
      return false;
    } finally {
      current = null;
    }
  }

  private Settlement run(Fetched job) {
    Envelope envelope;
    try {
      envelope = JobCodec.envelope(job.payload());
    } catch (MalformedJobException e) {
      return unreadable(job, "malformed payload: " + e.getMessage());
    }
    JobHandler handler = handlers.get(envelope.className());
    if (handler == null) {
      return unreadable(job, "unknown job class \"" + envelope.className() + "\" (this worker runs "
          + String.join(", ", handlers.keySet()) + ")");
    }
    try {
      return handler.handle(envelope, job);
    } catch (JedisException e) {
      // Redis went away mid-job: not the job's fault. It stays in flight and runs again on reconnect.
      throw e;
    } catch (RuntimeException e) {
      // A handler bug must not lose the job: keep it visible with the reason.
      LOG.error("{}: handler for {} failed", getName(), envelope.className(), e);
      return unreadable(job, "handler failed: " + e);
    }
  }

  private Settlement unreadable(Fetched job, String reason) {
    LOG.warn("{}: job from {} sent to the dead set: {}", getName(), job.queue(), reason);
    return Settlement.dead(DeadRecords.unreadable(job, reason, getName()));
  }

  private boolean sleep(long millis) {
    try {
      Thread.sleep(millis);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
