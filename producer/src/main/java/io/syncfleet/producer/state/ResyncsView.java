package io.syncfleet.producer.state;

import io.syncfleet.producer.redis.Keys;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.Response;

/**
 * The bulk resyncs recorded ({@code Keys.resyncs()}, the newest 100 are kept), newest first, with
 * per-channel progress as the offering process and the workers count it. A channel still offering
 * whose process has sent no heartbeat for {@link #STALE_AFTER} is shown as {@code stalled}: the next
 * resync of it takes it over. Read-only.
 */
public final class ResyncsView {
  /** Resyncs the status command and the front page show, running ones aside. */
  public static final int RECENT = 10;
  /** Heartbeat age after which an offering resync's process counts as dead. */
  public static final Duration STALE_AFTER = Duration.ofSeconds(60);

  private final JedisPool pool;
  private final Keys keys;
  private final Clock clock;

  public ResyncsView(JedisPool pool, Keys keys, Clock clock) {
    this.pool = pool;
    this.keys = keys;
    this.clock = clock;
  }

  /** The newest {@code limit} resyncs, newest first. */
  public List<ResyncView> recent(int limit) {
    if (limit < 1) {
      return List.of();
    }
    try (Jedis jedis = pool.getResource()) {
      return read(jedis, new ArrayList<>(jedis.zrevrange(keys.resyncs(), 0, limit - 1)));
    }
  }

  /** Every running resync, however old, then the newest others up to {@code recent} in all; newest first. */
  public List<ResyncView> runningAndRecent(int recent) {
    try (Jedis jedis = pool.getResource()) {
      List<ResyncView> out = new ArrayList<>();
      int others = 0;
      // The set is trimmed to about a hundred records, so reading all of them stays cheap.
      for (ResyncView r : read(jedis, new ArrayList<>(jedis.zrevrange(keys.resyncs(), 0, -1)))) {
        if (r.running()) {
          out.add(r);
        } else if (out.size() + others < recent) {
          out.add(r);
          others++;
        }
      }
      return out;
    }
  }

  /** Running resyncs, newest first. */
  public List<ResyncView> running() {
    return runningAndRecent(0);
  }

  /** One resync, empty when it was never started or its record was trimmed. */
  public Optional<ResyncView> get(String id) {
    try (Jedis jedis = pool.getResource()) {
      List<ResyncView> one = read(jedis, List.of(id));
      return one.isEmpty() ? Optional.empty() : Optional.of(one.get(0));
    }
  }

  private List<ResyncView> read(Jedis jedis, List<String> ids) {
    Pipeline pipeline = jedis.pipelined();
    List<Response<Map<String, String>>> records = new ArrayList<>();
    for (String id : ids) {
      records.add(pipeline.hgetAll(keys.resync(id)));
    }
    pipeline.sync();
    long now = clock.millis();
    List<ResyncView> out = new ArrayList<>();
    for (int i = 0; i < ids.size(); i++) {
      Map<String, String> h = records.get(i).get();
      if (!h.isEmpty()) {
        out.add(describe(ids.get(i), h, now));
      }
    }
    return out;
  }

  /** A record as the resync scripts and the workers' settle script write it. */
  static ResyncView describe(String id, Map<String, String> h, long now) {
    boolean stalled = now - num(h.get("heartbeat")) > STALE_AFTER.toMillis();
    List<ResyncChannelView> channels = new ArrayList<>();
    String list = h.getOrDefault("channels", "");
    for (String c : list.isEmpty() ? new String[0] : list.split(",")) {
      channels.add(channel(c, h, stalled));
    }
    boolean offering = false;
    boolean draining = false;
    boolean stalledChannel = false;
    boolean abandoned = false;
    long finishedAt = 0;
    for (ResyncChannelView c : channels) {
      offering |= ResyncChannelView.OFFERING.equals(c.state());
      draining |= ResyncChannelView.DRAINING.equals(c.state());
      stalledChannel |= ResyncChannelView.STALLED.equals(c.state());
      abandoned |= ResyncChannelView.ABANDONED.equals(c.state());
      finishedAt = Math.max(finishedAt, c.finishedAt());
    }
    String state = offering ? ResyncChannelView.OFFERING : draining ? ResyncChannelView.DRAINING
        : stalledChannel ? ResyncChannelView.STALLED : abandoned ? ResyncChannelView.ABANDONED
        : ResyncChannelView.FINISHED;
    boolean running = offering || draining;
    return new ResyncView(id, h.get("tenant"), h.get("file"), num(h.get("startedAt")), num(h.get("heartbeat")),
        running ? 0 : finishedAt, state, running, h.get("error"), channels);
  }

  private static ResyncChannelView channel(String c, Map<String, String> h, boolean stalled) {
    String state = h.getOrDefault(c + ":state", ResyncChannelView.OFFERING);
    long done = num(h.get(c + ":done"));
    long failed = num(h.get(c + ":failed"));
    long superseded = num(h.get(c + ":superseded"));
    boolean offering = ResyncChannelView.OFFERING.equals(state);
    long total = offering || ResyncChannelView.ABANDONED.equals(state) && num(h.get(c + ":total")) == 0
        ? num(h.get(c + ":sent")) : num(h.get(c + ":total"));
    long ended = done + failed + superseded;
    if (ResyncChannelView.DRAINING.equals(state) && ended >= total) {
      // Every item ended, but the change that ended last was not one whose settle finishes the channel
      // (a newer offer replaced it); the next resync of the channel records it as finished.
      state = ResyncChannelView.FINISHED;
    } else if (offering && stalled) {
      state = ResyncChannelView.STALLED;
    }
    return new ResyncChannelView(c, state, total, done, failed, superseded,
        offering ? null : Math.max(0, total - ended), num(h.get(c + ":finishedAt")));
  }

  private static long num(String value) {
    if (value == null) {
      return 0;
    }
    try {
      return Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
