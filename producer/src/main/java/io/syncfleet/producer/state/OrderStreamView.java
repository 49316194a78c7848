package io.syncfleet.producer.state;

import java.util.List;

/**
 * A tenant's order stream as it stands.
 *
 * @param tenant      the merchant
 * @param stream      the stream's Redis key, which the merchant's system reads
 * @param length      entries in the stream
 * @param lastEntryId id of the newest entry, null when the stream is empty or not created yet
 * @param lastEntryAt when the newest entry was appended (epoch ms), 0 when there is none
 * @param groups      consumer groups reading it, by name; empty until the merchant creates one
 */
public record OrderStreamView(String tenant, String stream, long length, String lastEntryId,
    long lastEntryAt, List<ConsumerGroupView> groups) {

  public OrderStreamView {
    groups = List.copyOf(groups);
  }
}
