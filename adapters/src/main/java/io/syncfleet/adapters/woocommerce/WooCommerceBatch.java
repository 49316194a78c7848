package io.syncfleet.adapters.woocommerce;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.syncfleet.adapters.ItemOutcome;
import io.syncfleet.adapters.http.ErrorDetail;
import io.syncfleet.producer.Json;
import io.syncfleet.producer.connection.Connection;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * One call to a batch endpoint ({@code /products/batch} or {@code /products/{id}/variations/batch}):
 * creates, updates and deletes in one request, answered entry by entry in the order sent, a refused
 * entry as {@code {"id":..,"error":{"code","message","data":{"status"}}}} [V core code]. Batch deletes
 * are permanent, not a move to the trash [V core code].
 */
final class WooCommerceBatch {
  /** What an entry does. */
  enum Kind {
    CREATE("create"), UPDATE("update"), DELETE("delete");

    private final String field;

    Kind(String field) {
      this.field = field;
    }
  }

  /** One entry: the object to create or update, or the id to delete. */
  record Entry(Kind kind, ObjectNode object, long id) {
    static Entry create(ObjectNode object) {
      return new Entry(Kind.CREATE, object, 0);
    }

    static Entry update(long id, ObjectNode object) {
      object.put("id", id);
      return new Entry(Kind.UPDATE, object, id);
    }

    static Entry delete(long id) {
      return new Entry(Kind.DELETE, null, id);
    }
  }

  /** WooCommerce's answer to one entry: the saved object, or its error and status. */
  record Answer(JsonNode object, ErrorDetail error, int status) {
    boolean ok() {
      return error == null;
    }

    /** The id of the object created or updated. */
    long id() {
      return object.path("id").asLong(0);
    }
  }

  private final WooCommerceClient client;

  WooCommerceBatch(WooCommerceClient client) {
    this.client = client;
  }

  /**
   * Sends {@code entries} (at most {@link WooCommerceApi#BATCH_LIMIT}) to {@code path}/batch; one
   * answer per entry, in order. A failure of the whole call is thrown.
   */
  List<Answer> send(Connection connection, String path, List<Entry> entries) {
    ObjectNode body = Json.MAPPER.createObjectNode();
    for (Entry e : entries) {
      ArrayNode array = body.has(e.kind().field) ? (ArrayNode) body.get(e.kind().field) : body.putArray(e.kind().field);
      if (e.kind() == Kind.DELETE) {
        array.add(e.id());
      } else {
        array.add(e.object());
      }
    }
    JsonNode answer = client.post(connection, client.url(connection, path + "/" + WooCommerceApi.BATCH), body);
    Map<Kind, Iterator<JsonNode>> answered = new EnumMap<>(Kind.class);
    for (Kind kind : Kind.values()) {
      answered.put(kind, answer.path(kind.field).iterator());
    }
    List<Answer> answers = new ArrayList<>(entries.size());
    for (Entry e : entries) {
      Iterator<JsonNode> next = answered.get(e.kind());
      answers.add(next.hasNext() ? read(next.next()) : null);
    }
    return answers;
  }

  private static Answer read(JsonNode node) {
    JsonNode error = node.path("error");
    if (error.isObject()) {
      return new Answer(node, WooCommerceErrors.detail(error, 0), WooCommerceErrors.status(error, 0));
    }
    return new Answer(node, null, 200);
  }

  /**
   * What an entry's answer means for the item {@code sku}: a refused entry is FAILED with
   * WooCommerce's code and message, except a passing fault (RETRY), a throttle (THROTTLED), a delete
   * of what is already gone (DONE), and a create that lost a race for its SKU (RETRY: the next
   * attempt finds the SKU and updates it). {@code answer} is null when WooCommerce left the entry out.
   */
  static ItemOutcome outcome(String sku, Kind kind, Answer answer) {
    if (answer == null) {
      return ItemOutcome.retry(sku, WooCommerceApi.NO_ANSWER, "WooCommerce's batch answer left this item out", null);
    }
    if (answer.ok()) {
      return ItemOutcome.done(sku);
    }
    ErrorDetail e = answer.error();
    int status = answer.status();
    if (kind == Kind.DELETE && status == 404) {
      return ItemOutcome.done(sku);
    }
    if (status == 429) {
      return ItemOutcome.throttled(sku, e.code(), e.message(), null);
    }
    if (status == 408 || status >= 500) {
      return ItemOutcome.retry(sku, e.code(), e.message(), null);
    }
    if (kind == Kind.CREATE && WooCommerceApi.DUPLICATE_SKU.equals(e.code())) {
      return ItemOutcome.retry(sku, e.code(), "the SKU appeared in the shop meanwhile (" + e.message()
          + "); the next attempt updates it", null);
    }
    return ItemOutcome.failed(sku, e.code(), e.message());
  }
}
