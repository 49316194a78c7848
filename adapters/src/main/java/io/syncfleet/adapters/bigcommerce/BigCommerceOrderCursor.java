package io.syncfleet.adapters.bigcommerce;

import io.syncfleet.adapters.OrderCursor;
import io.syncfleet.adapters.failure.PermanentFailure;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * Where a BigCommerce order pull resumes. Orders are read oldest change first from {@code since}
 * ({@code date_modified >= since}, to the second), so each next page starts at the last
 * {@code date_modified} seen: orders changed while a pull pages on cannot shift unseen ones onto a page
 * already read. Only when a whole page shares one timestamp does the cursor count pages within it.
 * Orders at {@code since} are read again; the order stream keeps each change once.
 *
 * <p>Examples: {@code 2024-05-01T10:00:00Z}, or {@code 2024-05-01T10:00:00Z|3} for the third page of
 * orders changed in that second.
 */
record BigCommerceOrderCursor(Instant since, int page) {
  private static final String SEPARATOR = "|";

  /** The cursor a pull starts from; {@link OrderCursor#START} is the first-pull lookback before now. */
  static BigCommerceOrderCursor parse(OrderCursor cursor, Clock clock) {
    if (cursor == null || cursor.isStart()) {
      return new BigCommerceOrderCursor(
          clock.instant().minus(BigCommerceApi.FIRST_PULL_LOOKBACK).truncatedTo(ChronoUnit.SECONDS), 1);
    }
    String[] parts = cursor.value().split("\\|", -1);
    try {
      if (parts.length == 1) {
        return new BigCommerceOrderCursor(Instant.parse(parts[0]), 1);
      }
      if (parts.length == 2 && Integer.parseInt(parts[1]) >= 1) {
        return new BigCommerceOrderCursor(Instant.parse(parts[0]), Integer.parseInt(parts[1]));
      }
    } catch (DateTimeParseException | NumberFormatException e) {
      throw unreadable(cursor);
    }
    throw unreadable(cursor);
  }

  /** Where the next page starts after a full page whose last order changed at {@code last}. */
  BigCommerceOrderCursor next(Instant last) {
    return last != null && last.isAfter(since) ? new BigCommerceOrderCursor(last, 1) : new BigCommerceOrderCursor(since, page + 1);
  }

  /** Where the next pull starts after the last page, whose last order changed at {@code last} (or null). */
  BigCommerceOrderCursor finish(Instant last) {
    return new BigCommerceOrderCursor(last != null && last.isAfter(since) ? last : since, 1);
  }

  OrderCursor encode() {
    return new OrderCursor(page == 1 ? since.toString() : since + SEPARATOR + page);
  }

  private static PermanentFailure unreadable(OrderCursor cursor) {
    return new PermanentFailure("unreadable BigCommerce order cursor '" + cursor.value()
        + "': expected <timestamp> or <timestamp>|<page>", 0, "bad_cursor");
  }
}
