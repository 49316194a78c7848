package io.syncfleet.adapters.manomano;

import io.syncfleet.adapters.OrderCursor;
import io.syncfleet.adapters.failure.PermanentFailure;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * Where a ManoMano order pull resumes. No filter on order changes is known [U], so a pull walks, page
 * by page, every order created since {@code since}, and the next pull walks again the last
 * {@link ManoManoApi#RECHECK_WINDOW} to see state changes (the order stream drops repeats, and an
 * order shifted across a page boundary while walking is met again on the next walk). At rest the
 * value is {@code since}; while a walk pages, it is {@code since|page}.
 *
 * <p>Example: {@code 2024-05-29T12:00:00Z} at rest, {@code 2024-05-29T12:00:00Z|2} after the first page.
 */
record ManoManoOrderCursor(Instant since, int page) {

  /** The cursor a pull starts from; {@link OrderCursor#START} is the first-pull lookback before now. */
  static ManoManoOrderCursor parse(OrderCursor cursor, Clock clock) {
    if (cursor.isStart()) {
      return new ManoManoOrderCursor(clock.instant().minus(ManoManoApi.FIRST_PULL_LOOKBACK)
          .truncatedTo(ChronoUnit.SECONDS), 1);
    }
    String[] parts = cursor.value().split("\\|", -1);
    try {
      if (parts.length == 1) {
        return new ManoManoOrderCursor(Instant.parse(parts[0]), 1);
      }
      if (parts.length == 2 && Integer.parseInt(parts[1]) >= 1) {
        return new ManoManoOrderCursor(Instant.parse(parts[0]), Integer.parseInt(parts[1]));
      }
    } catch (DateTimeParseException | NumberFormatException e) {
      throw unreadable(cursor);
    }
    throw unreadable(cursor);
  }

  /** The next page of the same walk. */
  ManoManoOrderCursor next() {
    return new ManoManoOrderCursor(since, page + 1);
  }

  /** The walk is over: the next pull walks the recheck window before now. */
  static ManoManoOrderCursor rest(Clock clock) {
    return new ManoManoOrderCursor(
        clock.instant().minus(ManoManoApi.RECHECK_WINDOW).truncatedTo(ChronoUnit.SECONDS), 1);
  }

  OrderCursor encode() {
    String s = ManoManoApi.TIMESTAMP.format(since);
    return new OrderCursor(page == 1 ? s : s + '|' + page);
  }

  private static PermanentFailure unreadable(OrderCursor cursor) {
    return new PermanentFailure("unreadable ManoMano order cursor '" + cursor.value()
        + "': expected <timestamp> or <timestamp>|<page>", 0, "bad_cursor");
  }
}
