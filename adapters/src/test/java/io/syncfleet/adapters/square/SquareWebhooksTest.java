package io.syncfleet.adapters.square;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.syncfleet.producer.connection.Connection;
import io.syncfleet.producer.connection.Environment;
import io.syncfleet.producer.connection.Secrets;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Webhook signatures: the test vector of the facts file, tampering, and a connection's key and URL. */
class SquareWebhooksTest {
  private static final String KEY = "sq_sig_key";
  private static final String URL = "https://example.com/webhooks/square";
  private static final byte[] BODY = "{\"id\":1,\"title\":\"x\"}".getBytes(StandardCharsets.UTF_8);
  private static final String SIGNATURE = "mrNCwFA6jC3KYG9VRzW2GhddAgN6ycZ4ti+CB6lxziw=";

  @Test
  void knownVectorVerifies() {
    assertTrue(SquareWebhooks.verify(KEY, URL, BODY, SIGNATURE));
  }

  @Test
  void theUrlIsPartOfWhatIsSigned() {
    assertFalse(SquareWebhooks.verify(KEY, URL + "/", BODY, SIGNATURE));
    assertFalse(SquareWebhooks.verify(KEY, "http://example.com/webhooks/square", BODY, SIGNATURE));
  }

  @Test
  void tamperingFails() {
    assertFalse(SquareWebhooks.verify(KEY, URL, "{\"id\":1,\"title\":\"y\"}".getBytes(StandardCharsets.UTF_8), SIGNATURE));
    assertFalse(SquareWebhooks.verify("other", URL, BODY, SIGNATURE));
    assertFalse(SquareWebhooks.verify(KEY, URL, BODY, "nrNCwFA6jC3KYG9VRzW2GhddAgN6ycZ4ti+CB6lxziw="));
  }

  @Test
  void missingPiecesNeverVerify() {
    assertFalse(SquareWebhooks.verify(KEY, URL, BODY, null));
    assertFalse(SquareWebhooks.verify(KEY, URL, BODY, " "));
    assertFalse(SquareWebhooks.verify("", URL, BODY, SIGNATURE));
    assertFalse(SquareWebhooks.verify(KEY, null, BODY, SIGNATURE));
  }

  @Test
  void aConnectionSuppliesTheKeyAndTheRegisteredUrl() {
    Connection c = new Connection("acme", "square", Environment.PRODUCTION, Map.of("webhook_notification_url", URL),
        Secrets.of(Map.of("webhook_signature_key", KEY)), 1);
    Connection noKey = new Connection("acme", "square", Environment.PRODUCTION, Map.of("webhook_notification_url", URL),
        Secrets.none(), 1);

    assertTrue(SquareWebhooks.verify(c, BODY, SIGNATURE));
    assertFalse(SquareWebhooks.verify(noKey, BODY, SIGNATURE));
  }
}
