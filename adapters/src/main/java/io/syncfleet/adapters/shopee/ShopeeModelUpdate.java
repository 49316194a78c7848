package io.syncfleet.adapters.shopee;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.syncfleet.adapters.ItemOutcome;
import io.syncfleet.producer.Json;
import io.syncfleet.producer.connection.Connection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * update_stock and update_price for the models of one item [V]: Shopee takes one item per call with
 * up to 50 of its models, and answers with a success_list and a failure_list by model id, even when
 * the envelope reports an error. Each SKU's outcome is read from them.
 */
final class ShopeeModelUpdate {
  private final ShopeeClient client;

  ShopeeModelUpdate(ShopeeClient client) {
    this.client = client;
  }

  /** One model's entry of the list, for the SKU it carries. */
  record Entry(String sku, long modelId, ObjectNode body) {}

  /** Sends {@code entries} as {@code listField} of {@code path} for {@code itemId}; one outcome per entry. */
  List<ItemOutcome> send(Connection c, ShopeeSettings s, String path, String listField, long itemId,
      List<Entry> entries) {
    List<ItemOutcome> out = new ArrayList<>(entries.size());
    for (int from = 0; from < entries.size(); from += ShopeeApi.LIST_LIMIT) {
      List<Entry> chunk = entries.subList(from, Math.min(entries.size(), from + ShopeeApi.LIST_LIMIT));
      ObjectNode body = Json.MAPPER.createObjectNode().put("item_id", itemId);
      ArrayNode list = body.putArray(listField);
      chunk.forEach(e -> list.add(e.body()));
      out.addAll(outcomes(client.post(c, s, path, body), chunk));
    }
    return out;
  }

  private static List<ItemOutcome> outcomes(ShopeeReply reply, List<Entry> entries) {
    Map<Long, String> failures = new HashMap<>();
    for (JsonNode f : reply.response().path("failure_list")) {
      String reason = ShopeeErrors.text(f, "failed_reason");
      failures.put(f.path("model_id").asLong(0), reason == null || reason.isBlank() ? "refused" : reason);
    }
    Set<Long> successes = new HashSet<>();
    reply.response().path("success_list").forEach(ok -> successes.add(ok.path("model_id").asLong(0)));
    String code = reply.ok() ? "failure_list" : reply.error();
    List<ItemOutcome> out = new ArrayList<>(entries.size());
    for (Entry e : entries) {
      String reason = failures.get(e.modelId());
      if (reason != null) {
        out.add(ShopeeErrors.retryable(reason) ? ItemOutcome.retry(e.sku(), code, reason, null)
            : ItemOutcome.failed(e.sku(), code, reason));
      } else if (reply.ok() || successes.contains(e.modelId())) {
        out.add(ItemOutcome.done(e.sku()));
      } else {
        out.add(ItemOutcome.failed(e.sku(), reply.error(),
            reply.message() == null || reply.message().isBlank() ? reply.error() : reply.message()));
      }
    }
    return out;
  }
}
