package io.syncfleet.adapters.shopify;

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

/** Webhook signatures: the test vector of the facts file, tampering and secret rotation. */
class ShopifyWebhooksTest {
  private static final byte[] BODY = "{\"id\":1,\"title\":\"x\"}".getBytes(StandardCharsets.UTF_8);
  private static final String SIGNATURE = "AmHUbVuKOZKq6iDrsVji4ZO2jmVTVl6V2zf0/BoXvIk=";

  @Test
  void knownVectorVerifies() {
    assertTrue(ShopifyWebhooks.verify(BODY, SIGNATURE, List.of("shpss_secret")));
  }

  @Test
  void tamperedBodyOrSignatureIsRejected() {
    byte[] tampered = "{\"id\":1,\"title\":\"y\"}".getBytes(StandardCharsets.UTF_8);
    assertFalse(ShopifyWebhooks.verify(tampered, SIGNATURE, List.of("shpss_secret")));
    String otherSignature = "BmHUbVuKOZKq6iDrsVji4ZO2jmVTVl6V2zf0/BoXvIk=";
    assertFalse(ShopifyWebhooks.verify(BODY, otherSignature, List.of("shpss_secret")));
    assertFalse(ShopifyWebhooks.verify(BODY, SIGNATURE, List.of("other_secret")));
  }

  @Test
  void missingSignatureOrSecretNeverVerifies() {
    assertFalse(ShopifyWebhooks.verify(BODY, null, List.of("shpss_secret")));
    assertFalse(ShopifyWebhooks.verify(BODY, "", List.of("shpss_secret")));
    assertFalse(ShopifyWebhooks.verify(BODY, SIGNATURE, List.of()));
    assertFalse(ShopifyWebhooks.verify(BODY, SIGNATURE, List.of("")));
  }

  @Test
  void duringRotationTheCurrentAndThePreviousSecretBothVerify() {
    Connection rotated = connection(Map.of(ShopifyAdapter.WEBHOOK_SECRET, "shpss_new",
        ShopifyAdapter.PREVIOUS_WEBHOOK_SECRET, "shpss_secret"));
    assertTrue(ShopifyWebhooks.verify(rotated, BODY, SIGNATURE), "signed with the previous secret");
    String signedWithNew = Hmac.sha256Base64("shpss_new", BODY);
    assertTrue(ShopifyWebhooks.verify(rotated, BODY, signedWithNew), "signed with the current secret");

    Connection rotationDone = connection(Map.of(ShopifyAdapter.WEBHOOK_SECRET, "shpss_new"));
    assertFalse(ShopifyWebhooks.verify(rotationDone, BODY, SIGNATURE), "the old secret is gone");
  }

  private static Connection connection(Map<String, String> secrets) {
    return new Connection("acme", "shopify", Environment.PRODUCTION, Map.of(), Secrets.of(secrets), 1);
  }
}
