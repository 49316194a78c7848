package io.syncfleet.demo.sim;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A stand-in for a marketplace API on 127.0.0.1, for the demo and end-to-end tests: subclasses keep
 * the marketplace's state (listings, stock, prices, orders) and speak its protocol, so the real
 * adapters can be pointed at it. This base adds what every marketplace does to its callers: latency,
 * a rate limit enforced with 429s, and failures on demand.
 *
 * <p>Knobs are Java methods (in-process) and {@code POST /_sim/...} endpoints (from other
 * processes): {@code /_sim/fail?status=503&count=5}, {@code /_sim/outage?status=503} (0 ends it),
 * {@code /_sim/ratelimit?rps=10&burst=20}, {@code /_sim/latency?ms=20}; {@code GET /_sim/stats}.
 * Closing stops the server.
 */
public abstract class SimulatedMarketplace implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SimulatedMarketplace.class);

  private final String name;
  private final TokenBucket bucket = new TokenBucket();
  private final AtomicInteger failNextCount = new AtomicInteger();
  private final AtomicInteger failNextStatus = new AtomicInteger(503);
  private final AtomicInteger outageStatus = new AtomicInteger();
  private final AtomicLong latencyMillis = new AtomicLong();
  private final AtomicLong requests = new AtomicLong();
  private final AtomicLong throttled = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private HttpServer server;
  private ExecutorService executor;

  protected SimulatedMarketplace(String name) {
    this.name = name;
  }

  static {
    answerPromptly();
  }

  /**
   * Turns Nagle's algorithm off for the JDK's HTTP server, which otherwise makes each answer wait
   * ~40 ms for the client's delayed ACK: simulated latency would be that much higher than asked. The
   * JDK reads it once, when a process creates its first server; call this before any other server
   * (a dashboard, a proxy) starts.
   */
  public static void answerPromptly() {
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  /** Starts listening on 127.0.0.1:{@code port} (0 picks a free port). */
  public synchronized SimulatedMarketplace start(int port) throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 128);
    // Calls mostly sleep through the simulated latency, so threads, not cores, bound the parallel calls.
    executor = Executors.newFixedThreadPool(256, r -> {
      Thread t = new Thread(r, name + "-sim");
      t.setDaemon(true);
      return t;
    });
    server.setExecutor(executor);
    server.createContext("/", exchange -> {
      try {
        dispatch(new SimExchange(exchange));
      } catch (RuntimeException | IOException e) {
        LOG.warn("{} simulator failed on {} {}: {}", name, exchange.getRequestMethod(),
            exchange.getRequestURI().getPath(), e.toString());
        exchange.sendResponseHeaders(500, -1);
        exchange.close();
      }
    });
    server.start();
    return this;
  }

  /** e.g. {@code http://127.0.0.1:43210}. */
  public String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  public String name() {
    return name;
  }

  /** Answers every API call after {@code latency}. */
  public void setLatency(Duration latency) {
    latencyMillis.set(latency.toMillis());
  }

  /** Enforces {@code perSecond} calls per second with {@code burst}; 0 turns the limit off. */
  public void setRateLimit(double perSecond, int burst) {
    bucket.configure(perSecond, burst);
  }

  /** Answers the next {@code count} API calls with {@code status}. */
  public void failNext(int count, int status) {
    failNextStatus.set(status);
    failNextCount.set(count);
  }

  /** Answers every API call with {@code status} until called with 0. */
  public void setOutage(int status) {
    outageStatus.set(status);
  }

  /** API calls received (throttled and failed ones included). */
  public long requests() {
    return requests.get();
  }

  /** API calls answered 429 (or the marketplace's throttle signal). */
  public long throttled() {
    return throttled.get();
  }

  /** API calls failed on purpose. */
  public long failed() {
    return failed.get();
  }

  private void dispatch(SimExchange ex) throws IOException {
    if (ex.path().startsWith("/_sim/")) {
      control(ex);
      return;
    }
    requests.incrementAndGet();
    long latency = latencyMillis.get();
    if (latency > 0) {
      try {
        Thread.sleep(latency);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    int outage = outageStatus.get();
    if (outage != 0) {
      failed.incrementAndGet();
      ex.respond(outage, Map.of("errors", new Object[] {Map.of("message", "simulated outage")}));
      return;
    }
    if (failNextCount.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0) {
      failed.incrementAndGet();
      ex.respond(failNextStatus.get(), Map.of("errors", new Object[] {Map.of("message", "simulated failure")}));
      return;
    }
    Duration wait = bucket.tryAcquire();
    if (wait != null) {
      throttled.incrementAndGet();
      callWatcher.answered(ex.path(), true);
      respondThrottled(ex, wait);
      return;
    }
    callWatcher.answered(ex.path(), false);
    handle(ex);
  }

  /** Told of every API call that reached the rate limit, as it is answered. */
  @FunctionalInterface
  public interface CallWatcher {
    /** {@code throttled}: the call was answered 429. */
    void answered(String path, boolean throttled);
  }

  private volatile CallWatcher callWatcher = (path, throttled) -> { };

  /** Watches calls (tests and benchmarks measure their rate and which were throttled). */
  public void watchCalls(CallWatcher watcher) {
    this.callWatcher = watcher;
  }

  private void control(SimExchange ex) throws IOException {
    switch (ex.path()) {
      case "/_sim/fail" -> failNext(intParam(ex, "count", 1), intParam(ex, "status", 503));
      case "/_sim/outage" -> setOutage(intParam(ex, "status", 503));
      case "/_sim/ratelimit" -> setRateLimit(Double.parseDouble(ex.query("rps") == null ? "0" : ex.query("rps")),
          intParam(ex, "burst", 1));
      case "/_sim/latency" -> setLatency(Duration.ofMillis(intParam(ex, "ms", 0)));
      case "/_sim/stats" -> {
        ex.respond(200, Map.of("requests", requests(), "throttled", throttled(), "failed", failed()));
        return;
      }
      default -> {
        ex.respond(404, Map.of("error", "unknown control " + ex.path()));
        return;
      }
    }
    ex.respond(204, null);
  }

  private static int intParam(SimExchange ex, String name, int dflt) {
    String v = ex.query(name);
    return v == null ? dflt : Integer.parseInt(v);
  }

  /** Answers a call over the rate limit; marketplaces that signal throttling differently override it. */
  protected void respondThrottled(SimExchange ex, Duration wait) throws IOException {
    String seconds = String.format(java.util.Locale.ROOT, "%.1f", Math.max(0.1, wait.toMillis() / 1000.0));
    ex.respond(429, Map.of("errors", new Object[] {Map.of("message", "Too many requests")}),
        Map.of("Retry-After", seconds));
  }

  /** Answers one API call that passed latency, failures and the rate limit. */
  protected abstract void handle(SimExchange ex) throws IOException;

  @Override
  public synchronized void close() {
    if (server != null) {
      server.stop(0);
      executor.shutdownNow();
      server = null;
    }
  }
}
