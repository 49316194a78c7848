package io.syncfleet.adapters.amazon;

import io.syncfleet.adapters.ItemOutcome;
import io.syncfleet.adapters.failure.PermanentFailure;
import io.syncfleet.adapters.failure.RateLimitedFailure;
import io.syncfleet.adapters.failure.TransientFailure;
import java.util.function.Supplier;

/**
 * Runs the Listings Items calls a batch makes one item at a time and turns a call's failure into that
 * item's outcome: permanent is FAILED, transient is RETRY. After a throttle no further call is made:
 * that item and every later one are THROTTLED with Amazon's wait, so work already done is kept and a
 * rerun does not start over. An authentication failure still fails the whole batch. One per batch.
 */
final class AmazonItemCalls {
  private RateLimitedFailure throttled;

  /** The outcome of {@code call} for {@code sku}, or THROTTLED when Amazon throttled this batch. */
  ItemOutcome run(String sku, Supplier<ItemOutcome> call) {
    if (throttled != null) {
      return later(sku, throttled);
    }
    try {
      return call.get();
    } catch (RateLimitedFailure e) {
      throttled = e;
      return later(sku, e);
    } catch (PermanentFailure e) {
      return ItemOutcome.failed(sku, e.code(), e.getMessage());
    } catch (TransientFailure e) {
      return ItemOutcome.retry(sku, e.code(), e.getMessage(), null);
    }
  }

  private static ItemOutcome later(String sku, RateLimitedFailure e) {
    return ItemOutcome.throttled(sku, e.code(), e.getMessage(), e.retryAfter().orElse(null));
  }
}
