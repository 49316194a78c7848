package io.syncfleet.adapters.meta;

import io.syncfleet.adapters.failure.TransientFailure;
import java.time.Duration;
import java.util.Collections;
import java.util.List;

/**
 * How long a batch call waits for Meta to finish a batch before handing its items back. Meta applies
 * a batch in the background and says how it ended only through its status [V]; a batch of a few
 * hundred items usually ends within seconds [U]. Waiting here, a bounded ~30 s of growing pauses
 * well inside the worker's call timeout, settles most batches in one job; a batch still at work after
 * that comes back as RETRY with its handle, and the rerun sends it again, which is harmless because
 * every request is an idempotent UPDATE or DELETE.
 *
 * @param waits      the pauses before each status check
 * @param stillBusy  the wait asked for when Meta is still at work after the last check
 */
record MetaPolling(List<Duration> waits, Duration stillBusy) {
  /** The production schedule: checks after 1, 3, 6, 11, 19 and 29 seconds, then a minute's rest. */
  static final MetaPolling STANDARD = new MetaPolling(List.of(Duration.ofSeconds(1), Duration.ofSeconds(2),
      Duration.ofSeconds(3), Duration.ofSeconds(5), Duration.ofSeconds(8), Duration.ofSeconds(10)),
      Duration.ofMinutes(1));

  MetaPolling {
    waits = List.copyOf(waits);
  }

  /** {@code checks} status checks without pauses, for tests. */
  static MetaPolling immediate(int checks) {
    return new MetaPolling(Collections.nCopies(checks, Duration.ZERO), Duration.ofMinutes(1));
  }

  /** Pauses for {@code wait}; an interrupt (the worker's call timeout) ends the call as a passing fault. */
  void pause(Duration wait) {
    if (wait.isZero()) {
      return;
    }
    try {
      Thread.sleep(wait.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TransientFailure("interrupted while waiting for Meta's batch status", 0, "interrupted", e);
    }
  }
}
