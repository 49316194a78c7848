package io.syncfleet.producer.job;

import java.util.List;

/**
 * The fleet's queues, by urgency rather than by marketplace: a stock or price change (oversell risk)
 * never waits behind bulk work. Workers poll them in {@link #byUrgency()} order.
 */
public enum Queue {
  /** Stock and price changes. */
  URGENT("urgent"),
  /** Listing upserts and deletes, order pulls, connection tests. */
  DEFAULT("default"),
  /** Bulk resyncs. */
  BULK("bulk");

  private static final List<Queue> BY_URGENCY = List.of(URGENT, DEFAULT, BULK);

  private final String queueName;

  Queue(String queueName) {
    this.queueName = queueName;
  }

  /** The queue's name in Redis (Jesque's {@code <namespace>:queue:<name>}). */
  public String queueName() {
    return queueName;
  }

  /** All queues, most urgent first. */
  public static List<Queue> byUrgency() {
    return BY_URGENCY;
  }

  /** Looks a queue up by its Redis name. */
  public static Queue fromName(String name) {
    for (Queue q : values()) {
      if (q.queueName.equals(name)) {
        return q;
      }
    }
    throw new IllegalArgumentException("unknown queue '" + name + "' (known: urgent, default, bulk)");
  }
}
