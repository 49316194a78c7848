package io.syncfleet.producer.job;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.syncfleet.producer.Json;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads and writes sync jobs in Jesque's format. A queued entry looks like:
 *
 * <pre>{@code
 * {"class":"SyncJob","args":[{"v":1,"id":"k3x9-1a2b","tenant":"acme","channel":"ebay",
 *   "op":"update_stock","queue":"urgent","items":[{"sku":"SKU-1","quantity":3}],
 *   "attempt":0,"enqueuedAt":1764000000000,"traceId":"k3x9-1a2b"}]}
 * }</pre>
 *
 * <p>Items take the shape of the operation's item type ({@link Operation#itemType()}). Unknown fields
 * are ignored; a version above {@link SyncJob#CURRENT_VERSION} is refused with a reason.
 */
public final class JobCodec {
  private static final ObjectMapper MAPPER = Json.MAPPER;
  /**
   * Longest payload accepted, in characters: far above any real batch (25 listings are a few KB),
   * low enough that one bad producer cannot fill Redis or stall a worker parsing it.
   */
  public static final int MAX_PAYLOAD_CHARS = 1024 * 1024;

  private JobCodec() {}

  /** The Jesque JSON for a job, as pushed onto a queue. */
  public static String encode(SyncJob job) {
    ObjectNode payload = MAPPER.createObjectNode();
    payload.put("v", job.version());
    payload.put("id", job.id());
    payload.put("tenant", job.tenant());
    payload.put("channel", job.channel());
    payload.put("op", job.operation().wireName());
    payload.put("queue", job.queue().queueName());
    payload.set("items", MAPPER.valueToTree(job.items()));
    payload.put("attempt", job.attempt());
    payload.put("enqueuedAt", job.enqueuedAt());
    payload.put("traceId", job.traceId());
    if (job.lastError() != null) {
      payload.put("lastError", job.lastError());
    }
    ObjectNode envelope = MAPPER.createObjectNode();
    envelope.put("class", SyncJob.JOB_CLASS);
    envelope.putArray("args").add(payload);
    try {
      return MAPPER.writeValueAsString(envelope);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialize job " + job.id(), e);
    }
  }

  /** Splits a raw queue entry into class name and arguments; anything else is malformed. */
  public static Envelope envelope(String raw) throws MalformedJobException {
    if (raw.length() > MAX_PAYLOAD_CHARS) {
      throw new MalformedJobException("payload of " + raw.length() + " characters exceeds the limit of "
          + MAX_PAYLOAD_CHARS);
    }
    JsonNode root;
    try {
      root = MAPPER.readTree(raw);
    } catch (JsonProcessingException e) {
      throw new MalformedJobException("payload is not JSON: " + e.getOriginalMessage());
    }
    if (root == null || !root.isObject()) {
      throw new MalformedJobException("payload is not a JSON object");
    }
    JsonNode cls = root.get("class");
    if (cls == null || !cls.isTextual() || cls.asText().isBlank()) {
      throw new MalformedJobException("payload has no \"class\"");
    }
    JsonNode args = root.get("args");
    if (args == null || args.isNull()) {
      args = MAPPER.createArrayNode();
    }
    if (!args.isArray()) {
      throw new MalformedJobException("\"args\" is not an array");
    }
    return new Envelope(cls.asText(), args);
  }

  /** Decodes a raw queue entry that must be a sync job. */
  public static SyncJob decode(String raw) throws MalformedJobException {
    Envelope envelope = envelope(raw);
    if (!SyncJob.JOB_CLASS.equals(envelope.className())) {
      throw new MalformedJobException("not a sync job: class \"" + envelope.className() + "\"");
    }
    return fromArgs(envelope.args());
  }

  /** Decodes the arguments of a {@value SyncJob#JOB_CLASS} envelope. */
  public static SyncJob fromArgs(JsonNode args) throws MalformedJobException {
    if (args.size() != 1 || !args.get(0).isObject()) {
      throw new MalformedJobException("a sync job takes exactly one JSON object argument");
    }
    JsonNode p = args.get(0);
    int version = requiredInt(p, "v");
    if (version < 1 || version > SyncJob.CURRENT_VERSION) {
      throw new MalformedJobException("payload version " + version + " is not supported by this worker"
          + " (it reads 1.." + SyncJob.CURRENT_VERSION + "); upgrade the workers and retry it");
    }
    Operation op;
    try {
      op = Operation.fromWireName(requiredText(p, "op"));
    } catch (IllegalArgumentException e) {
      throw new MalformedJobException(e.getMessage());
    }
    Queue queue;
    try {
      queue = p.hasNonNull("queue") ? Queue.fromName(p.get("queue").asText()) : op.defaultQueue();
    } catch (IllegalArgumentException e) {
      throw new MalformedJobException(e.getMessage());
    }
    List<Item> items = new ArrayList<>();
    JsonNode itemsNode = p.get("items");
    if (itemsNode != null && !itemsNode.isNull()) {
      if (!itemsNode.isArray()) {
        throw new MalformedJobException("\"items\" is not an array");
      }
      if (!op.carriesItems() && itemsNode.size() > 0) {
        throw new MalformedJobException(op.wireName() + " carries no items");
      }
      for (int i = 0; i < itemsNode.size(); i++) {
        if (!itemsNode.get(i).isObject()) {
          throw new MalformedJobException("items[" + i + "] is not a JSON object");
        }
        try {
          items.add(MAPPER.treeToValue(itemsNode.get(i), op.itemType()));
        } catch (JsonProcessingException | IllegalArgumentException e) {
          throw new MalformedJobException("items[" + i + "] is not a valid "
              + op.itemType().getSimpleName() + ": " + firstLine(e.getMessage()));
        }
      }
    }
    String id = requiredText(p, "id");
    return new SyncJob(version, id, requiredText(p, "tenant"), requiredText(p, "channel"), op, queue,
        items, p.path("attempt").asInt(0), p.path("enqueuedAt").asLong(0),
        p.hasNonNull("traceId") ? p.get("traceId").asText() : id,
        p.hasNonNull("lastError") ? p.get("lastError").asText() : null);
  }

  private static String requiredText(JsonNode p, String field) throws MalformedJobException {
    JsonNode n = p.get(field);
    if (n == null || n.isNull() || !n.isValueNode() || n.asText().isBlank()) {
      throw new MalformedJobException("missing \"" + field + "\"");
    }
    return n.asText();
  }

  private static int requiredInt(JsonNode p, String field) throws MalformedJobException {
    JsonNode n = p.get(field);
    if (n == null || !n.isIntegralNumber()) {
      throw new MalformedJobException("missing or non-integer \"" + field + "\"");
    }
    return n.asInt();
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "invalid value";
    }
    int nl = message.indexOf('\n');
    return nl < 0 ? message : message.substring(0, nl);
  }
}
