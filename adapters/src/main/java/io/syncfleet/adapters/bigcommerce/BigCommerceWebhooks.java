package io.syncfleet.adapters.bigcommerce;

import io.syncfleet.adapters.http.Hmac;
import io.syncfleet.producer.connection.Connection;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Checks that a webhook delivery comes from BigCommerce. BigCommerce signs deliveries the Standard
 * Webhooks way, keyed with the app's or API account's client secret [V: BigCommerce's webhook
 * security docs, which verify with the Standard Webhooks libraries and the client secret]:
 * {@value #SIGNATURE_HEADER} lists {@code v1,<base64>} signatures, each the HMAC-SHA256 of
 * {@code id + "." + timestamp + "." + raw body} under the secret's UTF-8 bytes [V: Standard Webhooks
 * 1.0 spec], with the id and timestamp from {@value #ID_HEADER} and {@value #TIMESTAMP_HEADER}. A
 * delivery more than {@link #TOLERANCE} away from now is refused, so a captured one cannot be replayed.
 * Verify before parsing the body, and dedupe on the id.
 */
public final class BigCommerceWebhooks {
  /** [V spec] Header of the delivery's id, the same on every retry. */
  public static final String ID_HEADER = "webhook-id";
  /** [V spec] Header of the delivery attempt's time, Unix seconds. */
  public static final String TIMESTAMP_HEADER = "webhook-timestamp";
  /** [V spec] Header of the space-separated {@code v1,<base64>} signatures. */
  public static final String SIGNATURE_HEADER = "webhook-signature";
  /** [C] The tolerance the Standard Webhooks libraries use. */
  public static final Duration TOLERANCE = Duration.ofMinutes(5);

  private static final String VERSION = "v1,";

  private BigCommerceWebhooks() {}

  /** Whether the delivery is signed with the connection's {@value BigCommerceApi#WEBHOOK_CLIENT_SECRET}. */
  public static boolean verify(Connection connection, String id, String timestamp, byte[] rawBody,
      String signatureHeader, Clock clock) {
    return connection.secrets().get(BigCommerceApi.WEBHOOK_CLIENT_SECRET)
        .map(secret -> verify(secret, id, timestamp, rawBody, signatureHeader, clock))
        .orElse(false);
  }

  /**
   * Whether one of the {@code v1} signatures in {@code signatureHeader} signs the delivery under
   * {@code clientSecret}, and its timestamp is within {@link #TOLERANCE} of {@code clock}'s now.
   * Every signature listed is compared, in constant time.
   */
  public static boolean verify(String clientSecret, String id, String timestamp, byte[] rawBody,
      String signatureHeader, Clock clock) {
    if (clientSecret == null || clientSecret.isEmpty() || id == null || id.isEmpty() || rawBody == null
        || signatureHeader == null || signatureHeader.isBlank() || !recent(timestamp, clock)) {
      return false;
    }
    ByteArrayOutputStream signed = new ByteArrayOutputStream();
    signed.writeBytes((id + "." + timestamp.trim() + ".").getBytes(StandardCharsets.UTF_8));
    signed.writeBytes(rawBody);
    String expected = Hmac.sha256Base64(clientSecret, signed.toByteArray());
    boolean matched = false;
    for (String signature : signatureHeader.trim().split(" +")) {
      if (signature.startsWith(VERSION)) {
        matched |= Hmac.matches(expected, signature.substring(VERSION.length()));
      }
    }
    return matched;
  }

  private static boolean recent(String timestamp, Clock clock) {
    if (timestamp == null) {
      return false;
    }
    try {
      Instant at = Instant.ofEpochSecond(Long.parseLong(timestamp.trim()));
      return Duration.between(at, clock.instant()).abs().compareTo(TOLERANCE) <= 0;
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
