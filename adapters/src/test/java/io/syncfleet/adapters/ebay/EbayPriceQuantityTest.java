package io.syncfleet.adapters.ebay;

import static io.syncfleet.adapters.ebay.EbayFixture.body;
import static io.syncfleet.adapters.ebay.EbayFixture.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.syncfleet.adapters.BatchResult;
import io.syncfleet.adapters.ItemOutcome;
import io.syncfleet.adapters.failure.PermanentFailure;
import io.syncfleet.producer.connection.Connection;
import io.syncfleet.producer.job.PriceChange;
import io.syncfleet.producer.job.StockLevel;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class EbayPriceQuantityTest {
  @RegisterExtension
  final EbayFixture ebay = new EbayFixture();
  private final Connection connection = ebay.connection();

  @Test
  void stockSetsTheItemQuantityAndTheOffersAvailableQuantity() {
    ebay.token("tok-1");
    ebay.reply(200, offer("O-1", "SKU-1"));
    ebay.reply(404, "{\"errors\":[{\"errorId\":25713,\"message\":\"This Offer is not available.\"}]}");
    ebay.reply(200, "{\"responses\":[{\"statusCode\":200,\"sku\":\"SKU-1\",\"offerId\":\"O-1\"},"
        + "{\"statusCode\":200,\"sku\":\"SKU-2\"}]}");

    BatchResult result = ebay.adapter.updateStock(connection,
        List.of(StockLevel.of("SKU-1", 4), StockLevel.of("SKU-2", 0)));

    assertEquals(List.of(ItemOutcome.done("SKU-1"), ItemOutcome.done("SKU-2")), result.outcomes());
    assertEquals("/sell/inventory/v1/offer?sku=SKU-1&marketplace_id=EBAY_US", ebay.takeAfterToken().getPath());
    assertEquals("/sell/inventory/v1/offer?sku=SKU-2&marketplace_id=EBAY_US", ebay.take().getPath());
    RecordedRequest bulk = ebay.take();
    assertEquals("POST", bulk.getMethod());
    assertEquals("/sell/inventory/v1/bulk_update_price_quantity", bulk.getPath());
    assertEquals("Bearer tok-1", bulk.getHeader("Authorization"));
    assertEquals(json("""
        {"requests":[
          {"sku":"SKU-1","shipToLocationAvailability":{"quantity":4},
           "offers":[{"offerId":"O-1","availableQuantity":4}]},
          {"sku":"SKU-2","shipToLocationAvailability":{"quantity":0}}]}
        """), body(bulk));
  }

  @Test
  void pricesGoToTheOfferAndOfferIdsAreRemembered() {
    ebay.token("tok-1");
    ebay.reply(200, offer("O-1", "SKU-1"));
    ebay.reply(200, "{\"responses\":[{\"statusCode\":200,\"sku\":\"SKU-1\",\"offerId\":\"O-1\"}]}");
    ebay.reply(200, "{\"responses\":[{\"statusCode\":200,\"sku\":\"SKU-1\",\"offerId\":\"O-1\"}]}");

    ebay.adapter.updatePrices(connection, List.of(PriceChange.of("SKU-1", new BigDecimal("19.90"), "USD")));
    BatchResult second = ebay.adapter.updatePrices(connection,
        List.of(new PriceChange("SKU-1", new BigDecimal("18.00"), null, new BigDecimal("25.00"))));

    assertEquals(List.of(ItemOutcome.done("SKU-1")), second.outcomes());
    ebay.takeAfterToken();
    assertEquals(json("""
        {"requests":[{"sku":"SKU-1","offers":[{"offerId":"O-1","price":{"value":"19.90","currency":"USD"}}]}]}
        """), body(ebay.take()));
    RecordedRequest again = ebay.take();
    assertEquals("/sell/inventory/v1/bulk_update_price_quantity", again.getPath(), "no second lookup");
    assertEquals(json("""
        {"requests":[{"sku":"SKU-1","offers":[{"offerId":"O-1","price":{"value":"18.00","currency":"USD"}}]}]}
        """), body(again));
  }

  @Test
  void aPriceForASkuWithoutAnOfferIsRetriedAndNotSent() {
    ebay.token("tok-1");
    ebay.reply(404, "{\"errors\":[{\"errorId\":25713,\"message\":\"This Offer is not available.\"}]}");

    BatchResult result = ebay.adapter.updatePrices(connection,
        List.of(PriceChange.of("SKU-1", new BigDecimal("5"), "USD")));

    ItemOutcome outcome = result.outcomes().get(0);
    assertEquals(ItemOutcome.Status.RETRY, outcome.status());
    assertEquals("offer_not_found", outcome.code());
    assertEquals(2, ebay.server.getRequestCount(), "token and lookup, no bulk call");
  }

  @Test
  void perItemErrorsAreReadAndTheRefusedOfferIdIsLookedUpAgainNextTime() {
    ebay.token("tok-1");
    ebay.reply(200, offer("O-1", "SKU-1"));
    ebay.reply(200, offer("O-2", "SKU-2"));
    ebay.reply(207, """
        {"responses":[
          {"statusCode":200,"sku":"SKU-1","offerId":"O-1"},
          {"statusCode":400,"sku":"SKU-2","offerId":"O-2",
           "errors":[{"errorId":25725,"message":"The offer is not published."}]}]}
        """);
    ebay.reply(200, offer("O-2", "SKU-2"));
    ebay.reply(200, "{\"responses\":[{\"statusCode\":200,\"sku\":\"SKU-2\",\"offerId\":\"O-2\"}]}");

    BatchResult result = ebay.adapter.updatePrices(connection, List.of(
        PriceChange.of("SKU-1", new BigDecimal("1.00"), "USD"), PriceChange.of("SKU-2", new BigDecimal("2.00"), "USD")));
    ebay.adapter.updatePrices(connection, List.of(PriceChange.of("SKU-2", new BigDecimal("2.00"), "USD")));

    assertEquals(List.of(ItemOutcome.done("SKU-1"),
        ItemOutcome.failed("SKU-2", "25725", "The offer is not published.")), result.outcomes());
    List<String> paths = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      paths.add(ebay.take().getPath());
    }
    assertEquals("/sell/inventory/v1/offer?sku=SKU-2&marketplace_id=EBAY_US", paths.get(4));
  }

  @Test
  void aThrottledLookupSendsEveryItemBackWithoutTheBulkCall() {
    ebay.token("tok-1");
    ebay.reply(200, offer("O-1", "SKU-1"));
    ebay.enqueue(new MockResponse().setResponseCode(429).setHeader("Retry-After", "3")
        .setBody("{\"errors\":[{\"errorId\":2001,\"message\":\"Too many requests.\"}]}"));

    BatchResult result = ebay.adapter.updateStock(connection, List.of(
        StockLevel.of("SKU-1", 1), StockLevel.of("SKU-2", 2), StockLevel.of("SKU-3", 3)));

    for (ItemOutcome outcome : result.outcomes()) {
      assertEquals(ItemOutcome.Status.THROTTLED, outcome.status(), outcome.sku());
      assertEquals(Duration.ofSeconds(3), outcome.retryAfter(), outcome.sku());
    }
    assertEquals(3, ebay.server.getRequestCount(), "token and two lookups, nothing after the throttle");
  }

  @Test
  void aSkuMissingFromTheAnswerIsRetried() {
    ebay.token("tok-1");
    ebay.reply(200, offer("O-1", "SKU-1"));
    ebay.reply(200, "{\"responses\":[]}");

    BatchResult result = ebay.adapter.updateStock(connection, List.of(StockLevel.of("SKU-1", 1)));

    assertEquals(ItemOutcome.Status.RETRY, result.outcomes().get(0).status());
  }

  @Test
  void aBatchOverEbaysLimitIsRefusedBeforeAnyCall() {
    List<StockLevel> items = new ArrayList<>();
    for (int i = 0; i < 26; i++) {
      items.add(StockLevel.of("SKU-" + i, 1));
    }

    PermanentFailure e = assertThrows(PermanentFailure.class, () -> ebay.adapter.updateStock(connection, items));

    assertEquals("batch_too_large", e.code());
    assertEquals(0, ebay.server.getRequestCount());
  }

  private static String offer(String offerId, String sku) {
    return "{\"total\":1,\"offers\":[{\"offerId\":\"" + offerId + "\",\"sku\":\"" + sku
        + "\",\"marketplaceId\":\"EBAY_US\",\"format\":\"FIXED_PRICE\",\"status\":\"PUBLISHED\"}]}";
  }
}
