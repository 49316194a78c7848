package io.syncfleet.adapters.prestashop;

import io.syncfleet.adapters.OrderCursor;
import io.syncfleet.adapters.failure.PermanentFailure;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/**
 * Where a PrestaShop order pull resumes: {@code mark}, a {@code date_upd} in the shop's own local
 * time as PrestaShop writes it, and {@code offset}, a position among the orders changed at or after
 * it, oldest change first (then by id). At rest the value is the mark alone
 * ({@code 2024-05-01 10:00:00}); within a walk {@code 2024-05-01 10:00:00|100}.
 *
 * <p>After a full page the next one starts at the page's last change at offset 0, so an order
 * changed during the walk moves no other order past a page boundary unseen; only when a whole page
 * shares one second does the walk go on by offset. Orders at the mark come again, which the order
 * stream drops as repeats. The mark stays in the shop's time, so a wrong time zone setting shifts
 * the orders' dates but never loses one.
 */
record PrestaShopOrderCursor(String mark, int offset) {
  private static final String SEPARATOR = "|";

  /** The cursor a pull starts from; {@link OrderCursor#START} is the first-pull lookback before now. */
  static PrestaShopOrderCursor parse(OrderCursor cursor, Clock clock, ZoneId zone) {
    if (cursor.isStart()) {
      LocalDateTime from = LocalDateTime.ofInstant(clock.instant().minus(PrestaShopApi.FIRST_PULL_LOOKBACK), zone);
      return new PrestaShopOrderCursor(PrestaShopApi.LOCAL_DATE.format(from), 0);
    }
    String[] parts = cursor.value().split("\\|", -1);
    try {
      LocalDateTime.parse(parts[0], PrestaShopApi.LOCAL_DATE);
      if (parts.length == 1) {
        return new PrestaShopOrderCursor(parts[0], 0);
      }
      if (parts.length == 2 && Integer.parseInt(parts[1]) >= 0) {
        return new PrestaShopOrderCursor(parts[0], Integer.parseInt(parts[1]));
      }
    } catch (DateTimeParseException | NumberFormatException e) {
      throw unreadable(cursor);
    }
    throw unreadable(cursor);
  }

  /** The {@code filter[date_upd]} value: an inclusive range from the mark on [V core code]. */
  String range() {
    return "[" + mark + "," + PrestaShopApi.FAR_FUTURE + "]";
  }

  /** The next page of a walk whose latest change so far is {@code latest} (or null). */
  PrestaShopOrderCursor next(String latest) {
    return latest != null && latest.compareTo(mark) > 0 ? new PrestaShopOrderCursor(latest, 0)
        : new PrestaShopOrderCursor(mark, offset + PrestaShopApi.ORDER_PAGE);
  }

  /** The walk is over: the next pull starts at its latest change. */
  PrestaShopOrderCursor finish(String latest) {
    return new PrestaShopOrderCursor(latest != null && latest.compareTo(mark) > 0 ? latest : mark, 0);
  }

  OrderCursor encode() {
    return new OrderCursor(offset == 0 ? mark : mark + SEPARATOR + offset);
  }

  private static PermanentFailure unreadable(OrderCursor cursor) {
    return new PermanentFailure("unreadable PrestaShop order cursor '" + cursor.value()
        + "': expected <yyyy-MM-dd HH:mm:ss> or <yyyy-MM-dd HH:mm:ss>|<offset>", 0, "bad_cursor");
  }
}
