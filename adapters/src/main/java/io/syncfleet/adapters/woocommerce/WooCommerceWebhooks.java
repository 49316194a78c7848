package io.syncfleet.adapters.woocommerce;

import io.syncfleet.adapters.http.Hmac;
import io.syncfleet.producer.connection.Connection;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Checks that a webhook delivery comes from the shop: {@value #SIGNATURE_HEADER} must be the base64
 * HMAC-SHA256 of the raw body bytes under the webhook's secret [V/C]. Verify before parsing the body.
 * While a secret is being rotated, deliveries signed with the previous one are accepted too; every
 * secret is checked, so the time taken does not tell which one matched.
 *
 * <p>When a webhook is created, WooCommerce first posts an unsigned ping whose body is
 * {@code webhook_id=<id>}, form-encoded, and keeps the webhook only if it is answered 200 [V core
 * code]: answer {@link #isPing} deliveries 200 and do nothing else with them.
 */
public final class WooCommerceWebhooks {
  /** The request header that carries the signature. */
  public static final String SIGNATURE_HEADER = WooCommerceApi.SIGNATURE_HEADER;
  private static final Pattern PING = Pattern.compile(WooCommerceApi.PING_FIELD + "=\\d+");

  private WooCommerceWebhooks() {}

  /**
   * Whether {@code signatureHeader} signs {@code rawBody} under the connection's
   * {@code webhook_secret} or {@code webhook_secret_previous}.
   */
  public static boolean verify(Connection connection, byte[] rawBody, String signatureHeader) {
    List<String> secrets = new ArrayList<>(2);
    connection.secrets().get(WooCommerceApi.WEBHOOK_SECRET).ifPresent(secrets::add);
    connection.secrets().get(WooCommerceApi.PREVIOUS_WEBHOOK_SECRET).ifPresent(secrets::add);
    return verify(rawBody, signatureHeader, secrets);
  }

  /** Whether {@code signatureHeader} signs {@code rawBody} under any of {@code secrets}; blank ones never match. */
  public static boolean verify(byte[] rawBody, String signatureHeader, List<String> secrets) {
    if (rawBody == null || signatureHeader == null || signatureHeader.isBlank()) {
      return false;
    }
    boolean matched = false;
    for (String secret : secrets) {
      if (secret != null && !secret.isEmpty()) {
        matched |= Hmac.matches(Hmac.sha256Base64(secret, rawBody), signatureHeader);
      }
    }
    return matched;
  }

  /** Whether a delivery is the creation ping: no signature, and the body {@code webhook_id=<digits>}. */
  public static boolean isPing(byte[] rawBody, String signatureHeader) {
    return rawBody != null && (signatureHeader == null || signatureHeader.isBlank())
        && PING.matcher(new String(rawBody, StandardCharsets.UTF_8).trim()).matches();
  }
}
