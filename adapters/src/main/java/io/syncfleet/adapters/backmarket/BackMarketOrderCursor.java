package io.syncfleet.adapters.backmarket;

import io.syncfleet.adapters.OrderCursor;
import io.syncfleet.adapters.failure.PermanentFailure;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * Where a Back Market order pull resumes. At rest the value is one timestamp, {@code since}: the
 * latest date_modification seen, asked for again inclusively (the order stream drops repeats). While
 * a pull pages through a result, the value is {@code since|page|highWater}: the same filter continues
 * at {@code page}, and {@code highWater} carries the latest date_modification seen so far, since Back
 * Market does not say how it sorts [U].
 *
 * <p>Example: {@code 2024-05-01T10:00:00Z} at rest, {@code 2024-05-01T10:00:00Z|2|2024-05-02T08:30:00Z}
 * after the first page.
 */
record BackMarketOrderCursor(Instant since, int page, Instant highWater) {

  /** A cursor at rest: the next pull asks for orders changed at or after {@code since}. */
  static BackMarketOrderCursor at(Instant since) {
    Instant seconds = since.truncatedTo(ChronoUnit.SECONDS);
    return new BackMarketOrderCursor(seconds, 1, seconds);
  }

  /** The cursor a pull starts from; {@link OrderCursor#START} is the first-pull lookback before now. */
  static BackMarketOrderCursor parse(OrderCursor cursor, Clock clock) {
    if (cursor.isStart()) {
      return at(clock.instant().minus(BackMarketApi.FIRST_PULL_LOOKBACK));
    }
    String[] parts = cursor.value().split("\\|", -1);
    try {
      if (parts.length == 1) {
        return at(Instant.parse(parts[0]));
      }
      if (parts.length == 3 && Integer.parseInt(parts[1]) >= 1) {
        return new BackMarketOrderCursor(Instant.parse(parts[0]), Integer.parseInt(parts[1]),
            Instant.parse(parts[2]));
      }
    } catch (DateTimeParseException | NumberFormatException e) {
      throw unreadable(cursor);
    }
    throw unreadable(cursor);
  }

  /** This cursor with an order seen: {@code modified} raises the high-water mark. */
  BackMarketOrderCursor seen(Instant modified) {
    Instant seconds = modified == null ? null : modified.truncatedTo(ChronoUnit.SECONDS);
    return seconds != null && seconds.isAfter(highWater) ? new BackMarketOrderCursor(since, page, seconds) : this;
  }

  /** The next page of the same walk. */
  BackMarketOrderCursor next() {
    return new BackMarketOrderCursor(since, page + 1, highWater);
  }

  /** The walk is over: the next pull starts at the high-water mark. */
  BackMarketOrderCursor finish() {
    return at(highWater);
  }

  OrderCursor encode() {
    String s = BackMarketApi.TIMESTAMP.format(since);
    if (page == 1 && since.equals(highWater)) {
      return new OrderCursor(s);
    }
    return new OrderCursor(s + '|' + page + '|' + BackMarketApi.TIMESTAMP.format(highWater));
  }

  private static PermanentFailure unreadable(OrderCursor cursor) {
    return new PermanentFailure("unreadable Back Market order cursor '" + cursor.value()
        + "': expected <timestamp> or <timestamp>|<page>|<timestamp>", 0, "bad_cursor");
  }
}
