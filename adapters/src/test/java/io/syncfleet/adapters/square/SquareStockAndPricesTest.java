package io.syncfleet.adapters.square;

import static io.syncfleet.adapters.square.SquareFixture.body;
import static io.syncfleet.adapters.square.SquareFixture.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.syncfleet.adapters.BatchResult;
import io.syncfleet.adapters.ItemOutcome;
import io.syncfleet.adapters.ItemOutcome.Status;
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

/** Physical counts per location and prices on variations: exact calls and how refusals reach items. */
class SquareStockAndPricesTest {
  private static final String TWO_VARIATIONS = """
      {"objects":[
        {"type":"ITEM_VARIATION","id":"V1","version":5,"item_variation_data":{"item_id":"I1","name":"Regular","sku":"SKU-1",
         "pricing_type":"FIXED_PRICING","price_money":{"amount":999,"currency":"USD"},"track_inventory":true}},
        {"type":"ITEM_VARIATION","id":"V2","version":7,"item_variation_data":{"item_id":"I2","name":"Regular","sku":"SKU-2",
         "pricing_type":"VARIABLE_PRICING"}},
        {"type":"ITEM_VARIATION","id":"VX","version":1,"item_variation_data":{"item_id":"I3","sku":"sku-1"}}]}""";

  @RegisterExtension
  final SquareFixture square = new SquareFixture();
  private final Connection connection = square.connection();

  @Test
  void stockIsOnePhysicalCountPerSkuAtEachLevelsLocation() {
    square.reply(200, TWO_VARIATIONS);
    square.reply(200, "{\"counts\":[]}");

    BatchResult result = square.adapter.updateStock(square.connection(Map.of("location_id", "L1")), List.of(
        StockLevel.of("SKU-1", 3), new StockLevel("SKU-2", 0, "L2"), StockLevel.of("SKU-9", 1)));

    assertEquals(ItemOutcome.done("SKU-1"), result.outcomes().get(0));
    assertEquals(ItemOutcome.done("SKU-2"), result.outcomes().get(1));
    assertEquals(SquareAdapter.SKU_NOT_FOUND, result.outcomes().get(2).code());
    square.take();
    RecordedRequest r = square.take();
    assertEquals("/v2/inventory/changes/batch-create", r.getPath());
    assertEquals(json("""
        [{"type":"PHYSICAL_COUNT","physical_count":{"catalog_object_id":"V1","location_id":"L1","quantity":"3",
           "state":"IN_STOCK","occurred_at":"2024-06-01T12:00:00Z"}},
         {"type":"PHYSICAL_COUNT","physical_count":{"catalog_object_id":"V2","location_id":"L2","quantity":"0",
           "state":"IN_STOCK","occurred_at":"2024-06-01T12:00:00Z"}}]"""), body(r).path("changes"),
        "only the exact SKU matches, not Square's case-insensitive one");
  }

  @Test
  void aChangeSquareNamesFailsAndTheRestIsSentAgainWithAFreshKey() {
    square.reply(200, TWO_VARIATIONS);
    square.reply(400, """
        {"errors":[{"category":"INVALID_REQUEST_ERROR","code":"NOT_FOUND","detail":"Location L2 not found.",
                    "field":"changes[1].physical_count.location_id"}]}""");
    square.reply(200, "{\"counts\":[]}");

    BatchResult result = square.adapter.updateStock(square.connection(Map.of("location_id", "L1")),
        List.of(StockLevel.of("SKU-1", 3), new StockLevel("SKU-2", 0, "L2")));

    assertEquals(ItemOutcome.done("SKU-1"), result.outcomes().get(0));
    assertEquals(ItemOutcome.failed("SKU-2", "NOT_FOUND", "Location L2 not found. (changes[1].physical_count.location_id)"),
        result.outcomes().get(1));
    square.take();
    JsonNode first = body(square.take());
    JsonNode second = body(square.take());
    assertEquals(1, second.path("changes").size());
    assertEquals("V1", second.path("changes").get(0).path("physical_count").path("catalog_object_id").asText());
    assertNotEquals(first.path("idempotency_key"), second.path("idempotency_key"));
  }

