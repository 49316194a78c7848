package io.syncfleet.producer.state;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import io.syncfleet.producer.job.Envelope;
import io.syncfleet.producer.job.JobCodec;
import io.syncfleet.producer.job.MalformedJobException;
import io.syncfleet.producer.job.SyncJob;
import io.syncfleet.producer.lane.FlushJob;
import io.syncfleet.producer.lane.Lane;

/**
 * A queued or scheduled job as a person needs to see it, read leniently from its Jesque JSON so
 * that a payload a worker would refuse (newer version, bad items) is still shown. A lane's flush job
 * carries no items itself (its changes wait in the lane): it shows its lane and slot as its id.
 *
 * @param id         payload id, null when unreadable
 * @param tenant     the merchant
 * @param channel    the marketplace id
 * @param operation  wire name of the operation
 * @param queue      the queue named in the payload
 * @param items      items carried
 * @param attempt    attempt number (0 = first)
 * @param enqueuedAt epoch ms of this payload's enqueue, 0 when unknown
 * @param traceId    trace id, stable across retries
 * @param lastError  why the previous attempt failed, or null
 * @param problem    why the payload is not a readable sync job, or null when it is
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record JobSummary(String id, String tenant, String channel, String operation, String queue,
    int items, int attempt, long enqueuedAt, String traceId, String lastError, String problem) {

  /** Reads a raw queue entry; never throws. */
  public static JobSummary parse(String raw) {
    Envelope envelope;
    try {
      envelope = JobCodec.envelope(raw);
    } catch (MalformedJobException e) {
      return unreadable(e.getMessage());
    }
    if (FlushJob.JOB_CLASS.equals(envelope.className())) {
      try {
        FlushJob flush = FlushJob.from(envelope);
        Lane lane = flush.lane();
        return new JobSummary(lane.id() + "#" + flush.slot(), lane.tenant(), lane.channel(),
            lane.operation().wireName(), flush.queue().queueName(), 0, 0, flush.at(), null, null, null);
      } catch (MalformedJobException e) {
        return unreadable(e.getMessage());
      }
    }
    if (!SyncJob.JOB_CLASS.equals(envelope.className())) {
      return unreadable("not a sync job: class \"" + envelope.className() + "\"");
    }
    JsonNode p = envelope.args().path(0);
    if (!p.isObject()) {
      return unreadable("a sync job takes exactly one JSON object argument");
    }
    return new JobSummary(text(p, "id"), text(p, "tenant"), text(p, "channel"), text(p, "op"),
        text(p, "queue"), p.path("items").size(), p.path("attempt").asInt(0),
        p.path("enqueuedAt").asLong(0), text(p, "traceId"), text(p, "lastError"), null);
  }

  private static JobSummary unreadable(String problem) {
    return new JobSummary(null, null, null, null, null, 0, 0, 0, null, null, problem);
  }

  private static String text(JsonNode p, String field) {
    JsonNode n = p.get(field);
    return n == null || n.isNull() ? null : n.asText();
  }

  /** Whether the payload is a readable sync job. */
  public boolean readable() {
    return problem == null;
  }
}
