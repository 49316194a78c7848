package io.syncfleet.worker.flow;

import dev.failsafe.RateLimiter;
import io.syncfleet.adapters.RatePlan;
import io.syncfleet.adapters.http.Allowance;
import io.syncfleet.producer.job.Queue;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * A limiter that counts in this process only (Failsafe's smooth rate limiter per bucket): right for
 * a single worker process, and the baseline the benchmark compares the fleet-wide one with, since
 * every process added multiplies what the marketplace sees.
 */
public final class ProcessLimiter implements Limiter {
  private final ConcurrentMap<String, RateLimiter<Object>> limiters = new ConcurrentHashMap<>();

  @Override
  public long take(String bucket, RatePlan plan, Queue priority) {
    RateLimiter<Object> limiter = limiters.computeIfAbsent(bucket + "@" + plan.permitsPerSecond(),
        k -> RateLimiter.smoothBuilder(Duration.ofNanos((long) (1e9 / plan.permitsPerSecond()))).build());
    Duration wait = limiter.tryReservePermit(LONGEST_WAIT);
    return wait.isNegative() ? -LONGEST_WAIT.toMillis() : wait.toMillis();
  }

  @Override
  public void throttled(String bucket, RatePlan plan, Duration wait) {
    // Each process learns only from its own 429s, which the worker already honours per job.
  }

  @Override
  public void observed(String bucket, RatePlan plan, Allowance allowance) {
    // Nothing shared to correct.
  }
}
