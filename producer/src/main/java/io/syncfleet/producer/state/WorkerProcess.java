package io.syncfleet.producer.state;

import java.util.List;

/**
 * One worker process as its last heartbeat described it.
 *
 * @param id                  process id as registered
 * @param host                host name, null when its description has expired
 * @param pid                 operating-system process id, null when unknown
 * @param startedAt           start time (epoch ms), 0 when unknown
 * @param heartbeatAt         last heartbeat (epoch ms)
 * @param heartbeatAgeMillis  time since the last heartbeat when this was read
 * @param concurrency         worker threads
 * @param queues              queues it polls, most urgent first
 * @param busy                threads running a job
 * @param threads             what the busy threads run
 * @param alive               false when its heartbeat stopped: the process is gone or stuck
 */
public record WorkerProcess(String id, String host, String pid, long startedAt, long heartbeatAt,
    long heartbeatAgeMillis, int concurrency, List<String> queues, int busy,
    List<WorkerThread> threads, boolean alive) {

  public WorkerProcess {
    queues = List.copyOf(queues);
    threads = List.copyOf(threads);
  }
}
