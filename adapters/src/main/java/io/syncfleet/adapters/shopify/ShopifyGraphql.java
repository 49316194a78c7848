package io.syncfleet.adapters.shopify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.syncfleet.adapters.failure.AuthenticationFailure;
import io.syncfleet.adapters.failure.PermanentFailure;
import io.syncfleet.adapters.failure.RateLimitedFailure;
import io.syncfleet.adapters.failure.SyncFailure;
import io.syncfleet.adapters.failure.TransientFailure;
import io.syncfleet.adapters.http.ErrorDetail;
import io.syncfleet.adapters.http.HttpResult;
import io.syncfleet.adapters.http.MarketplaceHttp;
import io.syncfleet.producer.Json;
import io.syncfleet.producer.connection.Connection;
import io.syncfleet.producer.connection.MissingCredentialException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import okhttp3.Request;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one GraphQL document with its variables to a shop's Admin API and returns {@code data}, or
 * throws the typed failure. HTTP-level answers (429, 401/403, 5xx, timeouts) are classified by
 * {@link MarketplaceHttp}; this class adds what Shopify says inside an HTTP 200: top-level
 * {@code errors} with {@code THROTTLED} (rate limited, with the wait computed from the cost report),
 * {@code ACCESS_DENIED} (authentication), and everything else (permanent). Per-item
 * {@code userErrors} are part of {@code data} and left to the caller. The cost report's bucket
 * state is passed to {@link MarketplaceHttp#report}, throttled answers included.
 */
final class ShopifyGraphql {
  private static final Logger LOG = LoggerFactory.getLogger(ShopifyGraphql.class);
  private static final int MESSAGES_SHOWN = 3;

  private final MarketplaceHttp http;

  ShopifyGraphql(MarketplaceHttp http) {
    this.http = http;
  }

  /** Runs {@code document} with {@code variables}; returns the {@code data} object. */
  JsonNode execute(Connection connection, String document, ObjectNode variables) {
    ObjectNode body = Json.MAPPER.createObjectNode();
    body.put("query", document);
    body.set("variables", variables);
    Request request = new Request.Builder()
        .url(ShopifyApi.graphqlUrl(connection))
        .header(ShopifyApi.ACCESS_TOKEN_HEADER, accessToken(connection))
        .header("Accept", "application/json")
        .post(MarketplaceHttp.json(body))
        .build();
    HttpResult result = http.send(request, ShopifyGraphql::readError);
    if (ShopifyApi.SHOP_UNAVAILABLE.contains(result.status())) {
      ErrorDetail e = result.error();
      throw new AuthenticationFailure("shop unavailable: " + e.message(), result.status(), e.code());
    }
    if (!result.isSuccess()) {
      throw result.permanent();
    }
    JsonNode root = result.json();
    ShopifyCost cost = ShopifyCost.from(root.path("extensions").path("cost"));
    LOG.debug("shopify {} cost requested={} actual={} available={}/{}", connection.id(),
        cost.requested(), cost.actual(), cost.currentlyAvailable(), cost.maximumAvailable());
    http.report(cost.allowance());
    JsonNode errors = root.path("errors");
    if (errors.isArray() && !errors.isEmpty()) {
      throw classify(errors, cost, result.status());
    }
    JsonNode data = root.path("data");
    if (!data.isObject()) {
      throw new TransientFailure("Shopify answered HTTP " + result.status() + " without data", result.status());
    }
    return data;
  }

  /** The cursor of the next page of a GraphQL connection, or null on its last page. */
  static String nextCursor(JsonNode connectionPage) {
    JsonNode info = connectionPage.path("pageInfo");
    return info.path("hasNextPage").asBoolean(false) ? info.path("endCursor").asText(null) : null;
  }

  private static String accessToken(Connection connection) {
    try {
      return connection.secrets().require(ShopifyAdapter.ACCESS_TOKEN);
    } catch (MissingCredentialException e) {
      throw new AuthenticationFailure(e.getMessage(), 0, "missing_credential");
    }
  }

  private static SyncFailure classify(JsonNode errors, ShopifyCost cost, int status) {
    List<String> codes = new ArrayList<>();
    List<String> messages = new ArrayList<>();
    for (JsonNode error : errors) {
      codes.add(error.path("extensions").path("code").asText(""));
      messages.add(error.path("message").asText("GraphQL error"));
    }
    String message = String.join("; ", messages.subList(0, Math.min(MESSAGES_SHOWN, messages.size())));
    if (codes.contains(ShopifyApi.THROTTLED)) {
      return new RateLimitedFailure(message, status, ShopifyApi.THROTTLED, cost.waitForRequested());
    }
    if (codes.contains(ShopifyApi.ACCESS_DENIED)) {
      return new AuthenticationFailure(message, status, ShopifyApi.ACCESS_DENIED);
    }
    if (codes.contains(ShopifyApi.INTERNAL_SERVER_ERROR)) {
      return new TransientFailure(message, status, ShopifyApi.INTERNAL_SERVER_ERROR, null);
    }
    String code = codes.stream().filter(c -> !c.isEmpty()).findFirst().orElse("GRAPHQL_ERROR");
    return new PermanentFailure(message, status, code);
  }

  /**
   * Shopify's error bodies outside GraphQL: {@code {"errors": "text"}} (e.g. a bad token),
   * {@code {"errors": [{"message", "extensions": {"code"}}]}} or {@code {"errors": {"field": ["text"]}}}.
   */
  static ErrorDetail readError(HttpResult response) {
    JsonNode errors;
    try {
      errors = response.json().path("errors");
    } catch (SyncFailure notJson) {
      return ErrorDetail.unknown(response.status());
    }
    if (errors.isTextual()) {
      return new ErrorDetail(null, errors.asText());
    }
    if (errors.isArray() && !errors.isEmpty()) {
      JsonNode first = errors.get(0);
      String code = first.path("extensions").path("code").asText(null);
      return new ErrorDetail(code, first.path("message").asText(first.toString()));
    }
    if (errors.isObject() && !errors.isEmpty()) {
      List<String> parts = new ArrayList<>();
      for (Map.Entry<String, JsonNode> field : errors.properties()) {
        parts.add(field.getKey() + " " + (field.getValue().isArray() && !field.getValue().isEmpty()
            ? field.getValue().get(0).asText() : field.getValue().asText()));
      }
      return new ErrorDetail(null, String.join("; ", parts));
    }
    return ErrorDetail.unknown(response.status());
  }
}
