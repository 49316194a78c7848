package io.syncfleet.adapters;

import io.syncfleet.producer.job.ChannelSpec;
import io.syncfleet.producer.job.Operation;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * What an adapter can do: the channel's operations and batch limits (the job contract's
 * {@link ChannelSpec}) and the marketplace's rate plan per operation.
 */
public record Capabilities(ChannelSpec spec, Map<Operation, RatePlan> ratePlans) {

  public Capabilities {
    ratePlans = ratePlans.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(ratePlans));
  }

  public boolean supports(Operation op) {
    return spec.supports(op);
  }

  /** The rate plan of an operation, if the marketplace publishes one. */
  public Optional<RatePlan> ratePlan(Operation op) {
    return Optional.ofNullable(ratePlans.get(op));
  }
}
