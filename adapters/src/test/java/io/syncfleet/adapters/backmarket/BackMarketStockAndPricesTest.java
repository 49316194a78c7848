package io.syncfleet.adapters.backmarket;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.syncfleet.adapters.BatchResult;
import io.syncfleet.adapters.ItemOutcome;
import io.syncfleet.producer.connection.Connection;
import io.syncfleet.producer.job.PriceChange;
import io.syncfleet.producer.job.StockLevel;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Stock and prices: one real-time update per listing, found by SKU once and remembered. */
class BackMarketStockAndPricesTest {
  private static final String UUID_1 = "7a97a1b6-547e-4718-bc72-5b84aca91b09";
  private static final String UUID_2 = "da72cf47-1b1f-434a-9224-1f8684ac1bd4";

  @RegisterExtension
  final BackMarketFixture bm = new BackMarketFixture();
  private final Connection connection = bm.connection();

  @Test
  void setsTheQuantityOfTheListingFoundBySkuAndRemembersItsId() {
    bm.reply(200, detail(UUID_1, "IPH-1"));
    bm.reply(200, "{\"id\":\"" + UUID_1 + "\",\"quantity\":3,\"statuscode\":200}");
    bm.reply(200, "{\"id\":\"" + UUID_1 + "\",\"quantity\":0,\"statuscode\":200}");

    BatchResult first = bm.adapter.updateStock(connection, List.of(StockLevel.of("IPH-1", 3)));
    BatchResult second = bm.adapter.updateStock(connection, List.of(StockLevel.of("IPH-1", 0)));

    RecordedRequest lookup = bm.take();
    assertEquals("GET", lookup.getMethod());
    assertEquals("/ws/listings/detail?sku=IPH-1", lookup.getPath());
    RecordedRequest update = bm.take();
    assertEquals("POST", update.getMethod());
    assertEquals("/ws/listings/" + UUID_1, update.getPath());
    assertEquals("{\"quantity\":3}", update.getBody().readUtf8());
    RecordedRequest again = bm.take();
    assertEquals("/ws/listings/" + UUID_1, again.getPath(), "no second lookup");
    assertEquals("{\"quantity\":0}", again.getBody().readUtf8());
    assertEquals(List.of(ItemOutcome.done("IPH-1")), first.outcomes());
    assertEquals(List.of(ItemOutcome.done("IPH-1")), second.outcomes());
  }

  @Test
  void setsThePriceAsAStringWithItsCurrency() {
    bm.reply(200, detail(UUID_1, "IPH-1"));
    bm.reply(200, "{\"id\":\"" + UUID_1 + "\",\"price\":\"189.00\",\"statuscode\":200}");

    BatchResult result = bm.adapter.updatePrices(connection,
        List.of(new PriceChange("IPH-1", new BigDecimal("189.00"), "EUR", new BigDecimal("249.00"))));

    bm.take();
    assertEquals("{\"price\":\"189.00\",\"currency\":\"EUR\"}", bm.take().getBody().readUtf8());
    assertEquals(List.of(ItemOutcome.done("IPH-1")), result.outcomes());
  }

  @Test
  void aSkuWithoutAListingComesBackForARetryAndTheOthersGoOn() {
    bm.reply(404, "{\"error\":{\"code\":\"not_found\",\"message\":\"Listing not found\"}}");
    bm.reply(200, detail(UUID_2, "IPH-2"));
    bm.reply(200, "{\"id\":\"" + UUID_2 + "\",\"statuscode\":200}");

    BatchResult result = bm.adapter.updateStock(connection,
        List.of(StockLevel.of("NEW-1", 1), StockLevel.of("IPH-2", 2)));

    ItemOutcome missing = result.outcomes().get(0);
    assertEquals(ItemOutcome.Status.RETRY, missing.status());
    assertEquals(BackMarketAdapter.LISTING_NOT_FOUND, missing.code());
    assertEquals(ItemOutcome.done("IPH-2"), result.outcomes().get(1));
  }

