package io.syncfleet.adapters.shopify;

import io.syncfleet.adapters.OrderCursor;
import io.syncfleet.adapters.failure.PermanentFailure;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * Where an order pull resumes. Between runs it is the {@code updated_at} high-water mark alone
 * ({@code 2026-05-01T10:00:00Z}). Within a run of several pages it also keeps the run's lower bound,
 * the highest {@code updated_at} seen so far and Shopify's page cursor
 * ({@code since|highWater|endCursor}), so the run pages through one fixed result set and the next
 * run starts where it ended.
 *
 * <p>The search is {@code updated_at:>=}, not {@code >}: Shopify's timestamps have whole seconds, so
 * an order changed in the same second as the mark but seen later would otherwise be missed for good.
 * Orders at the mark come again; the order stream keeps each change once.
 *
 * @param since     lower bound of the current run, or null for all orders
 * @param highWater highest {@code updated_at} seen in this run, or null
 * @param after     Shopify's page cursor within the run, or null at a run's start
 */
record ShopifyOrderCursor(Instant since, Instant highWater, String after) {
  private static final String SEPARATOR = "|";

  /** Reads a stored cursor; one this adapter did not write is a permanent failure of the pull. */
  static ShopifyOrderCursor decode(OrderCursor cursor) {
    if (cursor == null || cursor.isStart()) {
      return new ShopifyOrderCursor(null, null, null);
    }
    String value = cursor.value();
    try {
      if (!value.contains(SEPARATOR)) {
        return new ShopifyOrderCursor(Instant.parse(value), null, null);
      }
      String[] parts = value.split("\\|", 3);
      if (parts.length < 3 || parts[2].isEmpty()) {
        throw new IllegalArgumentException("no page cursor");
      }
      return new ShopifyOrderCursor(instantOrNull(parts[0]), instantOrNull(parts[1]), parts[2]);
    } catch (DateTimeParseException | IllegalArgumentException e) {
      throw new PermanentFailure("unreadable Shopify order cursor '" + value + "': " + e.getMessage(), 0,
          "invalid_cursor");
    }
  }

  /** The stored form. */
  OrderCursor encode() {
    if (after == null) {
      return since == null ? OrderCursor.START : new OrderCursor(since.toString());
    }
    return new OrderCursor(text(since) + SEPARATOR + text(highWater) + SEPARATOR + after);
  }

  /** Shopify's search query for this run, or null for every order. */
  String searchQuery() {
    return since == null ? null : "updated_at:>='" + since + "'";
  }

  /** This run, one page further, having seen orders up to {@code seen}. */
  ShopifyOrderCursor nextPage(Instant seen, String pageCursor) {
    return new ShopifyOrderCursor(since, seen, pageCursor);
  }

  /** The start of the next run after this one saw orders up to {@code seen}. */
  ShopifyOrderCursor nextRun(Instant seen) {
    return new ShopifyOrderCursor(seen != null ? seen : since, null, null);
  }

  /** The later of a high-water mark and an order's {@code updatedAt}; either may be null. */
  static Instant later(Instant mark, Instant updatedAt) {
    if (updatedAt == null) {
      return mark;
    }
    return mark == null || updatedAt.isAfter(mark) ? updatedAt : mark;
  }

  private static Instant instantOrNull(String text) {
    return text.isEmpty() ? null : Instant.parse(text);
  }

  private static String text(Instant instant) {
    return instant == null ? "" : instant.toString();
  }
}
