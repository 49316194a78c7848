package io.syncfleet.adapters.shopify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.function.Executable;

/** How every way a Shopify call can fail reaches the worker: as which typed failure, with what wait. */
class ShopifyFailuresTest {
  @RegisterExtension
  final ShopifyMockShop shop = new ShopifyMockShop();

  private List<StockLevel> oneStock() {
    return List.of(StockLevel.of("SKU-1", 3));
  }

  /** A one-item stock update over the mock shop's connection: the call most of these tests fail. */
  private Executable updateStock() {
    return () -> shop.adapter.updateStock(shop.connection(), oneStock());
  }

  @Test
  void http429WithRetryAfterIsRateLimitedWithThatWait() {
    shop.server.enqueue(ShopifyMockShop.json(429, "{\"errors\":\"Exceeded 2 calls per second for api client.\"}")
        .setHeader("Retry-After", "2.0"));
    RateLimitedFailure f = assertThrows(RateLimitedFailure.class, updateStock());
    assertEquals(429, f.httpStatus());
    assertEquals(Duration.ofSeconds(2), f.retryAfter().orElseThrow());
    assertTrue(f.getMessage().contains("Exceeded 2 calls"), f.getMessage());
  }

  @Test
  void http429WithoutRetryAfterIsRateLimitedWithoutWait() {
    shop.server.enqueue(ShopifyMockShop.json(429, "{\"errors\":\"Throttled\"}"));
    RateLimitedFailure f = assertThrows(RateLimitedFailure.class, updateStock());
    assertTrue(f.retryAfter().isEmpty());
  }

  @Test
  void serverErrorIsTransient() {
    shop.server.enqueue(ShopifyMockShop.json(503, "<html>Service unavailable</html>"));
    TransientFailure f = assertThrows(TransientFailure.class, updateStock());
    assertEquals(503, f.httpStatus());
  }

