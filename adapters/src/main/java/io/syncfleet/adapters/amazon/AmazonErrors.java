package io.syncfleet.adapters.amazon;

import com.fasterxml.jackson.databind.JsonNode;
import io.syncfleet.adapters.ItemOutcome;
import io.syncfleet.adapters.failure.TransientFailure;
import io.syncfleet.adapters.http.ErrorDetail;
import io.syncfleet.adapters.http.HttpResult;
import java.util.ArrayList;
import java.util.List;

/**
 * Amazon's error shapes: the SP-API body {@code {"errors":[{"code","message","details"}]}} [C], LWA's
 * OAuth {@code {"error","error_description"}} [V], and the {@code status} and {@code issues} of a
 * Listings Items submission [V], whose ERROR issues refuse the item and whose warnings do not.
 */
final class AmazonErrors {
  private AmazonErrors() {}

  /** The code and message of an error body; details are appended because Amazon puts the cause there. */
  static ErrorDetail detail(JsonNode body, int status) {
    JsonNode errors = body.path("errors");
    if (errors.isArray() && !errors.isEmpty()) {
      List<String> messages = new ArrayList<>();
      for (JsonNode e : errors) {
        String message = text(e, "message");
        String details = text(e, "details");
        if (details != null && !details.isBlank()) {
          message = message == null ? details : message + " (" + details + ")";
        }
        if (message != null && !message.isBlank()) {
          messages.add(message);
        }
      }
      return new ErrorDetail(text(errors.get(0), "code"),
          messages.isEmpty() ? "HTTP " + status : String.join("; ", messages));
    }
    String oauthError = text(body, "error");
    if (oauthError != null) {
      String description = text(body, "error_description");
      return new ErrorDetail(oauthError, description != null ? description : oauthError);
    }
    return ErrorDetail.unknown(status);
  }

  /**
   * The outcome of one Listings Items submission (PUT, PATCH, DELETE) as answered: ACCEPTED is done
   * (Amazon applies it asynchronously [V]); INVALID and any 4xx refusal are failed with Amazon's code.
   */
  static ItemOutcome submission(String sku, HttpResult r) {
    if (!r.isSuccess()) {
      ErrorDetail e = r.error();
      return ItemOutcome.failed(sku, e.code(), e.message());
    }
    JsonNode body = r.json();
    String status = text(body, "status");
    if (AmazonApi.ACCEPTED.equals(status)) {
      return ItemOutcome.done(sku);
    }
    if (AmazonApi.INVALID.equals(status)) {
      List<JsonNode> errors = new ArrayList<>();
      for (JsonNode issue : body.path("issues")) {
        if (AmazonApi.ERROR.equals(text(issue, "severity"))) {
          errors.add(issue);
        }
      }
      return errors.isEmpty()
          ? ItemOutcome.failed(sku, AmazonApi.INVALID, "Amazon refused the listing without naming an error")
          : ItemOutcome.failed(sku, text(errors.get(0), "code"), issueMessages(errors));
    }
    throw new TransientFailure("Amazon answered the submission for " + sku + " with status '" + status + "'",
        r.status());
  }

  /** The messages of {@code issues}, each with the attributes it names, joined for a person to read. */
  static String issueMessages(List<JsonNode> issues) {
    List<String> out = new ArrayList<>();
    for (JsonNode issue : issues) {
      List<String> attributes = new ArrayList<>();
      issue.path("attributeNames").forEach(a -> attributes.add(a.asText()));
      String single = text(issue, "attributeName");
      if (single != null) {
        attributes.add(single);
      }
      String message = text(issue, "message");
      String code = text(issue, "code");
      out.add((code == null ? "" : code + ": ") + (message == null ? "no message" : message)
          + (attributes.isEmpty() ? "" : " " + attributes));
    }
    return String.join("; ", out);
  }

  static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v == null || v.isNull() || v.isContainerNode() ? null : v.asText();
  }
}
