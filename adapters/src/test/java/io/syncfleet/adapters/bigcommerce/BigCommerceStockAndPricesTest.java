package io.syncfleet.adapters.bigcommerce;

import static io.syncfleet.adapters.bigcommerce.BigCommerceFixture.body;
import static io.syncfleet.adapters.bigcommerce.BigCommerceFixture.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.syncfleet.adapters.BatchResult;
import io.syncfleet.adapters.ItemOutcome;
import io.syncfleet.adapters.ItemOutcome.Status;
import io.syncfleet.adapters.failure.RateLimitedFailure;
import io.syncfleet.producer.connection.Connection;
import io.syncfleet.producer.job.PriceChange;
import io.syncfleet.producer.job.StockLevel;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import okhttp3.HttpUrl;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Absolute inventory adjustments, the variants price batch, and how refusals are narrowed to items. */
class BigCommerceStockAndPricesTest {
  private static final String V3 = "/stores/abc123/v3";
  private static final String TRACKED_BY_VARIANT =
      "{\"status\":422,\"title\":\"[Item with sku SKU-3 is tracked by variant]\",\"errors\":{}}";

  @RegisterExtension
  final BigCommerceFixture bc = new BigCommerceFixture();
  private final Connection connection = bc.connection();

  @Test
  void stockIsOneAbsoluteAdjustmentBySkuAtEachLevelsLocation() {
    bc.reply(200, "{\"transaction_id\":\"t-1\"}");

    BatchResult result = bc.adapter.updateStock(bc.connection(Map.of("location_id", "2")),
        List.of(StockLevel.of("SKU-1", 7), new StockLevel("SKU-2", 0, "5")));

    assertEquals(List.of(ItemOutcome.done("SKU-1"), ItemOutcome.done("SKU-2")), result.outcomes());
    RecordedRequest r = bc.take();
    assertEquals("PUT", r.getMethod());
    assertEquals(V3 + "/inventory/adjustments/absolute", r.getPath());
    assertEquals(json("""
        {"reason":"Syncfleet stock sync","items":[{"location_id":2,"sku":"SKU-1","quantity":7},
                                                  {"location_id":5,"sku":"SKU-2","quantity":0}]}"""), body(r));
  }

  @Test
  void aRefusedAdjustmentIsHalvedUntilTheRefusedSkuStandsAlone() {
    bc.reply(422, TRACKED_BY_VARIANT);
    bc.reply(200, "{\"transaction_id\":\"t-1\"}");
    bc.reply(422, TRACKED_BY_VARIANT);
    bc.reply(422, TRACKED_BY_VARIANT);
    bc.reply(200, "{\"transaction_id\":\"t-2\"}");

    BatchResult result = bc.adapter.updateStock(connection, List.of(StockLevel.of("SKU-1", 1),
        StockLevel.of("SKU-2", 2), StockLevel.of("SKU-3", 3), StockLevel.of("SKU-4", 4)));

    assertEquals(List.of(ItemOutcome.done("SKU-1"), ItemOutcome.done("SKU-2"),
        ItemOutcome.failed("SKU-3", null, "[Item with sku SKU-3 is tracked by variant]"),
        ItemOutcome.done("SKU-4")), result.outcomes());
    assertEquals(List.of("SKU-1", "SKU-2", "SKU-3", "SKU-4"), skus(bc.take()));
    assertEquals(List.of("SKU-1", "SKU-2"), skus(bc.take()));
    assertEquals(List.of("SKU-3", "SKU-4"), skus(bc.take()));
    assertEquals(List.of("SKU-3"), skus(bc.take()));
    assertEquals(List.of("SKU-4"), skus(bc.take()));
  }

  @Test
  void aThrottleWhileHalvingLeavesTheUnsettledItemsThrottled() {
    bc.reply(422, TRACKED_BY_VARIANT);
    bc.reply(422, TRACKED_BY_VARIANT);
    bc.enqueue(new MockResponse().setResponseCode(429).setHeader("X-Rate-Limit-Time-Reset-Ms", "1500"));

    BatchResult result = bc.adapter.updateStock(connection, List.of(StockLevel.of("SKU-1", 1),
        StockLevel.of("SKU-3", 3), StockLevel.of("SKU-5", 5)));

    assertEquals(Status.FAILED, result.outcomes().get(0).status());
    assertEquals(Status.THROTTLED, result.outcomes().get(1).status());
    assertEquals(Duration.ofMillis(1500), result.outcomes().get(1).retryAfter());
    assertEquals(Status.THROTTLED, result.outcomes().get(2).status());
  }

