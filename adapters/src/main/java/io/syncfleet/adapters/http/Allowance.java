package io.syncfleet.adapters.http;

import java.time.Duration;
import java.util.OptionalDouble;

/**
 * What one marketplace answer said about the caller's remaining rate allowance. Units are the
 * marketplace's own (calls, or Shopify GraphQL cost points); any figure it did not state is null.
 *
 * @param remaining units left now
 * @param capacity  size of the bucket or window quota, in the same units
 * @param perSecond sustained rate the marketplace states, units per second
 * @param resetIn   time until the allowance is refilled or the window resets
 */
public record Allowance(Double remaining, Double capacity, Double perSecond, Duration resetIn) {

  /** The share of the bucket still available, 0..1, when both remaining and capacity are known. */
  public OptionalDouble fractionLeft() {
    if (remaining == null || capacity == null || !(capacity > 0)) {
      return OptionalDouble.empty();
    }
    return OptionalDouble.of(Math.max(0, Math.min(1, remaining / capacity)));
  }

  /** True when the answer stated nothing at all. */
  public boolean isEmpty() {
    return remaining == null && capacity == null && perSecond == null && resetIn == null;
  }
}
