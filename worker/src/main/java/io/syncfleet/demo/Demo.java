package io.syncfleet.demo;

import io.syncfleet.dashboard.DashboardServer;
import io.syncfleet.dashboard.DashboardSettings;
import io.syncfleet.demo.sim.EbaySimListing;
import io.syncfleet.demo.sim.EbaySimulator;
import io.syncfleet.demo.sim.ShopifySimVariant;
import io.syncfleet.demo.sim.ShopifySimulator;
import io.syncfleet.demo.sim.SimulatedMarketplace;
import io.syncfleet.producer.SyncfleetClient;
import io.syncfleet.producer.cli.ProgressBar;
import io.syncfleet.producer.connection.Connection;
import io.syncfleet.producer.connection.ConnectionStore;
import io.syncfleet.producer.connection.Environment;
import io.syncfleet.producer.connection.SecretBox;
import io.syncfleet.producer.job.Listing;
import io.syncfleet.producer.job.PriceChange;
import io.syncfleet.producer.job.StockLevel;
import io.syncfleet.producer.redis.Keys;
import io.syncfleet.producer.redis.NamespaceWipe;
import io.syncfleet.producer.redis.RedisSettings;
import io.syncfleet.producer.state.DeadJob;
import io.syncfleet.producer.state.DeadJobs;
import io.syncfleet.producer.state.FleetStatus;
import java.io.File;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;

/**
 * The main job, end to end: simulated eBay and Shopify (rate-limited, with injected outages), two
 * worker processes, a catalog pushed to both channels, a burst of stock and price changes, orders
 * pulled back, then a check that the marketplaces hold exactly what was sent. Exits 0 only if they do.
 * Runs in a namespace of its own and removes it at the end (unless {@code --keep}). The dashboard
 * runs in this process for as long as the demo does, so the run can be watched at the printed address.
 */
public final class Demo {
  private static final String TENANT = "acme";
  private static final List<String> CHANNELS = List.of("ebay", "shopify");
  private static final Duration PHASE_TIMEOUT = Duration.ofMinutes(5);

  private final int products;
  private final int workers;
  private final boolean keep;
  private final RedisSettings redis;
  private final Keys keys;
  private final String secretKey = SecretBox.newKey();
  private final List<Process> processes = new ArrayList<>();
  private final List<Integer> metricPorts = new ArrayList<>();

  private Demo(int products, int workers, boolean keep) {
    this.products = products;
    this.workers = workers;
    this.keep = keep;
    RedisSettings env = RedisSettings.fromEnv();
    String ns = "syncfleet-demo-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
    this.redis = new RedisSettings(env.host(), env.port(), env.password(), env.database(), ns);
    this.keys = redis.keys();
  }

