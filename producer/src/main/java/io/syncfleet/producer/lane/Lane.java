package io.syncfleet.producer.lane;

import io.syncfleet.producer.job.Operation;
import java.util.Objects;

/**
 * Where changes of one kind for one merchant on one channel wait to be sent: latest wins per SKU,
 * sent in batches of the channel's size by at most {@link Lanes#FLUSHERS} flush jobs at a time.
 */
public record Lane(String tenant, String channel, Operation operation) {

  public Lane {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(operation, "operation");
  }

  /** {@code tenant/channel/operation}, as listed in {@code Keys.lanes()}. */
  public String id() {
    return tenant + "/" + channel + "/" + operation.wireName();
  }

  /** The lane of an {@link #id()}. */
  public static Lane parse(String id) {
    String[] parts = id.split("/", -1);
    if (parts.length != 3) {
      throw new IllegalArgumentException("not a lane id: '" + id + "'");
    }
    return new Lane(parts[0], parts[1], Operation.fromWireName(parts[2]));
  }
}
