package io.syncfleet.adapters.meta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.syncfleet.adapters.ItemOutcome;
import io.syncfleet.adapters.failure.AuthenticationFailure;
import io.syncfleet.adapters.failure.PermanentFailure;
import io.syncfleet.adapters.failure.RateLimitedFailure;
import io.syncfleet.adapters.failure.TransientFailure;
import io.syncfleet.producer.job.StockLevel;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.function.Executable;

/** How every kind of failed Graph answer reaches the worker: as which typed failure, with what in it. */
class MetaFailuresTest {
  private static final String USAGE = "{\"987\":[{\"type\":\"catalog_batch\",\"call_count\":100,"
      + "\"total_cputime\":10,\"total_time\":12,\"estimated_time_to_regain_access\":5}],"
      + "\"654\":[{\"type\":\"catalog_management\",\"call_count\":40,\"estimated_time_to_regain_access\":0}]}";

  @RegisterExtension
  final MetaFixture meta = new MetaFixture(Duration.ofMillis(300), 3);

  @Test
  void catalogBatchThrottlingWaitsAsTheUsageHeaderSays() {
    meta.enqueue(new MockResponse().setResponseCode(400).setHeader("X-Business-Use-Case-Usage", USAGE)
        .setBody("{\"error\":{\"message\":\"(#80014) There have been too many calls for the catalog batch.\","
            + "\"type\":\"OAuthException\",\"code\":80014,\"fbtrace_id\":\"AbC\"}}"));

    RateLimitedFailure e = assertThrows(RateLimitedFailure.class, stock());

    assertEquals(Duration.ofMinutes(5), e.retryAfter().orElseThrow());
    assertEquals("80014", e.code());
    assertEquals(400, e.httpStatus());
    assertTrue(e.getMessage().startsWith("(#80014) There have been too many calls"), e.getMessage());
  }

  @Test
  void anAppThrottleSentAs403IsAThrottleNotAnAuthenticationFailure() {
    meta.graphError(403, 4, "(#4) Application request limit reached");

    RateLimitedFailure e = assertThrows(RateLimitedFailure.class, stock());

    assertEquals("4", e.code());
    assertTrue(e.retryAfter().isEmpty());
  }

  @Test
  void everyGraphThrottleCodeIsRateLimited() {
    for (int code : List.of(17, 32, 341, 613, 80009)) {
      meta.graphError(400, code, "limit reached");
      RateLimitedFailure e = assertThrows(RateLimitedFailure.class, stock());
      assertEquals(String.valueOf(code), e.code());
    }
  }

  @Test
  void http429WithRetryAfterIsRateLimitedWithThatWait() {
    meta.enqueue(new MockResponse().setResponseCode(429).setHeader("Retry-After", "30").setBody(""));

    RateLimitedFailure e = assertThrows(RateLimitedFailure.class, stock());

    assertEquals(Duration.ofSeconds(30), e.retryAfter().orElseThrow());
  }

  @Test
  void aThrottledStatusCheckSendsTheItemsBackWithTheWait() {
    meta.accepted("H-1");
    meta.enqueue(new MockResponse().setResponseCode(400).setHeader("X-Business-Use-Case-Usage", USAGE)
        .setBody("{\"error\":{\"message\":\"(#80009) Too many calls.\",\"code\":80009}}"));

    ItemOutcome outcome = meta.adapter.updateStock(meta.connection(), List.of(StockLevel.of("SKU-1", 1)))
        .outcomes().get(0);

    assertEquals(ItemOutcome.Status.RETRY, outcome.status());
    assertEquals("80009", outcome.code());
    assertEquals(Duration.ofMinutes(5), outcome.retryAfter());
  }

