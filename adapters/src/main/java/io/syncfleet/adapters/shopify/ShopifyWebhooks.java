package io.syncfleet.adapters.shopify;

import io.syncfleet.adapters.http.Hmac;
import io.syncfleet.producer.connection.Connection;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks that a webhook delivery comes from Shopify: {@value ShopifyApi#HMAC_HEADER} must be the
 * base64 HMAC-SHA256 of the raw body bytes under the app's client secret [V]. Verify before parsing
 * the body. While a secret is being rotated, deliveries signed with the previous one are accepted
 * too [C]; every secret is checked, so the time taken does not tell which one matched.
 */
public final class ShopifyWebhooks {
  private ShopifyWebhooks() {}

  /**
   * Whether {@code hmacHeader} signs {@code rawBody} under the connection's
   * {@value ShopifyAdapter#WEBHOOK_SECRET} or {@value ShopifyAdapter#PREVIOUS_WEBHOOK_SECRET}.
   */
  public static boolean verify(Connection connection, byte[] rawBody, String hmacHeader) {
    List<String> secrets = new ArrayList<>(2);
    connection.secrets().get(ShopifyAdapter.WEBHOOK_SECRET).ifPresent(secrets::add);
    connection.secrets().get(ShopifyAdapter.PREVIOUS_WEBHOOK_SECRET).ifPresent(secrets::add);
    return verify(rawBody, hmacHeader, secrets);
  }

  /** Whether {@code hmacHeader} signs {@code rawBody} under any of {@code secrets}; blank ones never match. */
  public static boolean verify(byte[] rawBody, String hmacHeader, List<String> secrets) {
    if (rawBody == null || hmacHeader == null || hmacHeader.isBlank()) {
      return false;
    }
    boolean matched = false;
    for (String secret : secrets) {
      if (secret != null && !secret.isEmpty()) {
        matched |= Hmac.matches(Hmac.sha256Base64(secret, rawBody), hmacHeader);
      }
    }
    return matched;
  }
}
