package io.syncfleet.adapters;

import java.time.Duration;

/**
 * What happened to one item of a batch.
 *
 * @param sku        the item
 * @param status     done, retry later, throttled, or failed for good
 * @param code       the marketplace's own error code, or null
 * @param message    the marketplace's own message (or the rule violated), or null
 * @param retryAfter for {@link Status#RETRY} and {@link Status#THROTTLED}: the wait the marketplace
 *                   asked for, or null
 */
public record ItemOutcome(String sku, Status status, String code, String message, Duration retryAfter) {

  /** The ends of an item. */
  public enum Status {
    /** The marketplace holds the change. */
    DONE,
    /** A passing fault: try again later; counts as an attempt. */
    RETRY,
    /** The marketplace throttled the account before this item was sent: try again later, free. */
    THROTTLED,
    /** The marketplace refused the item for good. */
    FAILED
  }

  public static ItemOutcome done(String sku) {
    return new ItemOutcome(sku, Status.DONE, null, null, null);
  }

  public static ItemOutcome failed(String sku, String code, String message) {
    return new ItemOutcome(sku, Status.FAILED, code, message, null);
  }

  public static ItemOutcome throttled(String sku, String code, String message, Duration retryAfter) {
    return new ItemOutcome(sku, Status.THROTTLED, code, message, retryAfter);
  }

  public static ItemOutcome retry(String sku, String code, String message, Duration retryAfter) {
    return new ItemOutcome(sku, Status.RETRY, code, message, retryAfter);
  }
}
