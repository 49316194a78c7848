package io.syncfleet.worker.bench;

import io.syncfleet.demo.sim.SimulatedMarketplace;
import io.syncfleet.producer.lane.Lanes;
import io.syncfleet.producer.redis.RedisSettings;
import io.syncfleet.worker.bench.FlowScenarios.BulkResult;
import io.syncfleet.worker.bench.FlowScenarios.Channel;
import io.syncfleet.worker.bench.FlowScenarios.CoalesceResult;
import io.syncfleet.worker.bench.FlowScenarios.Latencies;
import io.syncfleet.worker.bench.FlowScenarios.LimitAndCoalesce;
import io.syncfleet.worker.bench.FlowScenarios.LimitResult;
import io.syncfleet.worker.bench.FlowScenarios.PriorityResult;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The flow-control benchmark, run with {@code ./syncfleet bench flow [--quick]}: limit efficiency
 * (fleet-wide against per-process limiting), coalescing, priority and fairness beside a large
 * resync, and a bulk resync to two channels, against simulated marketplaces with real worker
 * processes. Prints a Markdown table and exits 1 when a goal is missed. {@code --quick} shortens
 * every part for a smoke run; its figures are not the benchmark's.
 */
public final class FlowBenchmark {
  private FlowBenchmark() {}

  public static void main(String[] args) throws Exception {
    // Before the recording proxy's server starts: the JDK reads the setting once per process.
    SimulatedMarketplace.answerPromptly();
    boolean quick = Arrays.asList(args).contains("--quick");
    RedisSettings redis = RedisSettings.fromEnv();
    FlowScenarios scenarios = new FlowScenarios(redis, quick);
    System.out.printf(Locale.ROOT, "Syncfleet flow-control benchmark%s: Redis %s, %d cores, Java %s, "
        + "%d worker processes x %d threads%n", quick ? " (quick)" : "", redis.describe(),
        Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), FlowScenarios.PROCESSES,
        FlowScenarios.THREADS);
    long start = System.nanoTime();

    System.out.println("1+2/4 limit efficiency (fleet-wide limiter), then coalescing on the same fleet ...");
    LimitAndCoalesce first = scenarios.limitThenCoalesce();
    System.out.println("3/4 priority and fairness beside a resync ...");
    PriorityResult priority = scenarios.priority();
    System.out.println("4/4 bulk resync to two channels ...");
    BulkResult bulk = scenarios.bulk();
    System.out.println("1/4 again with per-process limiting, for comparison ...");
    LimitResult perProcess = scenarios.limitPerProcess();

    List<String> rows = new ArrayList<>();
    boolean ok = true;
    LimitResult fleet = first.limit();
    boolean efficient = fleet.efficiency() >= 0.95;
    boolean few429 = fleet.throttledShare() <= 0.01;
    ok &= efficient && few429;
    rows.add(row("1. Limit efficiency: %d processes x %d threads, limit %d calls/s (burst %d), %.0f s",
        FlowScenarios.PROCESSES, FlowScenarios.THREADS, FlowScenarios.LIMIT_RATE, FlowScenarios.LIMIT_BURST,
        fleet.seconds())
        + cell("%,d calls accepted = %.1f%% of %d/s x %.0f s", fleet.accepted(), 100 * fleet.efficiency(),
            FlowScenarios.LIMIT_RATE, fleet.seconds())
        + cell(">= 95%%") + met(efficient));
    rows.add(row("1. 429 answers, fleet-wide limiter")
        + cell("%,d of %,d calls = %.2f%%", fleet.throttled(), fleet.calls(), 100 * fleet.throttledShare())
        + cell("<= 1%%") + met(few429));
    rows.add(row("1. Same fleet, each process limiting itself (%s)", "SYNCFLEET_RATE_LIMIT_SCOPE=process")
        + cell("%,d of %,d calls answered 429 = %.1f%%; %,d accepted = %.1f%% of the limit", perProcess.throttled(),
            perProcess.calls(), 100 * perProcess.throttledShare(), perProcess.accepted(),
            100 * perProcess.efficiency())
        + cell("(comparison)") + cell(""));

    CoalesceResult c = first.coalesce();
    ok &= c.met();
    rows.add(row("2. Coalescing: %,d stock changes over %,d SKUs in one burst (offered in %.2f s)", c.changes(),
        c.skus(), c.offerSeconds())
        + cell("%d bulk calls (%d offer lookups, %d 429s); %,d of %,d SKUs at their last value", c.bulkCalls(),
            c.lookups(), c.throttled(), c.atLastValue(), c.skus())
        + cell("<= %d calls (1.2 x %d); all at last value", c.allowedCalls(),
            (int) Math.ceil(c.skus() / (double) FlowScenarios.EBAY_BATCH))
        + met(c.met()));

    ok &= priority.a().met() && priority.b().met();
    rows.add(row("3. Priority: tenant A's stock changes while A's %,d-listing resync drains", priority.resyncSize())
        + cell("%s", latencies(priority.a()))
        + cell("p99 <= 1 s") + met(priority.a().met()));
    rows.add(row("3. Fairness: tenant B's stock changes meanwhile")
        + cell("%s", latencies(priority.b()))
        + cell("p99 <= 1 s") + met(priority.b().met()));

