package io.syncfleet.producer.lane;

import com.fasterxml.jackson.databind.JsonNode;
import io.syncfleet.producer.job.Envelope;
import io.syncfleet.producer.job.MalformedJobException;
import io.syncfleet.producer.job.Operation;
import io.syncfleet.producer.job.Queue;

/**
 * The Jesque job that sends one batch of a lane for one flusher slot; exactly one exists per armed
 * slot. {@code at} is when it was put on its queue, so queue latency stays visible.
 */
public record FlushJob(Lane lane, Queue queue, int slot, long at) {
  /** The Jesque class name of flush jobs. */
  public static final String JOB_CLASS = "FlushLane";

  /** The payload pushed onto {@link #queue()}. */
  public String payload() {
    return String.format(template(lane, queue), slot, at);
  }

  /**
   * The payload with {@code %d} for the slot and then for {@code at} (tenant and channel ids cannot
   * hold {@code %} or quotes).
   */
  public static String template(Lane lane, Queue queue) {
    return "{\"class\":\"" + JOB_CLASS + "\",\"args\":[{\"tenant\":\"" + lane.tenant() + "\",\"channel\":\""
        + lane.channel() + "\",\"operation\":\"" + lane.operation().wireName() + "\",\"queue\":\""
        + queue.queueName() + "\",\"slot\":%d,\"at\":%d}]}";
  }

  /** Reads a flush job's arguments. */
  public static FlushJob from(Envelope envelope) throws MalformedJobException {
    JsonNode args = envelope.args();
    if (args == null || args.size() != 1 || !args.get(0).isObject()) {
      throw new MalformedJobException("a flush job takes exactly one JSON object argument");
    }
    JsonNode a = args.get(0);
    try {
      Lane lane = new Lane(text(a, "tenant"), text(a, "channel"), Operation.fromWireName(text(a, "operation")));
      int slot = a.path("slot").asInt(0);
      if (slot < 1 || slot > Lanes.MOST_FLUSHERS) {
        throw new MalformedJobException("flush slot must be 1.." + Lanes.MOST_FLUSHERS + ", was " + a.path("slot"));
      }
      return new FlushJob(lane, Queue.fromName(text(a, "queue")), slot, a.path("at").asLong(0));
    } catch (IllegalArgumentException e) {
      throw new MalformedJobException("bad flush job: " + e.getMessage());
    }
  }

  private static String text(JsonNode node, String field) throws MalformedJobException {
    JsonNode v = node.get(field);
    if (v == null || !v.isTextual()) {
      throw new MalformedJobException("flush job without \"" + field + "\"");
    }
    return v.asText();
  }
}
