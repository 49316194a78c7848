package io.syncfleet.worker.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.syncfleet.demo.sim.EbaySimulator;
import io.syncfleet.producer.SyncfleetClient;
import io.syncfleet.producer.connection.Connection;
import io.syncfleet.producer.job.Listing;
import io.syncfleet.producer.job.StockLevel;
import io.syncfleet.producer.redis.RedisSettings;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.Test;

/**
 * Flow control across real worker processes: two processes of four threads share one connection's
 * rate limit, and a stream of ever-newer stock levels for the same SKUs reaches the marketplace
 * without an older value ever written after a newer one. The same run with per-process limits
 * shows the test would see a broken limit.
 */
class FlowAcrossProcessesTest {
  private static final String TENANT = "acme";
  private static final int SKUS = 75;
  private static final double RATE = 4;
  private static final long MEASURE_MS = 6_000;

  private final RedisSettings redis = RedisSettings.fromEnv();

  @Test
  void twoProcessesTogetherKeepTheConnectionsRateAndNeverWriteAnOlderValue() throws Exception {
    Run run = run("fleet");
    double allowed = RATE * run.seconds + 2; // the burst, and one call of clock slack
    assertTrue(run.calls <= allowed, run.calls + " bulk calls in " + run.seconds + " s; the limit allows "
        + allowed);
    // Loose on purpose: a busy CI machine slows the workers, never the limit.
    assertTrue(run.calls >= RATE * run.seconds * 0.6, "the allowance is used: " + run.calls + " calls");
    assertEquals(List.of(), run.backwards, "stock levels written out of order");
    assertEquals(run.last, run.landed, "every SKU ends at its last value");
  }

  @Test
  void perProcessLimitsLetTwoProcessesExceedTheRate() throws Exception {
    Run run = run("process");
    assertTrue(run.calls > RATE * run.seconds + 2, "two processes limiting themselves send more than the "
        + "shared limit allows: " + run.calls + " calls in " + run.seconds + " s");
  }

  private record Run(int calls, double seconds, List<String> backwards, Map<String, Integer> last,
      Map<String, Integer> landed) {}

  private Run run(String scope) throws Exception {
    try (EbaySimulator ebay = new EbaySimulator();
        Fleet fleet = new Fleet(redis, Map.of("SYNCFLEET_CONCURRENCY", "4",
            "SYNCFLEET_RATE_LIMIT_SCOPE", scope))) {
      ebay.start(0);
      Connection c = ebay.connection(TENANT);
      Map<String, String> settings = new LinkedHashMap<>(c.settings());
      settings.put("rate.upsert_listings", "100/100");
      settings.put("rate.update_stock", RATE + "/1");
      fleet.connect(new Connection(c.tenant(), c.channel(), c.environment(), settings, c.secrets(), c.version()));
      fleet.startWorker();
      fleet.startWorker();
      fleet.awaitWorkers(2);

      List<Listing> listings = new ArrayList<>();
      for (int i = 0; i < SKUS; i++) {
        listings.add(Fleet.listing("SKU-" + i));
      }
      fleet.client().upsertListings(TENANT, List.of("ebay"), listings);
      assertTrue(Fleet.eventually(30_000, () -> ebay.listings().values().stream().filter(l -> l.published())
          .count() == SKUS), "listings published");

      Map<String, Integer> newest = new ConcurrentHashMap<>();
      List<String> backwards = new ArrayList<>();
      ebay.watchQuantities((sku, quantity) -> {
        Integer before = newest.put(sku, quantity);
        if (before != null && before > quantity) {
          synchronized (backwards) {
            backwards.add(sku + ": " + quantity + " after " + before);
          }
        }
      });
      ConcurrentLinkedQueue<Long> bulkCalls = new ConcurrentLinkedQueue<>();
      ebay.watchCalls((path, throttled) -> {
        if (path.endsWith("bulk_update_price_quantity") && !throttled) {
          bulkCalls.add(System.nanoTime());
        }
      });

      // A new stock level for every SKU every 50 ms, with no coalescing window (each wave is due at
      // once): far more than the rate sends, so the limit is what paces the calls.
      SyncfleetClient eager = new SyncfleetClient(fleet.pool(), fleet.keys(), Clock.systemUTC(), Duration.ZERO);
      Map<String, Integer> last = new LinkedHashMap<>();
      long start = System.nanoTime();
      int value = 0;
      while (System.nanoTime() - start < (MEASURE_MS + 1_000) * 1_000_000L) {
        value++;
        List<StockLevel> levels = new ArrayList<>();
        for (int i = 0; i < SKUS; i++) {
          levels.add(StockLevel.of("SKU-" + i, value));
          last.put("SKU-" + i, value);
        }
        eager.setStock(TENANT, List.of("ebay"), levels);
        Thread.sleep(50);
      }
      // Calls counted after the first second, when offer lookups of both processes are done.
      long from = start + 1_000_000_000L;
      long to = start + (MEASURE_MS + 1_000) * 1_000_000L;
      int calls = (int) bulkCalls.stream().filter(t -> t >= from && t < to).count();
      Map<String, Integer> landed = new LinkedHashMap<>();
      if (scope.equals("fleet")) {
        assertTrue(Fleet.eventually(60_000, () -> fleet.pending() == 0), "every change sent");
        for (String sku : last.keySet()) {
          landed.put(sku, ebay.listing(sku).orElseThrow().quantity());
        }
      }
      return new Run(calls, MEASURE_MS / 1000.0, backwards, last, landed);
    }
  }
}
