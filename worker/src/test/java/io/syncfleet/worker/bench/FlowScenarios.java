package io.syncfleet.worker.bench;

import io.syncfleet.demo.sim.EbaySimListing;
import io.syncfleet.demo.sim.EbaySimulator;
import io.syncfleet.demo.sim.ShopifySimulator;
import io.syncfleet.producer.SyncfleetClient;
import io.syncfleet.producer.connection.Connection;
import io.syncfleet.producer.connection.Environment;
import io.syncfleet.producer.connection.Secrets;
import io.syncfleet.producer.job.Channels;
import io.syncfleet.producer.job.Listing;
import io.syncfleet.producer.job.Operation;
import io.syncfleet.producer.job.StockLevel;
import io.syncfleet.producer.lane.Lane;
import io.syncfleet.producer.lane.LaneKeys;
import io.syncfleet.producer.redis.RedisSettings;
import io.syncfleet.worker.WorkerConfig;
import io.syncfleet.worker.faults.Fleet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import redis.clients.jedis.Jedis;

/**
 * The four flow-control measurements of {@link FlowBenchmark}, each against simulated marketplaces
 * on 127.0.0.1 and a fleet of real worker processes (4 processes x 8 threads) on a namespace of its
 * own. Every method cleans up what it started.
 */
final class FlowScenarios {
  static final String EBAY = Channels.EBAY.id();
  static final String SHOPIFY = Channels.SHOPIFY.id();
  static final int PROCESSES = 4;
  static final int THREADS = 8;
  /** Threads per process for the bulk part: its calls mostly wait on the marketplace's latency. */
  static final int BULK_THREADS = 16;

  /** Part 1's simulated limit: calls per second and burst, on the marketplace and the connection alike. */
  static final int LIMIT_RATE = 50;
  static final int LIMIT_BURST = 10;
  /** SKUs whose stock keeps changing in part 1 (part 2 uses the first 1,000 of them). */
  static final int LIMIT_SKUS = 2_000;
  /** Stock changes offered per second in part 1: more than the limit lets out (50 calls x 25 SKUs). */
  static final int LIMIT_OFFERS_PER_SECOND = 2_000;
  /** A connection rate no warm-up comes near: warm-ups are about caches, not limits. */
  static final String UNLIMITED = "1000/100";
  /** How long a worker may keep a connection it read (the resolver's cache): a changed setting waits this long. */
  static final Duration CONNECTION_CACHE = Duration.ofSeconds(10);

  static final int COALESCE_SKUS = 1_000;
  static final int COALESCE_CHANGES = 100_000;
  static final int EBAY_BATCH = 25;

  static final Duration LATENCY = Duration.ofMillis(20);

  private final RedisSettings redis;
  private final boolean quick;

  FlowScenarios(RedisSettings redis, boolean quick) {
    this.redis = redis;
    this.quick = quick;
  }

  // ---- results ---------------------------------------------------------------------------------

  /**
   * Part 1: calls and 429s the marketplace saw in the measured window.
   *
   * @param seconds     the window's length
   * @param calls       API calls received (429s included)
   * @param throttled   calls answered 429
   * @param bulkCalls   bulk price-quantity calls among them
   * @param lookups     offer lookups among them (left after the warm-up)
   * @param warmLookups offer lookups the warm-up made, of the {@code warmNeeded} the cache needs
   */
  record LimitResult(String scope, double seconds, long calls, long throttled, long bulkCalls, long lookups,
      long warmLookups, long warmNeeded) {
    long accepted() {
      return calls - throttled;
    }

    /** Accepted calls over what the limit allows in the window (rate x seconds). */
    double efficiency() {
      return accepted() / (LIMIT_RATE * seconds);
    }

    double throttledShare() {
      return calls == 0 ? 0 : throttled / (double) calls;
    }
  }

  /** Part 2: calls for a burst of changes, and whether every SKU ended at its last value. */
  record CoalesceResult(int changes, int skus, double offerSeconds, long bulkCalls, long lookups, long throttled,
      int atLastValue, long coalesced) {
    long allowedCalls() {
      return (long) Math.floor(1.2 * Math.ceil(skus / (double) EBAY_BATCH));
    }

    boolean met() {
      return bulkCalls <= allowedCalls() && atLastValue == skus;
    }
  }

