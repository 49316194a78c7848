package io.syncfleet.adapters.lazada;

import io.syncfleet.adapters.OrderCursor;
import io.syncfleet.adapters.failure.PermanentFailure;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * Where a Lazada order pull resumes. Orders are asked for by {@code update_after} (inclusive), oldest
 * change first [V]; each page starts again at the latest update time seen, skipping the orders of that
 * very second already read. This keyset walk never skips an order when one changes mid-walk, as
 * offset paging over a moving list could. At rest the value is {@code since}; while walking it is
 * {@code since|skip}. Orders at {@code since} are read again by the next pull; the order stream drops
 * the repeats.
 *
 * <p>Example: {@code 2024-05-01T10:00:00Z} at rest, {@code 2024-05-02T08:30:00Z|3} while walking.
 */
record LazadaOrderCursor(Instant since, int skip) {
  private static final String SEPARATOR = "|";

  /** The cursor a pull starts from; {@link OrderCursor#START} looks back {@link LazadaApi#FIRST_PULL_LOOKBACK}. */
  static LazadaOrderCursor parse(OrderCursor cursor, Clock clock) {
    if (cursor.isStart()) {
      return new LazadaOrderCursor(clock.instant().minus(LazadaApi.FIRST_PULL_LOOKBACK)
          .truncatedTo(ChronoUnit.SECONDS), 0);
    }
    String[] parts = cursor.value().split("\\|", -1);
    try {
      if (parts.length == 1) {
        return new LazadaOrderCursor(Instant.parse(parts[0]), 0);
      }
      if (parts.length == 2) {
        return new LazadaOrderCursor(Instant.parse(parts[0]), Integer.parseInt(parts[1]));
      }
    } catch (DateTimeParseException | NumberFormatException e) {
      throw unreadable(cursor);
    }
    throw unreadable(cursor);
  }

  /** The cursor after a page whose latest update time is {@code latest}, reached by {@code atLatest} of its orders. */
  LazadaOrderCursor after(Instant latest, int atLatest) {
    if (latest == null) {
      return this;
    }
    return latest.equals(since) ? new LazadaOrderCursor(since, skip + atLatest)
        : new LazadaOrderCursor(latest, atLatest);
  }

  /** At rest: the next pull starts at {@code since} again. */
  LazadaOrderCursor rest() {
    return new LazadaOrderCursor(since, 0);
  }

  OrderCursor encode() {
    String s = since.truncatedTo(ChronoUnit.SECONDS).toString();
    return new OrderCursor(skip == 0 ? s : s + SEPARATOR + skip);
  }

  private static PermanentFailure unreadable(OrderCursor cursor) {
    return new PermanentFailure("unreadable Lazada order cursor '" + cursor.value()
        + "': expected <timestamp> or <timestamp>|<skip>", 0, "bad_cursor");
  }
}
