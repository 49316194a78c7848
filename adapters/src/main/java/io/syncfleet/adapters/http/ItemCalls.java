package io.syncfleet.adapters.http;

import io.syncfleet.adapters.ItemOutcome;
import io.syncfleet.adapters.failure.PermanentFailure;
import io.syncfleet.adapters.failure.RateLimitedFailure;
import io.syncfleet.adapters.failure.TransientFailure;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;

/**
 * Runs the calls a batch makes one item (or one group of SKUs) at a time and turns a call's failure
 * into the outcome of the SKUs it was for: permanent is FAILED with the marketplace's code and
 * message, transient is RETRY. Once the marketplace throttles, no further call is made: those SKUs
 * and every later one come back THROTTLED with its wait, so work already done is kept. An
 * authentication failure still fails the whole batch. Not thread-safe; one per batch.
 */
public final class ItemCalls {
  private RateLimitedFailure throttled;

  /**
   * What a call made for several SKUs gave: its value, or the outcomes of those SKUs when it failed.
   *
   * @param value  what the call returned, when it did not fail
   * @param failed the SKUs' outcomes when it failed, or null
   */
  public record Attempt<T>(T value, List<ItemOutcome> failed) {
    /** Whether the call returned a value. */
    public boolean ok() {
      return failed == null;
    }
  }

  /** The outcome of {@code call} for {@code sku}, or THROTTLED when the marketplace throttled this batch. */
  public ItemOutcome run(String sku, Supplier<ItemOutcome> call) {
    // singletonList, unlike List.of, takes the null SKU a whole-batch call is made with
    Attempt<ItemOutcome> a = attempt(Collections.singletonList(sku), call);
    return a.ok() ? a.value() : a.failed().get(0);
  }

  /** The outcomes {@code call} gives for {@code skus}, or their failure's outcomes. */
  public List<ItemOutcome> runAll(List<String> skus, Supplier<List<ItemOutcome>> call) {
    Attempt<List<ItemOutcome>> a = attempt(skus, call);
    return a.ok() ? a.value() : a.failed();
  }

  /** Makes {@code call} for {@code skus} unless the marketplace throttled this batch. */
  public <T> Attempt<T> attempt(List<String> skus, Supplier<T> call) {
    if (throttled != null) {
      return new Attempt<>(null, later(skus, throttled));
    }
    try {
      return new Attempt<>(call.get(), null);
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

  /** Whether the marketplace throttled this batch: further calls would only be throttled again. */
  public boolean throttled() {
    return throttled != null;
  }

  private static List<ItemOutcome> later(List<String> skus, RateLimitedFailure e) {
    return skus.stream()
        .map(sku -> ItemOutcome.throttled(sku, e.code(), e.getMessage(), e.retryAfter().orElse(null)))
        .toList();
  }
}
