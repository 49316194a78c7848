package io.syncfleet.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** What counts as credential-like, in JSON payloads, free text and connection settings. */
class SecretRedactorTest {
  private final SecretRedactor redactor = new SecretRedactor();

  @Test
  void masksCredentialNamedMembersAnywhereInAPayload() {
    String payload = "{\"class\":\"SyncJob\",\"args\":[{\"tenant\":\"acme\",\"items\":[{\"sku\":\"S-1\","
        + "\"apiKey\":\"k1\"}],\"auth\":{\"client_secret\":\"s1\",\"Password\":\"p1\"},\"accessToken\":null,"
        + "\"notes\":[\"Bearer abcdefgh123\"]}]}";
    assertEquals("{\"class\":\"SyncJob\",\"args\":[{\"tenant\":\"acme\",\"items\":[{\"sku\":\"S-1\","
        + "\"apiKey\":\"[redacted]\"}],\"auth\":{\"client_secret\":\"[redacted]\",\"Password\":\"[redacted]\"},"
        + "\"accessToken\":null,\"notes\":[\"Bearer [redacted]\"]}]}", redactor.payload(payload));
  }

  @Test
  void masksNamedValuesAndSchemeCredentialsInText() {
    assertEquals("refresh_token=[redacted] rejected", redactor.text("refresh_token=abc123 rejected"));
    assertEquals("{\"access_token\": \"[redacted]\", \"sku\": \"S-1\"}",
        redactor.text("{\"access_token\": \"xyz\", \"sku\": \"S-1\"}"));
    assertEquals("header Authorization: [redacted] [redacted]", redactor.text("header Authorization: Bearer eyJhbGciOi"));
    assertEquals("sent Basic [redacted]", redactor.text("sent Basic b3BzOnNlY3JldA=="));
    assertEquals("SKU S-1 does not exist (code 25702)", redactor.text("SKU S-1 does not exist (code 25702)"));
    assertEquals("invalid_grant: the refresh token was revoked",
        redactor.text("invalid_grant: the refresh token was revoked"));
    assertEquals("x-api-key: [redacted]", redactor.text("x-api-key: [redacted]"));
    assertNull(redactor.text(null));
  }

  @Test
  void aPayloadThatIsNotJsonIsMaskedAsText() {
    assertEquals("not json; password=[redacted]", redactor.payload("not json; password=hunter2"));
  }

  @Test
  void masksCredentialNamedSettings() {
    assertEquals(Map.of("marketplace_id", "EBAY_US", "webhook_secret", "[redacted]"),
        redactor.settings(Map.of("marketplace_id", "EBAY_US", "webhook_secret", "w1")));
  }
}
