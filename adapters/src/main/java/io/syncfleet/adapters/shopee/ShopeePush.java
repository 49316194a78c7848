package io.syncfleet.adapters.shopee;

import io.syncfleet.adapters.http.Hmac;
import io.syncfleet.producer.connection.Connection;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * Checks that a push notification comes from Shopee: its {@code Authorization} header must be the
 * lowercase hex HMAC-SHA256, under the partner key, of the full callback URL, a {@code |} and the raw
 * body bytes [V]. Verify before parsing the body; answer a verified push with 2xx and an empty body,
 * or Shopee retries it and may disable the subscription [V].
 */
public final class ShopeePush {
  /** [V] The request header carrying the signature. */
  public static final String SIGNATURE_HEADER = "Authorization";

  private ShopeePush() {}

  /** Whether {@code authorization} signs the push under the connection's partner key. */
  public static boolean verify(Connection connection, String callbackUrl, byte[] rawBody, String authorization) {
    return verify(callbackUrl, rawBody, authorization,
        connection.secrets().get(ShopeeApi.PARTNER_KEY).orElse(null));
  }

  /** Whether {@code authorization} signs {@code callbackUrl|rawBody} under {@code partnerKey}. */
  public static boolean verify(String callbackUrl, byte[] rawBody, String authorization, String partnerKey) {
    if (callbackUrl == null || rawBody == null || authorization == null || authorization.isBlank()
        || partnerKey == null || partnerKey.isEmpty()) {
      return false;
    }
    return Hmac.matches(sign(callbackUrl, rawBody, partnerKey), authorization);
  }

  /** The signature Shopee sends with a push to {@code callbackUrl} carrying {@code rawBody}. */
  static String sign(String callbackUrl, byte[] rawBody, String partnerKey) {
    ByteArrayOutputStream message = new ByteArrayOutputStream(callbackUrl.length() + 1 + rawBody.length);
    message.writeBytes(callbackUrl.getBytes(StandardCharsets.UTF_8));
    message.write('|');
    message.writeBytes(rawBody);
    return HexFormat.of().formatHex(Hmac.sha256(partnerKey, message.toByteArray()));
  }
}
