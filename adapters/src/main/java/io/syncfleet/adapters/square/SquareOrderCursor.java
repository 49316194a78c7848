package io.syncfleet.adapters.square;

import io.syncfleet.adapters.OrderCursor;
import io.syncfleet.adapters.failure.PermanentFailure;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * Where a Square order pull resumes. Between runs it is the {@code updated_at} high-water mark
 * alone. A run searches orders changed at or after {@code since}, location group by location group
 * (Square searches at most 10 locations at once [V SDK]), page by page with Square's cursor, and
 * carries the latest {@code updated_at} seen so the next run starts there. Orders at the mark come
 * again; the order stream keeps each change once.
 *
 * <p>Examples: {@code 2024-05-01T10:00:00Z} at rest,
 * {@code 2024-05-01T10:00:00Z|1|2024-05-02T08:30:00Z|CAESEgoQ...} on the second location group.
 *
 * @param since     lower bound of the run
 * @param group     which group of up to 10 locations the run is on
 * @param highWater latest {@code updated_at} seen in the run, or null
 * @param after     Square's cursor within the group, or null at its start
 */
record SquareOrderCursor(Instant since, int group, Instant highWater, String after) {
  private static final String SEPARATOR = "|";

  /** The cursor a pull starts from; {@link OrderCursor#START} is the first-pull lookback before now. */
  static SquareOrderCursor parse(OrderCursor cursor, Clock clock) {
    if (cursor == null || cursor.isStart()) {
      return new SquareOrderCursor(clock.instant().minus(SquareApi.FIRST_PULL_LOOKBACK).truncatedTo(ChronoUnit.SECONDS),
          0, null, null);
    }
    String[] parts = cursor.value().split("\\|", 4);
    try {
      if (parts.length == 1) {
        return new SquareOrderCursor(Instant.parse(parts[0]), 0, null, null);
      }
      if (parts.length == 4 && Integer.parseInt(parts[1]) >= 0) {
        return new SquareOrderCursor(Instant.parse(parts[0]), Integer.parseInt(parts[1]),
            parts[2].isEmpty() ? null : Instant.parse(parts[2]), parts[3].isEmpty() ? null : parts[3]);
      }
    } catch (DateTimeParseException | NumberFormatException e) {
      throw unreadable(cursor);
    }
    throw unreadable(cursor);
  }

  /** This cursor having seen an order changed at {@code updatedAt}. */
  SquareOrderCursor seen(Instant updatedAt) {
    return updatedAt != null && (highWater == null || updatedAt.isAfter(highWater))
        ? new SquareOrderCursor(since, group, updatedAt, after) : this;
  }

  /** The next page of the same location group. */
  SquareOrderCursor nextPage(String squareCursor) {
    return new SquareOrderCursor(since, group, highWater, squareCursor);
  }

  /** The first page of the next location group. */
  SquareOrderCursor nextGroup() {
    return new SquareOrderCursor(since, group + 1, highWater, null);
  }

  /** The run is over: the next one starts at the high-water mark. */
  SquareOrderCursor finish() {
    return new SquareOrderCursor(highWater != null && highWater.isAfter(since) ? highWater : since, 0, null, null);
  }

  OrderCursor encode() {
    if (group == 0 && after == null && highWater == null) {
      return new OrderCursor(since.toString());
    }
    return new OrderCursor(since + SEPARATOR + group + SEPARATOR + (highWater == null ? "" : highWater.toString())
        + SEPARATOR + (after == null ? "" : after));
  }

  private static PermanentFailure unreadable(OrderCursor cursor) {
    return new PermanentFailure("unreadable Square order cursor '" + cursor.value()
        + "': expected <timestamp> or <timestamp>|<group>|<timestamp>|<cursor>", 0, "bad_cursor");
  }
}
