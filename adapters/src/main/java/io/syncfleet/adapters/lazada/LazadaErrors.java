package io.syncfleet.adapters.lazada;

import com.fasterxml.jackson.databind.JsonNode;
import io.syncfleet.adapters.ItemOutcome;
import io.syncfleet.adapters.failure.AuthenticationFailure;
import io.syncfleet.adapters.failure.PermanentFailure;
import io.syncfleet.adapters.failure.RateLimitedFailure;
import io.syncfleet.adapters.failure.SyncFailure;
import io.syncfleet.adapters.failure.TransientFailure;
import io.syncfleet.adapters.http.ErrorDetail;
import io.syncfleet.adapters.http.ErrorReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;

/**
 * Lazada's answers [V fields, C shape]: {@code code} "0" on success; on failure {@code type}, a
 * {@code code} (a name such as {@code IllegalAccessToken}, or a number such as 501), a {@code message},
 * and on product calls a {@code detail[]} naming the SKU and field at fault. Lazada answers HTTP 200
 * for most failures, throttling included, so the code decides.
 */
final class LazadaErrors {
  /** Reads Lazada's error out of any answer, for the failures the HTTP toolkit raises by status. */
  static final ErrorReader READER = r -> {
    JsonNode body = r.jsonOrEmpty();
    String code = code(body);
    if (code == null) {
      return ErrorDetail.unknown(r.status());
    }
    String message = text(body, "message");
    return new ErrorDetail(code, message == null || message.isBlank() ? code : message);
  };

  /** What a Lazada error means for the worker. */
  enum Kind {
    /** Lazada throttled the call. */
    THROTTLED,
    /** The access token is invalid or expired: refresh once. */
    TOKEN,
    /** The app, seller or authorization is wrong: someone must act. */
    CREDENTIALS,
    /** A fault on Lazada's side. */
    PASSING,
    /** Lazada refused the request or its items. */
    REFUSED
  }

  private LazadaErrors() {}

  /** The answer's error code, or null on success. */
  static String code(JsonNode body) {
    String code = text(body, "code");
    return code == null || code.isBlank() || LazadaApi.OK.equals(code) ? null : code;
  }

  static Kind kind(String code) {
    if (LazadaApi.API_CALL_LIMIT.equals(code) || LazadaApi.TOO_FREQUENT.equals(code)
        || LazadaApi.SERVICE_DISABLED.equals(code)) {
      return Kind.THROTTLED;
    }
    if (LazadaApi.ILLEGAL_ACCESS_TOKEN.equals(code)) {
      return Kind.TOKEN;
    }
    if (LazadaApi.CREDENTIAL_CODES.contains(code)) {
      return Kind.CREDENTIALS;
    }
    if (LazadaApi.TRANSIENT_CODES.contains(code)) {
      return Kind.PASSING;
    }
    return Kind.REFUSED;
  }

  /** The typed failure of a whole call that Lazada answered with {@code code}. */
  static SyncFailure failure(String code, String message, int status) {
    String text = message == null || message.isBlank() ? code : message;
    switch (kind(code)) {
      case THROTTLED:
        return new RateLimitedFailure("Lazada throttled the call (" + code + ": " + text + ")", status, code,
            wait(code, text));
      case TOKEN:
        return new AuthenticationFailure("Lazada refused the access token (" + code + ": " + text + ")", status,
            code);
      case CREDENTIALS:
        return new AuthenticationFailure("Lazada refused this connection (" + code + ": " + text + "); check the "
            + "app key and secret, the seller's status in Seller Center, or have the seller authorize Syncfleet "
            + "again and store the new tokens", status, code);
      case PASSING:
        return new TransientFailure("Lazada failed to answer (" + code + ": " + text + ")", status, code, null);
      default:
        return new PermanentFailure(text, status, code);
    }
  }

  /** A failure the HTTP toolkit raised by status (401, 403, 429, 5xx), re-read by Lazada's code. */
  static SyncFailure reclassify(SyncFailure f) {
    if (f.code() == null || f instanceof RateLimitedFailure
        || f instanceof TransientFailure && f.httpStatus() == 0) {
      return f;
    }
    Kind kind = kind(f.code());
    if (f instanceof TransientFailure && kind != Kind.THROTTLED) {
      return f;
    }
    return failure(f.code(), f.getMessage(), f.httpStatus());
  }

  /** [V] ApiCallLimit says how long the ban lasts; 901 asks for the next second; 998 says nothing. */
  private static Duration wait(String code, String message) {
    if (LazadaApi.TOO_FREQUENT.equals(code)) {
      return LazadaApi.TOO_FREQUENT_WAIT;
    }
    Matcher m = LazadaApi.BAN_SECONDS.matcher(message);
    return m.find() ? Duration.ofSeconds(Long.parseLong(m.group(1))) : null;
  }

  /** The message of each SKU {@code detail[]} names, by SellerSku [C field names]. */
  static Map<String, String> detailsBySku(JsonNode body) {
    Map<String, String> bySku = new LinkedHashMap<>();
    for (JsonNode d : body.path("detail")) {
      String sku = firstText(d, "seller_sku", "SellerSku", "sellerSku");
      if (sku != null) {
        bySku.merge(sku, detailText(d), (a, b) -> a + "; " + b);
      }
    }
    return bySku;
  }

  /**
   * The outcome of each of {@code skus} after Lazada refused the call that carried them: a SKU that
   * {@code detail[]} names fails with its own message. The others fail with the whole message when
   * the call stands or falls as one (a product), or come back for a retry when Lazada may have done
   * them (a price and quantity update, which sets absolute values and may be repeated).
   */
  static List<ItemOutcome> outcomes(LazadaReply reply, List<String> skus, boolean allOrNothing) {
    Map<String, String> named = detailsBySku(reply.body());
    String whole = describe(reply);
    List<ItemOutcome> out = new ArrayList<>(skus.size());
    for (String sku : skus) {
      String own = named.get(sku);
      if (own != null) {
        out.add(ItemOutcome.failed(sku, reply.code(), own));
      } else if (allOrNothing || named.isEmpty()) {
        out.add(ItemOutcome.failed(sku, reply.code(), whole));
      } else {
        out.add(ItemOutcome.retry(sku, reply.code(), "Lazada refused other SKUs of the same call: " + whole, null));
      }
    }
    return out;
  }

  /** A refusal's message with every {@code detail[]} entry, for a failure that concerns all its SKUs. */
  static String describe(LazadaReply reply) {
    String message = reply.message() == null || reply.message().isBlank() ? reply.code() : reply.message();
    List<String> details = new ArrayList<>();
    reply.body().path("detail").forEach(d -> details.add(detailText(d)));
    return details.isEmpty() ? message : message + " (" + String.join("; ", details) + ")";
  }

  private static String detailText(JsonNode d) {
    String field = text(d, "field");
    String message = text(d, "message");
    return field == null || field.isBlank() ? String.valueOf(message) : field + ": " + message;
  }

  static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v == null || v.isNull() || v.isContainerNode() ? null : v.asText();
  }

  private static String firstText(JsonNode node, String... fields) {
    for (String f : fields) {
      String v = text(node, f);
      if (v != null && !v.isBlank()) {
        return v;
      }
    }
    return null;
  }
}
