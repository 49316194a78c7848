package io.syncfleet.producer.state;

import java.util.List;

/**
 * One bulk resync's record: what was resynced where, and each channel's progress.
 *
 * @param id          the resync id, carried by each of its lane entries
 * @param tenant      the merchant
 * @param source      where the listings came from (the catalog file, or what the caller named)
 * @param startedAt   when it started (epoch ms)
 * @param heartbeatAt the offering process's last sign of life (epoch ms)
 * @param finishedAt  when its last channel finished or was abandoned (epoch ms), 0 while running
 * @param state       {@code offering} while any channel is, else {@code draining} while any channel
 *                    is, else {@code stalled} or {@code abandoned} when any channel is, else
 *                    {@code finished}
 * @param running     true while any channel is offering or draining (a new resync of it is refused)
 * @param error       why it was abandoned, or null
 * @param channels    per channel, in the order given at the start
 */
public record ResyncView(String id, String tenant, String source, long startedAt, long heartbeatAt,
    long finishedAt, String state, boolean running, String error, List<ResyncChannelView> channels) {

  public ResyncView {
    channels = List.copyOf(channels);
  }

  /** Items of every channel. */
  public long total() {
    return channels.stream().mapToLong(ResyncChannelView::total).sum();
  }
}
