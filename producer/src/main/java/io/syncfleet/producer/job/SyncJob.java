package io.syncfleet.producer.job;

import java.util.List;
import java.util.Objects;

/**
 * One sync job: the single argument of a Jesque job of class {@value #JOB_CLASS}. This record is the
 * job contract, serialized by {@link JobCodec} (see its Javadoc for the wire format).
 *
 * @param version   payload version; a worker refuses (dead set, with the reason) versions it does not know
 * @param id        unique per payload, so acknowledging removes exactly one in-flight entry
 * @param tenant    the merchant
 * @param channel   the marketplace id, e.g. {@code ebay}
 * @param operation what to do
 * @param queue     where the job runs, and where retries go back to
 * @param items     the batch; never larger than the channel's limit for the operation
 * @param attempt   0 on first enqueue, incremented by every retry; travels with the job
 * @param enqueuedAt epoch milliseconds of this payload's enqueue
 * @param traceId   stable across retries and splits, for following one change through logs
 * @param lastError why the previous attempt failed, or null
 */
public record SyncJob(
    int version,
    String id,
    String tenant,
    String channel,
    Operation operation,
    Queue queue,
    List<? extends Item> items,
    int attempt,
    long enqueuedAt,
    String traceId,
    String lastError) {

  /** The Jesque class name of sync jobs. */
  public static final String JOB_CLASS = "SyncJob";
  /** The payload version this code writes and the highest it reads. */
  public static final int CURRENT_VERSION = 1;

  public SyncJob {
    Objects.requireNonNull(operation, "operation");
    Objects.requireNonNull(queue, "queue");
    items = items == null ? List.of() : List.copyOf(items);
  }

  /** A first-attempt job with a fresh id and trace id. */
  public static SyncJob create(String tenant, String channel, Operation operation, Queue queue,
      List<? extends Item> items, long now) {
    String id = JobIds.next();
    return new SyncJob(CURRENT_VERSION, id, tenant, channel, operation, queue, items, 0, now, id, null);
  }

  /** The next attempt for the given items (a subset of this job's), with a fresh payload id. */
  public SyncJob retry(List<? extends Item> retryItems, String error, long now) {
    return new SyncJob(version, JobIds.next(), tenant, channel, operation, queue, retryItems,
        attempt + 1, now, traceId, error);
  }

  /** The same work re-enqueued by hand (from the dead set): attempts start again. */
  public SyncJob resubmit(long now) {
    return new SyncJob(version, JobIds.next(), tenant, channel, operation, queue, items, 0, now,
        traceId, lastError);
  }

  /** The same work without spending an attempt (paused connection, open circuit, throttling). */
  public SyncJob postpone(String reason, long now) {
    return postpone(items, reason, now);
  }

  /** Some of this job's items again without spending an attempt (throttled before they were sent). */
  public SyncJob postpone(List<? extends Item> subset, String reason, long now) {
    return new SyncJob(version, JobIds.next(), tenant, channel, operation, queue, subset, attempt, now,
        traceId, reason);
  }
}
