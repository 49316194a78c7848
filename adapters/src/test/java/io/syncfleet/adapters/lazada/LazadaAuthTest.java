package io.syncfleet.adapters.lazada;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.syncfleet.adapters.Health;
import io.syncfleet.adapters.OrderCursor;
import io.syncfleet.adapters.failure.AuthenticationFailure;
import io.syncfleet.adapters.http.Hmac;
import io.syncfleet.producer.connection.Connection;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import okhttp3.HttpUrl;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Access token refresh on IllegalAccessToken, rotating refresh tokens, refused credentials. */
class LazadaAuthTest {
  private static final String ORDERS = "/orders/get";
  private static final String REFRESH = "/auth/token/refresh";

  @RegisterExtension
  final LazadaFixture lazada = new LazadaFixture();

  @Test
  void aRefusedAccessTokenIsRefreshedOnTheAuthHostAndTheCallRepeated() {
    lazada.error(200, "ISV", "IllegalAccessToken", "The specified access token is invalid or expired");
    tokens("tok-2", "refresh-2");
    noOrders();

    lazada.adapter.fetchOrders(lazada.connection(Map.of("auth_url", lazada.server.url("/auth/").toString())),
        OrderCursor.START);

    lazada.takeCall("GET", ORDERS);
    RecordedRequest refresh = lazada.take();
    HttpUrl url = refresh.getRequestUrl();
    assertEquals("POST", refresh.getMethod());
    assertEquals("/auth" + REFRESH, url.encodedPath(), "on the authorization host");
    assertEquals(null, url.queryParameter("access_token"));
    Map<String, String> form = LazadaFixture.form(refresh);
    assertEquals(Map.of("refresh_token", "refresh-1"), form);
    Map<String, String> signed = new TreeMap<>(form);
    for (String name : url.queryParameterNames()) {
      signed.put(name, url.queryParameter(name));
    }
    String sign = signed.remove("sign");
    StringBuilder base = new StringBuilder(REFRESH);
    signed.forEach((k, v) -> base.append(k).append(v));
    assertEquals(Hmac.sha256HexUpper(LazadaFixture.APP_SECRET, base.toString()), sign);
    assertEquals("1517886554000", url.queryParameter("timestamp"));
    lazada.takeCall("GET", ORDERS, "tok-2");
  }

  @Test
  void theRotatedRefreshTokenIsSpentNextAndARefreshedTokenIsRenewedBeforeItExpires() {
    Connection c = lazada.connection();
    lazada.error(200, "ISV", "IllegalAccessToken", "The specified access token is invalid or expired");
    tokens("tok-2", "refresh-2");
    noOrders();
    lazada.adapter.fetchOrders(c, OrderCursor.START);
    lazada.clock.advance(Duration.ofDays(30));
    tokens("tok-3", "refresh-3");
    noOrders();
    lazada.adapter.fetchOrders(c, OrderCursor.START);

    lazada.take();
    assertEquals(REFRESH, lazada.take().getRequestUrl().encodedPath(), "base URL serves as auth host in tests");
    lazada.takeCall("GET", ORDERS, "tok-2");
    RecordedRequest second = lazada.take();
    assertEquals(REFRESH, second.getRequestUrl().encodedPath(), "the 30-day token is renewed before it expires");
    assertEquals(Map.of("refresh_token", "refresh-2"), LazadaFixture.form(second));
    lazada.takeCall("GET", ORDERS, "tok-3");
  }

  @Test
  void aRefusedRefreshTokenAsksForANewAuthorizationWithoutLeakingSecrets() {
    lazada.error(200, "ISV", "IllegalAccessToken", "The specified access token is invalid or expired");
    lazada.error(200, "ISV", "IllegalRefreshToken", "The specified refresh token is invalid or expired");

    AuthenticationFailure e = assertThrows(AuthenticationFailure.class, this::pullOrders);

    assertEquals("IllegalRefreshToken", e.code());
    assertTrue(e.getMessage().contains("authorize Syncfleet again"), e.getMessage());
    assertFalse(e.getMessage().contains(LazadaFixture.REFRESH_TOKEN));
    assertFalse(e.getMessage().contains(LazadaFixture.APP_SECRET));
  }

