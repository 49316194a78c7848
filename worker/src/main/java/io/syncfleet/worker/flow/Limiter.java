package io.syncfleet.worker.flow;

import io.syncfleet.adapters.RatePlan;
import io.syncfleet.adapters.http.Allowance;
import io.syncfleet.producer.job.Queue;
import java.time.Duration;

/** Where a worker asks leave to call a marketplace, and tells what the marketplace said about it. */
public interface Limiter {
  /** The longest a caller waits for a reserved slot; a later slot sends the work back to wait. */
  Duration LONGEST_WAIT = Duration.ofSeconds(2);

  /**
   * Takes a slot in the bucket {@code bucket} (one per connection and operation) under {@code plan}.
   * Returns the ms to wait before calling (the slot is reserved), or a negative number: no slot
   * within {@link #LONGEST_WAIT}, come back after that many ms (nothing reserved).
   */
  long take(String bucket, RatePlan plan, Queue priority);

  /** The marketplace said wait {@code wait}: no call on this bucket starts before then. */
  void throttled(String bucket, RatePlan plan, Duration wait);

  /** The marketplace reported its allowance: spend no more than it says is left. */
  void observed(String bucket, RatePlan plan, Allowance allowance);

  /** The burst a priority class may use: bulk work leaves half of it for updates. */
  static int burstFor(RatePlan plan, Queue priority) {
    return priority == Queue.BULK ? Math.max(1, plan.burst() / 2) : Math.max(1, plan.burst());
  }
}
