package io.syncfleet.adapters.mirakl;

import com.fasterxml.jackson.databind.JsonNode;
import io.syncfleet.adapters.http.ErrorDetail;
import io.syncfleet.adapters.http.ErrorReader;
import io.syncfleet.adapters.http.HttpResult;
import io.syncfleet.producer.Json;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Mirakl's error bodies: {@code {"status":400,"message":"..."}} [U], sometimes with an
 * {@code errors} list of {@code {"code","field","message"}} [U]. Mirakl's REST errors carry no code of
 * their own in the first shape, so the code is left empty there; per-offer errors come from the import
 * error report instead (see {@link MiraklImports}).
 */
final class MiraklErrors {
  /** Reads either shape out of any Mirakl answer; a body that is not JSON gives "HTTP nnn". */
  static final ErrorReader READER = r -> detail(parseOrEmpty(r), r.status());

  private MiraklErrors() {}

  static ErrorDetail detail(JsonNode body, int status) {
    JsonNode errors = body.path("errors");
    if (errors.isArray() && !errors.isEmpty()) {
      List<String> messages = new ArrayList<>();
      for (JsonNode e : errors) {
        String m = text(e, "message");
        String field = text(e, "field");
        if (m != null) {
          messages.add(field == null ? m : field + ": " + m);
        }
      }
      String code = text(errors.get(0), "code");
      return new ErrorDetail(code, messages.isEmpty() ? "HTTP " + status : String.join("; ", messages));
    }
    String message = text(body, "message");
    return message == null ? ErrorDetail.unknown(status) : new ErrorDetail(null, message);
  }

  /** The body as JSON, or an empty object when it is empty or not JSON (an error page, a proxy). */
  static JsonNode parseOrEmpty(HttpResult r) {
    try {
      JsonNode node = r.bodyBytes().length == 0 ? null : Json.MAPPER.readTree(r.bodyBytes());
      return node == null || !node.isObject() ? Json.MAPPER.createObjectNode() : node;
    } catch (IOException e) {
      return Json.MAPPER.createObjectNode();
    }
  }

  /** A scalar field as text, or null when absent, null or a container. */
  static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v == null || v.isNull() || v.isContainerNode() ? null : v.asText();
  }
}
