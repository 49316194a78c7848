package io.syncfleet.adapters.octopia;

import io.syncfleet.adapters.OrderCursor;
import io.syncfleet.adapters.failure.PermanentFailure;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * Where an Octopia order pull resumes. Orders come sorted by updatedAt, oldest first, so the pull
 * walks by that key instead of by page number: after a full page, the next query starts at the page's
 * last updatedAt, from page 1. An order updated meanwhile moves to the end of the list, where it is
 * read again, instead of shifting the pages under the walk and hiding another order. Only when a whole
 * page shares one updatedAt does the walk go to the next page number of the same query.
 *
 * <p>The value is {@code since} at rest (page 1) and {@code since|page} otherwise, e.g.
 * {@code 2024-05-01T10:00:00Z|3}. Queries ask a second before {@code since}, since it is not known
 * whether updatedAtMin is inclusive [U]; orders read twice are kept once by the order stream.
 *
 * @param since lower bound of updatedAt
 * @param page  page number of the query at {@code since}, from 1
 */
record OctopiaOrderCursor(Instant since, int page) {
  private static final String SEPARATOR = "|";

  /** The cursor a pull starts from; {@link OrderCursor#START} looks back {@link OctopiaApi#FIRST_PULL_LOOKBACK}. */
  static OctopiaOrderCursor parse(OrderCursor cursor, Clock clock) {
    if (cursor.isStart()) {
      return new OctopiaOrderCursor(clock.instant().truncatedTo(ChronoUnit.SECONDS)
          .minus(OctopiaApi.FIRST_PULL_LOOKBACK), 1);
    }
    String[] parts = cursor.value().split("\\|", -1);
    try {
      if (parts.length == 1) {
        return new OctopiaOrderCursor(Instant.parse(parts[0]), 1);
      }
      if (parts.length == 2 && Integer.parseInt(parts[1]) >= 1) {
        return new OctopiaOrderCursor(Instant.parse(parts[0]), Integer.parseInt(parts[1]));
      }
    } catch (DateTimeParseException | NumberFormatException e) {
      throw unreadable(cursor);
    }
    throw unreadable(cursor);
  }

  /** The value sent as updatedAtMin. */
  Instant queryFrom() {
    return since.minusSeconds(1);
  }

  /** After a full page whose latest updatedAt is {@code latest}: restart from it, or take the next page. */
  OctopiaOrderCursor afterFullPage(Instant latest) {
    return latest != null && latest.isAfter(since) ? new OctopiaOrderCursor(latest, 1)
        : new OctopiaOrderCursor(since, page + 1);
  }

  /** After the last page: the next pull starts at the latest updatedAt seen. */
  OctopiaOrderCursor afterLastPage(Instant latest) {
    return new OctopiaOrderCursor(latest != null && latest.isAfter(since) ? latest : since, 1);
  }

  OrderCursor encode() {
    return new OrderCursor(page == 1 ? since.toString() : since + SEPARATOR + page);
  }

  private static PermanentFailure unreadable(OrderCursor cursor) {
    return new PermanentFailure("unreadable Octopia order cursor '" + cursor.value()
        + "': expected <timestamp> or <timestamp>|<page>", 0, "bad_cursor");
  }
}
