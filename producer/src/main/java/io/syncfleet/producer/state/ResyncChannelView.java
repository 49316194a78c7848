package io.syncfleet.producer.state;

/**
 * One channel of a bulk resync as it stands.
 *
 * @param channel    the channel
 * @param state      {@code offering} (the file is still being read), {@code draining} (every item is
 *                   in the lane, the workers are sending them), {@code finished}, {@code abandoned}
 *                   (offering failed or its process died; items already offered are still sent), or
 *                   {@code stalled} (offering, but its process has sent no heartbeat for a minute: it
 *                   died, and the next resync of the channel takes over)
 * @param total      items offered to the channel; while offering, those offered so far
 * @param done       items the marketplace accepted
 * @param failed     items that ended in the dead set
 * @param superseded items a newer change replaced before they were sent
 * @param pending    items still to send ({@code total} less the ended ones), or null while offering
 *                   (or stalled) since the total is not known
 * @param finishedAt when the channel finished or was abandoned (epoch ms), 0 before
 */
public record ResyncChannelView(String channel, String state, long total, long done, long failed,
    long superseded, Long pending, long finishedAt) {

  public static final String OFFERING = "offering";
  public static final String DRAINING = "draining";
  public static final String FINISHED = "finished";
  public static final String ABANDONED = "abandoned";
  public static final String STALLED = "stalled";

  /** True while the channel's resync holds the channel: offering or draining. */
  public boolean running() {
    return OFFERING.equals(state) || DRAINING.equals(state);
  }

  /** Items that ended one way or another. */
  public long ended() {
    return done + failed + superseded;
  }

  /** Items offered but not ended yet, also while offering (a lower bound then). */
  public long outstanding() {
    return Math.max(0, total - ended());
  }
}
