package io.syncfleet.adapters.shopee;

import io.syncfleet.adapters.OrderCursor;
import io.syncfleet.adapters.failure.PermanentFailure;
import java.time.Clock;
import java.time.Instant;

/**
 * Where a Shopee order pull resumes. Shopee lists orders by update_time inside a window of at most
 * 15 days, paged with an opaque cursor [V]. At rest the value is {@code from}, the epoch second the
 * next window starts at. While a pull pages through a window the value is {@code from|to|page}: the
 * same fixed window continues at Shopee's page cursor. A finished window starts the next one a few
 * minutes before its end ({@link ShopeeApi#ORDER_OVERLAP}), so an order indexed late is not missed;
 * the order stream drops the repeats.
 *
 * <p>Example: {@code 1717200000} at rest, {@code 1717200000|1718496000|50} inside a window.
 */
record ShopeeOrderCursor(long from, long to, String page) {
  private static final String SEPARATOR = "|";

  /** The cursor a pull starts from; {@link OrderCursor#START} looks back one whole window. */
  static ShopeeOrderCursor parse(OrderCursor cursor, Clock clock) {
    if (cursor.isStart()) {
      return at(clock.instant().minus(ShopeeApi.ORDER_WINDOW).getEpochSecond());
    }
    String[] parts = cursor.value().split("\\|", 3);
    try {
      if (parts.length == 1) {
        return at(Long.parseLong(parts[0]));
      }
      if (parts.length == 3 && !parts[2].isEmpty()) {
        return new ShopeeOrderCursor(Long.parseLong(parts[0]), Long.parseLong(parts[1]), parts[2]);
      }
    } catch (NumberFormatException e) {
      throw unreadable(cursor);
    }
    throw unreadable(cursor);
  }

  static ShopeeOrderCursor at(long from) {
    return new ShopeeOrderCursor(from, 0, null);
  }

  boolean walking() {
    return page != null;
  }

  /** This cursor's window: kept while walking, otherwise from {@code from} to at most 15 days later, never past now. */
  ShopeeOrderCursor window(Instant now) {
    if (walking()) {
      return this;
    }
    long end = Math.min(from + ShopeeApi.ORDER_WINDOW.getSeconds(), now.getEpochSecond());
    return new ShopeeOrderCursor(from, end, null);
  }

  /** The next page of the same window. */
  ShopeeOrderCursor next(String nextPage) {
    return new ShopeeOrderCursor(from, to, nextPage);
  }

  /** The window is done: the next one starts shortly before its end. */
  ShopeeOrderCursor finish() {
    return at(Math.max(from, to - ShopeeApi.ORDER_OVERLAP.getSeconds()));
  }

  OrderCursor encode() {
    return new OrderCursor(walking() ? from + SEPARATOR + to + SEPARATOR + page : String.valueOf(from));
  }

  private static PermanentFailure unreadable(OrderCursor cursor) {
    return new PermanentFailure("unreadable Shopee order cursor '" + cursor.value()
        + "': expected <epoch seconds> or <from>|<to>|<page>", 0, "bad_cursor");
  }
}
