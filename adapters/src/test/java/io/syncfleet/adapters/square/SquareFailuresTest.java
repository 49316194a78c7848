package io.syncfleet.adapters.square;

import static io.syncfleet.adapters.square.SquareFixture.body;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.syncfleet.adapters.Health;
import io.syncfleet.adapters.failure.AuthenticationFailure;
import io.syncfleet.adapters.failure.PermanentFailure;
import io.syncfleet.adapters.failure.RateLimitedFailure;
import io.syncfleet.adapters.failure.TransientFailure;
import io.syncfleet.producer.connection.Connection;
import io.syncfleet.producer.connection.Environment;
import io.syncfleet.producer.connection.Secrets;
import io.syncfleet.producer.job.StockLevel;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.function.Executable;

/** How every kind of failed answer reaches the worker, OAuth token minting and refresh, and the connection test. */
class SquareFailuresTest {
  private static final Map<String, String> OAUTH = Map.of("client_id", "sq0idp-app", "client_secret", "sq0csp-secret",
      "refresh_token", "EQAA-refresh");

  @RegisterExtension
  final SquareFixture square = new SquareFixture(Duration.ofMillis(300));

  @Test
  void rateLimitedCarriesSquaresCodeAndLeavesTheWaitToTheWorker() {
    square.reply(429, "{\"errors\":[{\"category\":\"RATE_LIMIT_ERROR\",\"code\":\"RATE_LIMITED\",\"detail\":\"Too many requests\"}]}");

    RateLimitedFailure e = assertThrows(RateLimitedFailure.class, search());

    assertEquals("RATE_LIMITED", e.code());
    assertEquals("Too many requests", e.getMessage());
    assertTrue(e.retryAfter().isEmpty());
  }

  @Test
  void aServerErrorIsTransientWithSquaresCode() {
    square.reply(503, "{\"errors\":[{\"category\":\"API_ERROR\",\"code\":\"SERVICE_UNAVAILABLE\",\"detail\":\"Try again\"}]}");

    TransientFailure e = assertThrows(TransientFailure.class, search());

    assertEquals("SERVICE_UNAVAILABLE", e.code());
  }