  @Test
  void aThrottleAfterARefusedChangeLeavesTheRestThrottled() {
    square.reply(200, TWO_VARIATIONS);
    square.reply(400, "{\"errors\":[{\"code\":\"INVALID_VALUE\",\"detail\":\"bad\",\"field\":\"changes[0].physical_count.quantity\"}]}");
    square.enqueue(new MockResponse().setResponseCode(429).setHeader("Retry-After", "2")
        .setBody("{\"errors\":[{\"category\":\"RATE_LIMIT_ERROR\",\"code\":\"RATE_LIMITED\"}]}"));

    BatchResult result = square.adapter.updateStock(square.connection(Map.of("location_id", "L1")),
        List.of(StockLevel.of("SKU-1", -3), StockLevel.of("SKU-2", 1)));

    assertEquals(Status.FAILED, result.outcomes().get(0).status());
    assertEquals(Status.THROTTLED, result.outcomes().get(1).status());
    assertEquals("RATE_LIMITED", result.outcomes().get(1).code());
    assertEquals(Duration.ofSeconds(2), result.outcomes().get(1).retryAfter());
  }

  @Test
  void pricesUpsertEachVariationAsReadWithItsNewPriceInItsOwnBatch() {
    square.reply(200, TWO_VARIATIONS);
    square.reply(200, """
        {"objects":[{"type":"ITEM_VARIATION","id":"V1","version":6},{"type":"ITEM_VARIATION","id":"V2","version":8}]}""");

    BatchResult result = square.adapter.updatePrices(connection, List.of(
        new PriceChange("SKU-1", new BigDecimal("12.50"), "USD", new BigDecimal("15.00")),
        PriceChange.of("SKU-2", new BigDecimal("1000"), "JPY")));

    assertEquals(List.of(ItemOutcome.done("SKU-1"), ItemOutcome.done("SKU-2")), result.outcomes());
    square.take();
    JsonNode batches = body(square.take()).path("batches");
    assertEquals(json("""
        [{"objects":[{"type":"ITEM_VARIATION","id":"V1","version":5,"item_variation_data":{"item_id":"I1",
            "name":"Regular","sku":"SKU-1","pricing_type":"FIXED_PRICING","price_money":{"amount":1250,"currency":"USD"},
            "track_inventory":true}}]},
         {"objects":[{"type":"ITEM_VARIATION","id":"V2","version":7,"item_variation_data":{"item_id":"I2",
            "name":"Regular","sku":"SKU-2","pricing_type":"FIXED_PRICING","price_money":{"amount":1000,"currency":"JPY"}}}]}]"""),
        batches);
  }

  @Test
  void aRefusedVariationFailsWithSquaresCodeAndTheOtherIsSaved() {
    square.reply(200, TWO_VARIATIONS);
    square.reply(400, """
        {"objects":[{"type":"ITEM_VARIATION","id":"V1","version":6}],
         "errors":[{"category":"INVALID_REQUEST_ERROR","code":"INVALID_VALUE",
                    "detail":"Currency EUR does not match the merchant currency for object V2."}]}""");

    BatchResult result = square.adapter.updatePrices(connection, List.of(
        PriceChange.of("SKU-1", BigDecimal.TEN, "USD"), PriceChange.of("SKU-2", BigDecimal.TEN, "EUR")));

    assertEquals(ItemOutcome.done("SKU-1"), result.outcomes().get(0));
    assertEquals("INVALID_VALUE", result.outcomes().get(1).code());
    assertEquals(Status.FAILED, result.outcomes().get(1).status());
  }

  @Test
  void aPriceSquareCannotTakeOrAnUnknownSkuFailsWithoutAWrite() {
    square.reply(200, TWO_VARIATIONS);

    BatchResult result = square.adapter.updatePrices(connection, List.of(
        PriceChange.of("SKU-1", new BigDecimal("1.005"), "USD"), PriceChange.of("SKU-2", BigDecimal.ONE, "XXY"),
        PriceChange.of("SKU-9", BigDecimal.ONE, "USD")));

    assertEquals(SquareAdapter.INVALID_PRICE, result.outcomes().get(0).code());
    assertEquals(SquareAdapter.INVALID_PRICE, result.outcomes().get(1).code());
    assertEquals(SquareAdapter.SKU_NOT_FOUND, result.outcomes().get(2).code());
    assertEquals(1, square.server.getRequestCount());
  }
}
