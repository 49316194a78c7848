package io.syncfleet.adapters.magento;

import static io.syncfleet.adapters.magento.MagentoFixture.body;
import static io.syncfleet.adapters.magento.MagentoFixture.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.syncfleet.adapters.BatchResult;
import io.syncfleet.adapters.ItemOutcome;
import io.syncfleet.adapters.ItemOutcome.Status;
import io.syncfleet.adapters.failure.PermanentFailure;
import io.syncfleet.adapters.failure.RateLimitedFailure;
import io.syncfleet.producer.connection.Connection;
import io.syncfleet.producer.job.PriceChange;
import io.syncfleet.producer.job.StockLevel;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The exact calls behind updateStock and updatePrices, and how Magento's refusals reach each item. */
class MagentoStockAndPricesTest {
  private static final String SKU_2_NOT_FOUND = """
      {"message":"Validation Failed","errors":[{"message":"Product with requested \\"%field\\": \\"%value\\" was was not found.",
        "parameters":{"field":"sku","value":"SKU-2"}}]}""";

  @RegisterExtension
  final MagentoFixture magento = new MagentoFixture();
  private final Connection connection = magento.connection();

  @Test
  void stockIsOneSourceItemsCallWithEachLevelsSource() {
    magento.reply(200, "");

    BatchResult result = magento.adapter.updateStock(connection,
        List.of(StockLevel.of("SKU-1", 7), new StockLevel("SKU-2", 0, "berlin")));

    assertEquals(List.of(ItemOutcome.done("SKU-1"), ItemOutcome.done("SKU-2")), result.outcomes());
    RecordedRequest r = magento.take();
    assertEquals("POST", r.getMethod());
    assertEquals("/rest/all/V1/inventory/source-items", r.getPath());
    assertEquals(json("""
        {"sourceItems":[{"sku":"SKU-1","source_code":"default","quantity":7,"status":1},
                        {"sku":"SKU-2","source_code":"berlin","quantity":0,"status":0}]}"""), body(r));
  }

  @Test
  void theSourceSettingIsTheDefaultSource() {
    magento.reply(200, "");

    magento.adapter.updateStock(magento.connection(Map.of("source_code", "wh-1")), List.of(StockLevel.of("SKU-1", 1)));

    assertEquals("wh-1", body(magento.take()).path("sourceItems").get(0).path("source_code").asText());
  }

  @Test
  void aSkuMagentoNamesFailsAndTheRestIsSentAgain() {
    magento.reply(400, SKU_2_NOT_FOUND);
    magento.reply(200, "");

    BatchResult result = magento.adapter.updateStock(connection,
        List.of(StockLevel.of("SKU-1", 1), StockLevel.of("SKU-2", 2), StockLevel.of("SKU-3", 3)));

    assertEquals(ItemOutcome.done("SKU-1"), result.outcomes().get(0));
    assertEquals(ItemOutcome.failed("SKU-2", null, "Product with requested \"sku\": \"SKU-2\" was was not found."),
        result.outcomes().get(1));
    assertEquals(ItemOutcome.done("SKU-3"), result.outcomes().get(2));
    magento.take();
    assertEquals(json("""
        {"sourceItems":[{"sku":"SKU-1","source_code":"default","quantity":1,"status":1},
                        {"sku":"SKU-3","source_code":"default","quantity":3,"status":1}]}"""), body(magento.take()));
  }

  @Test
  void aRefusalNamingNoSkuFailsEveryItemWithMagentosMessage() {
    magento.reply(400, "{\"message\":\"Could not save Source Item\"}");

    BatchResult result = magento.adapter.updateStock(connection,
        List.of(StockLevel.of("SKU-1", 1), new StockLevel("SKU-2", 2, "nowhere")));

    assertEquals(List.of(ItemOutcome.failed("SKU-1", null, "Could not save Source Item"),
        ItemOutcome.failed("SKU-2", null, "Could not save Source Item")), result.outcomes());
    assertEquals(1, magento.server.getRequestCount());
  }

  @Test
  void aThrottleAfterARefusedSkuLeavesTheRestThrottled() {
    magento.reply(400, SKU_2_NOT_FOUND);
    magento.enqueue(new MockResponse().setResponseCode(429).setHeader("Retry-After", "5"));

    BatchResult result = magento.adapter.updateStock(connection,
        List.of(StockLevel.of("SKU-1", 1), StockLevel.of("SKU-2", 2)));

    assertEquals(Status.THROTTLED, result.outcomes().get(0).status());
    assertEquals(Duration.ofSeconds(5), result.outcomes().get(0).retryAfter());
    assertEquals(Status.FAILED, result.outcomes().get(1).status());
  }

