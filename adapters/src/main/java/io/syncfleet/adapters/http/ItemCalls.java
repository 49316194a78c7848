package io.syncfleet.adapters.http;

import io.syncfleet.adapters.ItemOutcome;
import io.syncfleet.adapters.failure.PermanentFailure;
import io.syncfleet.adapters.failure.RateLimitedFailure;
import io.syncfleet.adapters.failure.TransientFailure;
import java.util.function.Supplier;

/**
 * Runs the calls a batch makes one item at a time and turns a call's failure into that item's
 * outcome: permanent is FAILED with the marketplace's code and message, transient is RETRY. Once the
 * marketplace throttles, no further call is made: that item and every later one come back THROTTLED
 * with its wait, so work already done is kept. An authentication failure still fails the whole
 * batch. Not thread-safe; one per batch.
 */
public final class ItemCalls {
  private RateLimitedFailure throttled;

  /** The outcome of {@code call} for {@code sku}, or THROTTLED when the marketplace throttled this batch. */
  public ItemOutcome run(String sku, Supplier<ItemOutcome> call) {
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

  /** Whether the marketplace throttled this batch: further calls would only be throttled again. */
  public boolean throttled() {
    return throttled != null;
  }

  private static ItemOutcome later(String sku, RateLimitedFailure e) {
    return ItemOutcome.throttled(sku, e.code(), e.getMessage(), e.retryAfter().orElse(null));
  }
}
