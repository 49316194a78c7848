package io.syncfleet.adapters.backmarket;

import io.syncfleet.adapters.ItemOutcome;
import io.syncfleet.adapters.failure.PermanentFailure;
import io.syncfleet.adapters.failure.RateLimitedFailure;
import io.syncfleet.adapters.failure.TransientFailure;
import java.util.function.Supplier;

/**
 * Runs the calls a batch makes one SKU (or one group of SKUs) at a time and turns a call's failure
 * into an outcome: permanent is FAILED, transient is RETRY. After a throttle or a firewall block no
 * further call is made, since it would only be refused too: the SKUs not sent come back THROTTLED
 * (with Back Market's wait) or RETRY, so work already done is kept. An authentication failure still
 * fails the whole batch. One per batch.
 */
final class BackMarketItemCalls {
  private ItemOutcome stoppedBy;

  /**
   * What a call gave: its value, or the outcome its failure means for the SKUs it was made for.
   *
   * @param value   what the call returned, when it did not fail
   * @param failure the outcome of its failure, or null
   */
  record Attempt<T>(T value, ItemOutcome failure) {
    boolean failed() {
      return failure != null;
    }

    /** The failure's outcome for {@code sku}, one of the SKUs the call was made for. */
    ItemOutcome failureFor(String sku) {
      return new ItemOutcome(sku, failure.status(), failure.code(), failure.message(), failure.retryAfter());
    }
  }

  /** Makes {@code call} for {@code sku} unless the batch has stopped. */
  <T> Attempt<T> attempt(String sku, Supplier<T> call) {
    if (stoppedBy != null) {
      return new Attempt<>(null, stoppedBy);
    }
    try {
      return new Attempt<>(call.get(), null);
    } catch (RateLimitedFailure e) {
      stoppedBy = ItemOutcome.throttled(sku, e.code(), e.getMessage(), e.retryAfter().orElse(null));
      return new Attempt<>(null, stoppedBy);
    } catch (PermanentFailure e) {
      return new Attempt<>(null, ItemOutcome.failed(sku, e.code(), e.getMessage()));
    } catch (TransientFailure e) {
      ItemOutcome retry = ItemOutcome.retry(sku, e.code(), e.getMessage(), null);
      if (BackMarketApi.WAF_BLOCKED.equals(e.code()) || BackMarketApi.BOT_CHALLENGE.equals(e.code())) {
        stoppedBy = retry;
      }
      return new Attempt<>(null, retry);
    }
  }

  /** The outcome {@code call} gives for {@code sku}, or its failure's. */
  ItemOutcome run(String sku, Supplier<ItemOutcome> call) {
    Attempt<ItemOutcome> a = attempt(sku, call);
    return a.failed() ? a.failureFor(sku) : a.value();
  }
}
