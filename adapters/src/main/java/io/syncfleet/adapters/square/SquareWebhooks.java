package io.syncfleet.adapters.square;

import io.syncfleet.adapters.http.Hmac;
import io.syncfleet.producer.connection.Connection;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Checks that a webhook delivery comes from Square: {@value #SIGNATURE_HEADER} must be the base64
 * HMAC-SHA256, under the subscription's signature key, of the notification URL exactly as
 * registered followed by the raw body bytes [V]. Verify before parsing the body, and dedupe on the
 * event's {@code event_id}, since Square delivers again after a slow or failed answer [V].
 */
public final class SquareWebhooks {
  /** [V] Header carrying the signature. */
  public static final String SIGNATURE_HEADER = "x-square-hmacsha256-signature";

  private SquareWebhooks() {}

  /**
   * Whether {@code signature} signs {@code rawBody} under the connection's
   * {@value SquareApi#WEBHOOK_SIGNATURE_KEY} for its {@value SquareApi#WEBHOOK_URL} setting.
   */
  public static boolean verify(Connection connection, byte[] rawBody, String signature) {
    String key = connection.secrets().get(SquareApi.WEBHOOK_SIGNATURE_KEY).orElse(null);
    String url = connection.setting(SquareApi.WEBHOOK_URL).orElse(null);
    return verify(key, url, rawBody, signature);
  }

  /** Whether {@code signature} signs {@code notificationUrl + rawBody} under {@code signatureKey}; blanks never match. */
  public static boolean verify(String signatureKey, String notificationUrl, byte[] rawBody, String signature) {
    if (signatureKey == null || signatureKey.isEmpty() || notificationUrl == null || notificationUrl.isEmpty()
        || rawBody == null || signature == null || signature.isBlank()) {
      return false;
    }
    ByteArrayOutputStream signed = new ByteArrayOutputStream();
    signed.writeBytes(notificationUrl.getBytes(StandardCharsets.UTF_8));
    signed.writeBytes(rawBody);
    return Hmac.matches(Hmac.sha256Base64(signatureKey, signed.toByteArray()), signature);
  }
}
