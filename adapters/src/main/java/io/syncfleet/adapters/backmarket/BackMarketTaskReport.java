package io.syncfleet.adapters.backmarket;

import static io.syncfleet.adapters.backmarket.BackMarketErrors.text;

import com.fasterxml.jackson.databind.JsonNode;
import io.syncfleet.adapters.http.ErrorDetail;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What {@code GET /ws/tasks/{taskId}} says about a catalog file: its state [V] and, once done, the
 * SKUs it refused with Back Market's code and message. The report's layout depends on the task
 * [V] and is not documented [U]: it is read as SKUs mapped to what happened to them (an object
 * keyed by SKU, or entries carrying a {@code sku}), where an entry with a non-empty {@code errors}
 * or {@code error} failed and any other succeeded.
 *
 * @param state     the task's action_status
 * @param lastError the task's own error when it failed as a whole, or null
 * @param refused   Back Market's error per refused SKU, keyed by lower-cased SKU (SKUs are case-insensitive [V])
 */
record BackMarketTaskReport(int state, String lastError, Map<String, ErrorDetail> refused) {

  static BackMarketTaskReport read(JsonNode body) {
    Map<String, ErrorDetail> refused = new HashMap<>();
    JsonNode result = body.path("result");
    if (result.isObject()) {
      Iterator<Map.Entry<String, JsonNode>> fields = result.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> f = fields.next();
        if (f.getValue().isArray()) {
          f.getValue().forEach(entry -> entry(entry, text(entry, "sku"), refused));
        } else if (f.getValue().isObject()) {
          String sku = text(f.getValue(), "sku");
          entry(f.getValue(), sku != null ? sku : f.getKey(), refused);
        }
      }
    } else if (result.isArray()) {
      result.forEach(entry -> entry(entry, text(entry, "sku"), refused));
    }
    return new BackMarketTaskReport(body.path("action_status").asInt(-1), text(body, "last_action_error"), refused);
  }

  boolean done() {
    return state == BackMarketApi.TASK_DONE;
  }

  boolean failed() {
    return state == BackMarketApi.TASK_FAILED;
  }

  /** Back Market's error for {@code sku}, or null when the task took it. */
  ErrorDetail refusal(String sku) {
    return refused.get(sku.toLowerCase(Locale.ROOT));
  }

  private static void entry(JsonNode entry, String sku, Map<String, ErrorDetail> refused) {
    if (sku == null || !entry.isObject()) {
      return;
    }
    List<String> messages = new ArrayList<>();
    String code = null;
    JsonNode errors = entry.has("errors") ? entry.get("errors") : entry.path("error");
    for (JsonNode e : errors.isArray() ? errors : List.of(errors)) {
      if (e.isTextual() && !e.asText().isBlank()) {
        messages.add(e.asText());
      } else if (e.isObject()) {
        code = code != null ? code : text(e, "code");
        String m = text(e, "message");
        messages.add(m != null ? m : e.toString());
      }
    }
    if (!messages.isEmpty()) {
      refused.put(sku.toLowerCase(Locale.ROOT), new ErrorDetail(code, String.join("; ", messages)));
    }
  }
}
