package io.syncfleet.adapters.shopify;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * One entry of a mutation's {@code userErrors} [V]: Shopify refused part of the input and says where,
 * e.g. field {@code ["input", "variants", "1", "price"]} names the second variant.
 *
 * @param field   the path into the input, possibly empty
 * @param code    Shopify's error code, or a generic one when the error type has none
 * @param message Shopify's message
 */
record ShopifyUserError(List<String> field, String code, String message) {
  /** Used when Shopify's error type carries no code (plain {@code UserError}). */
  static final String NO_CODE = "USER_ERROR";

  ShopifyUserError {
    field = List.copyOf(field);
  }

  /** The entries of a {@code userErrors} array; empty when there are none. */
  static List<ShopifyUserError> list(JsonNode userErrors) {
    List<ShopifyUserError> out = new ArrayList<>();
    for (JsonNode e : userErrors) {
      List<String> path = new ArrayList<>();
      for (JsonNode part : e.path("field")) {
        path.add(part.asText());
      }
      String code = e.path("code").asText("");
      out.add(new ShopifyUserError(path, code.isEmpty() ? NO_CODE : code, e.path("message").asText("")));
    }
    return out;
  }

  /** The position in list input {@code listName} this error points at, or -1 when it names none. */
  int indexIn(String listName) {
    int at = field.indexOf(listName);
    if (at < 0 || at + 1 >= field.size()) {
      return -1;
    }
    try {
      return Integer.parseInt(field.get(at + 1));
    } catch (NumberFormatException notAnIndex) {
      return -1;
    }
  }

  /** The message with the field it names, for a person reading the dead set. */
  String describe() {
    return field.isEmpty() ? message : String.join(".", field) + ": " + message;
  }
}
