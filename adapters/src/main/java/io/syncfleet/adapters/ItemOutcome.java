package io.syncfleet.adapters;

import java.time.Duration;

/**
 * What happened to one item of a batch.
 *
 * @param sku        the item
 * @param status     done, retry later, or failed for good
 * @param code       the marketplace's own error code, or null
 * @param message    the marketplace's own message (or the rule violated), or null
 * @param retryAfter for {@link Status#RETRY}: the wait the marketplace asked for, or null
 */
public record ItemOutcome(String sku, Status status, String code, String message, Duration retryAfter) {

  /** The three ends of an item. */
  public enum Status {
    DONE,
    RETRY,
    FAILED
  }

  public static ItemOutcome done(String sku) {
    return new ItemOutcome(sku, Status.DONE, null, null, null);
  }

  public static ItemOutcome failed(String sku, String code, String message) {
    return new ItemOutcome(sku, Status.FAILED, code, message, null);
  }

  public static ItemOutcome retry(String sku, String code, String message, Duration retryAfter) {
    return new ItemOutcome(sku, Status.RETRY, code, message, retryAfter);
  }
}
