package io.syncfleet.worker.flow;

import io.syncfleet.producer.lane.FlushJob;
import io.syncfleet.producer.lane.Lane;
import io.syncfleet.producer.lane.LaneKeys;
import io.syncfleet.producer.redis.Keys;
import io.syncfleet.producer.redis.Script;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import redis.clients.jedis.Jedis;

/**
 * One flusher slot's side of its lane, each step one atomic script call: claim a batch of due
 * changes (or take back what the slot held when its process died), settle what was sent, and
 * learn what the slot does next.
 */
public final class LaneSlot {
  private static final Script LANE = Script.load("lane");

  private final Keys keys;

  public LaneSlot(Keys keys) {
    this.keys = keys;
  }

  /** A change going back to wait: for a retry at {@code dueAt}, unless a newer one is waiting. */
  public record Back(String sku, long dueAt, int klass, String change) {}

  /**
   * What the slot does next: send {@code claimed} (SKU to change JSON), come back at {@code dueAt}
   * for work of class {@code klass}, or stop (nothing waits in the lane).
   */
  public record Step(Map<String, String> claimed, long dueAt, int klass, boolean retired) {
    public boolean hasWork() {
      return !claimed.isEmpty();
    }
  }

  /**
   * Claims up to {@code batch} due changes for {@code flush}'s slot. With a backlog of full batches
   * and fewer than {@code mostFlushers} slots at work, one more slot is started on the same queue.
   */
  public Step claim(Jedis jedis, FlushJob flush, int batch, int mostFlushers) {
    return run(jedis, flush, batch, mostFlushers, List.of(), List.of(), List.of());
  }

  /** Settles a sent batch and says what comes next (without claiming). */
  public Step settle(Jedis jedis, FlushJob flush, List<String> done, List<Back> back, List<String> dead) {
    return run(jedis, flush, 0, 0, done, back, dead);
  }

  private Step run(Jedis jedis, FlushJob flush, int batch, int mostFlushers, List<String> done, List<Back> back,
      List<String> dead) {
    Lane lane = flush.lane();
    int slot = flush.slot();
    LaneKeys k = LaneKeys.of(keys, lane);
    List<String> a = new ArrayList<>();
    a.add(Integer.toString(slot));
    a.add(Long.toString(System.currentTimeMillis()));
    a.add(Integer.toString(batch));
    a.add(lane.id());
    a.add(keys.resyncPrefix());
    a.add(lane.channel());
    a.add(k.resyncRunning());
    a.add(Integer.toString(mostFlushers));
    a.add(FlushJob.template(lane, flush.queue()));
    a.add(keys.queue(flush.queue().queueName()));
    a.add(flush.queue().queueName());
    a.add(Integer.toString(done.size()));
    a.addAll(done);
    a.add(Integer.toString(back.size()));
    for (Back b : back) {
      a.add(b.sku());
      a.add(Long.toString(b.dueAt()));
      a.add(Integer.toString(b.klass()));
      a.add(b.change());
    }
    a.add(Integer.toString(dead.size()));
    a.addAll(dead);
    List<?> r = (List<?>) LANE.eval(jedis, List.of(k.pending(), k.due(), k.firstSeen(), k.busy(),
        k.claimed(slot), k.flushers(), keys.lanes(), keys.queues(), keys.wake()), a);
    String kind = (String) r.get(0);
    if ("items".equals(kind)) {
      Map<String, String> claimed = new LinkedHashMap<>();
      for (int i = 1; i + 1 < r.size(); i += 2) {
        claimed.put((String) r.get(i), (String) r.get(i + 1));
      }
      return new Step(claimed, 0, 0, false);
    }
    if ("next".equals(kind)) {
      return new Step(Map.of(), Long.parseLong((String) r.get(1)), Integer.parseInt((String) r.get(2)), false);
    }
    return new Step(Map.of(), 0, 0, true);
  }
}
