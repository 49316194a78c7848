package io.syncfleet.producer.lane;

import io.syncfleet.producer.job.Channels;
import io.syncfleet.producer.job.Queue;
import io.syncfleet.producer.redis.Keys;
import io.syncfleet.producer.redis.Script;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.Response;

/**
 * Offers changes into lanes, one script call per chunk: latest wins per SKU, older versions are
 * refused, and flush jobs are armed as the waiting work needs them. A change waits for the
 * coalescing window (so a burst of changes to one SKU becomes one call), but never longer than
 * {@link #LONGEST_LINGER} while it keeps changing; bulk work has no window.
 */
public final class Lanes {
  /**
   * Flush jobs a lane starts with, and keeps unless its connection's {@code concurrency} setting
   * allows more: then workers add one per batch while full batches wait, up to that setting.
   */
  public static final int FLUSHERS = 4;
  /** Flush jobs per lane at most, whatever a connection allows. */
  public static final int MOST_FLUSHERS = 64;
  /** How long a change waits for a newer one of the same SKU, unless configured otherwise. */
  public static final Duration DEFAULT_WINDOW = Duration.ofMillis(250);
  /** The longest a SKU that keeps changing waits before its latest value is sent. */
  public static final Duration LONGEST_LINGER = Duration.ofSeconds(5);
  /** Changes per script call: keeps each call short so Redis stays responsive. */
  public static final int CHUNK = 500;

  /** The environment variable that sets the coalescing window, in milliseconds. */
  public static final String WINDOW_ENV = "SYNCFLEET_COALESCE_WINDOW_MS";

  private static final Script OFFER = Script.load("offer");

  private final Keys keys;
  private final long windowMs;

  public Lanes(Keys keys, Duration window) {
    if (window.isNegative() || window.compareTo(LONGEST_LINGER) > 0) {
      throw new IllegalArgumentException("coalescing window must be 0.." + LONGEST_LINGER.toMillis()
          + " ms, was " + window.toMillis());
    }
    this.keys = keys;
    this.windowMs = window.toMillis();
  }

  /** The coalescing window from {@value #WINDOW_ENV}, or {@link #DEFAULT_WINDOW}. */
  public static Duration windowFromEnv(java.util.Map<String, String> env) {
    String raw = env.get(WINDOW_ENV);
    if (raw == null || raw.isBlank()) {
      return DEFAULT_WINDOW;
    }
    try {
      return Duration.ofMillis(Long.parseLong(raw.trim()));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(WINDOW_ENV + " must be milliseconds, was '" + raw + "'");
    }
  }

  /** A lane's priority class: its queue's place in {@link Queue#byUrgency()}. */
  public static int classOf(Queue queue) {
    return Queue.byUrgency().indexOf(queue);
  }

  /** The queue of a priority class. */
  public static Queue queueOf(int klass) {
    return Queue.byUrgency().get(klass);
  }

  /** Offers {@code changes} (at most {@link #CHUNK}) to {@code lane} as {@code queue} work, at {@code now}. */
  public Offered offer(Jedis jedis, Lane lane, Queue queue, List<Change> changes, long now) {
    return Offered.from(OFFER.eval(jedis, scriptKeys(lane), args(lane, queue, changes, now)));
  }

  /** The same, queued on a pipeline; read the reply with {@link Offered#from(Object)}. */
  public Response<Object> offer(Pipeline pipeline, Lane lane, Queue queue, List<Change> changes, long now) {
    return OFFER.eval(pipeline, scriptKeys(lane), args(lane, queue, changes, now));
  }

  private List<String> scriptKeys(Lane lane) {
    LaneKeys k = LaneKeys.of(keys, lane);
    return List.of(k.pending(), k.due(), k.firstSeen(), k.versions(), k.flushers(), k.stats(), keys.lanes(),
        keys.queues(), keys.wake());
  }

  private List<String> args(Lane lane, Queue queue, List<Change> changes, long now) {
    if (changes.size() > CHUNK) {
      throw new IllegalArgumentException("at most " + CHUNK + " changes per offer, got " + changes.size());
    }
    int batch = Channels.find(lane.channel()).flatMap(s -> s.batchLimit(lane.operation())).orElse(1);
    List<String> a = new ArrayList<>(13 + changes.size() * 4);
    a.add(lane.id());
    a.add(Long.toString(now));
    a.add(Integer.toString(classOf(queue)));
    a.add(Long.toString(queue == Queue.BULK ? 0 : windowMs));
    a.add(Long.toString(LONGEST_LINGER.toMillis()));
    a.add(Integer.toString(batch));
    a.add(Integer.toString(FLUSHERS));
    a.add(queue.queueName());
    a.add(FlushJob.template(lane, queue));
    a.add(keys.queue(""));
    a.add(keys.resyncPrefix());
    a.add(lane.channel());
    a.add(keys.resyncRunning(lane.tenant(), lane.channel()));
    for (Change c : changes) {
      if (c.item().version() == null) {
        throw new IllegalArgumentException("change for " + c.item().sku() + " has no version");
      }
      a.add(c.item().sku());
      a.add(Long.toString(c.item().version()));
      a.add(c.toJson());
      a.add(c.resync() == null ? "" : c.resync());
    }
    return a;
  }

  /**
   * What an offer did.
   *
   * @param offered   changes now waiting (new SKUs and replacements)
   * @param coalesced of those, how many replaced a change still waiting
   * @param stale     changes refused: a newer version of the SKU was already accepted
   * @param armed     flush jobs started for the lane
   */
  public record Offered(long offered, long coalesced, long stale, long armed) {
    public static final Offered NONE = new Offered(0, 0, 0, 0);

    /** Reads the offer script's reply. */
    public static Offered from(Object reply) {
      List<?> r = (List<?>) reply;
      return new Offered((Long) r.get(0), (Long) r.get(1), (Long) r.get(2), (Long) r.get(3));
    }

    /** Both offers' counts. */
    public Offered plus(Offered o) {
      return new Offered(offered + o.offered, coalesced + o.coalesced, stale + o.stale, armed + o.armed);
    }
  }
}
