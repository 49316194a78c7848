package io.syncfleet.adapters.mirakl;

import io.syncfleet.adapters.OrderCursor;
import io.syncfleet.adapters.failure.PermanentFailure;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * Where a Mirakl order pull resumes. At rest the value is one timestamp, {@code since}: the next pull
 * asks OR11 for orders updated at or after it. A pull pages through orders sorted by creation date,
 * which an update does not reorder, so offsets stay valid while it walks; while it does, the value is
 * {@code since|offset|started}. When the walk ends the next one starts at {@code started} less
 * {@link MiraklApi#ORDER_OVERLAP}: any order updated during the walk, even one already passed, is read
 * again (the order stream keeps each change once), and a clock ahead of Mirakl's loses nothing.
 *
 * <p>Example: {@code 2024-05-01T10:00:00Z} at rest, {@code 2024-05-01T10:00:00Z|100|2024-05-02T08:30:00Z}
 * after the first page of 100.
 *
 * @param since   lower bound of last_updated_date for this walk
 * @param offset  orders of the walk already read
 * @param started when the walk's first page was asked for
 */
record MiraklOrderCursor(Instant since, int offset, Instant started) {
  private static final String SEPARATOR = "|";

  /** The cursor a pull starts from; {@link OrderCursor#START} looks back {@link MiraklApi#FIRST_PULL_LOOKBACK}. */
  static MiraklOrderCursor parse(OrderCursor cursor, Clock clock) {
    Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    if (cursor.isStart()) {
      return new MiraklOrderCursor(now.minus(MiraklApi.FIRST_PULL_LOOKBACK), 0, now);
    }
    String[] parts = cursor.value().split("\\|", -1);
    try {
      if (parts.length == 1) {
        return new MiraklOrderCursor(Instant.parse(parts[0]), 0, now);
      }
      if (parts.length == 3) {
        return new MiraklOrderCursor(Instant.parse(parts[0]), Integer.parseInt(parts[1]), Instant.parse(parts[2]));
      }
    } catch (DateTimeParseException | NumberFormatException e) {
      throw unreadable(cursor);
    }
    throw unreadable(cursor);
  }

  /** The same walk, {@code count} orders further on. */
  MiraklOrderCursor advance(int count) {
    return new MiraklOrderCursor(since, offset + count, started);
  }

  /** The walk is over: the next pull starts a little before this one did, never before {@code since}. */
  MiraklOrderCursor finish() {
    Instant next = started.minus(MiraklApi.ORDER_OVERLAP);
    return new MiraklOrderCursor(next.isAfter(since) ? next : since, 0, null);
  }

  OrderCursor encode() {
    if (started == null) {
      return new OrderCursor(since.toString());
    }
    return new OrderCursor(since + SEPARATOR + offset + SEPARATOR + started);
  }

  private static PermanentFailure unreadable(OrderCursor cursor) {
    return new PermanentFailure("unreadable Mirakl order cursor '" + cursor.value()
        + "': expected <timestamp> or <timestamp>|<offset>|<timestamp>", 0, "bad_cursor");
  }
}
