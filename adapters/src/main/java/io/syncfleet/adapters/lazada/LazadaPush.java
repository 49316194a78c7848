package io.syncfleet.adapters.lazada;

import io.syncfleet.adapters.http.Hmac;
import io.syncfleet.producer.connection.Connection;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * Checks that a push message comes from Lazada: its {@code Authorization} header must be the
 * lowercase hex HMAC-SHA256, under the app secret, of the app key followed by the raw body bytes [V].
 * Verify before parsing; acknowledge with HTTP 200 within 500 ms, or Lazada retries every 30 minutes
 * up to 12 times; deliveries are at least once, so dedupe on the trade order and line ids [V].
 */
public final class LazadaPush {
  /** [V] The request header carrying the signature. */
  public static final String SIGNATURE_HEADER = "Authorization";

  private LazadaPush() {}

  /** Whether {@code authorization} signs the push under the connection's app key and secret. */
  public static boolean verify(Connection connection, byte[] rawBody, String authorization) {
    return verify(connection.secrets().get(LazadaApi.APP_KEY).orElse(null), rawBody, authorization,
        connection.secrets().get(LazadaApi.APP_SECRET).orElse(null));
  }

  /** Whether {@code authorization} signs {@code appKey + rawBody} under {@code appSecret}. */
  public static boolean verify(String appKey, byte[] rawBody, String authorization, String appSecret) {
    if (appKey == null || appKey.isEmpty() || rawBody == null || authorization == null || authorization.isBlank()
        || appSecret == null || appSecret.isEmpty()) {
      return false;
    }
    return Hmac.matches(sign(appKey, rawBody, appSecret), authorization);
  }

  /** The signature Lazada sends with a push of {@code rawBody} to the app {@code appKey}. */
  static String sign(String appKey, byte[] rawBody, String appSecret) {
    ByteArrayOutputStream message = new ByteArrayOutputStream(appKey.length() + rawBody.length);
    message.writeBytes(appKey.getBytes(StandardCharsets.UTF_8));
    message.writeBytes(rawBody);
    return HexFormat.of().formatHex(Hmac.sha256(appSecret, message.toByteArray()));
  }
}
