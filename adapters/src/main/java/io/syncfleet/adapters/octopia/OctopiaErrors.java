package io.syncfleet.adapters.octopia;

import com.fasterxml.jackson.databind.JsonNode;
import io.syncfleet.adapters.http.ErrorDetail;
import io.syncfleet.adapters.http.ErrorReader;
import io.syncfleet.adapters.http.HttpResult;
import io.syncfleet.producer.Json;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Octopia's error bodies [C]: RFC 7807 problem documents {@code {"type","title","status","detail"}},
 * sometimes with an {@code errors} list of {@code {"code","message"}}; and OAuth's
 * {@code {"error","error_description"}} from the token server. The code is the first error's code,
 * else the OAuth error, else the problem's title; {@value OctopiaApi#QUOTA_EXCEEDED} anywhere in it
 * means throttling.
 */
final class OctopiaErrors {
  /** Reads any of the shapes out of any Octopia answer; a body that is not JSON gives "HTTP nnn". */
  static final ErrorReader READER = r -> detail(parseOrEmpty(r), r.status());

  private OctopiaErrors() {}

  static ErrorDetail detail(JsonNode body, int status) {
    JsonNode errors = body.path("errors");
    if (errors.isArray() && !errors.isEmpty()) {
      List<String> messages = new ArrayList<>();
      for (JsonNode e : errors) {
        String m = text(e, "message");
        if (m != null) {
          messages.add(m);
        }
      }
      String code = text(errors.get(0), "code");
      return new ErrorDetail(code, messages.isEmpty() ? fallback(body, status) : String.join("; ", messages));
    }
    String oauth = text(body, "error");
    if (oauth != null) {
      String description = text(body, "error_description");
      return new ErrorDetail(oauth, description != null ? description : oauth);
    }
    String title = text(body, OctopiaApi.TITLE);
    String detail = text(body, OctopiaApi.DETAIL);
    if (title == null && detail == null) {
      return ErrorDetail.unknown(status);
    }
    return new ErrorDetail(title, detail != null ? detail : title);
  }

  /** Whether an error says the account's quota is spent. */
  static boolean quotaExceeded(ErrorDetail e) {
    return contains(e.code()) || contains(e.message());
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

  private static String fallback(JsonNode body, int status) {
    String detail = text(body, OctopiaApi.DETAIL);
    return detail != null ? detail : "HTTP " + status;
  }

  private static boolean contains(String s) {
    return s != null && s.contains(OctopiaApi.QUOTA_EXCEEDED);
  }
}
