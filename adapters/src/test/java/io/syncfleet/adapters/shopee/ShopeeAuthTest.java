package io.syncfleet.adapters.shopee;

import static io.syncfleet.adapters.shopee.ShopeeFixture.body;
import static io.syncfleet.adapters.shopee.ShopeeFixture.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.syncfleet.adapters.Health;
import io.syncfleet.adapters.OrderCursor;
import io.syncfleet.adapters.failure.AuthenticationFailure;
import io.syncfleet.adapters.failure.RateLimitedFailure;
import io.syncfleet.adapters.http.Hmac;
import io.syncfleet.producer.connection.Connection;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import okhttp3.HttpUrl;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Access token refresh with single-use, rotating refresh tokens, and refused credentials. */
class ShopeeAuthTest {
  private static final String ORDERS = "/api/v2/order/get_order_list";
  private static final String REFRESH = "/api/v2/auth/access_token/get";

  @RegisterExtension
  final ShopeeFixture shopee = new ShopeeFixture();

  @Test
  void aRefusedAccessTokenIsRefreshedOnceWithTheRefreshTokenAndTheCallRepeated() {
    shopee.error(403, "error_auth", "Invalid access_token.");
    tokens("tok-2", "refresh-2");
    noOrders();

    shopee.adapter.fetchOrders(shopee.connection(), OrderCursor.START);

    shopee.takeShopCall("GET", ORDERS);
    RecordedRequest refresh = shopee.take();
    HttpUrl url = refresh.getRequestUrl();
    assertEquals("POST", refresh.getMethod());
    assertEquals(REFRESH, url.encodedPath());
    assertEquals("2001887", url.queryParameter("partner_id"));
    assertEquals("1655714431", url.queryParameter("timestamp"));
    assertEquals(Hmac.sha256Hex(ShopeeFixture.PARTNER_KEY, "2001887" + REFRESH + "1655714431"),
        url.queryParameter("sign"), "a public-call signature: no token, no shop");
    assertEquals(null, url.queryParameter("access_token"));
    assertTrue(refresh.getHeader("Content-Type").startsWith("application/json"));
    assertEquals(json("{\"refresh_token\":\"refresh-1\",\"partner_id\":2001887,\"shop_id\":14701711}"),
        body(refresh));
    shopee.takeShopCall("GET", ORDERS, "tok-2");
  }

  @Test
  void theRotatedRefreshTokenIsTheOneSpentNextAndAFreshTokenIsRenewedBeforeItExpires() {
    Connection c = shopee.connection();
    shopee.error(403, "error_auth", "Invalid access_token.");
    tokens("tok-2", "refresh-2");
    noOrders();
    noOrders();
    shopee.adapter.fetchOrders(c, OrderCursor.START);
    shopee.clock.advance(Duration.ofHours(3).plusMinutes(58));
    shopee.adapter.fetchOrders(c, OrderCursor.START);

    shopee.take();
    shopee.take();
    shopee.takeShopCall("GET", ORDERS, "tok-2");
    shopee.takeShopCall("GET", ORDERS, "tok-2");
    assertEquals(4, shopee.server.getRequestCount(), "the refreshed token is reused while it lives");

    shopee.clock.advance(Duration.ofMinutes(1).plusSeconds(30)); // inside its last minute
    tokens("tok-3", "refresh-3");
    noOrders();
    shopee.adapter.fetchOrders(c, OrderCursor.START);

    RecordedRequest refresh = shopee.take();
    assertEquals(REFRESH, refresh.getRequestUrl().encodedPath(), "renewed before Shopee refuses it");
    assertEquals("refresh-2", body(refresh).path("refresh_token").asText(), "the newest refresh token");
    shopee.takeShopCall("GET", ORDERS, "tok-3");
  }

  @Test
  void aChangedConnectionKeepsTheRotatedTokensUnlessNewTokensWereStored() {
    shopee.error(403, "error_auth", "Invalid access_token.");
    tokens("tok-2", "refresh-2");
    noOrders();
    noOrders();
    noOrders();
    shopee.adapter.fetchOrders(shopee.connection(), OrderCursor.START);
    Connection renamed = shopee.connection(Map.of("location_id", "WH-1"), ShopeeFixture.secrets(), 2);
    shopee.adapter.fetchOrders(renamed, OrderCursor.START);
    Map<String, String> reauthorized = new HashMap<>(ShopeeFixture.secrets());
    reauthorized.put("access_token", "tok-new");
    reauthorized.put("refresh_token", "refresh-new");
    shopee.adapter.fetchOrders(shopee.connection(Map.of(), reauthorized, 3), OrderCursor.START);

    shopee.take();
    shopee.take();
    shopee.takeShopCall("GET", ORDERS, "tok-2");
    shopee.takeShopCall("GET", ORDERS, "tok-2");
    shopee.takeShopCall("GET", ORDERS, "tok-new");
  }