    ok &= bulk.met();
    Channel e = bulk.channels().get(FlowScenarios.EBAY);
    Channel s = bulk.channels().get(FlowScenarios.SHOPIFY);
    String outcome = bulk.finished()
        ? String.format(Locale.ROOT, "%.1f s", bulk.elapsedSeconds())
        : String.format(Locale.ROOT, "not finished after %.0f s: eBay %,d and Shopify %,d of %,d stored "
            + "(%.1f and %.1f jobs/s against limits of %.0f and %.0f); at that pace %s", bulk.elapsedSeconds(),
            e.stored(), s.stored(), bulk.products(), jobsPerSecond(bulk, e), jobsPerSecond(bulk, s), e.jobRate(),
            s.jobRate(), pace(bulk, e, s));
    rows.add(row("4. Bulk: %,d products to eBay and Shopify, 20 ms a call", bulk.products())
        + cell("%s; minimum by the job rates %.1f s", outcome, bulk.minimumSeconds())
        + cell("<= %.1f s (1.25 x minimum)", 1.25 * bulk.minimumSeconds()) + met(bulk.met()));

    System.out.println();
    System.out.println("| Benchmark | Measured | Goal | Met |");
    System.out.println("|---|---|---|---|");
    rows.forEach(System.out::println);
    System.out.println();
    System.out.println("Notes:");
    note("- Parts 1-2: one eBay simulator limited to %d calls/s (burst %d), connection setting "
        + "rate.update_stock=%d/%d. Offer-id caches warmed before measuring (%,d of %,d lookups with the fleet-wide "
        + "limiter, %,d of %,d per-process); %,d lookups fell in the window.", FlowScenarios.LIMIT_RATE,
        FlowScenarios.LIMIT_BURST, FlowScenarios.LIMIT_RATE, FlowScenarios.LIMIT_BURST, fleet.warmLookups(),
        fleet.warmNeeded(), perProcess.warmLookups(), perProcess.warmNeeded(), fleet.lookups());
    note("- Part 2: two producers, one call per round of their SKUs. A SKU that keeps changing is still sent "
        + "every %d s at least (the lanes' longest linger), so a burst offered over longer than that is sent twice.",
        Lanes.LONGEST_LINGER.toSeconds());
    note("- Part 3: two eBay simulators (one per tenant), 20 ms a call, no simulator limit, rate.upsert_listings=10/4 "
        + "and rate.update_stock=20/10. The resync was offered in %.1f s and stored %,d listings during the %.0f s "
        + "measured. Delays include the %d ms coalescing window.", priority.resyncOfferSeconds(),
        priority.resyncStoredInWindow(), priority.windowSeconds(), Lanes.DEFAULT_WINDOW.toMillis());
    note("- Part 4: simulator limits set high in calls (eBay %,d/s, Shopify %,d/s) so that the connections' "
        + "rate.upsert_listings (eBay %.0f jobs/s of %d listings, Shopify %.0f jobs/s of %d) is the binding limit; "
        + "concurrency=%d on both, %d threads per process; elapsed counts from the first offer. The rates are "
        + "sized for about %.0f calls/s in all, which a 2-core machine serves with room to spare, so the limits "
        + "bind, not the machine.", e.callLimit(), s.callLimit(), e.jobRate(),
        e.batch(), s.jobRate(), s.batch(), FlowScenarios.PROCESSES * FlowScenarios.BULK_THREADS,
        FlowScenarios.BULK_THREADS, e.jobRate() * (1 + 3 * e.batch()) + s.jobRate() * (2 + s.batch()));
    System.out.printf(Locale.ROOT, "Whole run %.0f s.%n", (System.nanoTime() - start) / 1e9);
    System.out.println(ok ? "flow benchmark: every goal met" : "flow benchmark: GOALS MISSED");
    System.exit(ok ? 0 : 1);
  }

  /** The slowest channel's projected total time at the rate it stored products. */
  private static String pace(BulkResult bulk, Channel... channels) {
    double worst = 0;
    for (Channel ch : channels) {
      double perSecond = ch.stored() / bulk.elapsedSeconds();
      worst = Math.max(worst, perSecond <= 0 ? Double.POSITIVE_INFINITY : bulk.products() / perSecond);
    }
    return String.format(Locale.ROOT, "the run would take ~%,.0f s", worst);
  }

  private static double jobsPerSecond(BulkResult bulk, Channel ch) {
    return ch.stored() / (double) ch.batch() / bulk.elapsedSeconds();
  }

  private static String latencies(Latencies l) {
    return String.format(Locale.ROOT, "p50 %.0f ms, p99 %.0f ms, max %.0f ms (%d changes%s)", l.p50(), l.p99(),
        l.max(), l.samples(), l.missing() == 0 ? "" : ", " + l.missing() + " never arrived");
  }

  private static void note(String format, Object... args) {
    System.out.println(String.format(Locale.ROOT, format, args));
  }

  private static String row(String format, Object... args) {
    return "| " + String.format(Locale.ROOT, format, args) + " |";
  }

  private static String cell(String format, Object... args) {
    return " " + String.format(Locale.ROOT, format, args) + " |";
  }

  private static String met(boolean met) {
    return met ? " yes |" : " **no** |";
  }
}
