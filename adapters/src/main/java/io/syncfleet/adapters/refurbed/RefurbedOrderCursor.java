package io.syncfleet.adapters.refurbed;

import io.syncfleet.adapters.OrderCursor;
import io.syncfleet.adapters.failure.PermanentFailure;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * Where a refurbed order pull resumes. refurbed's orders carry no modification time [V], so a pull
 * walks, by ascending id, every order released since {@code since}, and the next pull walks again the
 * last {@link RefurbedApi#RECHECK_WINDOW} to see state changes (the order stream drops repeats). At
 * rest the value is {@code since}; while a walk pages, it is {@code since|after}, where {@code after}
 * is the last order id seen, the walk's {@code starting_after} [V].
 *
 * <p>Example: {@code 2024-05-29T12:00:00Z} at rest, {@code 2024-05-29T12:00:00Z|81234} after a page.
 */
record RefurbedOrderCursor(Instant since, String after) {

  /** The cursor a pull starts from; {@link OrderCursor#START} is the first-pull lookback before now. */
  static RefurbedOrderCursor parse(OrderCursor cursor, Clock clock) {
    if (cursor.isStart()) {
      return new RefurbedOrderCursor(clock.instant().minus(RefurbedApi.FIRST_PULL_LOOKBACK)
          .truncatedTo(ChronoUnit.SECONDS), null);
    }
    String[] parts = cursor.value().split("\\|", -1);
    try {
      if (parts.length == 1) {
        return new RefurbedOrderCursor(Instant.parse(parts[0]), null);
      }
      if (parts.length == 2 && !parts[1].isEmpty() && parts[1].chars().allMatch(Character::isDigit)) {
        return new RefurbedOrderCursor(Instant.parse(parts[0]), parts[1]);
      }
    } catch (DateTimeParseException e) {
      throw unreadable(cursor);
    }
    throw unreadable(cursor);
  }

  /** The next page of the same walk, after order {@code lastId}. */
  RefurbedOrderCursor after(String lastId) {
    return new RefurbedOrderCursor(since, lastId);
  }

  /** The walk is over: the next pull walks the recheck window before now. */
  static RefurbedOrderCursor rest(Clock clock) {
    return new RefurbedOrderCursor(clock.instant().minus(RefurbedApi.RECHECK_WINDOW).truncatedTo(ChronoUnit.SECONDS),
        null);
  }

  OrderCursor encode() {
    String s = RefurbedApi.TIMESTAMP.format(since);
    return new OrderCursor(after == null ? s : s + '|' + after);
  }

  private static PermanentFailure unreadable(OrderCursor cursor) {
    return new PermanentFailure("unreadable refurbed order cursor '" + cursor.value()
        + "': expected <timestamp> or <timestamp>|<order id>", 0, "bad_cursor");
  }
}
