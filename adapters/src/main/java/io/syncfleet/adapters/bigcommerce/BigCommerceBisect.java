package io.syncfleet.adapters.bigcommerce;

import io.syncfleet.adapters.ItemOutcome;
import io.syncfleet.adapters.failure.RateLimitedFailure;
import io.syncfleet.adapters.failure.SyncFailure;
import io.syncfleet.adapters.failure.TransientFailure;
import io.syncfleet.adapters.http.HttpResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.IntFunction;

/**
 * Sends a batch BigCommerce applies all or nothing (inventory adjustments, the variants batch).
 * When it refuses the batch for its content without saying which items are at fault, BigCommerce's
 * advice is to resend items separately [V]: the batch is halved until each refused item stands alone
 * and fails with BigCommerce's message while the good halves go through, so one bad item among n
 * costs about 2 log2(n) calls. Calls are capped per run; items still in a refused part when the cap
 * is reached come back as RETRY, and the next attempt goes on halving what is left.
 */
final class BigCommerceBisect {
  /** Statuses BigCommerce refuses content with; anything else is the whole call's failure. */
  private static final Set<Integer> REFUSED = Set.of(400, 409, 422);
  /** Calls one run may make. */
  static final int MAX_CALLS = 64;

  /** Sends the items at the given positions as one call. */
  @FunctionalInterface
  interface Batch {
    HttpResult send(List<Integer> indexes);
  }

  private final IntFunction<String> sku;
  private final Batch batch;
  private final ItemOutcome[] out;
  private int calls;

  private BigCommerceBisect(int size, IntFunction<String> sku, Batch batch) {
    this.sku = sku;
    this.batch = batch;
    this.out = new ItemOutcome[size];
  }

  /**
   * One outcome per item. A throttle or passing fault once something is settled leaves the rest
   * THROTTLED or RETRY; before that it is thrown, as is any other failure.
   */
  static ItemOutcome[] run(int size, IntFunction<String> sku, Batch batch) {
    BigCommerceBisect run = new BigCommerceBisect(size, sku, batch);
    List<Integer> all = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      all.add(i);
    }
    try {
      run.send(all);
    } catch (RateLimitedFailure | TransientFailure e) {
      if (!run.anySettled()) {
        throw e;
      }
      run.settleRest(e);
    }
    return run.out;
  }

  private void send(List<Integer> indexes) {
    calls++;
    HttpResult r = batch.send(indexes);
    if (r.isSuccess()) {
      indexes.forEach(i -> out[i] = ItemOutcome.done(sku.apply(i)));
      return;
    }
    if (!REFUSED.contains(r.status())) {
      throw r.permanent();
    }
    String message = r.error().message();
    if (indexes.size() == 1) {
      int i = indexes.get(0);
      out[i] = ItemOutcome.failed(sku.apply(i), null, message);
      return;
    }
    int half = indexes.size() / 2;
    for (List<Integer> part : List.of(indexes.subList(0, half), indexes.subList(half, indexes.size()))) {
      if (calls < MAX_CALLS) {
        send(part);
      } else {
        part.forEach(i -> out[i] = ItemOutcome.retry(sku.apply(i), null, "BigCommerce refused a batch holding this item ("
            + message + "); the next attempt goes on looking for the refused items", null));
      }
    }
  }

  private boolean anySettled() {
    for (ItemOutcome o : out) {
      if (o != null) {
        return true;
      }
    }
    return false;
  }

  private void settleRest(SyncFailure e) {
    for (int i = 0; i < out.length; i++) {
      if (out[i] == null) {
        out[i] = e instanceof RateLimitedFailure r
            ? ItemOutcome.throttled(sku.apply(i), e.code(), e.getMessage(), r.retryAfter().orElse(null))
            : ItemOutcome.retry(sku.apply(i), e.code(), e.getMessage(), null);
      }
    }
  }
}
