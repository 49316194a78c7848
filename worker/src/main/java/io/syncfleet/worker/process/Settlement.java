package io.syncfleet.worker.process;

import io.syncfleet.producer.state.DeadJob;
import java.util.ArrayList;
import java.util.List;

/**
 * How a job ended, as the worker will record it atomically with taking it out of flight: nothing
 * further (done), retries on the schedule, records in the dead set, a job parked for a paused
 * connection, or work handed back to the head of its queue. One job can end several ways at once
 * (some items done, some retried, some dead).
 *
 * @param retries  jobs to run later
 * @param dead     records for the dead set
 * @param parkKey  the parked list for {@code parked}, or null
 * @param pauseKey the connection state hash whose {@code paused} flag decides, atomically, whether
 *                 {@code parked} is held or goes straight back to the queue (the pause was lifted)
 * @param parked   payloads to hold until the connection resumes
 * @param requeue  payloads to put back at the head of the job's queue now
 * @param queued   jobs to add at the tail of their queues now (a lane's next batch, behind others)
 */
public record Settlement(List<Retry> retries, List<DeadJob> dead, String parkKey, String pauseKey,
    List<String> parked, List<String> requeue, List<Queued> queued) {

  private static final Settlement DONE = new Settlement(List.of(), List.of(), null, null, List.of(), List.of(),
      List.of());

  public Settlement {
    retries = List.copyOf(retries);
    dead = List.copyOf(dead);
    parked = List.copyOf(parked);
    requeue = List.copyOf(requeue);
    queued = List.copyOf(queued);
  }

  /** A job for the tail of queue {@code queue} now. */
  public record Queued(String queue, String payload) {}

  /** A job due at {@code dueAt} (epoch ms). */
  public record Retry(long dueAt, String payload) {}

  /** Nothing left to do. */
  public static Settlement done() {
    return DONE;
  }

  public static Settlement retry(long dueAt, String payload) {
    return new Settlement(List.of(new Retry(dueAt, payload)), List.of(), null, null, List.of(), List.of(), List.of());
  }

  public static Settlement dead(DeadJob record) {
    return new Settlement(List.of(), List.of(record), null, null, List.of(), List.of(), List.of());
  }

  /** Holds {@code payload} on {@code parkKey} while the flag in {@code pauseKey} says paused. */
  public static Settlement park(String parkKey, String pauseKey, String payload) {
    return new Settlement(List.of(), List.of(), parkKey, pauseKey, List.of(payload), List.of(), List.of());
  }

  public static Settlement requeue(String payload) {
    return new Settlement(List.of(), List.of(), null, null, List.of(), List.of(payload), List.of());
  }

  /** Adds {@code payload} at the tail of queue {@code queue} now. */
  public static Settlement queued(String queue, String payload) {
    return new Settlement(List.of(), List.of(), null, null, List.of(), List.of(),
        List.of(new Queued(queue, payload)));
  }

  /** Both this and {@code other}. */
  public Settlement and(Settlement other) {
    List<Retry> r = new ArrayList<>(retries);
    r.addAll(other.retries);
    List<DeadJob> d = new ArrayList<>(dead);
    d.addAll(other.dead);
    List<String> p = new ArrayList<>(parked);
    p.addAll(other.parked);
    List<String> q = new ArrayList<>(requeue);
    q.addAll(other.requeue);
    List<Queued> t = new ArrayList<>(queued);
    t.addAll(other.queued);
    return new Settlement(r, d, parkKey != null ? parkKey : other.parkKey,
        pauseKey != null ? pauseKey : other.pauseKey, p, q, t);
  }

  /** True when the job simply succeeded: its acknowledgement can ride on the next fetch. */
  public boolean isDone() {
    return retries.isEmpty() && dead.isEmpty() && parked.isEmpty() && requeue.isEmpty() && queued.isEmpty();
  }
}
