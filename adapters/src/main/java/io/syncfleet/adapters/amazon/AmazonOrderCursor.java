package io.syncfleet.adapters.amazon;

import io.syncfleet.adapters.OrderCursor;
import io.syncfleet.adapters.failure.PermanentFailure;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Where an Amazon order pull resumes. At rest the value is one timestamp: the latest LastUpdateDate
 * seen, asked for again inclusively (the order stream drops repeats). While a pull walks the pages
 * of one query it is {@code after|highWater|page|done}: the LastUpdatedAfter the walk asks with,
 * the latest LastUpdateDate seen so far (Amazon does not promise to sort by it [U]), the NextToken of
 * the page to read (base64url, empty for the first page), and the ids of that page's orders already
 * delivered, so a page cut short by throttled order items resumes where it stopped.
 *
 * <p>Example: {@code 2024-05-01T10:00:00Z} at rest;
 * {@code 2024-05-01T10:00:00Z|2024-05-02T08:30:00Z|MlliWVc1NQ|} on the second page.
 */
record AmazonOrderCursor(Instant after, Instant highWater, String page, Set<String> done) {
  private static final String SEPARATOR = "|";

  AmazonOrderCursor {
    done = Set.copyOf(done);
  }

  /** A cursor at rest: the next pull asks for orders changed at or after {@code since}. */
  static AmazonOrderCursor at(Instant since) {
    return new AmazonOrderCursor(since, since, null, Set.of());
  }

  /** The cursor a pull starts from; {@link OrderCursor#START} looks back from now. */
  static AmazonOrderCursor parse(OrderCursor cursor, Clock clock) {
    if (cursor.isStart()) {
      return at(clock.instant().minus(AmazonApi.FIRST_PULL_LOOKBACK).truncatedTo(ChronoUnit.SECONDS));
    }
    String[] parts = cursor.value().split("\\|", -1);
    try {
      if (parts.length == 1) {
        return at(Instant.parse(parts[0]));
      }
      if (parts.length == 4) {
        String page = parts[2].isEmpty() ? null
            : new String(Base64.getUrlDecoder().decode(parts[2]), StandardCharsets.UTF_8);
        Set<String> done = parts[3].isEmpty() ? Set.of() : new LinkedHashSet<>(List.of(parts[3].split(",")));
        return new AmazonOrderCursor(Instant.parse(parts[0]), Instant.parse(parts[1]), page, done);
      }
    } catch (DateTimeParseException | IllegalArgumentException e) {
      throw unreadable(cursor);
    }
    throw unreadable(cursor);
  }

  /** Whether this cursor is at rest rather than in the middle of a walk. */
  boolean atRest() {
    return page == null && done.isEmpty() && after.equals(highWater);
  }

  /** The LastUpdatedAfter to ask with: a walk keeps its own; a new walk stays two minutes behind now [C]. */
  Instant queryAfter(Instant now) {
    if (!atRest()) {
      return after;
    }
    Instant latest = now.minus(AmazonApi.ORDER_SETTLE).truncatedTo(ChronoUnit.SECONDS);
    return after.isAfter(latest) ? latest : after;
  }

  /** This cursor with an order delivered: its id is done on this page and its change raises the mark. */
  AmazonOrderCursor deliver(String orderId, Instant updated, Instant queriedAfter) {
    Set<String> ids = new LinkedHashSet<>(done);
    ids.add(orderId);
    Instant mark = updated != null && updated.isAfter(highWater) ? updated : highWater;
    return new AmazonOrderCursor(queriedAfter, mark, page, ids);
  }

  /** The walk goes on at the page {@code nextToken} names. */
  AmazonOrderCursor next(String nextToken, Instant queriedAfter) {
    return new AmazonOrderCursor(queriedAfter, highWater, nextToken, Set.of());
  }

  /** The walk is over: the next pull starts at the high-water mark. */
  AmazonOrderCursor finish() {
    return at(highWater);
  }

  OrderCursor encode() {
    if (atRest()) {
      return new OrderCursor(AmazonApi.TIMESTAMP.format(after));
    }
    String token = page == null ? ""
        : Base64.getUrlEncoder().withoutPadding().encodeToString(page.getBytes(StandardCharsets.UTF_8));
    return new OrderCursor(AmazonApi.TIMESTAMP.format(after) + SEPARATOR + AmazonApi.TIMESTAMP.format(highWater)
        + SEPARATOR + token + SEPARATOR + String.join(",", done));
  }

  private static PermanentFailure unreadable(OrderCursor cursor) {
    return new PermanentFailure("unreadable Amazon order cursor '" + cursor.value()
        + "': expected <timestamp> or <timestamp>|<timestamp>|<page>|<order ids>", 0, "bad_cursor");
  }
}
