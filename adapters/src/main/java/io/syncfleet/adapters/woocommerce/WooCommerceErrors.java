package io.syncfleet.adapters.woocommerce;

import com.fasterxml.jackson.databind.JsonNode;
import io.syncfleet.adapters.http.ErrorDetail;
import io.syncfleet.adapters.http.ErrorReader;
import io.syncfleet.adapters.http.HttpResult;
import io.syncfleet.producer.Json;
import java.io.IOException;

/**
 * WooCommerce's error shape, the WordPress REST error [V core code]:
 * {@code {"code":"woocommerce_rest_product_invalid_id","message":"Invalid ID.","data":{"status":404}}};
 * a batch answer carries the same object as the {@code error} of each refused entry.
 */
final class WooCommerceErrors {
  /** Reads the error of any WooCommerce answer; a page that is not JSON (a proxy, a WAF) says only its status. */
  static final ErrorReader READER = r -> detail(parseOrEmpty(r), r.status());

  private WooCommerceErrors() {}

  /** The code and message of an error object. */
  static ErrorDetail detail(JsonNode error, int status) {
    String code = text(error, "code");
    String message = text(error, "message");
    if (code == null && message == null) {
      return ErrorDetail.unknown(status);
    }
    return new ErrorDetail(code, message != null ? message : code);
  }

  /** The HTTP status an error object names in {@code data.status}, or {@code fallback}. */
  static int status(JsonNode error, int fallback) {
    return error.path("data").path("status").asInt(fallback);
  }

  static JsonNode parseOrEmpty(HttpResult r) {
    try {
      JsonNode node = r.bodyBytes().length == 0 ? null : Json.MAPPER.readTree(r.bodyBytes());
      return node == null || !node.isObject() ? Json.MAPPER.createObjectNode() : node;
    } catch (IOException e) {
      return Json.MAPPER.createObjectNode();
    }
  }

  static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v == null || v.isNull() || v.isContainerNode() ? null : v.asText();
  }
}
