package io.syncfleet.producer.state;

import io.syncfleet.producer.redis.Keys;
import java.time.Clock;
import java.util.List;
import redis.clients.jedis.JedisPool;

/**
 * Everything the CLI's {@code status} and the dashboard's front page show, read at one moment:
 * counters, queues, worker processes, bulk resyncs and the changes waiting in lanes.
 *
 * @param capturedAt when it was read (epoch ms)
 * @param stats      counters and per-minute history
 * @param queues     every queue, most urgent first
 * @param processes  worker processes, live ones first
 * @param resyncs    running resyncs and the most recent others ({@link ResyncsView#RECENT} at most), newest first
 * @param lanes      lanes with changes waiting or in flight, by id
 */
public record FleetStatus(long capturedAt, FleetStats stats, List<QueueView> queues,
    List<WorkerProcess> processes, List<ResyncView> resyncs, List<LaneView> lanes) {

  public FleetStatus {
    queues = List.copyOf(queues);
    processes = List.copyOf(processes);
    resyncs = List.copyOf(resyncs);
    lanes = List.copyOf(lanes);
  }

  /** Reads the fleet's state, with {@code minutes} of per-minute history. */
  public static FleetStatus capture(JedisPool pool, Keys keys, Clock clock, int minutes) {
    return new FleetStatus(clock.millis(), FleetStats.read(pool, keys, clock, minutes),
        new Queues(pool, keys, clock).all(), new WorkerProcesses(pool, keys, clock).all(),
        new ResyncsView(pool, keys, clock).runningAndRecent(ResyncsView.RECENT), new LanesView(pool, keys).all());
  }

  /** Processes with a recent heartbeat. */
  public long liveProcesses() {
    return processes.stream().filter(WorkerProcess::alive).count();
  }

  /** Threads running a job across the live processes. */
  public int busyThreads() {
    return processes.stream().filter(WorkerProcess::alive).mapToInt(WorkerProcess::busy).sum();
  }

  /** Threads across the live processes. */
  public int totalThreads() {
    return processes.stream().filter(WorkerProcess::alive).mapToInt(WorkerProcess::concurrency).sum();
  }
}