  @Test
  void aRefusedRefreshTokenAsksForANewAuthorizationWithoutLeakingSecrets() {
    shopee.error(403, "error_auth", "Invalid access_token.");
    shopee.error(403, "error_auth", "Invalid refresh_token.");

    AuthenticationFailure e = assertThrows(AuthenticationFailure.class, this::pullOrders);

    assertEquals("error_auth", e.code());
    assertTrue(e.getMessage().contains("authorize Syncfleet again"), e.getMessage());
    assertTrue(e.getMessage().contains("Invalid refresh_token."), e.getMessage());
    assertFalse(e.getMessage().contains(ShopeeFixture.REFRESH_TOKEN), "no secret in the message");
    assertFalse(e.getMessage().contains(ShopeeFixture.PARTNER_KEY), "no secret in the message");
    assertEquals(2, shopee.server.getRequestCount());
  }

  @Test
  void anExpiredRefreshTokenInA200IsAnAuthenticationFailure() {
    shopee.reply(200, "{\"error\":\"invalid_acceess_token\",\"message\":\"Invalid access_token, please have a "
        + "check.\",\"request_id\":\"r\"}");
    shopee.error(200, "refresh_token_expired", "Your refresh_token expired.");

    AuthenticationFailure e = assertThrows(AuthenticationFailure.class, this::pullOrders);

    assertEquals("refresh_token_expired", e.code());
  }

  @Test
  void aTokenRefusedAgainAfterRenewalFailsWithoutALoop() {
    shopee.error(403, "error_auth", "Invalid access_token.");
    tokens("tok-2", "refresh-2");
    shopee.error(403, "error_auth", "Invalid access_token.");

    AuthenticationFailure e = assertThrows(AuthenticationFailure.class, this::pullOrders);

    assertEquals("error_auth", e.code());
    assertEquals(3, shopee.server.getRequestCount(), "renewed once, not in a loop");
  }

  @Test
  void aThrottledRefreshIsThrottlingNotABrokenAuthorization() {
    shopee.error(403, "error_auth", "Invalid access_token.");
    shopee.error(429, "error_rate_limit", "Too many requests. You have reached the rate limit.");

    assertThrows(RateLimitedFailure.class, this::pullOrders);
  }

  @Test
  void aWrongPartnerKeyPausesTheConnectionWithoutSpendingTheRefreshToken() {
    shopee.error(403, "error_sign", "Wrong sign.");

    AuthenticationFailure e = assertThrows(AuthenticationFailure.class, this::pullOrders);

    assertEquals("error_sign", e.code());
    assertTrue(e.getMessage().contains("partner key"), e.getMessage());
    assertEquals(1, shopee.server.getRequestCount());
  }

  @Test
  void theConnectionTestReportsRefusedCredentialsAndABannedShop() {
    shopee.error(403, "error_sign", "Wrong sign.");
    shopee.reply(200, "{\"error\":\"\",\"message\":\"\",\"shop_name\":\"Acme\",\"status\":\"BANNED\"}");

    Health refused = shopee.adapter.testConnection(shopee.connection());
    Health banned = shopee.adapter.testConnection(shopee.connection());

    assertFalse(refused.ok());
    assertTrue(refused.message().contains("Wrong sign."), refused.message());
    assertFalse(banned.ok());
    assertEquals("Acme", banned.account());
    assertTrue(banned.message().contains("BANNED"), banned.message());
  }

  @Test
  void withoutAnyTokenNoCallIsMade() {
    Connection c = shopee.connection(Map.of(), Map.of("partner_id", "2001887", "partner_key", "k"));

    AuthenticationFailure e = assertThrows(AuthenticationFailure.class,
        () -> shopee.adapter.fetchOrders(c, OrderCursor.START));

    assertEquals("missing_credential", e.code());
    assertTrue(e.getMessage().contains("refresh_token"), e.getMessage());
    assertEquals(0, shopee.server.getRequestCount());
  }

  @Test
  void aMissingPartnerKeyOrShopIdFailsBeforeAnyCall() {
    Connection noKey = shopee.connection(Map.of(), Map.of("partner_id", "2001887", "access_token", "t"));
    Connection noShop = shopee.connection(Map.of("shop_id", "acme"));

    assertEquals("missing_credential", assertThrows(AuthenticationFailure.class,
        () -> shopee.adapter.fetchOrders(noKey, OrderCursor.START)).code());
    assertEquals("invalid_setting", assertThrows(AuthenticationFailure.class,
        () -> shopee.adapter.fetchOrders(noShop, OrderCursor.START)).code());
    assertEquals(0, shopee.server.getRequestCount());
  }

  private void pullOrders() {
    shopee.adapter.fetchOrders(shopee.connection(), OrderCursor.START);
  }

  private void tokens(String access, String refresh) {
    shopee.reply(200, "{\"error\":\"\",\"message\":\"\",\"request_id\":\"r\",\"partner_id\":2001887,"
        + "\"shop_id\":14701711,\"access_token\":\"" + access + "\",\"refresh_token\":\"" + refresh
        + "\",\"expire_in\":14400}");
  }

  private void noOrders() {
    shopee.ok("{\"more\":false,\"next_cursor\":\"\",\"order_list\":[]}");
  }
}
