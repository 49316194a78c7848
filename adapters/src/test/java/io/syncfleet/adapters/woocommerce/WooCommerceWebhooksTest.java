package io.syncfleet.adapters.woocommerce;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.syncfleet.adapters.http.Hmac;
import io.syncfleet.producer.connection.Connection;
import io.syncfleet.producer.connection.Environment;
import io.syncfleet.producer.connection.Secrets;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Webhook signatures: the facts file's test vector, tampering, rotation, and the creation ping. */
class WooCommerceWebhooksTest {
  private static final byte[] BODY = "{\"id\":1,\"title\":\"x\"}".getBytes(StandardCharsets.UTF_8);
  private static final String SIGNATURE = "ZNYwyvL+QckRDC7mE028mjfx2pBzTD2ZosxO+6uCV+c=";

  @Test
  void knownVectorVerifies() {
    assertTrue(WooCommerceWebhooks.verify(BODY, SIGNATURE, List.of("wc_secret")));
    assertTrue(WooCommerceWebhooks.verify(connection(Map.of("webhook_secret", "wc_secret")), BODY, SIGNATURE));
  }

  @Test
  void tamperedBodySignatureOrSecretIsRejected() {
    byte[] tampered = "{\"id\":1,\"title\":\"y\"}".getBytes(StandardCharsets.UTF_8);
    assertFalse(WooCommerceWebhooks.verify(tampered, SIGNATURE, List.of("wc_secret")));
    assertFalse(WooCommerceWebhooks.verify(BODY, "ANYwyvL+QckRDC7mE028mjfx2pBzTD2ZosxO+6uCV+c=", List.of("wc_secret")));
    assertFalse(WooCommerceWebhooks.verify(BODY, SIGNATURE, List.of("other_secret")));
  }

  @Test
  void missingSignatureOrSecretNeverVerifies() {
    assertFalse(WooCommerceWebhooks.verify(BODY, null, List.of("wc_secret")));
    assertFalse(WooCommerceWebhooks.verify(BODY, " ", List.of("wc_secret")));
    assertFalse(WooCommerceWebhooks.verify(BODY, SIGNATURE, List.of("")));
    assertFalse(WooCommerceWebhooks.verify(connection(Map.of()), BODY, SIGNATURE));
  }

  @Test
  void duringRotationTheCurrentAndThePreviousSecretBothVerify() {
    Connection rotated = connection(Map.of("webhook_secret", "wc_new", "webhook_secret_previous", "wc_secret"));

    assertTrue(WooCommerceWebhooks.verify(rotated, BODY, SIGNATURE));
    assertTrue(WooCommerceWebhooks.verify(rotated, BODY, Hmac.sha256Base64("wc_new", BODY)));
  }

  @Test
  void theUnsignedFormEncodedCreationPingIsRecognised() {
    byte[] ping = "webhook_id=15".getBytes(StandardCharsets.UTF_8);

    assertTrue(WooCommerceWebhooks.isPing(ping, null));
    assertTrue(WooCommerceWebhooks.isPing(ping, ""));
    assertFalse(WooCommerceWebhooks.verify(ping, null, List.of("wc_secret")), "a ping carries no signature");
  }

  @Test
  void onlyThePingShapeIsAPing() {
    assertFalse(WooCommerceWebhooks.isPing(BODY, null), "a JSON delivery");
    assertFalse(WooCommerceWebhooks.isPing("webhook_id=15".getBytes(StandardCharsets.UTF_8), SIGNATURE), "signed");
    assertFalse(WooCommerceWebhooks.isPing("webhook_id=abc".getBytes(StandardCharsets.UTF_8), null));
    assertFalse(WooCommerceWebhooks.isPing("webhook_id=15&x=1".getBytes(StandardCharsets.UTF_8), null));
  }

  private static Connection connection(Map<String, String> secrets) {
    return new Connection("acme", "woocommerce", Environment.PRODUCTION, Map.of(), Secrets.of(secrets), 1);
  }
}
