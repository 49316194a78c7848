package io.syncfleet.producer.state;

import io.syncfleet.producer.redis.Keys;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.Response;

/**
 * The fleet's counters at one moment (Sidekiq's {@code Stats}), read in one pipelined round trip.
 *
 * @param processed jobs processed since the namespace was created
 * @param failed    jobs that ended in the dead set since then
 * @param dead      jobs in the dead set now
 * @param scheduled jobs waiting on the schedule (retries, postponed work)
 * @param enqueued  jobs waiting on all queues
 * @param minutes   processed and failed per minute, oldest first, the current minute last
 */
public record FleetStats(long processed, long failed, long dead, long scheduled, long enqueued,
    List<MinuteCount> minutes) {

  /** Longest history kept by the per-minute counters worth asking for: one day. */
  public static final int MAX_MINUTES = 1440;

  public FleetStats {
    minutes = List.copyOf(minutes);
  }

  /** Reads the counters, with the per-minute history of the last {@code minutes} minutes (0 for none). */
  public static FleetStats read(JedisPool pool, Keys keys, Clock clock, int minutes) {
    int span = Math.max(0, Math.min(minutes, MAX_MINUTES));
    long thisMinute = clock.millis() / 60_000;
    try (Jedis jedis = pool.getResource()) {
      List<String> queues = Queues.names(jedis, keys);
      Pipeline pipeline = jedis.pipelined();
      Response<String> processed = pipeline.get(keys.processed());
      Response<String> failed = pipeline.get(keys.failed());
      Response<Long> dead = pipeline.zcard(keys.dead());
      Response<Long> scheduled = pipeline.zcard(keys.schedule());
      List<Response<Long>> depths = new ArrayList<>();
      for (String queue : queues) {
        depths.add(pipeline.llen(keys.queue(queue)));
      }
      List<Response<String>> processedPerMinute = new ArrayList<>();
      List<Response<String>> failedPerMinute = new ArrayList<>();
      for (long m = thisMinute - span + 1; m <= thisMinute; m++) {
        processedPerMinute.add(pipeline.get(keys.statMinute("processed", m)));
        failedPerMinute.add(pipeline.get(keys.statMinute("failed", m)));
      }
      pipeline.sync();
      long enqueued = 0;
      for (Response<Long> depth : depths) {
        enqueued += depth.get();
      }
      List<MinuteCount> history = new ArrayList<>();
      for (int i = 0; i < span; i++) {
        history.add(new MinuteCount(thisMinute - span + 1 + i, num(processedPerMinute.get(i).get()),
            num(failedPerMinute.get(i).get())));
      }
      return new FleetStats(num(processed.get()), num(failed.get()), dead.get(), scheduled.get(),
          enqueued, history);
    }
  }

  private static long num(String counter) {
    return counter == null ? 0 : Long.parseLong(counter);
  }
}