  @Test
  void anAppOnlyTheServiceMarketMayAuthorizeCannotRefresh() {
    lazada.error(200, "ISV", "IllegalAccessToken", "The specified access token is invalid or expired");
    lazada.error(200, "ISV", "AUTH_TYPE_UNSUPPORTED", "appkey can only be authorized by market, not support refresh");

    assertEquals("AUTH_TYPE_UNSUPPORTED", assertThrows(AuthenticationFailure.class, this::pullOrders).code());
  }

  @Test
  void aTokenRefusedAgainAfterRenewalFailsWithoutALoop() {
    lazada.error(200, "ISV", "IllegalAccessToken", "The specified access token is invalid or expired");
    tokens("tok-2", "refresh-2");
    lazada.error(200, "ISV", "IllegalAccessToken", "The specified access token is invalid or expired");

    AuthenticationFailure e = assertThrows(AuthenticationFailure.class, this::pullOrders);

    assertEquals("IllegalAccessToken", e.code());
    assertEquals(3, lazada.server.getRequestCount());
  }

  @Test
  void withoutARefreshTokenARefusedAccessTokenPausesTheConnection() {
    lazada.error(200, "ISV", "IllegalAccessToken", "The specified access token is invalid or expired");
    Connection c = lazada.connection(Map.of(), Map.of("app_key", "123456", "app_secret", "s", "access_token", "tok"),
        1);

    AuthenticationFailure e = assertThrows(AuthenticationFailure.class,
        () -> lazada.adapter.fetchOrders(c, OrderCursor.START));

    assertEquals("missing_credential", e.code());
    assertEquals(1, lazada.server.getRequestCount());
  }

  @Test
  void aWrongSignatureOrAnInactiveSellerPausesTheConnectionWithoutRefreshing() {
    lazada.error(200, "ISV", "IncompleteSignature", "The request signature does not conform to lazop standards");
    lazada.error(200, "ISV", "SellerNotActive", "Seller not active,please check seller status");

    assertEquals("IncompleteSignature", assertThrows(AuthenticationFailure.class, this::pullOrders).code());
    AuthenticationFailure inactive = assertThrows(AuthenticationFailure.class, this::pullOrders);
    assertTrue(inactive.getMessage().contains("Seller Center"), inactive.getMessage());
    assertEquals(2, lazada.server.getRequestCount());
  }

  @Test
  void missingCredentialsOrVentureFailBeforeAnyCall() {
    Connection noSecret = lazada.connection(Map.of(), Map.of("app_key", "1", "access_token", "t"), 1);
    Connection badCountry = lazada.connection(Map.of("country", "uk"));

    assertEquals("missing_credential", assertThrows(AuthenticationFailure.class,
        () -> lazada.adapter.fetchOrders(noSecret, OrderCursor.START)).code());
    assertEquals("invalid_setting", assertThrows(AuthenticationFailure.class,
        () -> lazada.adapter.fetchOrders(badCountry, OrderCursor.START)).code());
    Health health = lazada.adapter.testConnection(noSecret);
    assertFalse(health.ok());
    assertTrue(health.message().contains("app_secret"), health.message());
    assertEquals(0, lazada.server.getRequestCount());
  }

  private void pullOrders() {
    lazada.adapter.fetchOrders(lazada.connection(), OrderCursor.START);
  }

  private void tokens(String access, String refresh) {
    lazada.reply(200, "{\"code\":\"0\",\"access_token\":\"" + access + "\",\"refresh_token\":\"" + refresh
        + "\",\"expires_in\":2592000,\"refresh_expires_in\":15552000,\"country\":\"sg\",\"account\":\"a@b.c\","
        + "\"request_id\":\"r\"}");
  }

  private void noOrders() {
    lazada.ok("{\"count\":\"0\",\"countTotal\":\"0\",\"orders\":[]}");
  }
}
