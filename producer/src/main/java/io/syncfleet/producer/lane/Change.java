package io.syncfleet.producer.lane;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.syncfleet.producer.Json;
import io.syncfleet.producer.job.Item;
import io.syncfleet.producer.job.Operation;
import io.syncfleet.producer.job.Queue;

/**
 * One SKU's change waiting in a lane, with what the worker needs to retry it and to follow it.
 *
 * @param item       the change; its {@link Item#version()} orders it against others for the SKU
 * @param attempt    failed sends so far
 * @param traceId    stable from enqueue to the marketplace, for following one change through logs
 * @param enqueuedAt epoch ms when the producer offered it
 * @param lastError  why the previous send failed, or null
 * @param resync     the bulk resync it belongs to, or null
 * @param queue      its urgency, which it keeps when it goes back to wait for a retry
 */
public record Change(Item item, int attempt, String traceId, long enqueuedAt, String lastError, String resync,
    Queue queue) {

  /** A fresh change. */
  public static Change offered(Item item, Queue queue, String traceId, long now, String resync) {
    return new Change(item, 0, traceId, now, null, resync, queue);
  }

  /** This change after a failed send that counts as an attempt. */
  public Change failed(String error) {
    return new Change(item, attempt + 1, traceId, enqueuedAt, error, resync, queue);
  }

  /** This change held back without spending an attempt (throttling, open circuit, paused connection). */
  public Change heldBack(String reason) {
    return new Change(item, attempt, traceId, enqueuedAt, reason, resync, queue);
  }

  /** The JSON kept in Redis; {@code resync} is read by the lane scripts to count a resync's progress. */
  public String toJson() {
    ObjectNode node = Json.MAPPER.createObjectNode();
    node.set("item", Json.MAPPER.valueToTree(item));
    node.put("attempt", attempt);
    node.put("trace", traceId);
    node.put("at", enqueuedAt);
    if (lastError != null) {
      node.put("error", lastError);
    }
    if (resync != null) {
      node.put("resync", resync);
    }
    node.put("queue", queue.queueName());
    return node.toString();
  }

  /** Reads a change of a lane of {@code operation}; fails with the reason when it is not one. */
  public static Change fromJson(String json, Operation operation) {
    try {
      JsonNode node = Json.MAPPER.readTree(json);
      Item item = Json.MAPPER.treeToValue(node.get("item"), operation.itemType());
      if (item == null) {
        throw new IllegalArgumentException("change without an item: " + json);
      }
      return new Change(item, node.path("attempt").asInt(0), node.path("trace").asText(null),
          node.path("at").asLong(0), node.hasNonNull("error") ? node.get("error").asText() : null,
          node.hasNonNull("resync") ? node.get("resync").asText() : null,
          Queue.fromName(node.path("queue").asText(operation.defaultQueue().queueName())));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("unreadable change: " + e.getOriginalMessage(), e);
    }
  }
}
