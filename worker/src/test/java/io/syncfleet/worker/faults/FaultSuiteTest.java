package io.syncfleet.worker.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.syncfleet.producer.redis.RedisSettings;
import org.junit.jupiter.api.Test;

/**
 * The faster parts of the fault suite ({@code ./syncfleet faults} runs it at full size): real worker
 * processes, real Redis, simulated marketplaces.
 */
class FaultSuiteTest {
  private final RedisSettings redis = RedisSettings.fromEnv();

  @Test
  void everyKindOfMalformedInputIsRecordedAndTheWorkerCarriesOn() throws Exception {
    Scenarios.MalformedResult r = Scenarios.malformed(redis);
    assertTrue(r.kinds() >= 50, "at least 50 kinds, was " + r.kinds());
    assertEquals(r.kinds(), r.recorded(), "every bad input is in the dead set");
    assertEquals(r.kinds(), r.withReason(), "each with a reason");
    assertTrue(r.workerAlive(), "the worker survived");
    assertTrue(r.goodJobAfter(), "and still runs good jobs");
  }

  @Test
  void sigkilledWorkersLoseNothing() throws Exception {
    Scenarios.KillResult r = Scenarios.sigkill(redis, 400, 3, 2, 1500);
    assertEquals(3, r.kills());
    assertEquals(0, r.lost(), "jobs lost");
    assertEquals(0, r.dead());
    assertTrue(r.stateMatches(), "the marketplace holds exactly what was sent");
  }

  @Test
  void sigtermFinishesOrHandsBackEverything() throws Exception {
    Scenarios.TermResult r = Scenarios.sigterm(redis, 150);
    assertEquals(0, r.inflightAfter(), "nothing left in flight by the stopped worker");
    assertEquals(r.jobs(), r.doneBeforeExit() + r.handedBack(), "every job is done or waiting");
    assertEquals(r.jobs(), r.doneInTheEnd());
    assertEquals(0, r.dead());
  }

  @Test
  void aRedisRestartLosesNothingWithAof() throws Exception {
    assertTrue(Scenarios.redisServerAvailable(), "redis-server must be installed (.ci/run installs it)");
    Scenarios.RestartResult r = Scenarios.redisRestarts(300, 1);
    assertEquals(0, r.lost(), "jobs lost");
    assertEquals(0, r.dead());
    assertTrue(r.maxRecoverySeconds() <= 5, "workers back within 5 s, took " + r.maxRecoverySeconds());
  }
}
