package io.syncfleet.worker.flow;

import io.syncfleet.adapters.RatePlan;
import io.syncfleet.adapters.http.Allowance;
import io.syncfleet.producer.job.Queue;
import io.syncfleet.producer.redis.Script;
import java.time.Duration;
import java.util.List;
import java.util.OptionalDouble;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;

/**
 * The limiter shared by every worker process: one GCRA bucket per connection and operation in
 * Redis (one script call per marketplace call), so adding processes adds no calls. A 429 or an
 * allowance report from any process holds back the whole fleet.
 */
public final class FleetLimiter implements Limiter {
  private static final Script TAKE = Script.load("take");

  private final JedisPool pool;

  public FleetLimiter(JedisPool pool) {
    this.pool = pool;
  }

  @Override
  public long take(String bucket, RatePlan plan, Queue priority) {
    return run(bucket, plan, "take", Integer.toString(Limiter.burstFor(plan, priority)),
        Long.toString(LONGEST_WAIT.toMillis()));
  }

  @Override
  public void throttled(String bucket, RatePlan plan, Duration wait) {
    run(bucket, plan, "drain", Long.toString(Math.max(0, wait.toMillis())), "0");
  }

  @Override
  public void observed(String bucket, RatePlan plan, Allowance allowance) {
    if (allowance.remaining() != null && allowance.remaining() <= 0 && allowance.resetIn() != null) {
      throttled(bucket, plan, allowance.resetIn());
      return;
    }
    OptionalDouble fraction = allowance.fractionLeft();
    if (fraction.isPresent()) {
      // Units differ per marketplace (calls, cost points): the share left maps onto our own burst.
      long left = (long) Math.floor(fraction.getAsDouble() * plan.burst());
      run(bucket, plan, "left", Long.toString(left), "0");
    }
  }

  private long run(String bucket, RatePlan plan, String mode, String arg4, String arg5) {
    try (Jedis jedis = pool.getResource()) {
      Object r = TAKE.eval(jedis, List.of(bucket), List.of(mode, interval(plan), Integer.toString(plan.burst()),
          arg4, arg5));
      return (Long) r;
    }
  }

  private static String interval(RatePlan plan) {
    return String.format(java.util.Locale.ROOT, "%.4f", 1000.0 / plan.permitsPerSecond());
  }
}
