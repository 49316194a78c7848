package io.syncfleet.worker.faults;

import io.syncfleet.producer.redis.RedisSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The full fault suite, run with {@code ./syncfleet faults}: real worker processes, real Redis, the
 * simulated marketplaces; prints a Markdown table of what was injected and what came out. Needs
 * {@code redis-server} on the PATH for the restart scenario (it starts its own, with AOF).
 */
public final class FaultSuite {
  private FaultSuite() {}

  public static void main(String[] args) throws Exception {
    RedisSettings redis = RedisSettings.fromEnv();
    List<String> rows = new ArrayList<>();
    boolean ok = true;

    System.out.println("1/5 SIGKILL: 10,000 jobs, a worker killed at random 20 times ...");
    Scenarios.KillResult kill = Scenarios.sigkill(redis, 10_000, 20, 3, 1500);
    ok &= kill.lost() == 0 && kill.stateMatches() && kill.dead() == 0;
    rows.add(row("%,d jobs, 3 workers, SIGKILL x%d at random", kill.jobs(), kill.kills())
        + cells("jobs lost %d; dead %d; marketplace state %s (%.0f s)", kill.lost(), kill.dead(),
            kill.stateMatches() ? "matches" : "DIFFERS", kill.seconds())
        + " 0 lost, state matches |");

    System.out.println("2/5 Redis restarted twice (AOF) during 3,000 jobs ...");
    if (Scenarios.redisServerAvailable()) {
      Scenarios.RestartResult restart = Scenarios.redisRestarts(3_000, 2);
      ok &= restart.lost() == 0 && restart.maxRecoverySeconds() <= 5;
      rows.add(row("%,d jobs, Redis restarted x%d with AOF", restart.jobs(), restart.restarts())
          + cells("jobs lost %d; dead %d; workers back after %.1f s at most", restart.lost(), restart.dead(),
              restart.maxRecoverySeconds())
          + " 0 lost, back within 5 s |");
    } else {
      ok = false;
      rows.add("| Redis restarts | not run: redis-server is not installed | |");
    }

    System.out.println("3/5 one marketplace down (503) for 60 s, another throttling hard, a third healthy ...");
    Scenarios.OutageResult outage = Scenarios.outage(redis, 60);
    ok &= outage.deadFromOutage() == 0 && outage.healthyP99Seconds() <= 5
        && outage.failingJobsDone() == outage.failingJobs() && outage.throttledDone() == outage.throttledJobs();
    rows.add(row("eBay A answers 503 for 60 s, Shopify throttles to 2 calls/s, eBay B healthy")
        + cells("healthy delay p99 %.2f s, max %.2f s (%d jobs); dead from the outage %d; after recovery "
            + "%d/%d failing and %d/%d throttled jobs done", outage.healthyP99Seconds(), outage.healthyMaxSeconds(),
            outage.healthyJobs(), outage.deadFromOutage(), outage.failingJobsDone(), outage.failingJobs(),
            outage.throttledDone(), outage.throttledJobs())
        + " healthy within a few s; 0 dead; all done |");

    System.out.println("4/5 malformed input ...");
    Scenarios.MalformedResult bad = Scenarios.malformed(redis);
    ok &= bad.recorded() == bad.kinds() && bad.withReason() == bad.kinds() && bad.workerAlive() && bad.goodJobAfter();
    rows.add(row("%d kinds of malformed input", bad.kinds())
        + cells("%d in the dead set, %d with a reason; worker %s; next good job %s", bad.recorded(),
            bad.withReason(), bad.workerAlive() ? "alive" : "DIED", bad.goodJobAfter() ? "done" : "NOT DONE")
        + " all recorded, no crash |");

    System.out.println("5/5 SIGTERM during load ...");
    Scenarios.TermResult term = Scenarios.sigterm(redis, 1_000);
    ok &= term.inflightAfter() == 0 && term.doneBeforeExit() + term.handedBack() == term.jobs()
        && term.doneInTheEnd() == term.jobs();
    rows.add(row("SIGTERM to a busy worker (%,d jobs)", term.jobs())
        + cells("%d done before exit, %d waiting (handed back or never started), %d left in flight; "
            + "all %d done by the next worker", term.doneBeforeExit(), term.handedBack(), term.inflightAfter(),
            term.doneInTheEnd())
        + " nothing lost, nothing in flight |");

    System.out.println();
    System.out.println("| Fault | Result | Goal |");
    System.out.println("|---|---|---|");
    rows.forEach(System.out::println);
    System.out.println();
    System.out.println(ok ? "fault suite: every goal met" : "fault suite: GOALS MISSED");
    System.exit(ok ? 0 : 1);
  }

  private static String row(String format, Object... args) {
    return "| " + String.format(Locale.ROOT, format, args) + " |";
  }

  private static String cells(String format, Object... args) {
    return " " + String.format(Locale.ROOT, format, args) + " |";
  }
}