  @Test
  void noAnswerInTimeIsTransient() {
    square.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));

    assertEquals("timeout", assertThrows(TransientFailure.class, search()).code());
  }

  @Test
  void aGarbageBodyIsTransient() {
    square.reply(200, "<html>oops</html>");

    assertThrows(TransientFailure.class, search());
  }

  @Test
  void anExpiredOrUnderScopedTokenIsAnAuthenticationFailure() {
    square.reply(401, "{\"errors\":[{\"category\":\"AUTHENTICATION_ERROR\",\"code\":\"ACCESS_TOKEN_EXPIRED\",\"detail\":\"The access token has expired.\"}]}");
    AuthenticationFailure expired = assertThrows(AuthenticationFailure.class, search());
    assertEquals("ACCESS_TOKEN_EXPIRED", expired.code());

    square.reply(403, "{\"errors\":[{\"category\":\"AUTHENTICATION_ERROR\",\"code\":\"INSUFFICIENT_SCOPES\",\"detail\":\"The merchant has not given your application sufficient permissions.\"}]}");
    assertEquals("INSUFFICIENT_SCOPES", assertThrows(AuthenticationFailure.class, search()).code());
  }

  @Test
  void aBadRequestIsPermanentWithSquaresCodeAndField() {
    square.reply(400, "{\"errors\":[{\"category\":\"INVALID_REQUEST_ERROR\",\"code\":\"INVALID_VALUE\",\"detail\":\"Bad limit\",\"field\":\"limit\"}]}");

    PermanentFailure e = assertThrows(PermanentFailure.class, search());

    assertEquals("INVALID_VALUE", e.code());
    assertEquals("Bad limit (limit)", e.getMessage());
  }

  @Test
  void anOauthConnectionMintsATokenOnceAndUsesItUntilItExpires() {
    Connection oauth = square.connection(Map.of("location_id", "L1"), OAUTH);
    square.reply(200, "{\"access_token\":\"EAAA-minted\",\"token_type\":\"bearer\",\"expires_at\":\"2024-07-01T12:00:00Z\",\"merchant_id\":\"M1\",\"refresh_token\":\"EQAA-refresh\"}");
    square.reply(200, "{\"objects\":[]}");
    square.reply(200, "{\"objects\":[]}");

    square.adapter.updateStock(oauth, List.of(StockLevel.of("SKU-1", 1)));
    square.adapter.updateStock(oauth, List.of(StockLevel.of("SKU-1", 1)));

    RecordedRequest token = square.takeAny();
    assertEquals("/oauth2/token", token.getPath());
    JsonNode grant = body(token);
    assertEquals("sq0idp-app", grant.path("client_id").asText());
    assertEquals("sq0csp-secret", grant.path("client_secret").asText());
    assertEquals("refresh_token", grant.path("grant_type").asText());
    assertEquals("EQAA-refresh", grant.path("refresh_token").asText());
    assertEquals("Bearer EAAA-minted", square.takeAny().getHeader("Authorization"));
    assertEquals("Bearer EAAA-minted", square.takeAny().getHeader("Authorization"));
    assertEquals(3, square.server.getRequestCount());
  }

  @Test
  void aTokenRevokedEarlyIsMintedAfreshOnceAndTheCallRepeated() {
    Connection oauth = square.connection(Map.of("location_id", "L1"), OAUTH);
    square.reply(200, "{\"access_token\":\"EAAA-old\",\"expires_at\":\"2024-07-01T12:00:00Z\"}");
    square.reply(401, "{\"errors\":[{\"category\":\"AUTHENTICATION_ERROR\",\"code\":\"ACCESS_TOKEN_REVOKED\"}]}");
    square.reply(200, "{\"access_token\":\"EAAA-new\",\"expires_at\":\"2024-07-01T12:00:00Z\"}");
    square.reply(200, "{\"objects\":[]}");

    square.adapter.updateStock(oauth, List.of(StockLevel.of("SKU-1", 1)));

    square.takeAny();
    assertEquals("Bearer EAAA-old", square.takeAny().getHeader("Authorization"));
    assertEquals("/oauth2/token", square.takeAny().getPath());
    assertEquals("Bearer EAAA-new", square.takeAny().getHeader("Authorization"));
  }

  @Test
  void aRefusedRefreshTokenPausesTheConnectionAskingToAuthorizeAgain() {
    square.reply(400, "{\"errors\":[{\"category\":\"INVALID_REQUEST_ERROR\",\"code\":\"INVALID_VALUE\",\"detail\":\"Invalid refresh token\"}]}");

    AuthenticationFailure e = assertThrows(AuthenticationFailure.class, () -> square.adapter.updateStock(
        square.connection(Map.of(), OAUTH), List.of(StockLevel.of("SKU-1", 1))));

    assertTrue(e.getMessage().contains("authorize the app again"), e.getMessage());
  }

  @Test
  void aConnectionWithoutCredentialsIsPausedWithoutACall() {
    Connection none = square.connection(Map.of(), Map.of());

    assertEquals("missing_credential", assertThrows(AuthenticationFailure.class,
        () -> square.adapter.updateStock(none, List.of(StockLevel.of("SKU-1", 1)))).code());
    assertEquals(0, square.server.getRequestCount());
  }

  @Test
  void sandboxAndProductionHaveTheirOwnHosts() {
    Connection sandbox = new Connection("acme", "square", Environment.SANDBOX, Map.of(), Secrets.none(), 1);
    Connection production = new Connection("acme", "square", Environment.PRODUCTION, Map.of(), Secrets.none(), 1);

    assertEquals("https://connect.squareupsandbox.com/v2/locations", SquareSettings.of(sandbox).url("v2/locations").toString());
    assertEquals("https://connect.squareup.com/v2/locations", SquareSettings.of(production).url("v2/locations").toString());
  }

  @Test
  void theConnectionTestListsLocations() {
    square.reply(200, "{\"locations\":[{\"id\":\"L1\",\"name\":\"Main\",\"business_name\":\"Acme Coffee\",\"status\":\"ACTIVE\"}]}");

    Health health = square.adapter.testConnection(square.connection());

    assertTrue(health.ok());
    assertEquals("Acme Coffee", health.account());
    assertEquals("/v2/locations", square.take().getPath());
  }

  @Test
  void aRefusedTokenFailsTheConnectionTestNamingThePermissions() {
    square.reply(401, "{\"errors\":[{\"category\":\"AUTHENTICATION_ERROR\",\"code\":\"UNAUTHORIZED\",\"detail\":\"This request could not be authorized.\"}]}");

    Health health = square.adapter.testConnection(square.connection());

    assertFalse(health.ok());
    assertTrue(health.message().contains("INVENTORY_WRITE"), health.message());
  }

  private Executable search() {
    return () -> square.adapter.updateStock(square.connection(Map.of("location_id", "L1")),
        List.of(StockLevel.of("SKU-1", 1)));
  }
}
