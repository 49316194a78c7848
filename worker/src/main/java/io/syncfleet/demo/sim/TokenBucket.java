package io.syncfleet.demo.sim;

import java.time.Duration;

/** The simulated marketplace's own rate limit: a token bucket refilled continuously. */
final class TokenBucket {
  private double ratePerSecond;
  private double capacity;
  private double tokens;
  private long lastNanos = System.nanoTime();

  synchronized void configure(double perSecond, int burst) {
    this.ratePerSecond = perSecond;
    this.capacity = Math.max(1, burst);
    this.tokens = capacity;
    this.lastNanos = System.nanoTime();
  }

  /** Null when a call may go now; otherwise how long until a token is there. */
  synchronized Duration tryAcquire() {
    if (ratePerSecond <= 0) {
      return null;
    }
    long now = System.nanoTime();
    tokens = Math.min(capacity, tokens + (now - lastNanos) / 1e9 * ratePerSecond);
    lastNanos = now;
    if (tokens >= 1) {
      tokens -= 1;
      return null;
    }
    return Duration.ofNanos((long) ((1 - tokens) / ratePerSecond * 1e9));
  }
}
