package io.syncfleet.dashboard;

import com.sun.net.httpserver.HttpServer;
import io.syncfleet.dashboard.Router.Access;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;
import redis.clients.jedis.exceptions.JedisException;

/**
 * The dashboard process: one page that refreshes itself, a JSON API over the producer's read model,
 * the few actions ops need, and queue gauges on {@code /metrics} for Prometheus.
 *
 * <p>It serves on the JDK's own HTTP server ({@code com.sun.net.httpserver}): two dozen routes for a
 * handful of operators need no framework, and the JDK server adds no dependency, no transitive
 * versions to keep current and no attack surface of its own; the worker already uses it for
 * {@code /metrics} and {@code /health}. What a framework would add is here in small pieces:
 * {@link Router} (routes and the order of checks), {@link AccessGuard}, {@link CsrfGuard} and the
 * security headers of {@link WebExchange}.
 *
 * <p>Stops with {@link #close()} (SIGTERM runs it too): no new connections, requests already running
 * get two seconds to finish, then the Redis pool closes.
 */
public final class DashboardServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(DashboardServer.class);
  private static final int HTTP_THREADS = 4;
  private static final int SOCKET_TIMEOUT_MS = 5_000;
  private static final String USAGE = String.join("\n",
      "usage: syncfleet dashboard",
      "Serves the dashboard page, its JSON API and /metrics. Environment:",
      "  REDIS_URL, SYNCFLEET_NAMESPACE       which Redis and namespace to show",
      "  SYNCFLEET_DASHBOARD_PORT             port (default 9300; 0 picks a free one)",
      "  SYNCFLEET_DASHBOARD_HOST             address to listen on (default 0.0.0.0 with credentials,",
      "                                       127.0.0.1 without; loopback only without credentials)",
      "  SYNCFLEET_DASHBOARD_TOKEN            bearer token for the API and browser sign-in (16+ characters)",
      "  SYNCFLEET_DASHBOARD_USER / _PASSWORD basic-auth credentials",
      "  SYNCFLEET_DASHBOARD_READONLY=true    refuse every action");

  private final DashboardSettings settings;
  private final JedisPool pool;
  private final HttpServer server;
  private final ExecutorService executor;

  private DashboardServer(DashboardSettings settings, Clock clock) throws IOException {
    this.settings = settings;
    this.pool = settings.redis().pool(HTTP_THREADS + 2, SOCKET_TIMEOUT_MS);
    SecretRedactor redactor = new SecretRedactor();
    AccessGuard guard = new AccessGuard(settings, new LoginSessions(clock));
    CsrfGuard csrf = new CsrfGuard();
    StaticAssets assets = new StaticAssets();
    SignIn signIn = new SignIn(guard, csrf, assets);
    FleetApi api = new FleetApi(settings, pool, clock, redactor);
    FleetActions actions = new FleetActions(settings, pool, clock);
    QueueGauges gauges = new QueueGauges(pool, settings.redis().keys(), clock);

    Router router = new Router(guard, csrf, settings.readOnly())
        .route("GET", "/", Access.PAGE, (ex, p) -> signIn.page(ex))
        .route("GET", "/login", Access.OPEN, (ex, p) -> signIn.form(ex))
        .route("POST", "/login", Access.OPEN, (ex, p) -> signIn.submit(ex))
        .route("POST", "/logout", Access.FORM, (ex, p) -> signIn.signOut(ex))
        .route("GET", "/assets/app.css", Access.OPEN, (ex, p) -> assets.serve(ex, "app.css"))
        .route("GET", "/assets/app.js", Access.READ, (ex, p) -> assets.serve(ex, "app.js"))
        .route("GET", "/metrics", Access.READ, (ex, p) -> ex.send(200,
            "text/plain; version=0.0.4; charset=utf-8", gauges.scrape().getBytes(StandardCharsets.UTF_8)))
        .route("GET", "/api/session", Access.READ, api::session)
        .route("GET", "/api/overview", Access.READ, api::overview)
        .route("GET", "/api/queues", Access.READ, api::queues)
        .route("GET", "/api/queues/{name}/peek", Access.READ, api::peek)
        .route("POST", "/api/queues/{name}/pause", Access.ACTION, actions::pause)
        .route("POST", "/api/queues/{name}/resume", Access.ACTION, actions::resume)
        .route("GET", "/api/workers", Access.READ, api::workers)
        .route("GET", "/api/scheduled", Access.READ, api::scheduled)
        .route("GET", "/api/dead", Access.READ, api::deadList)
        .route("POST", "/api/dead/retry", Access.ACTION, actions::retryMany)
        .route("POST", "/api/dead/remove", Access.ACTION, actions::removeMany)
        .route("GET", "/api/dead/{id}", Access.READ, api::deadOne)
        .route("POST", "/api/dead/{id}/retry", Access.ACTION, actions::retryOne)
        .route("POST", "/api/dead/{id}/remove", Access.ACTION, actions::removeOne)
        .route("GET", "/api/connections", Access.READ, api::connections)
        .route("GET", "/api/orders", Access.READ, api::orders)
        .route("GET", "/api/resyncs", Access.READ, api::resyncs)
        .route("GET", "/api/lanes", Access.READ, api::lanes);

    AtomicInteger threadNo = new AtomicInteger();
    this.executor = Executors.newFixedThreadPool(HTTP_THREADS, r -> {
      Thread t = new Thread(r, "dashboard-http-" + threadNo.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    try {
      this.server = HttpServer.create(new InetSocketAddress(settings.host(), settings.port()), 64);
    } catch (IOException e) {
      pool.close();
      executor.shutdownNow();
      throw new IOException("cannot listen on " + settings.host() + ":" + settings.port()
          + " (SYNCFLEET_DASHBOARD_HOST/SYNCFLEET_DASHBOARD_PORT): " + e.getMessage(), e);
    }
    server.setExecutor(executor);
    server.createContext("/", router);
  }

  /** Starts a dashboard with these settings; it serves until {@link #close()}. */
  public static DashboardServer start(DashboardSettings settings) throws IOException {
    DashboardServer d = new DashboardServer(settings, Clock.systemUTC());
    d.server.start();
    return d;
  }

  /** Runs the dashboard configured by the environment until SIGTERM. */
  public static void main(String[] args) throws InterruptedException {
    if (args.length > 0) {
      boolean help = args[0].equals("--help") || args[0].equals("-h");
      (help ? System.out : System.err).println(help ? USAGE
          : "syncfleet dashboard takes no arguments; it is configured by the environment.\n" + USAGE);
      System.exit(help ? 0 : 2);
    }
    DashboardSettings settings;
    DashboardServer dashboard;
    try {
      settings = DashboardSettings.fromEnv();
      dashboard = start(settings);
    } catch (IllegalArgumentException | IOException e) {
      System.err.println("syncfleet dashboard: " + e.getMessage());
      System.exit(2);
      return;
    }
    if (!settings.authRequired()) {
      LOG.warn("no SYNCFLEET_DASHBOARD_TOKEN or SYNCFLEET_DASHBOARD_USER/PASSWORD set: listening on {} only,"
          + " without authentication", settings.host());
    }
    LOG.info("dashboard for {} at {}{}", settings.redis().describe(), dashboard.address(),
        settings.readOnly() ? " (read-only)" : "");
    dashboard.checkRedis();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      dashboard.close();
      LOG.info("dashboard stopped");
      stopped.countDown();
    }, "shutdown"));
    stopped.await();
  }

  /** The port actually bound (useful when 0 was asked for). */
  public int port() {
    return server.getAddress().getPort();
  }

  /** Where a browser on this machine opens the dashboard. */
  public URI address() {
    String host = settings.host();
    if (host.equals("0.0.0.0") || host.equals("::")) {
      host = "127.0.0.1";
    }
    return URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port() + "/");
  }

  @Override
  public void close() {
    // stop(0): on JDK 17 any positive delay is always waited out in full. Requests already running
    // still finish their Redis work below; only their replies may be cut.
    server.stop(0);
    executor.shutdown();
    try {
      executor.awaitTermination(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    pool.close();
  }

  private void checkRedis() {
    try (Jedis jedis = pool.getResource()) {
      jedis.ping();
    } catch (JedisException e) {
      LOG.warn("Redis at {} does not answer yet ({}); the dashboard shows the fleet once it does",
          settings.redis().describe(), e.getMessage());
    }
  }
}
