package io.syncfleet.adapters.ebay;

import io.syncfleet.adapters.ItemOutcome;
import io.syncfleet.adapters.failure.PermanentFailure;
import io.syncfleet.adapters.failure.RateLimitedFailure;
import io.syncfleet.adapters.failure.TransientFailure;
import java.util.function.Supplier;

/**
 * Runs the calls a batch makes one item at a time (offers, deletes) and turns a call's failure into
 * that item's outcome: permanent is FAILED, transient is RETRY. After a throttle no further call is
 * made: that item and every later one go back with eBay's wait, so work already done is kept and a
 * rerun does not start over. An authentication failure still fails the whole batch. One per batch.
 */
final class EbayItemCalls {
  private RateLimitedFailure throttled;

  /** The outcome of {@code call} for {@code sku}, or a RETRY when eBay throttled this batch. */
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

  /** Whether eBay throttled this batch: further calls would only be throttled again. */
  boolean throttled() {
    return throttled != null;
  }

  private static ItemOutcome later(String sku, RateLimitedFailure e) {
    return ItemOutcome.throttled(sku, e.code(), e.getMessage(), e.retryAfter().orElse(null));
  }
}
