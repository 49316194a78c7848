package io.syncfleet.adapters;

/**
 * Where an order pull resumes: an adapter-defined opaque value (a timestamp, a page token), stored
 * per connection by the worker between pulls. {@link #START} means "first pull".
 */
public record OrderCursor(String value) {
  public static final OrderCursor START = new OrderCursor(null);

  public boolean isStart() {
    return value == null;
  }
}
