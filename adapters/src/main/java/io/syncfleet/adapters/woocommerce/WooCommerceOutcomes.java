package io.syncfleet.adapters.woocommerce;

import io.syncfleet.adapters.BatchResult;
import io.syncfleet.adapters.ItemOutcome;
import io.syncfleet.adapters.failure.AuthenticationFailure;
import io.syncfleet.adapters.failure.RateLimitedFailure;
import io.syncfleet.adapters.failure.SyncFailure;
import io.syncfleet.producer.job.Item;
import java.util.Arrays;
import java.util.List;

/**
 * The outcome of each item of a job that takes several calls, by position; the first outcome set
 * for an item stands. When a call fails for a passing reason part-way, {@link #interrupt} decides:
 * with nothing done yet the failure is the whole job's and is thrown (the worker backs off the
 * connection); otherwise the items still open come back THROTTLED (the shop refused before doing
 * them, so the attempt is free) or, after any other passing fault, RETRY, and what is done stays done.
 */
final class WooCommerceOutcomes {
  private final List<? extends Item> items;
  private final ItemOutcome[] outcomes;

  WooCommerceOutcomes(List<? extends Item> items) {
    this.items = items;
    this.outcomes = new ItemOutcome[items.size()];
  }

  String sku(int index) {
    return items.get(index).sku();
  }

  boolean isOpen(int index) {
    return outcomes[index] == null;
  }

  /** Sets the item's outcome unless it has one. */
  void set(int index, ItemOutcome outcome) {
    if (outcomes[index] == null) {
      outcomes[index] = outcome;
    }
  }

  void failed(int index, String code, String message) {
    set(index, ItemOutcome.failed(sku(index), code, message));
  }

  /** Settles the open items after {@code failure}, or throws it when nothing is done yet. */
  void interrupt(SyncFailure failure) {
    boolean anyDone = Arrays.stream(outcomes).anyMatch(o -> o != null && o.status() == ItemOutcome.Status.DONE);
    if (!anyDone || failure instanceof AuthenticationFailure) {
      throw failure;
    }
    for (int i = 0; i < outcomes.length; i++) {
      set(i, failure instanceof RateLimitedFailure r
          ? ItemOutcome.throttled(sku(i), failure.code(), failure.getMessage(), r.retryAfter().orElse(null))
          : ItemOutcome.retry(sku(i), failure.code(), failure.getMessage(), null));
    }
  }

  /** One outcome per item, in the job's order. */
  BatchResult result() {
    for (int i = 0; i < outcomes.length; i++) {
      if (outcomes[i] == null) {
        throw new IllegalStateException("no outcome for item " + i + " (" + sku(i) + ")");
      }
    }
    return new BatchResult(List.of(outcomes));
  }
}
