package io.syncfleet.adapters;

import io.syncfleet.adapters.failure.PermanentFailure;
import io.syncfleet.producer.job.ChannelSpec;
import io.syncfleet.producer.job.Operation;

/**
 * Refuses a batch larger than the channel's limit before anything is sent. Jobs that come through
 * the producer and the worker never are; this guards adapters called directly.
 */
public final class BatchLimits {
  private BatchLimits() {}

  /** Throws a permanent {@code batch_too_large} failure when {@code size} exceeds the spec's limit. */
  public static void require(ChannelSpec spec, Operation op, int size) {
    int limit = spec.batchLimit(op).orElseThrow(() ->
        new IllegalArgumentException(spec.id() + " does not offer " + op.wireName()));
    if (size > limit) {
      throw new PermanentFailure("a batch of " + size + " items is over the " + spec.displayName()
          + " limit of " + limit + " for " + op.wireName(), 0, "batch_too_large");
    }
  }
}
