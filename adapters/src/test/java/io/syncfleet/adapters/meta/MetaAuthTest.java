package io.syncfleet.adapters.meta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.syncfleet.adapters.Health;
import java.util.Map;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** appsecret_proof against self-computed vectors, and the connection test that proves the token. */
class MetaAuthTest {
  @RegisterExtension
  final MetaFixture meta = new MetaFixture();

  @Test
  void appsecretProofIsLowercaseHexHmacSha256OfTheTokenUnderTheAppSecret() {
    // Computed with Python: hmac.new(key, msg, hashlib.sha256).hexdigest()
    assertEquals(MetaFixture.PROOF, MetaAuth.proof(MetaFixture.APP_SECRET, MetaFixture.TOKEN));
    assertEquals("ae99150fecde782a2cf813c1ac35eaff4e88b4e74b44c76aacd80042195363df",
        MetaAuth.proof("test_app_secret", "tok"));
  }

  @Test
  void neverShowsTheTokenOrProof() {
    String text = MetaAuth.of(meta.connection()).toString();

    assertFalse(text.contains(MetaFixture.TOKEN));
    assertFalse(text.contains(MetaFixture.PROOF));
  }

  @Test
  void connectionTestReadsTheCatalogWithTheSignedToken() {
    meta.reply(200, "{\"id\":\"123456789\",\"name\":\"Acme catalog\"}");

    Health health = meta.adapter.testConnection(meta.connection());

    assertEquals(Health.ok("Acme catalog"), health);
    RecordedRequest r = meta.take();
    assertEquals("GET", r.getMethod());
    assertEquals("/v25.0/" + MetaFixture.CATALOG, r.getRequestUrl().encodedPath());
    assertEquals("id,name", r.getRequestUrl().queryParameter("fields"));
    assertEquals(MetaFixture.TOKEN, r.getRequestUrl().queryParameter("access_token"));
    assertEquals(MetaFixture.PROOF, r.getRequestUrl().queryParameter("appsecret_proof"));
  }

  @Test
  void connectionTestUsesTheGraphVersionSetting() {
    meta.reply(200, "{\"id\":\"123456789\"}");

    Health health = meta.adapter.testConnection(meta.connection(Map.of(MetaApi.ACCESS_TOKEN, "t"),
        Map.of(MetaApi.GRAPH_VERSION, "v23.0")));

    assertEquals(Health.ok("123456789"), health);
    RecordedRequest r = meta.take();
    assertEquals("/v23.0/" + MetaFixture.CATALOG, r.getRequestUrl().encodedPath());
    assertNull(r.getRequestUrl().queryParameter("appsecret_proof"));
  }

  @Test
  void connectionTestReportsAnExpiredToken() {
    meta.graphError(400, 190, "Error validating access token");

    Health health = meta.adapter.testConnection(meta.connection());

    assertFalse(health.ok());
    assertEquals(true, health.message().contains("Error validating access token"));
  }

  @Test
  void connectionTestReportsAMissingToken() {
    Health health = meta.adapter.testConnection(meta.connection(Map.of(), Map.of()));

    assertFalse(health.ok());
    assertEquals(0, meta.server.getRequestCount());
  }
}
