package io.syncfleet.producer.resync;

import io.syncfleet.producer.job.InvalidJobException;
import io.syncfleet.producer.job.JobIds;
import io.syncfleet.producer.job.JobValidator;
import io.syncfleet.producer.job.Operation;
import io.syncfleet.producer.job.Problem;
import io.syncfleet.producer.job.Queue;
import io.syncfleet.producer.job.SyncJob;
import io.syncfleet.producer.redis.Keys;
import io.syncfleet.producer.redis.Script;
import io.syncfleet.producer.state.ResyncChannelView;
import io.syncfleet.producer.state.ResyncsView;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;

/**
 * The write side of bulk resync records ({@code Keys.resync(id)}). A resync is offered like this:
 * {@link #start} claims the tenant's channels (refusing a duplicate), the caller offers each listing
 * once per channel with {@code SyncfleetClient.offer(..., Queue.BULK, items, id)} and calls
 * {@link #heartbeat} every few seconds while it does, then {@link #offered} per channel with the
 * number of items it offered; the workers count each item done, failed or superseded and finish the
 * channel when its last one ends. A SKU must be offered at most once per channel and resync, or the
 * counts never reach the total. When offering fails part-way, {@link #abandon} releases the channels.
 */
public final class Resyncs {
  /** Heartbeat age after which an offering resync counts as dead and may be taken over. */
  public static final Duration STALE_AFTER = ResyncsView.STALE_AFTER;
  /** How often the offering process should call {@link #heartbeat}. */
  public static final Duration HEARTBEAT_EVERY = Duration.ofSeconds(5);
  /** Resync records kept; older ones are trimmed unless still running. */
  public static final int KEPT = 100;

  private static final Script START = Script.load("resync_start");
  private static final Script HEARTBEAT = Script.load("resync_heartbeat");
  private static final Script OFFERED = Script.load("resync_offered");
  private static final Script ABANDON = Script.load("resync_abandon");

  private final JedisPool pool;
  private final Keys keys;
  private final Clock clock;

  public Resyncs(JedisPool pool, Keys keys, Clock clock) {
    this.pool = pool;
    this.keys = keys;
    this.clock = clock;
  }

  /**
   * What {@link #start} began.
   *
   * @param id        the new resync's id
   * @param takenOver resyncs whose offering process had died, abandoned to make way
   */
  public record Started(String id, List<String> takenOver) {
    public Started {
      takenOver = List.copyOf(takenOver);
    }
  }

  /**
   * Starts a resync of {@code tenant} on {@code channels}, in one atomic step: claims every channel, or
   * none and throws {@link ResyncRunningException} when a live resync holds any of them.
   *
   * @param source where the listings come from (a file name, or what the calling job is called)
   */
  public Started start(String tenant, Collection<String> channels, String source) {
    List<String> targets = new ArrayList<>(new LinkedHashSet<>(channels));
    check(tenant, targets);
    long now = clock.millis();
    String id = JobIds.next();
    List<String> scriptKeys = new ArrayList<>();
    scriptKeys.add(keys.resyncs());
    scriptKeys.add(keys.resync(id));
    for (String c : targets) {
      scriptKeys.add(keys.resyncRunning(tenant, c));
    }
    List<String> args = new ArrayList<>(List.of(id, Long.toString(now), Long.toString(STALE_AFTER.toMillis()),
        tenant, String.join(",", targets), source == null ? "" : source, keys.resyncPrefix(),
        keys.resyncRunning(tenant, ""), Integer.toString(KEPT)));
    args.addAll(targets);
    List<?> reply;
    try (Jedis jedis = pool.getResource()) {
      reply = (List<?>) START.eval(jedis, scriptKeys, args);
    }
    if ("running".equals(reply.get(0))) {
      ResyncsView view = new ResyncsView(pool, keys, clock);
      List<ResyncRunningException.Blocker> blockers = new ArrayList<>();
      for (int i = 1; i + 1 < reply.size(); i += 2) {
        String held = (String) reply.get(i + 1);
        blockers.add(new ResyncRunningException.Blocker((String) reply.get(i), held, view.get(held).orElse(null)));
      }
      throw new ResyncRunningException(tenant, blockers, clock.millis());
    }
    List<String> takenOver = new ArrayList<>();
    for (int i = 1; i < reply.size(); i++) {
      takenOver.add((String) reply.get(i));
    }
    return new Started(id, takenOver);
  }

  /** Tells readers the offering process is alive; false when no channel is offering any more. */
  public boolean heartbeat(String id) {
    return heartbeat(id, Map.of());
  }

  /**
   * Tells readers the offering process is alive, with the items it has offered so far per channel
   * (may be empty). Returns false when no channel is offering any more: the resync was abandoned or
   * taken over after a long silence, and the caller should stop offering.
   */
  public boolean heartbeat(String id, Map<String, Long> offeredSoFar) {
    List<String> args = new ArrayList<>();
    args.add(Long.toString(clock.millis()));
    offeredSoFar.forEach((channel, n) -> {
      args.add(channel);
      args.add(Long.toString(n));
    });
    try (Jedis jedis = pool.getResource()) {
      return (Long) HEARTBEAT.eval(jedis, List.of(keys.resync(id)), args) > 0;
    }
  }

  /**
   * Every item for {@code channel} is offered: records the total and leaves the rest to the workers,
   * or finishes the channel at once when every item has already ended. Returns the channel's state
   * afterwards ({@code draining} or {@code finished}); throws when it was no longer offering.
   */
  public String offered(String id, String tenant, String channel, long total) {
    String state;
    try (Jedis jedis = pool.getResource()) {
      state = (String) OFFERED.eval(jedis, List.of(keys.resync(id), keys.resyncRunning(tenant, channel)),
          List.of(id, channel, Long.toString(total), Long.toString(clock.millis())));
    }
    if (!ResyncChannelView.DRAINING.equals(state) && !ResyncChannelView.FINISHED.equals(state)) {
      throw new IllegalStateException("resync " + id + " on " + channel + " is "
          + (state.isEmpty() ? "not recorded" : state) + ", not offering");
    }
    return state;
  }

  /**
   * Offering failed part-way: every channel still offering becomes {@code abandoned} with
   * {@code reason} and releases its claim; channels already offered finish as usual. Items already
   * offered are still sent. Returns how many channels were abandoned.
   */
  public long abandon(String id, String tenant, String reason) {
    try (Jedis jedis = pool.getResource()) {
      return (Long) ABANDON.eval(jedis, List.of(keys.resync(id)),
          List.of(id, Long.toString(clock.millis()), reason, keys.resyncRunning(tenant, "")));
    }
  }

  /**
   * Checks the tenant and channels against the job contract (key names are built from them); throws
   * {@link InvalidJobException} naming each problem.
   */
  public static void check(String tenant, List<String> channels) {
    List<Problem> problems = new ArrayList<>();
    if (channels.isEmpty()) {
      problems.add(new Problem("channels", "at least one channel is needed"));
    }
    for (String channel : channels) {
      // The job contract's own checks of tenant and channel, on an item-less probe.
      SyncJob probe = SyncJob.create(tenant, channel, Operation.UPSERT_LISTINGS, Queue.BULK, List.of(), 0);
      for (Problem p : JobValidator.validate(probe)) {
        if (!p.field().startsWith("items") && !problems.contains(p)) {
          problems.add(p);
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidJobException(problems);
    }
  }
}