  @Test
  void aRefusedUpdateFailsThatSkuWithBackMarketsCodeAndMessage() {
    bm.reply(200, detail(UUID_1, "IPH-1"));
    bm.reply(400, "{\"error\":{\"code\":\"invalid_currency\",\"message\":\"currency must be EUR on fr-fr\"},"
        + "\"requestId\":\"req-9\"}");

    BatchResult result = bm.adapter.updatePrices(connection,
        List.of(PriceChange.of("IPH-1", new BigDecimal("10.00"), "GBP")));

    assertEquals(List.of(ItemOutcome.failed("IPH-1", "invalid_currency",
        "currency must be EUR on fr-fr (request req-9)")), result.outcomes());
  }

  @Test
  void aListingThatDisappearedIsLookedUpAgainNextTime() {
    bm.reply(200, detail(UUID_1, "IPH-1"));
    bm.reply(404, "{\"error\":{\"code\":\"not_found\",\"message\":\"Listing not found\"}}");
    bm.reply(200, detail(UUID_2, "IPH-1"));
    bm.reply(200, "{\"id\":\"" + UUID_2 + "\",\"statuscode\":200}");

    BatchResult first = bm.adapter.updateStock(connection, List.of(StockLevel.of("IPH-1", 1)));
    BatchResult second = bm.adapter.updateStock(connection, List.of(StockLevel.of("IPH-1", 1)));

    assertEquals(BackMarketAdapter.LISTING_NOT_FOUND, first.outcomes().get(0).code());
    assertEquals(List.of(ItemOutcome.done("IPH-1")), second.outcomes());
    bm.take();
    bm.take();
    assertEquals("/ws/listings/detail?sku=IPH-1", bm.take().getPath());
    assertEquals("/ws/listings/" + UUID_2, bm.take().getPath());
  }

  @Test
  void afterAThrottleTheRestOfTheBatchIsNotSentAndComesBackThrottled() {
    bm.reply(200, detail(UUID_1, "IPH-1"));
    bm.reply(200, "{\"id\":\"" + UUID_1 + "\",\"statuscode\":200}");
    bm.enqueue(new MockResponse().setResponseCode(429).setHeader("Retry-After", "10")
        .setBody("{\"error\":{\"code\":\"rate_limited\",\"message\":\"Too many requests\"}}"));

    BatchResult result = bm.adapter.updateStock(connection,
        List.of(StockLevel.of("IPH-1", 1), StockLevel.of("IPH-2", 2), StockLevel.of("IPH-3", 3)));

    assertEquals(ItemOutcome.done("IPH-1"), result.outcomes().get(0));
    assertEquals(List.of(
        ItemOutcome.throttled("IPH-2", "rate_limited", "Too many requests", Duration.ofSeconds(10)),
        ItemOutcome.throttled("IPH-3", "rate_limited", "Too many requests", Duration.ofSeconds(10))),
        result.outcomes().subList(1, 3));
    assertEquals(3, bm.server.getRequestCount());
  }

  @Test
  void aFirewallBlockStopsTheBatchWithRetries() {
    bm.enqueue(new MockResponse().setResponseCode(403).setHeader("Content-Type", "text/html; charset=UTF-8")
        .setHeader("cf-ray", "931354450813d142-CDG").setBody("<html><body>Sorry, you have been blocked</body></html>"));

    BatchResult result = bm.adapter.updateStock(connection,
        List.of(StockLevel.of("IPH-1", 1), StockLevel.of("IPH-2", 2)));

    assertEquals(ItemOutcome.Status.RETRY, result.outcomes().get(0).status());
    assertEquals("waf_blocked", result.outcomes().get(1).code());
    assertEquals(1, bm.server.getRequestCount());
  }

  static String detail(String id, String sku) {
    return "{\"id\":\"" + id + "\",\"listing_id\":4567,\"sku\":\"" + sku + "\",\"quantity\":2,\"price\":\"199.90\","
        + "\"currency\":\"EUR\",\"publication_state\":2,\"statuscode\":200}";
  }
}
