package io.syncfleet.producer.job;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a job for one channel may carry: the operations the marketplace offers and the most items
 * one job of each may hold (the marketplace's own batch limit). Producers validate against it and
 * split larger requests; adapters declare it as part of their capabilities.
 */
public record ChannelSpec(String id, String displayName, Map<Operation, Integer> maxItems) {

  public ChannelSpec {
    maxItems = Collections.unmodifiableMap(new EnumMap<>(maxItems));
  }

  /** Starts a spec; operations not added are absent for this channel. */
  public static Builder builder(String id, String displayName) {
    return new Builder(id, displayName);
  }

  /** Whether the channel offers the operation. */
  public boolean supports(Operation op) {
    return maxItems.containsKey(op);
  }

  /** The batch limit of an operation, if offered. */
  public Optional<Integer> batchLimit(Operation op) {
    return Optional.ofNullable(maxItems.get(op));
  }

  /** The operations the channel offers. */
  public Set<Operation> operations() {
    return maxItems.keySet();
  }

  /** Collects a channel's operations; not thread-safe, builds an immutable spec. */
  public static final class Builder {
    private final String id;
    private final String displayName;
    private final Map<Operation, Integer> maxItems = new EnumMap<>(Operation.class);

    private Builder(String id, String displayName) {
      this.id = id;
      this.displayName = displayName;
    }

    /** Offers an item-carrying operation with its batch limit. */
    public Builder batch(Operation op, int limit) {
      if (!op.carriesItems() || limit < 1) {
        throw new IllegalArgumentException(op + " with limit " + limit);
      }
      maxItems.put(op, limit);
      return this;
    }

    /** Offers an operation that carries no items. */
    public Builder offers(Operation op) {
      if (op.carriesItems()) {
        throw new IllegalArgumentException(op + " carries items: give its batch limit");
      }
      maxItems.put(op, 0);
      return this;
    }

    public ChannelSpec build() {
      return new ChannelSpec(id, displayName, maxItems);
    }
  }
}