  @Test
  void noAnswerInTimeIsTransient() {
    ShopifyAdapter impatient = new ShopifyAdapter(shop.http.withReadTimeout(Duration.ofMillis(200)));
    shop.server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));
    TransientFailure f = assertThrows(TransientFailure.class,
        () -> impatient.updateStock(shop.connection(), oneStock()));
    assertEquals("timeout", f.code());
    assertEquals(0, f.httpStatus());
  }

  @Test
  void throttledInA200IsRateLimitedWithTheWaitTheBucketNeeds() {
    // 502 points requested, 102 available, 100 restored per second: 4 s until the call fits.
    shop.server.enqueue(ShopifyMockShop.json(200, """
        {"errors":[{"message":"Throttled","extensions":{"code":"THROTTLED",
          "documentation":"https://shopify.dev/api/usage/rate-limits"}}],
         "extensions":{"cost":{"requestedQueryCost":502,"actualQueryCost":null,
          "throttleStatus":{"maximumAvailable":2000.0,"currentlyAvailable":102,"restoreRate":100.0}}}}"""));
    RateLimitedFailure f = assertThrows(RateLimitedFailure.class, updateStock());
    assertEquals("THROTTLED", f.code());
    assertEquals(200, f.httpStatus());
    assertEquals(Duration.ofSeconds(4), f.retryAfter().orElseThrow());
  }

  @Test
  void throttledWithoutCostReportIsRateLimitedWithoutWait() {
    shop.server.enqueue(ShopifyMockShop.json(200,
        "{\"errors\":[{\"message\":\"Throttled\",\"extensions\":{\"code\":\"THROTTLED\"}}]}"));
    RateLimitedFailure f = assertThrows(RateLimitedFailure.class, updateStock());
    assertTrue(f.retryAfter().isEmpty());
  }

  @Test
  void invalidTokenIsAuthenticationFailure() {
    shop.server.enqueue(ShopifyMockShop.json(401,
        "{\"errors\":\"[API] Invalid API key or access token (unrecognized login or wrong password)\"}"));
    AuthenticationFailure f = assertThrows(AuthenticationFailure.class, updateStock());
    assertEquals(401, f.httpStatus());
    assertTrue(f.getMessage().contains("Invalid API key"), f.getMessage());
  }

  @Test
  void testConnectionReportsABadTokenInsteadOfThrowing() {
    shop.server.enqueue(ShopifyMockShop.json(401, "{\"errors\":\"[API] Invalid API key or access token\"}"));
    Health health = shop.adapter.testConnection(shop.connection());
    assertFalse(health.ok());
    assertTrue(health.message().contains("Invalid API key"), health.message());
  }

  @Test
  void accessDeniedInA200IsAuthenticationFailure() {
    shop.server.enqueue(ShopifyMockShop.json(200, """
        {"errors":[{"message":"Access denied for productVariants field. Required access: `read_products`.",
          "extensions":{"code":"ACCESS_DENIED"}}]}"""));
    AuthenticationFailure f = assertThrows(AuthenticationFailure.class, updateStock());
    assertEquals("ACCESS_DENIED", f.code());
    assertTrue(f.getMessage().contains("read_products"));
  }

  @Test
  void frozenShopIsAuthenticationFailure() {
    shop.server.enqueue(ShopifyMockShop.json(402, "{\"errors\":\"Unavailable Shop\"}"));
    AuthenticationFailure f = assertThrows(AuthenticationFailure.class, updateStock());
    assertEquals(402, f.httpStatus());
  }

  @Test
  void otherGraphqlErrorsArePermanentWithShopifysCode() {
    shop.server.enqueue(ShopifyMockShop.json(200, """
        {"errors":[{"message":"Field 'nope' doesn't exist on type 'QueryRoot'",
          "extensions":{"code":"undefinedField","typeName":"QueryRoot","fieldName":"nope"}}]}"""));
    PermanentFailure f = assertThrows(PermanentFailure.class, updateStock());
    assertEquals("undefinedField", f.code());
    assertTrue(f.getMessage().contains("doesn't exist"));
  }

  @Test
  void shopifyInternalErrorInA200IsTransient() {
    shop.server.enqueue(ShopifyMockShop.json(200,
        "{\"errors\":[{\"message\":\"Internal error\",\"extensions\":{\"code\":\"INTERNAL_SERVER_ERROR\"}}]}"));
    assertThrows(TransientFailure.class, updateStock());
  }

  @Test
  void garbageBodyIsTransient() {
    shop.server.enqueue(ShopifyMockShop.json(200, "<html>upstream hiccup"));
    TransientFailure f = assertThrows(TransientFailure.class, updateStock());
    assertEquals(200, f.httpStatus());
  }

  @Test
  void answerWithoutDataIsTransient() {
    shop.server.enqueue(ShopifyMockShop.json(200, "{\"extensions\":{}}"));
    assertThrows(TransientFailure.class, updateStock());
  }

  @Test
  void clientErrorOtherThanAuthIsPermanent() {
    shop.server.enqueue(ShopifyMockShop.json(404, "{\"errors\":\"Not Found\"}"));
    PermanentFailure f = assertThrows(PermanentFailure.class, updateStock());
    assertEquals(404, f.httpStatus());
    assertEquals("Not Found", f.getMessage());
  }

  @Test
  void missingTokenPausesTheConnectionWithoutCallingShopify() {
    Connection noToken = new Connection("acme", "shopify", Environment.PRODUCTION,
        Map.of(Connection.BASE_URL, shop.server.url("/").toString()), Secrets.none(), 1);
    AuthenticationFailure f = assertThrows(AuthenticationFailure.class,
        () -> shop.adapter.updateStock(noToken, oneStock()));
    assertTrue(f.getMessage().contains("access_token"), f.getMessage());
    assertEquals(0, shop.server.getRequestCount());
  }

  @Test
  void connectionWithoutShopOrBaseUrlPausesTheConnection() {
    Connection noShop = new Connection("acme", "shopify", Environment.PRODUCTION, Map.of(),
        Secrets.of(Map.of(ShopifyAdapter.ACCESS_TOKEN, "t")), 1);
    AuthenticationFailure f = assertThrows(AuthenticationFailure.class,
        () -> shop.adapter.updateStock(noShop, oneStock()));
    assertEquals("invalid_shop", f.code());
  }

  @Test
  void shopSettingNamesTheShopsOwnDomain() {
    Connection acme = new Connection("acme", "shopify", Environment.PRODUCTION, Map.of(ShopifyAdapter.SHOP, "Acme"),
        Secrets.of(Map.of(ShopifyAdapter.ACCESS_TOKEN, "t")), 1);
    assertEquals("https://acme.myshopify.com/admin/api/2026-07/graphql.json",
        ShopifyApi.graphqlUrl(acme).toString());
    Connection evil = new Connection("acme", "shopify", Environment.PRODUCTION,
        Map.of(ShopifyAdapter.SHOP, "evil.example/steal?x="), Secrets.none(), 1);
    assertThrows(AuthenticationFailure.class, () -> ShopifyApi.graphqlUrl(evil));
  }
}
