package io.syncfleet.demo.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.syncfleet.producer.Json;
import java.math.BigDecimal;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** The JSON pieces the simulated eBay writes everywhere: its error body, amounts and timestamps. */
final class EbaySimJson {
  /** ISO-8601 UTC with milliseconds, as eBay writes dates. */
  static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private EbaySimJson() {}

  /** eBay's error body: {@code {"errors":[{"errorId","domain","category","message"}]}}. */
  static ObjectNode errors(int errorId, String message) {
    return Json.MAPPER.createObjectNode().set("errors", errorList(errorId, message));
  }

  /** The {@code errors} array alone, as bulk answers carry it per item. */
  static ArrayNode errorList(int errorId, String message) {
    ArrayNode list = Json.MAPPER.createArrayNode();
    list.addObject().put("errorId", errorId).put("domain", "API_INVENTORY").put("category", "REQUEST")
        .put("message", message);
    return list;
  }

  /** An eBay amount: {@code {"value":"9.99","currency":"USD"}}. */
  static ObjectNode amount(BigDecimal value, String currency) {
    return Json.MAPPER.createObjectNode().put("value", value.toPlainString()).put("currency", currency);
  }

  /** The value of an eBay amount, or null when absent or unreadable. */
  static BigDecimal value(JsonNode amount) {
    String v = text(amount, "value");
    try {
      return v == null ? null : new BigDecimal(v);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }
}
