package io.syncfleet.adapters.bigcommerce;

import com.fasterxml.jackson.databind.JsonNode;
import io.syncfleet.adapters.http.ErrorDetail;
import io.syncfleet.adapters.http.ErrorReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * BigCommerce's error shapes: v3 answers {@code {"status", "title", "type", "errors": {field: text}}}
 * [V], a variants batch {@code {"batch_errors": [...]}} of the same [V], and v2 a list of
 * {@code {"status", "message"}} [C]. BigCommerce has no error codes: the title and field messages
 * are what a person reads.
 */
final class BigCommerceErrors {
  /** Reads any BigCommerce error body; one that is not JSON says only the status. */
  static final ErrorReader READER = r -> {
    String message = message(r.jsonOrEmpty());
    return message == null ? ErrorDetail.unknown(r.status()) : new ErrorDetail(null, message);
  };

  private BigCommerceErrors() {}

  /** The message of an error body, or null when it has none. */
  static String message(JsonNode body) {
    if (body.isArray()) {
      List<String> parts = new ArrayList<>();
      body.forEach(e -> {
        String m = text(e, "message");
        if (m != null && !m.isBlank()) {
          parts.add(m);
        }
      });
      return parts.isEmpty() ? null : String.join("; ", parts);
    }
    if (body.path("batch_errors").isArray() && !body.path("batch_errors").isEmpty()) {
      List<String> parts = new ArrayList<>();
      body.path("batch_errors").forEach(e -> parts.add(message(e)));
      parts.removeIf(p -> p == null);
      return parts.isEmpty() ? null : String.join("; ", parts);
    }
    String title = text(body, "title");
    List<String> details = new ArrayList<>();
    JsonNode errors = body.path("errors");
    if (errors.isObject()) {
      for (Map.Entry<String, JsonNode> field : errors.properties()) {
        details.add(field.getKey() + ": " + field.getValue().asText());
      }
    }
    if (title == null && details.isEmpty()) {
      return null;
    }
    if (details.isEmpty()) {
      return title;
    }
    return (title != null ? title + " (" : "(") + String.join("; ", details) + ")";
  }

  static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v == null || v.isNull() || v.isContainerNode() ? null : v.asText();
  }
}
