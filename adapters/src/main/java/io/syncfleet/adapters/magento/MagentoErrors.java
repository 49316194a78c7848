package io.syncfleet.adapters.magento;

import com.fasterxml.jackson.databind.JsonNode;
import io.syncfleet.adapters.http.ErrorDetail;
import io.syncfleet.adapters.http.ErrorReader;
import io.syncfleet.adapters.http.HttpResult;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Magento's error shapes. A failed call answers {@code {"message", "parameters", "errors"}} where the
 * message is a template with {@code %1} (parameters as a list) or {@code %name} (parameters as an
 * object) placeholders [V code, C examples]; an aggregate failure lists each problem in
 * {@code errors[]} in the same shape. Price storage answers refused rows as a list of the same
 * entries. Magento has no error codes: the filled message is what a person reads.
 */
final class MagentoErrors {
  /** Reads any Magento error body; a body that is not JSON (an error page, a proxy) says only the status. */
  static final ErrorReader READER = r -> {
    JsonNode body = r.jsonOrEmpty();
    String message = body.path("message").isTextual() ? entry(body).text() : null;
    return message == null || message.isBlank() ? ErrorDetail.unknown(r.status()) : new ErrorDetail(null, message);
  };

  private static final Pattern PLACEHOLDER = Pattern.compile("%(\\w+)");

  private MagentoErrors() {}

  /**
   * One reported problem: the message template and its parameters by placeholder name ({@code 1},
   * {@code 2}... for a list). A list fills the placeholders in the order the message first names them
   * [C: price storage answers {@code ["SKU", "X"]} for {@code %fieldName = %fieldValue}].
   */
  record Entry(String template, Map<String, String> parameters) {
    /** The message with its placeholders filled. */
    String text() {
      Matcher m = PLACEHOLDER.matcher(template);
      StringBuilder out = new StringBuilder();
      while (m.find()) {
        String value = parameters.get(m.group(1));
        m.appendReplacement(out, Matcher.quoteReplacement(value != null ? value : m.group()));
      }
      m.appendTail(out);
      return out.toString();
    }

    /** The SKU of {@code skus} this entry is about: a parameter equal to one, or one quoted in the text. */
    Optional<String> sku(Collection<String> skus) {
      for (String value : parameters.values()) {
        if (skus.contains(value)) {
          return Optional.of(value);
        }
      }
      String text = text();
      return skus.stream().filter(s -> text.contains("\"" + s + "\"")).findFirst();
    }
  }

  /** The entry of a {@code {"message", "parameters"}} node. */
  static Entry entry(JsonNode node) {
    String template = node.path("message").asText("");
    JsonNode params = node.path("parameters");
    Map<String, String> named = new LinkedHashMap<>();
    if (params.isArray()) {
      List<String> names = placeholders(template);
      boolean numbered = names.isEmpty() || names.stream().allMatch(n -> n.chars().allMatch(Character::isDigit));
      for (int i = 0; i < params.size(); i++) {
        String name = numbered || i >= names.size() ? String.valueOf(i + 1) : names.get(i);
        named.put(name, params.get(i).asText());
      }
    } else if (params.isObject()) {
      for (Map.Entry<String, JsonNode> p : params.properties()) {
        named.put(p.getKey(), p.getValue().asText());
      }
    }
    return new Entry(template, named);
  }

  /** The entries of a list of {@code {"message", "parameters"}} nodes. */
  static List<Entry> entries(JsonNode list) {
    List<Entry> out = new ArrayList<>();
    for (JsonNode node : list) {
      if (node.has("message")) {
        out.add(entry(node));
      }
    }
    return out;
  }

  /** The problems of a failed call: its {@code errors[]} when it lists them, else its one message. */
  static List<Entry> problems(HttpResult r) {
    JsonNode body = r.jsonOrEmpty();
    List<Entry> listed = entries(body.path("errors"));
    if (!listed.isEmpty()) {
      return listed;
    }
    return body.path("message").isTextual() ? List.of(entry(body)) : List.of();
  }

  static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v == null || v.isNull() || v.isContainerNode() ? null : v.asText();
  }

  private static List<String> placeholders(String template) {
    List<String> names = new ArrayList<>();
    Matcher m = PLACEHOLDER.matcher(template);
    while (m.find()) {
      if (!names.contains(m.group(1))) {
        names.add(m.group(1));
      }
    }
    return names;
  }
}
