package io.syncfleet.producer;

import io.syncfleet.producer.lane.Lanes;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one call offered, per channel: changes now waiting to be sent, how many of them replaced a
 * change still waiting (coalesced), and how many were refused because a newer version of their SKU
 * was already accepted (stale).
 */
public record OfferReceipt(Map<String, Lanes.Offered> byChannel) {

  public OfferReceipt {
    byChannel = Collections.unmodifiableMap(new LinkedHashMap<>(byChannel));
  }

  /** The counts across all channels. */
  public Lanes.Offered total() {
    Lanes.Offered sum = Lanes.Offered.NONE;
    for (Lanes.Offered o : byChannel.values()) {
      sum = sum.plus(o);
    }
    return sum;
  }

  /** The counts of one channel (zero when it was not offered to). */
  public Lanes.Offered of(String channel) {
    return byChannel.getOrDefault(channel, Lanes.Offered.NONE);
  }
}
