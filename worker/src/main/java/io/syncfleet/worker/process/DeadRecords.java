package io.syncfleet.worker.process;

import io.syncfleet.producer.job.Item;
import io.syncfleet.producer.job.JobCodec;
import io.syncfleet.producer.job.SyncJob;
import io.syncfleet.producer.state.DeadJob;
import io.syncfleet.worker.fetch.Fetched;
import java.util.List;
import java.util.UUID;

/** Builds dead-set records, so every way into the dead set reads the same. */
public final class DeadRecords {
  private DeadRecords() {}

  /** Most of an oversized payload kept in the dead set: enough to see what it was. */
  static final int KEPT_CHARS = 64 * 1024;

  /** A payload that could not be run at all; kept verbatim (oversized ones cut) so nothing is lost silently. */
  public static DeadJob unreadable(Fetched job, String reason, String worker) {
    String payload = job.payload();
    if (payload.length() > JobCodec.MAX_PAYLOAD_CHARS) {
      payload = payload.substring(0, KEPT_CHARS);
    }
    return new DeadJob(UUID.randomUUID().toString(), System.currentTimeMillis(), job.queue(), null,
        null, null, 1, reason, null, null, List.of(), worker, payload);
  }

  /**
   * The items of {@code job} that cannot succeed; retrying the record runs only them.
   *
   * @param reason  why, in words a person needs
   * @param code    the marketplace's own error code, or null
   * @param message the marketplace's own message (redacted), or null
   */
  public static DeadJob forItems(SyncJob job, List<? extends Item> items, List<DeadJob.ItemError> errors,
      String reason, String code, String message, String worker, long now) {
    SyncJob remaining = new SyncJob(job.version(), job.id(), job.tenant(), job.channel(),
        job.operation(), job.queue(), items, job.attempt(), job.enqueuedAt(), job.traceId(),
        message == null ? reason : message);
    return new DeadJob(UUID.randomUUID().toString(), now, job.queue().queueName(), job.tenant(),
        job.channel(), job.operation().wireName(), job.attempt() + 1, reason, code, message, errors,
        worker, JobCodec.encode(remaining));
  }
}
