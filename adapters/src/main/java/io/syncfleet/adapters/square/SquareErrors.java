package io.syncfleet.adapters.square;

import com.fasterxml.jackson.databind.JsonNode;
import io.syncfleet.adapters.ItemOutcome;
import io.syncfleet.adapters.http.ErrorDetail;
import io.syncfleet.adapters.http.ErrorReader;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Square's error shape {@code {"errors":[{"category", "code", "detail", "field"}]}} [V], read into
 * the code and message of a failure or of one item's outcome. An error's {@code field} may name the
 * element of a list it is about, e.g. {@code changes[3].physical_count.quantity} [C].
 */
final class SquareErrors {
  /** Reads any Square error body; one that is not JSON says only the status. */
  static final ErrorReader READER = r -> {
    List<Fault> errors = errors(r.jsonOrEmpty());
    if (errors.isEmpty()) {
      return ErrorDetail.unknown(r.status());
    }
    return new ErrorDetail(errors.get(0).code(), describe(errors));
  };

  private static final Pattern INDEX = Pattern.compile("^\\w+\\[(\\d+)]");
  private static final int SHOWN = 3;

  private SquareErrors() {}

  /** One error of an answer. */
  record Fault(String category, String code, String detail, String field) {
    /** The detail with the field it is about. */
    String text() {
      String d = detail != null ? detail : code;
      return field != null ? d + " (" + field + ")" : d;
    }

    /** The position in the request's list that {@code field} names, or -1. */
    int index() {
      if (field == null) {
        return -1;
      }
      Matcher m = INDEX.matcher(field);
      return m.find() ? Integer.parseInt(m.group(1)) : -1;
    }

    /** Whether the error mentions {@code token} (an object id, a SKU). */
    boolean mentions(String token) {
      return token != null && ((detail != null && detail.contains(token)) || (field != null && field.contains(token)));
    }

    /** This error as the outcome of {@code sku}: throttled, retried when passing or stale, else failed. */
    ItemOutcome outcome(String sku) {
      if (SquareApi.RATE_LIMITED.equals(code)) {
        return ItemOutcome.throttled(sku, code, text(), null);
      }
      if (SquareApi.STALE_VERSION.contains(code) || SquareApi.SERVER_FAULT.contains(code)) {
        return ItemOutcome.retry(sku, code, text(), null);
      }
      return ItemOutcome.failed(sku, code, text());
    }
  }

  /** The errors of an answer body. */
  static List<Fault> errors(JsonNode body) {
    List<Fault> out = new ArrayList<>();
    for (JsonNode e : body.path("errors")) {
      out.add(new Fault(text(e, "category"), text(e, "code"), text(e, "detail"), text(e, "field")));
    }
    return out;
  }

  /** The first few errors as one message. */
  static String describe(List<Fault> errors) {
    List<String> parts = new ArrayList<>();
    for (Fault e : errors.subList(0, Math.min(SHOWN, errors.size()))) {
      parts.add(e.text());
    }
    return String.join("; ", parts);
  }

  static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v == null || v.isNull() || v.isContainerNode() ? null : v.asText();
  }
}