  @Test
  void aThrottleBeforeAnythingIsSettledFailsTheWholeBatch() {
    magento.enqueue(new MockResponse().setResponseCode(429));

    assertThrows(RateLimitedFailure.class,
        () -> magento.adapter.updateStock(connection, List.of(StockLevel.of("SKU-1", 1))));
  }

  @Test
  void withoutMsiTheCallIsAPermanentFailureOfTheBatch() {
    magento.reply(404, "{\"message\":\"Request does not match any route.\"}");

    PermanentFailure e = assertThrows(PermanentFailure.class,
        () -> magento.adapter.updateStock(connection, List.of(StockLevel.of("SKU-1", 1))));

    assertEquals("Request does not match any route.", e.getMessage());
    assertEquals(404, e.httpStatus());
  }

  @Test
  void pricesAreOneBasePricesCallAtThePriceStore() {
    magento.reply(200, "[]");

    BatchResult result = magento.adapter.updatePrices(magento.connection(Map.of("price_store_id", "1")), List.of(
        new PriceChange("SKU-1", new BigDecimal("19.99"), "EUR", new BigDecimal("25.00")),
        PriceChange.of("SKU-2", new BigDecimal("5"), "EUR")));

    assertEquals(List.of(ItemOutcome.done("SKU-1"), ItemOutcome.done("SKU-2")), result.outcomes());
    RecordedRequest r = magento.take();
    assertEquals("POST", r.getMethod());
    assertEquals("/rest/all/V1/products/base-prices", r.getPath());
    assertEquals(json("""
        {"prices":[{"price":19.99,"store_id":1,"sku":"SKU-1"},{"price":5,"store_id":1,"sku":"SKU-2"}]}"""), body(r));
  }

  @Test
  void aRefusedRowNamingASkuFailsThatSkuWithTheFilledMessage() {
    magento.reply(200, """
        [{"message":"Invalid attribute %fieldName = %fieldValue.","parameters":["SKU","SKU-2"]},
         {"message":"Requested store is not found. Row ID: SKU = %SKU, Store ID: %storeId.","parameters":["SKU-3","0"]}]""");

    BatchResult result = magento.adapter.updatePrices(connection, List.of(PriceChange.of("SKU-1", BigDecimal.ONE, "EUR"),
        PriceChange.of("SKU-2", BigDecimal.ONE, "EUR"), PriceChange.of("SKU-3", BigDecimal.ONE, "EUR")));

    assertEquals(List.of(ItemOutcome.done("SKU-1"),
        ItemOutcome.failed("SKU-2", null, "Invalid attribute SKU = SKU-2."),
        ItemOutcome.failed("SKU-3", null, "Requested store is not found. Row ID: SKU = SKU-3, Store ID: 0.")),
        result.outcomes());
  }

  @Test
  void aRefusedRowNamingNoSkuSendsTheOthersBackForARetry() {
    magento.reply(200, "[{\"message\":\"Invalid attribute %fieldName = %fieldValue.\",\"parameters\":[\"Price\",\"-1\"]}]");

    BatchResult result = magento.adapter.updatePrices(connection, List.of(PriceChange.of("SKU-1", BigDecimal.ONE, "EUR")));

    ItemOutcome outcome = result.outcomes().get(0);
    assertEquals(Status.RETRY, outcome.status());
    assertEquals("Magento refused a price without naming its SKU: Invalid attribute Price = -1.", outcome.message());
  }

  @Test
  void aNegativePriceIsRefusedBeforeTheCall() {
    magento.reply(200, "[]");

    BatchResult result = magento.adapter.updatePrices(connection, List.of(
        PriceChange.of("SKU-1", new BigDecimal("-1"), "EUR"), PriceChange.of("SKU-2", BigDecimal.TEN, "EUR")));

    assertEquals(MagentoAdapter.INVALID_PRICE, result.outcomes().get(0).code());
    assertEquals(ItemOutcome.done("SKU-2"), result.outcomes().get(1));
    assertEquals(1, body(magento.take()).path("prices").size());
  }
}
