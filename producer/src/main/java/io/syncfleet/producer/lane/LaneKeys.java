package io.syncfleet.producer.lane;

import io.syncfleet.producer.redis.Keys;

/** The Redis keys of one lane (see {@link Keys} for what each holds). */
public record LaneKeys(Keys keys, Lane lane, String pending, String due, String firstSeen, String versions,
    String busy, String flushers, String stats) {

  public static LaneKeys of(Keys keys, Lane lane) {
    String t = lane.tenant();
    String c = lane.channel();
    String op = lane.operation().wireName();
    return new LaneKeys(keys, lane, keys.lanePending(t, c, op), keys.laneDue(t, c, op),
        keys.laneFirstSeen(t, c, op), keys.laneVersions(t, c, op), keys.laneBusy(t, c, op),
        keys.laneFlushers(t, c, op), keys.laneStats(t, c, op));
  }

  /** What flusher {@code slot} has claimed and is sending. */
  public String claimed(int slot) {
    return keys.laneClaimed(lane.tenant(), lane.channel(), lane.operation().wireName(), slot);
  }

  /** The key that says which resync is running for this lane's tenant and channel. */
  public String resyncRunning() {
    return keys.resyncRunning(lane.tenant(), lane.channel());
  }
}