  @Test
  void aStatusCheckThatTimesOutSendsTheItemsBack() {
    meta.accepted("H-1");
    meta.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));

    ItemOutcome outcome = meta.adapter.updateStock(meta.connection(), List.of(StockLevel.of("SKU-1", 1)))
        .outcomes().get(0);

    assertEquals(ItemOutcome.Status.RETRY, outcome.status());
    assertEquals("timeout", outcome.code());
  }

  @Test
  void anExpiredTokenPausesTheConnectionWithWhatToDo() {
    meta.reply(400, "{\"error\":{\"message\":\"Error validating access token: Session has expired.\","
        + "\"type\":\"OAuthException\",\"code\":190,\"error_subcode\":463,\"fbtrace_id\":\"Xy\"}}");

    AuthenticationFailure e = assertThrows(AuthenticationFailure.class, stock());

    assertEquals("190", e.code());
    assertTrue(e.getMessage().contains("subcode 463"), e.getMessage());
    assertTrue(e.getMessage().contains("system user token"), e.getMessage());
  }

  @Test
  void aMissingPermissionOrAnInvisibleCatalogPausesTheConnection() {
    meta.graphError(403, 200, "(#200) Requires catalog_management permission");
    assertEquals("200", assertThrows(AuthenticationFailure.class, stock()).code());

    meta.reply(400, "{\"error\":{\"message\":\"Unsupported post request. Object with ID '123456789' does not exist\","
        + "\"code\":100,\"error_subcode\":33}}");
    assertEquals("100", assertThrows(AuthenticationFailure.class, stock()).code());
  }

  @Test
  void serverTroubleAndTransientCodesAreTransient() {
    meta.graphError(500, 2, "Service temporarily unavailable");
    assertEquals(500, assertThrows(TransientFailure.class, stock()).httpStatus());

    meta.graphError(400, 1, "An unknown error occurred");
    assertEquals("1", assertThrows(TransientFailure.class, stock()).code());

    meta.reply(400, "{\"error\":{\"message\":\"Try again\",\"code\":9007,\"is_transient\":true}}");
    assertEquals("9007", assertThrows(TransientFailure.class, stock()).code());
  }

  @Test
  void noAnswerInTimeIsTransient() {
    meta.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));

    TransientFailure e = assertThrows(TransientFailure.class, stock());

    assertEquals("timeout", e.code());
  }

  @Test
  void aGarbageBodyIsTransient() {
    meta.reply(200, "<html>Sorry, something went wrong.</html>");

    TransientFailure e = assertThrows(TransientFailure.class, stock());

    assertEquals(200, e.httpStatus());
  }

  @Test
  void aRefusedRequestIsPermanentWithGraphsCodeAndMessage() {
    meta.reply(400, "{\"error\":{\"message\":\"(#100) Param requests must be an array\",\"type\":\"OAuthException\","
        + "\"code\":100,\"error_user_msg\":\"Check the request.\",\"fbtrace_id\":\"T1\"}}");

    PermanentFailure e = assertThrows(PermanentFailure.class, stock());

    assertEquals("100", e.code());
    assertEquals("(#100) Param requests must be an array: Check the request. (fbtrace_id T1)", e.getMessage());
  }

  @Test
  void missingCredentialsOrCatalogPauseTheConnectionWithoutACall() {
    AuthenticationFailure noToken = assertThrows(AuthenticationFailure.class, () -> meta.adapter.updateStock(
        meta.connection(Map.of(), Map.of()), List.of(StockLevel.of("SKU-1", 1))));
    assertEquals("missing_credential", noToken.code());

    AuthenticationFailure noCatalog = assertThrows(AuthenticationFailure.class, () -> meta.adapter.updateStock(
        meta.connection(Map.of(MetaApi.ACCESS_TOKEN, "t"), Map.of(MetaApi.CATALOG_ID, "my catalog")),
        List.of(StockLevel.of("SKU-1", 1))));
    assertEquals("invalid_setting", noCatalog.code());
    assertEquals(0, meta.server.getRequestCount());
  }

  @Test
  void aBatchOverTheLimitIsRefusedBeforeAnyCall() {
    List<StockLevel> many = IntStream.range(0, MetaApi.UPDATES_BATCH + 1)
        .mapToObj(i -> StockLevel.of("SKU-" + i, 1)).toList();

    assertEquals("batch_too_large", assertThrows(PermanentFailure.class,
        () -> meta.adapter.updateStock(meta.connection(), many)).code());
  }

  private Executable stock() {
    return () -> meta.adapter.updateStock(meta.connection(), List.of(StockLevel.of("SKU-1", 1)));
  }
}