  @Test
  void aThrottleOnTheFirstCallFailsTheBatch() {
    bc.enqueue(new MockResponse().setResponseCode(429).setHeader("X-Rate-Limit-Time-Reset-Ms", "900"));

    RateLimitedFailure e = assertThrows(RateLimitedFailure.class,
        () -> bc.adapter.updateStock(connection, List.of(StockLevel.of("SKU-1", 1))));

    assertEquals(Duration.ofMillis(900), e.retryAfter().orElseThrow());
  }

  @Test
  void halvingStopsAtItsCallBudgetAndLeavesTheRestForTheNextAttempt() {
    for (int i = 0; i < BigCommerceBisect.MAX_CALLS; i++) {
      bc.reply(422, "{\"status\":422,\"title\":\"Unknown SKU\",\"errors\":{}}");
    }
    List<StockLevel> levels = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      levels.add(StockLevel.of("BAD-" + i, 1));
    }

    BatchResult result = bc.adapter.updateStock(connection, levels);

    assertEquals(BigCommerceBisect.MAX_CALLS, bc.server.getRequestCount());
    long retried = result.withStatus(Status.RETRY).size();
    long failed = result.withStatus(Status.FAILED).size();
    assertEquals(200, retried + failed);
    assertEquals(true, retried > 0 && failed > 0);
  }

  @Test
  void aLevelAtALocationThatIsNotAnIdFailsWithoutACall() {
    BatchResult result = bc.adapter.updateStock(connection, List.of(new StockLevel("SKU-1", 1, "main")));

    assertEquals(BigCommerceAdapter.INVALID_LOCATION, result.outcomes().get(0).code());
    assertEquals(0, bc.server.getRequestCount());
  }

  @Test
  void pricesFindEachSkusVariantThenSetThemInOneBatchAndRememberWhereTheyAre() {
    bc.reply(200, """
        {"data":[{"id":77,"sku":"SKU-1","base_variant_id":700,"variants":[{"id":700,"sku":"SKU-1","option_values":[]}]}]}""");
    bc.reply(200, """
        {"data":[{"id":802,"product_id":78,"sku":"TEE-M","option_values":[{"id":11,"option_id":5,"label":"M"}]}]}""");
    bc.reply(200, "{\"data\":[]}");
    bc.reply(200, "{\"data\":[]}");
    bc.reply(200, "{\"data\":[]}");

    BatchResult result = bc.adapter.updatePrices(connection, List.of(
        new PriceChange("SKU-1", new BigDecimal("19.99"), "USD", new BigDecimal("25.00")),
        PriceChange.of("TEE-M", new BigDecimal("12"), "USD"),
        PriceChange.of("GONE", BigDecimal.ONE, "USD")));

    assertEquals(ItemOutcome.done("SKU-1"), result.outcomes().get(0));
    assertEquals(ItemOutcome.done("TEE-M"), result.outcomes().get(1));
    assertEquals(BigCommerceAdapter.SKU_NOT_FOUND, result.outcomes().get(2).code());
    HttpUrl products = bc.take().getRequestUrl();
    assertEquals(V3 + "/catalog/products", products.encodedPath());
    assertEquals("SKU-1,TEE-M,GONE", products.queryParameter("sku:in"));
    assertEquals("variants", products.queryParameter("include"));
    HttpUrl variant = bc.take().getRequestUrl();
    assertEquals(V3 + "/catalog/variants", variant.encodedPath());
    assertEquals("TEE-M", variant.queryParameter("sku"));
    assertEquals("GONE", bc.take().getRequestUrl().queryParameter("sku"));
    RecordedRequest batch = bc.take();
    assertEquals("PUT", batch.getMethod());
    assertEquals(V3 + "/catalog/variants", batch.getPath());
    assertEquals(json("""
        [{"id":700,"price":19.99,"retail_price":25.00},{"id":802,"price":12,"retail_price":null}]"""), body(batch));

    bc.adapter.updatePrices(connection, List.of(PriceChange.of("TEE-M", new BigDecimal("11"), "USD")));

    RecordedRequest again = bc.take();
    assertEquals(V3 + "/catalog/variants", again.getPath(), "the variant id is remembered");
    assertEquals("PUT", again.getMethod());
  }

  @Test
  void aNegativePriceFailsBeforeAnyCall() {
    bc.reply(200, "{\"data\":[]}");
    bc.reply(200, "{\"data\":[]}");

    BatchResult result = bc.adapter.updatePrices(connection, List.of(PriceChange.of("SKU-1", new BigDecimal("-2"), "USD")));

    assertEquals(BigCommerceAdapter.INVALID_PRICE, result.outcomes().get(0).code());
  }

  private static List<String> skus(RecordedRequest r) {
    List<String> out = new ArrayList<>();
    body(r).path("items").forEach(i -> out.add(i.path("sku").asText()));
    return out;
  }
}