  /** Part 3: offer-to-marketplace times of each tenant's stock changes while the resync drains. */
  record PriorityResult(int resyncSize, double resyncOfferSeconds, int resyncStoredInWindow, double windowSeconds,
      Latencies a, Latencies b) {}

  /** Delays in ms (NaN for a change the marketplace never received) and their summary. */
  record Latencies(int samples, int missing, double p50, double p99, double max) {
    static Latencies of(List<Double> ms) {
      double[] sorted = ms.stream().mapToDouble(d -> d.isNaN() ? Double.POSITIVE_INFINITY : d).sorted().toArray();
      int missing = (int) ms.stream().filter(d -> d.isNaN()).count();
      return new Latencies(sorted.length, missing, percentile(sorted, 50), percentile(sorted, 99),
          sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1]);
    }

    boolean met() {
      return samples > 0 && p99 <= 1000;
    }
  }

  /**
   * Part 4: a resync to two channels against the minimum their job rates allow.
   *
   * @param finished whether both channels held every product before the deadline
   */
  record BulkResult(int products, Map<String, Channel> channels, double elapsedSeconds, boolean finished,
      double deadlineSeconds) {
    double minimumSeconds() {
      return channels.values().stream().mapToDouble(Channel::minimumSeconds).max().orElse(0);
    }

    boolean met() {
      return finished && elapsedSeconds <= 1.25 * minimumSeconds();
    }
  }

  /**
   * One channel of part 4.
   *
   * @param jobRate    the connection's {@code rate.upsert_listings}, in jobs (batches) per second
   * @param callLimit  the simulator's limit in calls per second
   * @param stored     products the marketplace held at the end
   * @param finishedAt seconds from the first offer until its lane was empty (NaN: not by the deadline)
   */
  record Channel(String name, int batch, int jobs, double jobRate, int callLimit, int stored, double finishedAt) {
    double minimumSeconds() {
      return jobs / jobRate;
    }
  }

  // ---- 1. limit efficiency (and 2. coalescing on the same warmed fleet) --------------------------

  /**
   * Part 1 with the fleet-wide limiter, then part 2 on the same fleet, marketplace and connection
   * (whose offer-id caches part 1 warmed).
   */
  record LimitAndCoalesce(LimitResult limit, CoalesceResult coalesce) {}

  LimitAndCoalesce limitThenCoalesce() throws Exception {
    try (EbaySimulator sim = new EbaySimulator();
        RecordingProxy proxy = startSim(sim);
        Fleet fleet = startFleet("fleet")) {
      LimitResult limit = limit(fleet, sim, proxy, "fleet");
      CoalesceResult coalesce = coalesce(fleet, sim, proxy);
      return new LimitAndCoalesce(limit, coalesce);
    }
  }

  /** Part 1 with each process limiting itself, for comparison. */
  LimitResult limitPerProcess() throws Exception {
    try (EbaySimulator sim = new EbaySimulator();
        RecordingProxy proxy = startSim(sim);
        Fleet fleet = startFleet("process")) {
      return limit(fleet, sim, proxy, "process");
    }
  }

  private LimitResult limit(Fleet fleet, EbaySimulator sim, RecordingProxy proxy, String scope) throws Exception {
    String tenant = "limit";
    List<String> skus = skus("LIM-", LIMIT_SKUS);
    // Listings (with offers) first, with no limit anywhere: stock updates need them.
    fleet.connect(ebay(sim, proxy, tenant, Map.of("rate.upsert_listings", UNLIMITED, "rate.update_stock", UNLIMITED)));
    say("  [%s] storing %,d listings ...", scope, skus.size());
    seedListings(fleet, sim, tenant, skus);

    // Each process looks a SKU's offer id up once, then remembers it; the one that created the offer
    // already knows it. Warm every process's cache so the window sees only the bulk calls it measures.
    long warmNeeded = (long) (PROCESSES - 1) * skus.size();
    RecordingProxy.Counts warmStart = proxy.counts();
    long warmDeadline = System.currentTimeMillis() + (quick ? 30_000 : 60_000);
    Lane lane = new Lane(tenant, EBAY, Operation.UPDATE_STOCK);
    int round = 0;
    long warmLookups = 0;
    say("  [%s] warming the offer-id caches of %d processes ...", scope, PROCESSES);
    while (warmLookups < warmNeeded && System.currentTimeMillis() < warmDeadline) {
      List<StockLevel> levels = new ArrayList<>(skus.size());
      for (String sku : skus) {
        levels.add(StockLevel.of(sku, 1 + round % 50));
      }
      fleet.client().setStock(tenant, List.of(EBAY), levels);
      round++;
      // A round at a time: changes offered while older ones wait would only push them back.
      while (!drained(fleet, lane) && System.currentTimeMillis() < warmDeadline) {
        Thread.sleep(20);
      }
      warmLookups = proxy.counts().since(warmStart).calls(RecordingProxy.EBAY_FIND_OFFER);
    }
    say("  [%s] %,d of %,d lookups after %d rounds", scope, warmLookups, warmNeeded, round);

    // The measured setting, then the marketplace's limit once every worker has read it.
    fleet.connect(ebay(sim, proxy, tenant, Map.of("rate.upsert_listings", UNLIMITED,
        "rate.update_stock", LIMIT_RATE + "/" + LIMIT_BURST)));
    AtomicBoolean producing = new AtomicBoolean(true);
    Thread producer = new Thread(() -> produce(fleet.client(), tenant, skus, producing), "bench-producer");
    producer.start();
    try {
      Thread.sleep(CONNECTION_CACHE.toMillis() + 1_000);
      sim.setRateLimit(LIMIT_RATE, LIMIT_BURST);
      Thread.sleep(3_000);
      int seconds = quick ? 15 : 60;
      say("  [%s] measuring for %d s: %d processes x %d threads, limit %d/s burst %d ...", scope, seconds,
          PROCESSES, THREADS, LIMIT_RATE, LIMIT_BURST);
      RecordingProxy.Counts before = proxy.counts();
      long start = System.nanoTime();
      Thread.sleep(seconds * 1000L);
      RecordingProxy.Counts window = proxy.counts().since(before);
      double elapsed = (System.nanoTime() - start) / 1e9;
      LimitResult r = new LimitResult(scope, elapsed, window.totalCalls(), window.totalThrottled(),
          window.calls(RecordingProxy.EBAY_PRICE_QUANTITY), window.calls(RecordingProxy.EBAY_FIND_OFFER),
          warmLookups, warmNeeded);
      say("  [%s] %,d calls, %,d answered 429, %,d accepted (%.1f%% of %d/s); by endpoint %s", scope, r.calls(),
          r.throttled(), r.accepted(), 100 * r.efficiency(), LIMIT_RATE, window.called());
      return r;
    } finally {
      producing.set(false);
      producer.join();
    }
  }

  /** A steady supply of stock changes, each SKU in turn, about once a second per SKU. */
  private void produce(SyncfleetClient client, String tenant, List<String> skus, AtomicBoolean producing) {
    int perTick = LIMIT_OFFERS_PER_SECOND / 20;
    int next = 0;
    int value = 0;
    long tick = System.nanoTime();
    while (producing.get()) {
      List<StockLevel> levels = new ArrayList<>(perTick);
      for (int i = 0; i < perTick; i++) {
        levels.add(StockLevel.of(skus.get(next), value % 1000));
        next = (next + 1) % skus.size();
        value++;
      }
      client.setStock(tenant, List.of(EBAY), levels);
      tick += 50_000_000L;
      sleepUntil(tick);
    }
  }

  // ---- 2. coalescing -------------------------------------------------------------------------------

  private CoalesceResult coalesce(Fleet fleet, EbaySimulator sim, RecordingProxy proxy) throws Exception {
    String tenant = "limit";
    Lane lane = new Lane(tenant, EBAY, Operation.UPDATE_STOCK);
    if (!awaitDrained(fleet, lane, 60_000)) {
      throw new IllegalStateException("part 1's stock changes did not drain in 60 s");
    }
    List<String> skus = skus("LIM-", LIMIT_SKUS).subList(0, COALESCE_SKUS);
    long coalescedBefore = laneStat(fleet, lane, "coalesced");
    RecordingProxy.Counts before = proxy.counts();
    say("  %,d stock changes over %,d SKUs in one burst ...", COALESCE_CHANGES, skus.size());
    // Two producers, each with half of the SKUs, one call per round of its SKUs: a call may name a
    // SKU once, and each SKU's later rounds carry newer versions. Two overlap the client's work with
    // Redis's; more only contend for the two cores.
    int rounds = COALESCE_CHANGES / skus.size();
    Map<String, Integer> last = new java.util.concurrent.ConcurrentHashMap<>();
    List<Thread> producers = new ArrayList<>();
    long start = System.nanoTime();
    for (List<String> half : List.of(skus.subList(0, skus.size() / 2), skus.subList(skus.size() / 2, skus.size()))) {
      Thread t = new Thread(() -> {
        for (int r = 0; r < rounds; r++) {
          List<StockLevel> levels = new ArrayList<>(half.size());
          for (String sku : half) {
            int q = r * skus.size() + Integer.parseInt(sku.substring(sku.indexOf('-') + 1));
            levels.add(StockLevel.of(sku, q));
            last.put(sku, q);
          }
          fleet.client().setStock(tenant, List.of(EBAY), levels);
        }
      }, "bench-burst");
      t.start();
      producers.add(t);
    }
    for (Thread t : producers) {
      t.join();
    }
    double offerSeconds = (System.nanoTime() - start) / 1e9;
    if (!awaitDrained(fleet, lane, 60_000)) {
      throw new IllegalStateException("the burst did not drain in 60 s");
    }
    RecordingProxy.Counts calls = proxy.counts().since(before);
    Map<String, EbaySimListing> state = sim.listings();
    int atLast = 0;
    for (Map.Entry<String, Integer> e : last.entrySet()) {
      EbaySimListing l = state.get(e.getKey());
      if (l != null && l.quantity() == e.getValue() && e.getValue().equals(l.offerQuantity())) {
        atLast++;
      }
    }
    CoalesceResult r = new CoalesceResult(COALESCE_CHANGES, skus.size(), offerSeconds,
        calls.calls(RecordingProxy.EBAY_PRICE_QUANTITY), calls.calls(RecordingProxy.EBAY_FIND_OFFER),
        calls.totalThrottled(), atLast, laneStat(fleet, lane, "coalesced") - coalescedBefore);
    say("  offered in %.2f s; %d bulk calls, %d lookups, %d 429s; %,d SKUs at their last value; by endpoint %s",
        offerSeconds, r.bulkCalls(), r.lookups(), r.throttled(), atLast, calls.called());
    return r;
  }

  // ---- 3. priority and fairness --------------------------------------------------------------------

  PriorityResult priority() throws Exception {
    int resyncSize = quick ? 20_000 : 100_000;
    int stockSkus = 50;
    try (EbaySimulator simA = new EbaySimulator();
        EbaySimulator simB = new EbaySimulator();
        RecordingProxy proxyA = startSim(simA);
        RecordingProxy proxyB = startSim(simB);
        Fleet fleet = startFleet("fleet")) {
      // Upserts may run flat out (4 flushers at 20 ms a call are the ceiling); stock has room for a batch every 50 ms.
      Map<String, String> rates = Map.of("rate.upsert_listings", "10/4", "rate.update_stock", "20/10");
      fleet.connect(ebay(simA, proxyA, "tenant-a", rates));
      fleet.connect(ebay(simB, proxyB, "tenant-b", rates));
      List<String> skusA = skus("A-STOCK-", stockSkus);
      List<String> skusB = skus("B-STOCK-", stockSkus);
      say("  storing %d listings per tenant for their stock changes ...", stockSkus);
      seedListings(fleet, simA, "tenant-a", skusA);
      seedListings(fleet, simB, "tenant-b", skusB);
      simA.setLatency(LATENCY);
      simB.setLatency(LATENCY);

      say("  tenant A resyncs %,d listings ...", resyncSize);
      long offerStart = System.nanoTime();
      for (int from = 0; from < resyncSize; from += 5_000) {
        List<Listing> chunk = new ArrayList<>(5_000);
        for (int i = from; i < Math.min(resyncSize, from + 5_000); i++) {
          chunk.add(Fleet.listing("A-BULK-" + i));
        }
        fleet.client().bulkUpsertListings("tenant-a", List.of(EBAY), chunk);
      }
      double offerSeconds = (System.nanoTime() - offerStart) / 1e9;
      // Let the resync's flushers get going before measuring beside them.
      Thread.sleep(2_000);
      int storedBefore = simA.listings().size();

      int seconds = quick ? 10 : 40;
      say("  a stock change per tenant every 100 ms for %d s while it drains ...", seconds);
      record Sample(RecordingProxy proxy, String sku, int quantity, long offeredAt) {}
      List<Sample> samplesA = new ArrayList<>();
      List<Sample> samplesB = new ArrayList<>();
      long tick = System.nanoTime();
      long end = tick + seconds * 1_000_000_000L;
      for (int k = 0; tick < end; k++) {
        String a = skusA.get(k % stockSkus);
        String b = skusB.get(k % stockSkus);
        int q = 1_000 + k;
        long t = System.nanoTime();
        fleet.client().setStock("tenant-a", List.of(EBAY), List.of(StockLevel.of(a, q)));
        samplesA.add(new Sample(proxyA, a, q, t));
        t = System.nanoTime();
        fleet.client().setStock("tenant-b", List.of(EBAY), List.of(StockLevel.of(b, q)));
        samplesB.add(new Sample(proxyB, b, q, t));
        tick += 100_000_000L;
        sleepUntil(tick);
      }
      int stored = simA.listings().size() - storedBefore;
      Fleet.eventually(5_000, () -> samplesA.stream().allMatch(s -> s.proxy().firstSeen(s.sku(), s.quantity()) != null)
          && samplesB.stream().allMatch(s -> s.proxy().firstSeen(s.sku(), s.quantity()) != null));
      List<Double> msA = new ArrayList<>();
      List<Double> msB = new ArrayList<>();
      for (Sample s : samplesA) {
        Long seen = s.proxy().firstSeen(s.sku(), s.quantity());
        msA.add(seen == null ? Double.NaN : (seen - s.offeredAt()) / 1e6);
      }
      for (Sample s : samplesB) {
        Long seen = s.proxy().firstSeen(s.sku(), s.quantity());
        msB.add(seen == null ? Double.NaN : (seen - s.offeredAt()) / 1e6);
      }
      say("  slowest A changes (sample: ms) %s; slowest B %s", slowest(msA), slowest(msB));
      PriorityResult r = new PriorityResult(resyncSize, offerSeconds, stored, seconds, Latencies.of(msA),
          Latencies.of(msB));
      say("  A: p50 %.0f ms, p99 %.0f ms, max %.0f ms; B: p50 %.0f ms, p99 %.0f ms, max %.0f ms; resync stored %,d",
          r.a().p50(), r.a().p99(), r.a().max(), r.b().p50(), r.b().p99(), r.b().max(), stored);
      return r;
    }
  }

  // ---- 4. bulk -------------------------------------------------------------------------------------

  BulkResult bulk() throws Exception {
    int products = quick ? 10_000 : 100_000;
    // The job rates are picked so the whole run needs about this long at the limits: long enough that
    // the limits, not a 2-core machine, bind. 100,000 products are about 424,000 calls (an eBay job is
    // 76 calls one after another, a Shopify job 12), and such a machine serves about 1,000 calls/s
    // with the whole fleet on it; 600 s asks for about 700.
    double target = quick ? 60 : 600;
    int ebayJobs = ceilDiv(products, EBAY_BATCH);
    int shopifyBatch = Channels.SHOPIFY.batchLimit(Operation.UPSERT_LISTINGS).orElseThrow();
    int shopifyJobs = ceilDiv(products, shopifyBatch);
    double ebayRate = ebayJobs / target;
    double shopifyRate = shopifyJobs / target;
    // Calls per job: eBay 1 bulk call + 3 offer calls (find, create, publish) per new listing;
    // Shopify 1 SKU lookup + 1 productSet per product (+ a location lookup now and then).
    int ebayCallLimit = (int) Math.ceil(ebayRate * (1 + 3 * EBAY_BATCH) * 1.3);
    int shopifyCallLimit = (int) Math.ceil(shopifyRate * (2 + shopifyBatch) * 1.3);
    try (EbaySimulator ebay = new EbaySimulator();
        ShopifySimulator shopify = new ShopifySimulator();
        Fleet fleet = startFleet("fleet", BULK_THREADS)) {
      ebay.start(0);
      shopify.start(0);
      ebay.setLatency(LATENCY);
      shopify.setLatency(LATENCY);
      ebay.setRateLimit(ebayCallLimit, ebayCallLimit / 10);
      shopify.setRateLimit(shopifyCallLimit, shopifyCallLimit / 10);
      String tenant = "bulk";
      // Jobs wait on the marketplace (20 ms a call, one call after another), so the simulators allow
      // as many parallel calls as the fleet has threads.
      String parallel = Integer.toString(PROCESSES * BULK_THREADS);
      fleet.connect(ebay(ebay, null, tenant, Map.of("rate.upsert_listings", rate(ebayRate),
          "concurrency", parallel)));
      fleet.connect(new Connection(tenant, SHOPIFY, Environment.SANDBOX,
          Map.of(Connection.BASE_URL, shopify.baseUrl(), "shop", "bench.myshopify.com",
              "rate.upsert_listings", rate(shopifyRate), "concurrency", parallel),
          Secrets.of(Map.of("access_token", ShopifySimulator.DEFAULT_TOKEN)), 1));
      // Past 1.25 x the minimum the goal is missed; a little longer gives the pace to report.
      double deadline = 1.25 * target + (quick ? 10 : 15);
      say("  %,d products to eBay (%d jobs at %s/s) and Shopify (%d jobs at %s/s), 20 ms a call; "
          + "giving up after %.0f s ...", products, ebayJobs, rate(ebayRate), shopifyJobs, rate(shopifyRate), deadline);
      long start = System.nanoTime();
      for (int from = 0; from < products; from += 2_000) {
        List<Listing> chunk = new ArrayList<>(2_000);
        for (int i = from; i < Math.min(products, from + 2_000); i++) {
          chunk.add(Fleet.listing("BULK-" + i));
        }
        fleet.client().bulkUpsertListings(tenant, List.of(EBAY, SHOPIFY), chunk);
      }
      say("  offered in %.1f s", (System.nanoTime() - start) / 1e9);
      Lane ebayLane = new Lane(tenant, EBAY, Operation.UPSERT_LISTINGS);
      Lane shopifyLane = new Lane(tenant, SHOPIFY, Operation.UPSERT_LISTINGS);
      double ebayDone = Double.NaN;
      double shopifyDone = Double.NaN;
      long lastReport = System.nanoTime();
      while ((System.nanoTime() - start) / 1e9 < deadline && (Double.isNaN(ebayDone) || Double.isNaN(shopifyDone))) {
        Thread.sleep(250);
        double now = (System.nanoTime() - start) / 1e9;
        if (Double.isNaN(ebayDone) && drained(fleet, ebayLane)) {
          ebayDone = now;
        }
        if (Double.isNaN(shopifyDone) && drained(fleet, shopifyLane)) {
          shopifyDone = now;
        }
        if (System.nanoTime() - lastReport > 10_000_000_000L) {
          lastReport = System.nanoTime();
          say("    %.0f s: waiting eBay %,d, Shopify %,d", now, waiting(fleet, ebayLane), waiting(fleet, shopifyLane));
        }
      }
      double elapsed = (System.nanoTime() - start) / 1e9;
      boolean finished = !Double.isNaN(ebayDone) && !Double.isNaN(shopifyDone);
      if (finished) {
        elapsed = Math.max(ebayDone, shopifyDone);
      }
      int ebayStored = (int) ebay.listings().values().stream().filter(EbaySimListing::published).count();
      int shopifyStored = shopify.productCount();
      Map<String, Channel> channels = new LinkedHashMap<>();
      channels.put(EBAY, new Channel("eBay", EBAY_BATCH, ebayJobs, ebayRate, ebayCallLimit, ebayStored, ebayDone));
      channels.put(SHOPIFY, new Channel("Shopify", shopifyBatch, shopifyJobs, shopifyRate, shopifyCallLimit,
          shopifyStored, shopifyDone));
      BulkResult r = new BulkResult(products, channels, elapsed, finished, deadline);
      say("  %s after %.1f s: eBay %,d stored, Shopify %,d stored (minimum %.1f s)", finished ? "done" : "stopped",
          elapsed, ebayStored, shopifyStored, r.minimumSeconds());
      return r;
    }
  }

  // ---- helpers -------------------------------------------------------------------------------------

  private Fleet startFleet(String scope) throws Exception {
    return startFleet(scope, THREADS);
  }

  private Fleet startFleet(String scope, int threads) throws Exception {
    Fleet fleet = new Fleet(redis, Map.of("SYNCFLEET_CONCURRENCY", Integer.toString(threads),
        WorkerConfig.RATE_LIMIT_SCOPE, scope));
    try {
      for (int i = 0; i < PROCESSES; i++) {
        fleet.startWorker();
      }
      fleet.awaitWorkers(PROCESSES);
      return fleet;
    } catch (Exception | Error e) {
      fleet.close();
      throw e;
    }
  }

  private static RecordingProxy startSim(EbaySimulator sim) throws Exception {
    sim.start(0);
    return new RecordingProxy(sim.baseUrl());
  }

  /** The simulator's connection for {@code tenant}, through {@code proxy} when given, with {@code extra} settings. */
  private static Connection ebay(EbaySimulator sim, RecordingProxy proxy, String tenant, Map<String, String> extra) {
    Connection c = sim.connection(tenant);
    Map<String, String> settings = new LinkedHashMap<>(c.settings());
    if (proxy != null) {
      settings.put(Connection.BASE_URL, proxy.baseUrl());
    }
    settings.putAll(extra);
    return new Connection(tenant, c.channel(), c.environment(), settings, c.secrets(), 1);
  }

  /** Upserts a listing per SKU and waits until the simulator has published them all. */
  private void seedListings(Fleet fleet, EbaySimulator sim, String tenant, List<String> skus) throws Exception {
    for (int from = 0; from < skus.size(); from += 1_000) {
      List<Listing> chunk = skus.subList(from, Math.min(skus.size(), from + 1_000)).stream()
          .map(Fleet::listing).toList();
      fleet.client().upsertListings(tenant, List.of(EBAY), chunk);
    }
    java.util.Set<String> wanted = java.util.Set.copyOf(skus);
    if (!Fleet.eventually(120_000, () -> sim.listings().values().stream()
        .filter(l -> l.published() && wanted.contains(l.sku())).count() >= wanted.size())) {
      throw new IllegalStateException("the simulator did not get all " + skus.size() + " listings of " + tenant);
    }
  }

  private static boolean awaitDrained(Fleet fleet, Lane lane, long millis) throws InterruptedException {
    return Fleet.eventually(millis, () -> drained(fleet, lane));
  }

  /** Whether nothing of the lane is waiting or being sent (it has left the set of active lanes). */
  private static boolean drained(Fleet fleet, Lane lane) {
    try (Jedis j = fleet.pool().getResource()) {
      return !j.sismember(fleet.keys().lanes(), lane.id());
    }
  }

  private static long waiting(Fleet fleet, Lane lane) {
    try (Jedis j = fleet.pool().getResource()) {
      return j.hlen(LaneKeys.of(fleet.keys(), lane).pending());
    }
  }

  private static long laneStat(Fleet fleet, Lane lane, String field) {
    try (Jedis j = fleet.pool().getResource()) {
      String v = j.hget(LaneKeys.of(fleet.keys(), lane).stats(), field);
      return v == null ? 0 : Long.parseLong(v);
    }
  }

  /** The five longest delays with their sample numbers (one sample per 100 ms), for reading a tail. */
  private static String slowest(List<Double> ms) {
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < ms.size(); i++) {
      order.add(i);
    }
    order.sort((x, y) -> Double.compare(value(ms.get(y)), value(ms.get(x))));
    StringBuilder out = new StringBuilder();
    for (int i : order.subList(0, Math.min(5, order.size()))) {
      out.append(out.length() == 0 ? "" : ", ").append(String.format(java.util.Locale.ROOT, "#%d: %.0f", i, ms.get(i)));
    }
    return out.toString();
  }

  private static double value(double ms) {
    return Double.isNaN(ms) ? Double.POSITIVE_INFINITY : ms;
  }

  private static List<String> skus(String prefix, int n) {
    String[] out = new String[n];
    Arrays.setAll(out, i -> prefix + i);
    return List.of(out);
  }

  private static String rate(double perSecond) {
    return String.format(java.util.Locale.ROOT, "%.0f/%d", perSecond, Math.max(1, (int) (perSecond / 10)));
  }

  private static int ceilDiv(int a, int b) {
    return (a + b - 1) / b;
  }

  private static void sleepUntil(long nanoTime) {
    long wait = nanoTime - System.nanoTime();
    if (wait > 0) {
      try {
        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  static double percentile(double[] sorted, int p) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
  }

  static void say(String format, Object... args) {
    System.out.println(String.format(java.util.Locale.ROOT, format, args));
  }
}
