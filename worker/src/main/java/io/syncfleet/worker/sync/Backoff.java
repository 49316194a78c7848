package io.syncfleet.worker.sync;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When to try again: exponential backoff with jitter (so a fleet's retries do not arrive together),
 * unless the marketplace said how long to wait, in which case its word wins.
 */
public final class Backoff {
  private static final Duration BASE = Duration.ofSeconds(2);
  private static final Duration CAP = Duration.ofMinutes(30);

  private Backoff() {}

  /** The wait before attempt {@code attempt + 1} (attempt counts from 0). */
  public static Duration after(int attempt, Duration retryAfter) {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    if (retryAfter != null) {
      // Spread a fleet's wake-ups over a tenth of the wait so they do not arrive as one burst.
      return retryAfter.plusMillis((long) (retryAfter.toMillis() * 0.1 * random.nextDouble()));
    }
    long base = BASE.toMillis() << Math.min(attempt, 20);
    long capped = Math.min(base, CAP.toMillis());
    return Duration.ofMillis(capped / 2 + (long) (capped / 2 * random.nextDouble()));
  }
}
