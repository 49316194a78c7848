package io.syncfleet.adapters.backmarket;

import com.fasterxml.jackson.databind.JsonNode;
import io.syncfleet.adapters.http.ErrorDetail;
import io.syncfleet.adapters.http.ErrorReader;
import io.syncfleet.adapters.http.HttpResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Back Market's error shapes, which co-exist [V]: {@code {"error":{"code","message"},"requestId"}},
 * {@code {"errors":[{"code","message"}],"requestId"}}, problem details
 * {@code {"type","title","detail","errors":[{"type","title","detail","target"}]}}, and a bare JSON
 * string on some 400s ("parameter catalog not found"). The request id is kept in the message: it is
 * what Back Market's support asks for.
 */
final class BackMarketErrors {
  /** Reads any of the shapes out of any answer. */
  static final ErrorReader READER = r -> detail(r.jsonOrEmpty(), r.status());

  private BackMarketErrors() {}

  static ErrorDetail detail(JsonNode body, int status) {
    String requestId = text(body, "requestId");
    ErrorDetail found = find(body);
    if (found == null) {
      return ErrorDetail.unknown(status);
    }
    String message = found.message() != null ? found.message() : "HTTP " + status;
    return new ErrorDetail(found.code(), requestId == null ? message : message + " (request " + requestId + ")");
  }

  private static ErrorDetail find(JsonNode body) {
    if (body.isTextual() && !body.asText().isBlank()) {
      return new ErrorDetail(null, body.asText());
    }
    JsonNode error = body.path("error");
    if (error.isObject()) {
      return new ErrorDetail(text(error, "code"), text(error, "message"));
    }
    JsonNode errors = body.path("errors");
    if (errors.isArray() && !errors.isEmpty()) {
      JsonNode first = errors.get(0);
      String code = text(first, "code") != null ? text(first, "code") : text(first, "type");
      List<String> messages = new ArrayList<>();
      for (JsonNode e : errors) {
        String m = firstText(e, "message", "detail", "title");
        String target = text(e, "target");
        if (m != null) {
          messages.add(target == null ? m : target + ": " + m);
        }
      }
      return new ErrorDetail(code, messages.isEmpty() ? text(body, "title") : String.join("; ", messages));
    }
    if (text(body, "title") != null || text(body, "detail") != null) {
      return new ErrorDetail(text(body, "type"), firstText(body, "detail", "title"));
    }
    return null;
  }

  /**
   * The code of a Cloudflare block in a 403, or null when the 403 is Back Market's own (a token
   * that is not a merchant's, a disabled channel): the WAF answers with an HTML page [V], bot
   * management with {@value BackMarketApi#BOT_CHALLENGE} [V].
   */
  static String firewallBlock(HttpResult r) {
    if (r.status() != 403) {
      return null;
    }
    String type = r.header("Content-Type");
    String text = r.bodyText().stripLeading();
    if ((type != null && type.toLowerCase(Locale.ROOT).contains("html")) || text.startsWith("<")) {
      return BackMarketApi.WAF_BLOCKED;
    }
    for (JsonNode e : r.jsonOrEmpty().path("errors")) {
      if (BackMarketApi.BOT_CHALLENGE.equals(text(e, "code"))) {
        return BackMarketApi.BOT_CHALLENGE;
      }
    }
    return null;
  }

  static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v == null || v.isNull() || v.isContainerNode() || v.asText().isBlank() ? null : v.asText();
  }

  private static String firstText(JsonNode node, String... fields) {
    for (String f : fields) {
      String v = text(node, f);
      if (v != null) {
        return v;
      }
    }
    return null;
  }
}
