package io.syncfleet.adapters.prestashop;

import com.fasterxml.jackson.databind.JsonNode;
import io.syncfleet.adapters.http.ErrorDetail;
import io.syncfleet.adapters.http.ErrorReader;
import io.syncfleet.adapters.http.HttpResult;
import io.syncfleet.producer.Json;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * PrestaShop's error shapes [V core code]: {@code {"errors":[{"code":85,"message":"Validation error: ..."}]}}
 * with JSON output, {@code <prestashop><errors><error><code/><message/></error></errors></prestashop>}
 * with XML. The first error's code is the code; every message is kept.
 */
final class PrestaShopErrors {
  /** Reads either shape out of any answer; anything else (an HTML error page) says only its status. */
  static final ErrorReader READER = PrestaShopErrors::read;

  private PrestaShopErrors() {}

  private static ErrorDetail read(HttpResult r) {
    byte[] body = r.bodyBytes();
    int start = 0;
    while (start < body.length && Character.isWhitespace(body[start])) {
      start++;
    }
    if (start < body.length && body[start] == '<') {
      return fromXml(body, r.status());
    }
    try {
      JsonNode node = body.length == 0 ? null : Json.MAPPER.readTree(body);
      return node == null ? ErrorDetail.unknown(r.status()) : fromJson(node, r.status());
    } catch (IOException e) {
      return ErrorDetail.unknown(r.status());
    }
  }

  private static ErrorDetail fromJson(JsonNode body, int status) {
    JsonNode errors = body.path("errors");
    if (!errors.isArray() || errors.isEmpty()) {
      return ErrorDetail.unknown(status);
    }
    List<String> messages = new ArrayList<>();
    errors.forEach(e -> messages.add(e.path("message").asText("")));
    JsonNode code = errors.get(0).path("code");
    return detail(code.isMissingNode() || code.isNull() ? null : code.asText(), messages, status);
  }

  private static ErrorDetail fromXml(byte[] body, int status) {
    Document doc;
    try {
      doc = PrestaShopXml.parse(body);
    } catch (IllegalArgumentException notXml) {
      return ErrorDetail.unknown(status);
    }
    NodeList errors = doc.getElementsByTagName("error");
    if (errors.getLength() == 0) {
      return ErrorDetail.unknown(status);
    }
    List<String> messages = new ArrayList<>();
    String code = null;
    for (int i = 0; i < errors.getLength(); i++) {
      Element error = (Element) errors.item(i);
      if (i == 0) {
        code = PrestaShopXml.childText(error, "code");
      }
      messages.add(PrestaShopXml.childText(error, "message"));
    }
    return detail(code, messages, status);
  }

  private static ErrorDetail detail(String code, List<String> messages, int status) {
    messages.removeIf(m -> m == null || m.isBlank());
    return new ErrorDetail(code == null || code.isBlank() ? null : code.trim(),
        messages.isEmpty() ? "HTTP " + status : String.join("; ", messages));
  }
}
