package io.syncfleet.producer.state;

/**
 * One consumer group reading a tenant's order stream: how far the merchant's system is behind.
 *
 * @param name            the group's name
 * @param consumers       consumers registered in the group
 * @param pending         entries delivered but not yet acknowledged
 * @param lastDeliveredId id of the last entry delivered to the group
 * @param lag             entries appended after that one and not yet delivered
 * @param lagExact        false when {@code lag} is a lower bound: Redis could not tell (before 7.0,
 *                        or after deletions) and counting stopped at {@link OrderStreams#LAG_COUNT_LIMIT}
 */
public record ConsumerGroupView(String name, long consumers, long pending, String lastDeliveredId,
    long lag, boolean lagExact) {}
