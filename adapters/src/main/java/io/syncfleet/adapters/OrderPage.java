package io.syncfleet.adapters;

import java.util.List;

/**
 * One page of orders and where to continue. When {@code hasMore} is false, {@code next} is where the
 * next scheduled pull starts.
 */
public record OrderPage(List<Order> orders, OrderCursor next, boolean hasMore) {
  public OrderPage {
    orders = List.copyOf(orders);
  }
}
