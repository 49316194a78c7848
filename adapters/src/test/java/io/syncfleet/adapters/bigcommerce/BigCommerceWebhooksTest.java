package io.syncfleet.adapters.bigcommerce;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.syncfleet.producer.connection.Connection;
import io.syncfleet.producer.connection.Environment;
import io.syncfleet.producer.connection.Secrets;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Standard Webhooks signatures as BigCommerce sends them. The vector was computed independently
 * (Python hmac, base64) for key {@code bc_client_secret} over
 * {@code msg_2KWPBgLlAfxdpx2AI54pPJ85f4W.1717243200.{"id":1,"title":"x"}}.
 */
class BigCommerceWebhooksTest {
  private static final String SECRET = "bc_client_secret";
  private static final String ID = "msg_2KWPBgLlAfxdpx2AI54pPJ85f4W";
  private static final String TIMESTAMP = "1717243200";
  private static final byte[] BODY = "{\"id\":1,\"title\":\"x\"}".getBytes(StandardCharsets.UTF_8);
  private static final String SIGNATURE = "v1,SyHddHUv3sW51hD+Axx9eb+Wry4/OJvE3woSmp8fcrg=";
  private static final Clock AT_DELIVERY = Clock.fixed(Instant.ofEpochSecond(1717243200L + 30), ZoneOffset.UTC);

  @Test
  void theVectorVerifies() {
    assertTrue(BigCommerceWebhooks.verify(SECRET, ID, TIMESTAMP, BODY, SIGNATURE, AT_DELIVERY));
  }

  @Test
  void anyOfSeveralSignaturesMayMatchAndOtherVersionsAreIgnored() {
    String header = "v1a,bm90IGNoZWNrZWQ= v1,AAAAdHUv3sW51hD+Axx9eb+Wry4/OJvE3woSmp8fcrg= " + SIGNATURE;
    assertTrue(BigCommerceWebhooks.verify(SECRET, ID, TIMESTAMP, BODY, header, AT_DELIVERY));
    assertFalse(BigCommerceWebhooks.verify(SECRET, ID, TIMESTAMP, BODY, SIGNATURE.substring(3), AT_DELIVERY),
        "a signature without its version is not one");
  }

  @Test
  void tamperingWithTheBodyIdTimestampOrSecretFails() {
    byte[] other = "{\"id\":2,\"title\":\"x\"}".getBytes(StandardCharsets.UTF_8);
    assertFalse(BigCommerceWebhooks.verify(SECRET, ID, TIMESTAMP, other, SIGNATURE, AT_DELIVERY));
    assertFalse(BigCommerceWebhooks.verify(SECRET, "msg_other", TIMESTAMP, BODY, SIGNATURE, AT_DELIVERY));
    assertFalse(BigCommerceWebhooks.verify(SECRET, ID, "1717243201", BODY, SIGNATURE, AT_DELIVERY));
    assertFalse(BigCommerceWebhooks.verify("other", ID, TIMESTAMP, BODY, SIGNATURE, AT_DELIVERY));
  }

  @Test
  void aDeliveryOutsideTheToleranceIsRefusedAsAReplay() {
    Clock later = Clock.fixed(Instant.ofEpochSecond(1717243200L).plus(BigCommerceWebhooks.TOLERANCE).plusSeconds(1),
        ZoneOffset.UTC);
    assertFalse(BigCommerceWebhooks.verify(SECRET, ID, TIMESTAMP, BODY, SIGNATURE, later));
    assertFalse(BigCommerceWebhooks.verify(SECRET, ID, "yesterday", BODY, SIGNATURE, AT_DELIVERY));
  }

  @Test
  void theConnectionsClientSecretIsTheKeyAndWithoutOneNothingVerifies() {
    Connection with = new Connection("acme", "bigcommerce", Environment.PRODUCTION, Map.of(),
        Secrets.of(Map.of("client_secret", SECRET)), 1);
    Connection without = new Connection("acme", "bigcommerce", Environment.PRODUCTION, Map.of(), Secrets.none(), 1);

    assertTrue(BigCommerceWebhooks.verify(with, ID, TIMESTAMP, BODY, SIGNATURE, AT_DELIVERY));
    assertFalse(BigCommerceWebhooks.verify(without, ID, TIMESTAMP, BODY, SIGNATURE, AT_DELIVERY));
    assertFalse(BigCommerceWebhooks.verify(SECRET, ID, TIMESTAMP, BODY, null, AT_DELIVERY));
  }
}
