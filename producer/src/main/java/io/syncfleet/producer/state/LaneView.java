package io.syncfleet.producer.state;

/**
 * One lane (tenant, channel, operation): changes waiting to be sent and its counters.
 *
 * @param tenant    the merchant
 * @param channel   the channel
 * @param operation the operation's wire name, e.g. {@code update_stock}
 * @param waiting   SKUs with a change waiting (one each: the latest wins)
 * @param inFlight  SKUs being sent right now
 * @param offered   changes accepted into the lane since it was first used
 * @param coalesced of those, how many replaced a change still waiting (calls saved)
 * @param stale     changes refused because a newer version of their SKU was already accepted
 */
public record LaneView(String tenant, String channel, String operation, long waiting, long inFlight,
    long offered, long coalesced, long stale) {

  /** {@code tenant/channel/operation}. */
  public String id() {
    return tenant + "/" + channel + "/" + operation;
  }
}
