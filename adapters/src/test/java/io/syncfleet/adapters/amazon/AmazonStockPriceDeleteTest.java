package io.syncfleet.adapters.amazon;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.syncfleet.adapters.BatchResult;
import io.syncfleet.adapters.ItemOutcome;
import io.syncfleet.producer.connection.Connection;
import io.syncfleet.producer.job.PriceChange;
import io.syncfleet.producer.job.SkuRef;
import io.syncfleet.producer.job.StockLevel;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Quantity and price patches and deletes: one Listings Items call per SKU. */
class AmazonStockPriceDeleteTest {
  private static final String PATH = "/listings/2021-08-01/items/A1SELLER/%s?marketplaceIds=A1PA6795UKMFR9";

  @RegisterExtension
  final AmazonFixture amazon = new AmazonFixture();
  private final Connection connection = amazon.connection();

  @Test
  void stockIsAQuantityPatchOfTheMerchantsFulfillmentChannel() {
    amazon.token("tok-1");
    amazon.accepted("SKU-1");
    amazon.accepted("SKU-2");

    BatchResult result = amazon.adapter.updateStock(connection,
        List.of(StockLevel.of("SKU-1", 4), new StockLevel("SKU-2", 0, "WAREHOUSE_B")));

    assertEquals(List.of(ItemOutcome.done("SKU-1"), ItemOutcome.done("SKU-2")), result.outcomes());
    RecordedRequest first = amazon.takeAfterToken();
    assertEquals("PATCH", first.getMethod());
    assertEquals(String.format(PATH, "SKU-1"), first.getPath());
    assertEquals(AmazonFixture.json("""
        {"productType":"PRODUCT","patches":[{"op":"replace","path":"/attributes/fulfillment_availability",
          "value":[{"fulfillment_channel_code":"DEFAULT","quantity":4}]}]}
        """), AmazonFixture.body(first));
    assertEquals("WAREHOUSE_B", AmazonFixture.body(amazon.take()).path("patches").get(0).path("value").get(0)
        .get("fulfillment_channel_code").asText(), "a location names its fulfillment channel");
  }

  @Test
  void theConnectionCanNameAnotherFulfillmentChannel() {
    Connection other = amazon.connection(connection.secrets(), Map.of("fulfillment_channel_code", "MY_SHOP"));
    amazon.token("tok-1");
    amazon.accepted("SKU-1");

    amazon.adapter.updateStock(other, List.of(StockLevel.of("SKU-1", 4)));

    assertEquals("MY_SHOP", AmazonFixture.body(amazon.takeAfterToken()).path("patches").get(0).path("value").get(0)
        .get("fulfillment_channel_code").asText());
  }

  @Test
  void aPriceIsAnOfferPatchAndTheCompareAtPriceTheListPrice() {
    amazon.token("tok-1");
    amazon.accepted("SKU-1");
    amazon.accepted("SKU-2");

    BatchResult result = amazon.adapter.updatePrices(connection, List.of(
        PriceChange.of("SKU-1", new BigDecimal("19.99"), "EUR"),
        new PriceChange("SKU-2", new BigDecimal("9.50"), "EUR", new BigDecimal("12.00"))));

    assertEquals(2, result.withStatus(ItemOutcome.Status.DONE).size());
    RecordedRequest first = amazon.takeAfterToken();
    assertEquals("PATCH", first.getMethod());
    assertEquals(String.format(PATH, "SKU-1"), first.getPath());
    assertEquals(AmazonFixture.json("""
        {"productType":"PRODUCT","patches":[{"op":"replace","path":"/attributes/purchasable_offer",
          "value":[{"marketplace_id":"A1PA6795UKMFR9","currency":"EUR","audience":"ALL",
                    "our_price":[{"schedule":[{"value_with_tax":19.99}]}]}]}]}
        """), AmazonFixture.body(first));
    assertEquals(AmazonFixture.json("""
        {"productType":"PRODUCT","patches":[
          {"op":"replace","path":"/attributes/purchasable_offer",
           "value":[{"marketplace_id":"A1PA6795UKMFR9","currency":"EUR","audience":"ALL",
                     "our_price":[{"schedule":[{"value_with_tax":9.50}]}]}]},
          {"op":"replace","path":"/attributes/list_price",
           "value":[{"marketplace_id":"A1PA6795UKMFR9","currency":"EUR","value":12.00}]}]}
        """), AmazonFixture.body(amazon.take()));
  }

  @Test
  void aPatchForAnUnknownSkuFailsWithAmazonsIssue() {
    amazon.token("tok-1");
    amazon.reply(200, "{\"sku\":\"SKU-9\",\"status\":\"INVALID\",\"submissionId\":\"s\",\"issues\":["
        + "{\"code\":\"4000001\",\"message\":\"The provided SKU does not exist.\",\"severity\":\"ERROR\","
        + "\"categories\":[]}]}");

    BatchResult result = amazon.adapter.updateStock(connection, List.of(StockLevel.of("SKU-9", 1)));

    assertEquals(List.of(ItemOutcome.failed("SKU-9", "4000001", "4000001: The provided SKU does not exist.")),
        result.outcomes());
  }

  @Test
  void aThrottledPatchPostponesItAndTheRestForFree() {
    amazon.token("tok-1");
    amazon.throttled("5");

    BatchResult result = amazon.adapter.updatePrices(connection, List.of(
        PriceChange.of("SKU-1", BigDecimal.ONE, "EUR"), PriceChange.of("SKU-2", BigDecimal.ONE, "EUR")));

    assertEquals(2, result.withStatus(ItemOutcome.Status.THROTTLED).size());
    assertEquals(Duration.ofMillis(200), result.outcomes().get(1).retryAfter());
    assertEquals(2, amazon.server.getRequestCount());
  }

  @Test
  void deletesEachSkuAndCountsAnUnknownOneAsGone() {
    amazon.token("tok-1");
    amazon.accepted("SKU-1");
    amazon.reply(404, "{\"errors\":[{\"code\":\"NotFound\",\"message\":\"Listing not found.\"}]}");

    BatchResult result = amazon.adapter.deleteListings(connection, List.of(new SkuRef("SKU-1"), new SkuRef("A B")));

    assertEquals(List.of(ItemOutcome.done("SKU-1"), ItemOutcome.done("A B")), result.outcomes());
    RecordedRequest first = amazon.takeAfterToken();
    assertEquals("DELETE", first.getMethod());
    assertEquals(String.format(PATH, "SKU-1"), first.getPath());
    assertEquals(0, first.getBodySize());
    assertEquals(String.format(PATH, "A%20B"), amazon.take().getPath());
  }
}
