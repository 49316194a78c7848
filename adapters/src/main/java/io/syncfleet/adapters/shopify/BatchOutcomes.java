package io.syncfleet.adapters.shopify;

import io.syncfleet.adapters.BatchResult;
import io.syncfleet.adapters.ItemOutcome;
import io.syncfleet.adapters.failure.AuthenticationFailure;
import io.syncfleet.adapters.failure.RateLimitedFailure;
import io.syncfleet.adapters.failure.SyncFailure;
import io.syncfleet.producer.job.Item;
import java.util.Arrays;
import java.util.List;

/**
 * The outcome of each item of a batch that takes several calls, by position. A failure wins: an
 * item whose SKU names two variants is failed when either of them is refused.
 *
 * <p>When a call fails for a passing reason part-way, {@link #interrupt} decides: if nothing is done
 * yet the whole batch failed and the failure is thrown (the worker backs off the connection);
 * otherwise the items not yet settled come back as THROTTLED (Shopify refused before doing them,
 * so the attempt is free) or, after any other passing fault, RETRY, with the failure's wait.
 */
final class BatchOutcomes {
  private final List<? extends Item> items;
  private final ItemOutcome[] outcomes;

  BatchOutcomes(List<? extends Item> items) {
    this.items = items;
    this.outcomes = new ItemOutcome[items.size()];
  }

  void done(int index) {
    if (outcomes[index] == null) {
      outcomes[index] = ItemOutcome.done(items.get(index).sku());
    }
  }

  void failed(int index, String code, String message) {
    if (outcomes[index] == null || outcomes[index].status() == ItemOutcome.Status.DONE) {
      outcomes[index] = ItemOutcome.failed(items.get(index).sku(), code, message);
    }
  }

  boolean isSettled(int index) {
    return outcomes[index] != null;
  }

  /** Settles the unsettled items after {@code failure}, or throws it when nothing is done yet. */
  void interrupt(SyncFailure failure) {
    boolean anyDone = Arrays.stream(outcomes).anyMatch(o -> o != null && o.status() == ItemOutcome.Status.DONE);
    if (!anyDone || failure instanceof AuthenticationFailure) {
      throw failure;
    }
    for (int i = 0; i < outcomes.length; i++) {
      if (outcomes[i] == null) {
        String sku = items.get(i).sku();
        outcomes[i] = failure instanceof RateLimitedFailure r
            ? ItemOutcome.throttled(sku, failure.code(), failure.getMessage(), r.retryAfter().orElse(null))
            : ItemOutcome.retry(sku, failure.code(), failure.getMessage(), null);
      }
    }
  }

  /** One outcome per item, in the batch's order. */
  BatchResult result() {
    for (int i = 0; i < outcomes.length; i++) {
      if (outcomes[i] == null) {
        throw new IllegalStateException("no outcome for item " + i + " (" + items.get(i).sku() + ")");
      }
    }
    return new BatchResult(List.of(outcomes));
  }
}
