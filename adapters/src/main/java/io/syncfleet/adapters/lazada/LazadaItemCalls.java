package io.syncfleet.adapters.lazada;

import io.syncfleet.adapters.ItemOutcome;
import io.syncfleet.adapters.failure.PermanentFailure;
import io.syncfleet.adapters.failure.RateLimitedFailure;
import io.syncfleet.adapters.failure.TransientFailure;
import java.util.List;
import java.util.function.Supplier;

/**
 * Runs the calls a batch makes one Lazada product (or one chunk of SKUs) at a time and turns a call's
 * failure into the outcome of the SKUs it was for: permanent is FAILED, transient is RETRY. After a throttle no
 * further call is made: those SKUs and every later one come back THROTTLED with Lazada's wait, so
 * work already done is kept. An authentication failure still fails the whole batch. One per batch.
 */
final class LazadaItemCalls {
  private RateLimitedFailure throttled;

  /** What a step gave: its value, or the outcomes of its SKUs when it failed. */
  record Attempt<T>(T value, List<ItemOutcome> failed) {
    boolean ok() {
      return failed == null;
    }
  }

  /** Runs {@code step} for {@code skus} unless the batch was throttled. */
  <T> Attempt<T> attempt(List<String> skus, Supplier<T> step) {
    if (throttled != null) {
      return new Attempt<>(null, later(skus, throttled));
    }
    try {
      return new Attempt<>(step.get(), null);
    } catch (RateLimitedFailure e) {
      throttled = e;
      return new Attempt<>(null, later(skus, e));
    } catch (PermanentFailure e) {
      return new Attempt<>(null, skus.stream().map(sku -> ItemOutcome.failed(sku, e.code(), e.getMessage())).toList());
    } catch (TransientFailure e) {
      return new Attempt<>(null,
          skus.stream().map(sku -> ItemOutcome.retry(sku, e.code(), e.getMessage(), null)).toList());
    }
  }

  /** The outcomes {@code call} gives for {@code skus}, or their failure's outcomes. */
  List<ItemOutcome> run(List<String> skus, Supplier<List<ItemOutcome>> call) {
    Attempt<List<ItemOutcome>> a = attempt(skus, call);
    return a.ok() ? a.value() : a.failed();
  }

  private static List<ItemOutcome> later(List<String> skus, RateLimitedFailure e) {
    return skus.stream()
        .map(sku -> ItemOutcome.throttled(sku, e.code(), e.getMessage(), e.retryAfter().orElse(null)))
        .toList();
  }
}