  public static void main(String[] args) throws Exception {
    // Before the dashboard's server starts: the JDK reads the setting once per process.
    SimulatedMarketplace.answerPromptly();
    int products = 1000;
    int workers = 2;
    boolean keep = false;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--products" -> products = Integer.parseInt(args[++i]);
        case "--workers" -> workers = Integer.parseInt(args[++i]);
        case "--keep" -> keep = true;
        default -> {
          System.err.println("usage: syncfleet demo [--products N] [--workers N] [--keep]");
          System.exit(2);
        }
      }
    }
    System.exit(new Demo(products, workers, keep).run() ? 0 : 1);
  }

  private boolean run() throws Exception {
    long started = System.nanoTime();
    say("Syncfleet demo: %d products to eBay and Shopify through %d worker processes", products, workers);
    say("Redis %s", redis.describe());
    try (DashboardServer dashboard = startDashboard();
        JedisPool pool = redis.pool(8, 10_000);
        EbaySimulator ebay = new EbaySimulator();
        ShopifySimulator shopify = new ShopifySimulator();
        SyncfleetClient client = new SyncfleetClient(pool, keys, Clock.systemUTC())) {
      say("dashboard at %s (open it to watch the fleet; it runs until the demo ends)", dashboard.address());
      ebay.start(0);
      shopify.start(0);
      // Marketplaces as merchants meet them: a rate limit, some latency, and a bad moment or two.
      ebay.setRateLimit(120, 30);
      shopify.setRateLimit(80, 20);
      ebay.setLatency(Duration.ofMillis(5));
      shopify.setLatency(Duration.ofMillis(5));
      say("simulated eBay at %s (120 calls/s), Shopify at %s (80 calls/s)", ebay.baseUrl(), shopify.baseUrl());

      ConnectionStore store = new ConnectionStore(pool, keys, new SecretBox(
          java.util.Base64.getDecoder().decode(secretKey)));
      // The simulators grant far more than the adapters' declared plans: tell the fleet, per connection,
      // in jobs per second sized to the simulators' calls per second. An eBay upsert job makes about
      // 76 calls (a bulk call and 3 per new listing), a stock or price job up to 26 (a bulk call and an
      // offer lookup per SKU a process has not seen); a Shopify upsert job about 12, others 2-3.
      addConnection(store, withSettings(ebay.connection(TENANT),
          Map.of("rate.upsert_listings", "1.5/2", "rate", "2/2")));
      addConnection(store, new Connection(TENANT, "shopify", Environment.SANDBOX,
          Map.of(Connection.BASE_URL, shopify.baseUrl(), "shop", "acme.myshopify.com",
              "rate.upsert_listings", "6/4", "rate", "12/4"),
          io.syncfleet.producer.connection.Secrets.of(Map.of("access_token", ShopifySimulator.DEFAULT_TOKEN)), 1));
      ebay.seedOrders(25);
      shopify.seedOrders(25);

      startWorkers();
      awaitWorkers(pool);

      List<Listing> catalog = DemoCatalog.generate(products, 42);
      Map<String, Expected> expected = new LinkedHashMap<>();
      for (Listing l : catalog) {
        expected.put(l.sku(), new Expected(l.title(), l.quantity(), l.price()));
      }
      say("");
      say("1. catalog: %d listings to 2 channels", catalog.size());
      ebay.failNext(4, 503);
      shopify.failNext(4, 502);
      client.upsertListings(TENANT, CHANNELS, catalog);
      boolean synced = await(pool, "catalog", 2 * catalog.size(), () -> matching(ebay, shopify, expected));

      say("2. a burst of stock changes for every SKU and new prices for a fifth of them");
      Random random = new Random(7);
      List<StockLevel> stock = new ArrayList<>();
      List<PriceChange> prices = new ArrayList<>();
      for (Listing l : catalog) {
        int q = random.nextInt(100);
        stock.add(StockLevel.of(l.sku(), q));
        Expected e = expected.get(l.sku());
        BigDecimal price = e.price;
        if (random.nextInt(5) == 0) {
          price = e.price.add(new BigDecimal("1.00"));
          prices.add(PriceChange.of(l.sku(), price, "USD"));
        }
        expected.put(l.sku(), new Expected(e.title, q, price));
      }
      ebay.failNext(3, 500);
      client.setStock(TENANT, CHANNELS, stock);
      client.setPrices(TENANT, CHANNELS, prices);
      synced &= await(pool, "stock and prices", 2 * catalog.size(), () -> matching(ebay, shopify, expected));

      say("3. orders: pulled from both marketplaces into the tenant's stream");
      synced &= await(pool, "orders", 50, () -> (int) Math.min(50, streamLength(pool)));

      return summarize(pool, ebay, shopify, expected, synced, started);
    } finally {
      stopWorkers();
      if (!keep) {
        deleteNamespace();
      } else {
        say("namespace %s kept: try  SYNCFLEET_NAMESPACE=%s ./syncfleet status", keys.namespace(), keys.namespace());
        say("  or see it on the dashboard:  SYNCFLEET_NAMESPACE=%s ./syncfleet dashboard", keys.namespace());
      }
    }
  }

  private record Expected(String title, int quantity, BigDecimal price) {}

  /** The dashboard in this process, on its usual port or, when that is taken, on any free one. */
  private DashboardServer startDashboard() throws IOException {
    try {
      return DashboardServer.start(DashboardSettings.local(redis, DashboardSettings.DEFAULT_PORT));
    } catch (IOException e) {
      return DashboardServer.start(DashboardSettings.local(redis, 0));
    }
  }

  private static Connection withSettings(Connection c, Map<String, String> more) {
    Map<String, String> settings = new LinkedHashMap<>(c.settings());
    settings.putAll(more);
    return new Connection(c.tenant(), c.channel(), c.environment(), settings, c.secrets(), c.version());
  }

  private void addConnection(ConnectionStore store, Connection c) {
    Map<String, String> secrets = new HashMap<>();
    for (String name : c.secrets().names()) {
      secrets.put(name, c.secrets().require(name));
    }
    store.put(c.tenant(), c.channel(), c.environment(), c.settings(), secrets);
  }

  private void startWorkers() throws IOException {
    File logs = new File(".demo");
    logs.mkdirs();
    String java = ProcessHandle.current().info().command().orElse("java");
    for (int i = 0; i < workers; i++) {
      int port = freePort();
      metricPorts.add(port);
      ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
          "io.syncfleet.worker.Launcher");
      Map<String, String> env = pb.environment();
      env.put("REDIS_URL", "redis://" + redis.host() + ":" + redis.port() + "/" + redis.database());
      env.put("SYNCFLEET_NAMESPACE", keys.namespace());
      env.put("SYNCFLEET_SECRET_KEY", secretKey);
      env.put("SYNCFLEET_CONCURRENCY", "8");
      env.put("SYNCFLEET_HTTP_PORT", Integer.toString(port));
      env.put("SYNCFLEET_ORDER_PULL_SECONDS", "3");
      File log = new File(logs, "worker-" + (i + 1) + ".log");
      pb.redirectErrorStream(true).redirectOutput(log);
      processes.add(pb.start());
      say("worker %d started (pid %d, metrics on http://127.0.0.1:%d/metrics, log %s)", i + 1,
          processes.get(i).pid(), port, log.getPath());
    }
  }

  private void awaitWorkers(JedisPool pool) throws InterruptedException {
    long deadline = System.currentTimeMillis() + 30_000;
    while (System.currentTimeMillis() < deadline) {
      FleetStatus status = FleetStatus.capture(pool, keys, Clock.systemUTC(), 1);
      if (status.liveProcesses() >= workers) {
        return;
      }
      for (Process p : processes) {
        if (!p.isAlive()) {
          throw new IllegalStateException("a worker exited at start (exit " + p.exitValue() + "); see .demo/worker-*.log");
        }
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException("workers did not report in 30 s; see .demo/worker-*.log");
  }

  /** Shows progress until {@code done} reaches {@code total} or the fleet goes quiet; true when reached. */
  private boolean await(JedisPool pool, String label, int total, IntSupplier done) throws InterruptedException {
    ProgressBar bar = new ProgressBar("   " + label, total);
    long deadline = System.currentTimeMillis() + PHASE_TIMEOUT.toMillis();
    int quietPolls = 0;
    while (System.currentTimeMillis() < deadline) {
      int n = done.getAsInt();
      bar.update(n);
      if (n >= total) {
        bar.finish();
        return true;
      }
      FleetStatus s = FleetStatus.capture(pool, keys, Clock.systemUTC(), 1);
      // Nothing queued, scheduled or running for a while: whatever is missing is not coming.
      quietPolls = s.stats().enqueued() == 0 && s.stats().scheduled() == 0 && s.busyThreads() == 0 ? quietPolls + 1 : 0;
      if (quietPolls > 50) {
        break;
      }
      Thread.sleep(100);
    }
    bar.finish();
    say("   %s: only %d of %d arrived", label, done.getAsInt(), total);
    return false;
  }

  private static int matching(EbaySimulator ebay, ShopifySimulator shopify, Map<String, Expected> expected) {
    Map<String, EbaySimListing> e = ebay.listings();
    Map<String, ShopifySimVariant> s = shopify.variantsBySku();
    int n = 0;
    for (Map.Entry<String, Expected> x : expected.entrySet()) {
      Expected want = x.getValue();
      EbaySimListing got = e.get(x.getKey());
      if (got != null && got.published() && got.quantity() == want.quantity && got.price() != null
          && got.price().compareTo(want.price) == 0 && want.title.equals(got.title())) {
        n++;
      }
      ShopifySimVariant v = s.get(x.getKey());
      if (v != null && v.quantity() == want.quantity && v.price() != null && v.price().compareTo(want.price) == 0) {
        n++;
      }
    }
    return n;
  }

  private long streamLength(JedisPool pool) {
    try (Jedis j = pool.getResource()) {
      return j.exists(keys.orders(TENANT)) ? j.xlen(keys.orders(TENANT)) : 0;
    }
  }

  private boolean summarize(JedisPool pool, EbaySimulator ebay, ShopifySimulator shopify,
      Map<String, Expected> expected, boolean synced, long started) {
    Map<String, Double> items = scrapeItems();
    DeadJobs dead = new DeadJobs(pool, keys, Clock.systemUTC());
    long deadCount = dead.size();
    int match = matching(ebay, shopify, expected);
    boolean exact = match == 2 * expected.size() && ebay.listings().size() == expected.size()
        && shopify.variantsBySku().size() == expected.size();
    say("");
    say("Summary");
    say("  items synced          %,.0f", items.getOrDefault("done", 0.0));
    say("  items retried         %,.0f  (injected failures: %d)", items.getOrDefault("retried", 0.0),
        ebay.failed() + shopify.failed());
    say("  items throttled       %,.0f  (marketplace 429s: %d; waited as asked, no attempt spent)",
        items.getOrDefault("throttled", 0.0), ebay.throttled() + shopify.throttled());
    say("  dead jobs             %d", deadCount);
    for (DeadJob d : dead.page(0, 5)) {
      say("    %s %s: %s %s", d.channel(), d.operation(), d.reason(), d.errorMessage() == null ? "" : d.errorMessage());
    }
    say("  orders in stream      %d", streamLength(pool));
    say("  time                  %.1f s", (System.nanoTime() - started) / 1e9);
    say("  marketplaces match    %s (%d of %d listings on eBay and Shopify as sent)", exact ? "yes" : "NO",
        match, 2 * expected.size());
    return synced && exact && deadCount == 0;
  }

  /** Sums {@code syncfleet_items_total} by outcome across the worker processes' /metrics. */
  private Map<String, Double> scrapeItems() {
    Map<String, Double> sums = new HashMap<>();
    HttpClient http = HttpClient.newHttpClient();
    for (int port : metricPorts) {
      try {
        String body = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics")).build(),
            HttpResponse.BodyHandlers.ofString()).body();
        for (String line : body.split("\n")) {
          if (line.startsWith("syncfleet_items_total{")) {
            int o = line.indexOf("outcome=\"");
            String outcome = line.substring(o + 9, line.indexOf('"', o + 9));
            double v = Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            sums.merge(outcome, v, Double::sum);
          }
        }
      } catch (IOException | InterruptedException e) {
        say("  (could not read metrics on port %d: %s)", port, e.getMessage());
      }
    }
    return sums;
  }

  private void stopWorkers() throws InterruptedException {
    for (Process p : processes) {
      p.destroy();
    }
    for (Process p : processes) {
      if (!p.waitFor(40, TimeUnit.SECONDS)) {
        p.destroyForcibly();
      }
    }
  }

  private void deleteNamespace() {
    try (JedisPool pool = redis.pool(2, 10_000); Jedis j = pool.getResource()) {
      NamespaceWipe.delete(j, keys.namespace());
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  private static void say(String format, Object... args) {
    System.out.println(String.format(format, args));
  }
}
