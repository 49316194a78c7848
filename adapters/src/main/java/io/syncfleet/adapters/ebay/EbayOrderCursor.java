package io.syncfleet.adapters.ebay;

import io.syncfleet.adapters.OrderCursor;
import io.syncfleet.adapters.failure.PermanentFailure;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * Where an eBay order pull resumes. Between pulls the value is one timestamp, {@code since}: the
 * latest lastModifiedDate seen, asked for again inclusively (the order stream drops repeats, and
 * an order changed in the same millisecond is not missed). While a pull pages through a result, the
 * value is {@code since|offset|highWater}: the same filter continues at {@code offset}, and
 * {@code highWater} carries the latest lastModifiedDate seen so far, since eBay does not promise to
 * sort by it [U].
 *
 * <p>Example: {@code 2024-05-01T10:00:00.000Z} at rest,
 * {@code 2024-05-01T10:00:00.000Z|200|2024-05-02T08:30:00.000Z} after the first page of 200.
 */
record EbayOrderCursor(Instant since, int offset, Instant highWater) {
  private static final String SEPARATOR = "|";

  /** A cursor at rest: the next pull asks for orders changed at or after {@code since}. */
  static EbayOrderCursor at(Instant since) {
    return new EbayOrderCursor(since, 0, since);
  }

  /** The cursor a pull starts from; {@link OrderCursor#START} is the first-pull lookback before now. */
  static EbayOrderCursor parse(OrderCursor cursor, Clock clock) {
    if (cursor.isStart()) {
      return at(clock.instant().minus(EbayApi.FIRST_PULL_LOOKBACK).truncatedTo(ChronoUnit.MILLIS));
    }
    String[] parts = cursor.value().split("\\|", -1);
    try {
      if (parts.length == 1) {
        return at(Instant.parse(parts[0]));
      }
      if (parts.length == 3) {
        return new EbayOrderCursor(Instant.parse(parts[0]), Integer.parseInt(parts[1]), Instant.parse(parts[2]));
      }
    } catch (DateTimeParseException | NumberFormatException e) {
      throw unreadable(cursor);
    }
    throw unreadable(cursor);
  }

  /** This cursor with a page of orders seen: {@code latest} raises the high-water mark. */
  EbayOrderCursor seen(Instant latest) {
    return latest != null && latest.isAfter(highWater) ? new EbayOrderCursor(since, offset, latest) : this;
  }

  /** The next page of the same walk, {@code count} orders further on. */
  EbayOrderCursor advance(int count) {
    return new EbayOrderCursor(since, offset + count, highWater);
  }

  /** The walk is over: the next pull starts at the high-water mark. */
  EbayOrderCursor finish() {
    return at(highWater);
  }

  OrderCursor encode() {
    String s = EbayApi.TIMESTAMP.format(since);
    if (offset == 0 && since.equals(highWater)) {
      return new OrderCursor(s);
    }
    return new OrderCursor(s + SEPARATOR + offset + SEPARATOR + EbayApi.TIMESTAMP.format(highWater));
  }

  private static PermanentFailure unreadable(OrderCursor cursor) {
    return new PermanentFailure("unreadable eBay order cursor '" + cursor.value()
        + "': expected <timestamp> or <timestamp>|<offset>|<timestamp>", 0, "bad_cursor");
  }
}
