package io.syncfleet.worker.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.syncfleet.adapters.RatePlan;
import io.syncfleet.adapters.http.Allowance;
import io.syncfleet.producer.job.Queue;
import io.syncfleet.producer.testing.TestRedis;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.JedisPool;

/** The fleet-wide limiter against a real Redis, with limiters on separate pools as separate processes. */
class FleetLimiterTest {
  private static final RatePlan TEN_A_SECOND = new RatePlan(10, 2, "test");

  private TestRedis redis;
  private String bucket;

  @BeforeEach
  void setUp() {
    redis = TestRedis.open();
    bucket = redis.keys().bucket("acme", "ebay", "update_stock");
  }

  @AfterEach
  void tearDown() {
    redis.close();
  }

  @Test
  void aBurstGoesAtOnceThenSlotsAreReservedAtTheRate() {
    FleetLimiter limiter = new FleetLimiter(redis.pool());
    assertEquals(0, limiter.take(bucket, TEN_A_SECOND, Queue.URGENT));
    assertEquals(0, limiter.take(bucket, TEN_A_SECOND, Queue.URGENT));
    long third = limiter.take(bucket, TEN_A_SECOND, Queue.URGENT);
    long fourth = limiter.take(bucket, TEN_A_SECOND, Queue.URGENT);
    assertTrue(third > 50 && third <= 100, "the third waits one interval, was " + third);
    assertTrue(fourth > 150 && fourth <= 200, "the fourth two, was " + fourth);
  }

  @Test
  void bulkWorkLeavesHalfTheBurstToUpdates() {
    FleetLimiter limiter = new FleetLimiter(redis.pool());
    RatePlan plan = new RatePlan(1, 4, "test");
    assertEquals(0, limiter.take(bucket, plan, Queue.BULK));
    assertEquals(0, limiter.take(bucket, plan, Queue.BULK));
    long third = limiter.take(bucket, plan, Queue.BULK);
    assertTrue(third > 900, "bulk has used its half and waits a second, was " + third);
    assertEquals(0, limiter.take(bucket, plan, Queue.URGENT), "an update still goes at once");
  }

  @Test
  void aSlotTooFarAwayIsNotReservedAndSaysWhenToComeBack() {
    FleetLimiter limiter = new FleetLimiter(redis.pool());
    RatePlan slow = new RatePlan(0.2, 1, "test");
    assertEquals(0, limiter.take(bucket, slow, Queue.URGENT));
    long back = limiter.take(bucket, slow, Queue.URGENT);
    assertTrue(back < -4_000 && back >= -5_000, "come back in about 5 s, was " + back);
    assertTrue(limiter.take(bucket, slow, Queue.URGENT) < -4_000, "nothing was reserved by asking");
  }

  @Test
  void aThrottleFromAnyProcessHoldsBackEveryOne() {
    try (JedisPool other = redis.settings().pool(4, 2000)) {
      FleetLimiter here = new FleetLimiter(redis.pool());
      FleetLimiter there = new FleetLimiter(other);
      there.throttled(bucket, TEN_A_SECOND, Duration.ofSeconds(3));
      long back = here.take(bucket, TEN_A_SECOND, Queue.URGENT);
      assertTrue(back < -2_500, "no call before the marketplace's wait is over, was " + back);
    }
  }

  @Test
  void anAllowanceReportedLowerThanOursCorrectsTheBucket() {
    FleetLimiter limiter = new FleetLimiter(redis.pool());
    RatePlan plan = new RatePlan(10, 10, "test");
    limiter.observed(bucket, plan, new Allowance(0.0, 40.0, null, null));
    long wait = limiter.take(bucket, plan, Queue.URGENT);
    assertTrue(wait >= 50, "nothing left means the next call waits for a refill, was " + wait);

    String other = redis.keys().bucket("acme", "ebay", "update_prices");
    limiter.observed(other, plan, new Allowance(0.0, 40.0, null, Duration.ofSeconds(4)));
    assertTrue(limiter.take(other, plan, Queue.URGENT) < -3_000, "a reset time drains until then");
  }

  @Test
  void limitersInTwoProcessesTogetherKeepOneRate() throws Exception {
    try (JedisPool other = redis.settings().pool(8, 2000)) {
      List<FleetLimiter> processes = List.of(new FleetLimiter(redis.pool()), new FleetLimiter(other));
      RatePlan plan = new RatePlan(20, 1, "test");
      ConcurrentLinkedQueue<Long> starts = new ConcurrentLinkedQueue<>();
      long begin = System.nanoTime();
      long end = begin + 2_000_000_000L;
      List<Thread> threads = new ArrayList<>();
      for (FleetLimiter limiter : processes) {
        for (int t = 0; t < 4; t++) {
          Thread thread = new Thread(() -> {
            while (System.nanoTime() < end) {
              long wait = limiter.take(bucket, plan, Queue.URGENT);
              try {
                Thread.sleep(Math.abs(wait));
              } catch (InterruptedException e) {
                return;
              }
              if (wait >= 0) {
                starts.add(System.nanoTime());
              }
            }
          });
          threads.add(thread);
          thread.start();
        }
      }
      for (Thread thread : threads) {
        thread.join();
      }
      long inWindow = starts.stream().filter(t -> t < end).count();
      assertTrue(inWindow <= 20 * 2 + 2, inWindow + " calls started in 2 s at 20/s");
      assertTrue(inWindow >= 20 * 2 * 0.9, "and the rate is used: " + inWindow);
    }
  }
}
