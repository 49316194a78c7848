package io.syncfleet.producer.state;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A job that cannot succeed, kept where a person can see why and retry it. Written by the worker
 * into {@code Keys.deadRecords()}; {@code payload} is the job to run again (holding only the items
 * that failed), or the raw text that could not be read as a job.
 *
 * @param id           dead record id
 * @param failedAt     epoch ms
 * @param queue        the queue a retry goes to
 * @param tenant       null when the payload could not be read
 * @param channel      null when the payload could not be read
 * @param operation    wire name of the operation, null when unreadable
 * @param attempts     attempts made
 * @param reason       why it is dead, in words (e.g. "rejected by the marketplace", "malformed payload")
 * @param errorCode    the marketplace's own error code, when it gave one
 * @param errorMessage the marketplace's own message, secrets redacted
 * @param items        per-item failures
 * @param worker       the worker thread that gave up
 * @param payload      what a retry enqueues
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DeadJob(String id, long failedAt, String queue, String tenant, String channel,
    String operation, int attempts, String reason, String errorCode, String errorMessage,
    List<ItemError> items, String worker, String payload) {

  public DeadJob {
    items = items == null ? List.of() : List.copyOf(items);
  }

  /** Why one item failed, in the marketplace's own words. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record ItemError(String sku, String code, String message) {}
}
