package io.syncfleet.adapters.woocommerce;

import io.syncfleet.adapters.OrderCursor;
import io.syncfleet.adapters.failure.PermanentFailure;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * Where a WooCommerce order pull resumes: {@code mark}, a GMT second, and {@code page}, a page of the
 * orders modified at or after it, oldest change first (WooCommerce orders by modification, then ID
 * [V core code]). At rest the value is the mark alone ({@code 2024-05-01T10:00:00Z}); within a walk
 * {@code 2024-05-01T10:00:00Z|3}.
 *
 * <p>After a full page the next one starts at the page's last modification on page 1 again, so an
 * order changed during the walk moves no other order past a page boundary unseen; only when a whole
 * page shares one second does the walk go on by page number. Orders at the mark come again, which
 * the order stream drops as repeats.
 */
record WooCommerceOrderCursor(Instant mark, int page) {
  private static final String SEPARATOR = "|";

  /** The cursor a pull starts from; {@link OrderCursor#START} is the first-pull lookback before now. */
  static WooCommerceOrderCursor parse(OrderCursor cursor, Clock clock) {
    if (cursor.isStart()) {
      return new WooCommerceOrderCursor(
          clock.instant().minus(WooCommerceApi.FIRST_PULL_LOOKBACK).truncatedTo(ChronoUnit.SECONDS), 1);
    }
    String[] parts = cursor.value().split("\\|", -1);
    try {
      if (parts.length == 1) {
        return new WooCommerceOrderCursor(Instant.parse(parts[0]), 1);
      }
      if (parts.length == 2 && Integer.parseInt(parts[1]) >= 1) {
        return new WooCommerceOrderCursor(Instant.parse(parts[0]), Integer.parseInt(parts[1]));
      }
    } catch (DateTimeParseException | NumberFormatException e) {
      throw unreadable(cursor);
    }
    throw unreadable(cursor);
  }

  /** The {@code modified_after} value: WooCommerce's filter is exclusive, so one second before the mark. */
  String modifiedAfter() {
    return WooCommerceApi.GMT_DATE.format(mark.minusSeconds(1));
  }

  /** The next page of a walk whose latest modification so far is {@code latest} (or null). */
  WooCommerceOrderCursor next(Instant latest) {
    Instant second = latest == null ? null : latest.truncatedTo(ChronoUnit.SECONDS);
    return second != null && second.isAfter(mark) ? new WooCommerceOrderCursor(second, 1)
        : new WooCommerceOrderCursor(mark, page + 1);
  }

  /** The walk is over: the next pull starts at its latest modification. */
  WooCommerceOrderCursor finish(Instant latest) {
    Instant second = latest == null ? null : latest.truncatedTo(ChronoUnit.SECONDS);
    return new WooCommerceOrderCursor(second != null && second.isAfter(mark) ? second : mark, 1);
  }

  OrderCursor encode() {
    return new OrderCursor(page == 1 ? mark.toString() : mark + SEPARATOR + page);
  }

  private static PermanentFailure unreadable(OrderCursor cursor) {
    return new PermanentFailure("unreadable WooCommerce order cursor '" + cursor.value()
        + "': expected <timestamp> or <timestamp>|<page>", 0, "bad_cursor");
  }
}
