package io.syncfleet.worker.flow;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.syncfleet.producer.testing.TestRedis;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.JedisPool;

class CallLeasesTest {
  private TestRedis redis;
  private String key;

  @BeforeEach
  void setUp() {
    redis = TestRedis.open();
    key = redis.keys().callLeases("acme", "amazon");
  }

  @AfterEach
  void tearDown() {
    redis.close();
  }

  @Test
  void theCapHoldsAcrossProcessesUntilALeaseIsGivenBack() {
    try (JedisPool other = redis.settings().pool(2, 2000)) {
      CallLeases here = new CallLeases(redis.pool(), Duration.ofMinutes(1));
      CallLeases there = new CallLeases(other, Duration.ofMinutes(1));
      assertTrue(here.acquire(key, "a", 2));
      assertTrue(there.acquire(key, "b", 2));
      assertFalse(here.acquire(key, "c", 2), "two calls are running");
      there.release(key, "b");
      assertTrue(here.acquire(key, "c", 2));
    }
  }

  @Test
  void theLeaseOfAProcessThatDiedFreesItself() throws Exception {
    CallLeases leases = new CallLeases(redis.pool(), Duration.ofMillis(200));
    assertTrue(leases.acquire(key, "dead", 1));
    assertFalse(leases.acquire(key, "next", 1));
    Thread.sleep(300);
    assertTrue(leases.acquire(key, "next", 1), "the lease expired");
  }
}
