package io.syncfleet.dashboard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.syncfleet.producer.Json;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks anything that looks like a credential in what the dashboard shows. Payloads and recorded
 * errors should hold no secrets (the worker already strips a connection's own secret values from
 * the errors it records), so this is a second line of defence: JSON members whose name suggests a
 * credential lose their value, and in free text {@code name=value} or {@code name: value} pairs with
 * such names, and bearer or basic credentials, are masked.
 */
final class SecretRedactor {
  /** What a masked value reads as. */
  static final String MASK = "[redacted]";

  private static final String SECRET_WORD =
      "secret|token|passw|pwd|api[-_]?key|authorization|credential|private[-_]?key|signature|cookie|session";
  private static final Pattern SECRET_NAME = Pattern.compile("(?i).*(" + SECRET_WORD + ").*");
  private static final Pattern SCHEME_CREDENTIAL =
      Pattern.compile("(?i)\\b(bearer|basic)\\s+[A-Za-z0-9._~+/=-]{6,}");
  private static final Pattern NAMED_VALUE = Pattern.compile(
      "(?i)([\"']?[\\w.-]*(?:" + SECRET_WORD + ")[\\w.-]*[\"']?\\s*[:=]\\s*[\"']?)((?!\\[redacted])[^\"'\\s,;&}\\]]+)");

  /** {@code text} with credential-looking parts masked; null stays null. */
  String text(String text) {
    if (text == null) {
      return null;
    }
    String out = SCHEME_CREDENTIAL.matcher(text).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + " " + MASK));
    return NAMED_VALUE.matcher(out).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + MASK));
  }

  /** A payload with credential-named members masked; text that is not JSON is masked as text. */
  String payload(String payload) {
    if (payload == null) {
      return null;
    }
    JsonNode node;
    try {
      node = Json.MAPPER.readTree(payload);
    } catch (JsonProcessingException e) {
      return text(payload);
    }
    if (node == null) {
      return text(payload);
    }
    mask(node);
    return node.toString();
  }

  /** Settings with credential-named values masked. */
  Map<String, String> settings(Map<String, String> settings) {
    Map<String, String> out = new LinkedHashMap<>();
    settings.forEach((name, value) -> out.put(name, secretName(name) ? MASK : text(value)));
    return out;
  }

  static boolean secretName(String name) {
    return SECRET_NAME.matcher(name).matches();
  }

  private void mask(JsonNode node) {
    if (node instanceof ObjectNode) {
      for (Map.Entry<String, JsonNode> field : ((ObjectNode) node).properties()) {
        if (secretName(field.getKey()) && !field.getValue().isNull()) {
          field.setValue(TextNode.valueOf(MASK));
        } else if (field.getValue().isTextual()) {
          field.setValue(TextNode.valueOf(text(field.getValue().asText())));
        } else {
          mask(field.getValue());
        }
      }
    } else if (node instanceof ArrayNode) {
      ArrayNode array = (ArrayNode) node;
      for (int i = 0; i < array.size(); i++) {
        if (array.get(i).isTextual()) {
          array.set(i, TextNode.valueOf(text(array.get(i).asText())));
        } else {
          mask(array.get(i));
        }
      }
    }
  }
}
