package io.syncfleet.adapters.woocommerce;

import static io.syncfleet.adapters.woocommerce.WooCommerceMockShop.body;
import static io.syncfleet.adapters.woocommerce.WooCommerceMockShop.json;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.syncfleet.adapters.BatchResult;
import io.syncfleet.adapters.ItemOutcome;
import io.syncfleet.producer.job.PriceChange;
import io.syncfleet.producer.job.SkuRef;
import io.syncfleet.producer.job.StockLevel;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Stock, prices and deletes: one batch per products path, per-item answers, SKUs the shop lacks. */
class WooCommerceStockPricesDeleteTest {
  @RegisterExtension
  final WooCommerceMockShop shop = new WooCommerceMockShop();

  @Test
  void stockGoesToProductsAndToEachVariableProductsVariations() {
    shop.found(WooCommerceMockShop.simple(10, "MUG"), WooCommerceMockShop.variation(21, "TEE-S", 20));
    shop.reply(200, "{\"update\":[{\"id\":10}]}");
    shop.reply(200, "{\"update\":[{\"id\":21}]}");

    BatchResult result = shop.adapter.updateStock(shop.connection(),
        List.of(StockLevel.of("MUG", 7), StockLevel.of("TEE-S", 0), StockLevel.of("GONE", 1)));

    assertEquals(ItemOutcome.done("MUG"), result.outcomes().get(0));
    assertEquals(ItemOutcome.done("TEE-S"), result.outcomes().get(1));
    assertEquals(ItemOutcome.failed("GONE", "SKU_NOT_FOUND", "no product or variation in the shop has SKU 'GONE'"),
        result.outcomes().get(2));
    assertEquals("MUG,TEE-S,GONE", shop.take("GET", "products").getRequestUrl().queryParameter("sku"));
    assertEquals(json("{\"update\":[{\"manage_stock\":true,\"stock_quantity\":7,\"id\":10}]}"),
        body(shop.take("POST", "products/batch")));
    assertEquals(json("{\"update\":[{\"manage_stock\":true,\"stock_quantity\":0,\"id\":21}]}"),
        body(shop.take("POST", "products/20/variations/batch")));
  }

  @Test
  void aStockLevelAtALocationFailsWithoutACallForIt() {
    BatchResult result = shop.adapter.updateStock(shop.connection(), List.of(new StockLevel("MUG", 3, "warehouse-2")));

    assertEquals(ItemOutcome.Status.FAILED, result.outcomes().get(0).status());
    assertEquals("LOCATIONS_UNSUPPORTED", result.outcomes().get(0).code());
    assertEquals(0, shop.server.getRequestCount());
  }

  @Test
  void aCompareAtPriceBecomesTheRegularPriceAndThePriceTheSalePrice() {
    shop.found(WooCommerceMockShop.simple(10, "MUG"), WooCommerceMockShop.simple(11, "CUP"));
    shop.reply(200, "{\"update\":[{\"id\":10},{\"id\":11}]}");

    BatchResult result = shop.adapter.updatePrices(shop.connection(), List.of(
        new PriceChange("MUG", new BigDecimal("14.90"), "EUR", new BigDecimal("19.90")),
        PriceChange.of("CUP", new BigDecimal("5"), "EUR")));

    assertEquals(List.of(ItemOutcome.done("MUG"), ItemOutcome.done("CUP")), result.outcomes());
    shop.take();
    assertEquals(json("""
        {"update":[{"regular_price":"19.90","sale_price":"14.90","id":10},
                   {"regular_price":"5","sale_price":"","id":11}]}"""), body(shop.take("POST", "products/batch")));
  }

  @Test
  void aPerItemRefusalFailsOnlyThatItem() {
    shop.found(WooCommerceMockShop.simple(10, "MUG"), WooCommerceMockShop.simple(11, "CUP"));
    shop.reply(200, """
        {"update":[{"id":10},
          {"id":11,"error":{"code":"rest_invalid_param","message":"Invalid parameter(s): regular_price",
           "data":{"status":400,"params":{"regular_price":"regular_price is not of type string."}}}}]}""");

    BatchResult result = shop.adapter.updatePrices(shop.connection(), List.of(
        PriceChange.of("MUG", new BigDecimal("5"), "EUR"), PriceChange.of("CUP", new BigDecimal("6"), "EUR")));

    assertEquals(ItemOutcome.done("MUG"), result.outcomes().get(0));
    assertEquals(ItemOutcome.failed("CUP", "rest_invalid_param", "Invalid parameter(s): regular_price"),
        result.outcomes().get(1));
  }

  @Test
  void aPassingFaultOfOneEntryIsRetried() {
    shop.found(WooCommerceMockShop.simple(10, "MUG"));
    shop.reply(200, "{\"update\":[{\"id\":10,\"error\":{\"code\":\"woocommerce_rest_cannot_edit\",\"message\":"
        + "\"Database busy\",\"data\":{\"status\":503}}}]}");

    BatchResult result = shop.adapter.updateStock(shop.connection(), List.of(StockLevel.of("MUG", 1)));

    assertEquals(ItemOutcome.Status.RETRY, result.outcomes().get(0).status());
  }

  @Test
  void anEntryTheAnswerLeavesOutIsRetried() {
    shop.found(WooCommerceMockShop.simple(10, "MUG"), WooCommerceMockShop.simple(11, "CUP"));
    shop.reply(200, "{\"update\":[{\"id\":10}]}");

    BatchResult result = shop.adapter.updateStock(shop.connection(),
        List.of(StockLevel.of("MUG", 1), StockLevel.of("CUP", 1)));

    assertEquals(ItemOutcome.done("MUG"), result.outcomes().get(0));
    assertEquals(ItemOutcome.Status.RETRY, result.outcomes().get(1).status());
    assertEquals("NO_ANSWER", result.outcomes().get(1).code());
  }

  @Test
  void deletesAreForGoodAndWhatIsGoneIsDone() {
    shop.found(WooCommerceMockShop.simple(10, "MUG"), WooCommerceMockShop.simple(11, "CUP"),
        WooCommerceMockShop.variation(21, "TEE-S", 20));
    shop.reply(200, """
        {"delete":[{"id":10},{"id":11,"error":{"code":"woocommerce_rest_product_invalid_id","message":"Invalid ID.",
          "data":{"status":404}}}]}""");
    shop.reply(200, "{\"delete\":[{\"id\":21}]}");

    BatchResult result = shop.adapter.deleteListings(shop.connection(),
        List.of(new SkuRef("MUG"), new SkuRef("CUP"), new SkuRef("TEE-S"), new SkuRef("NEVER-THERE")));

    assertEquals(List.of(ItemOutcome.done("MUG"), ItemOutcome.done("CUP"), ItemOutcome.done("TEE-S"),
        ItemOutcome.done("NEVER-THERE")), result.outcomes());
    shop.take();
    assertEquals(json("{\"delete\":[10,11]}"), body(shop.take("POST", "products/batch")));
    assertEquals(json("{\"delete\":[21]}"), body(shop.take("POST", "products/20/variations/batch")));
  }

  @Test
  void aLookupOverSeveralPagesReadsThemAll() {
    shop.page(2, "[" + WooCommerceMockShop.simple(10, "MUG") + "]");
    shop.page(2, "[" + WooCommerceMockShop.simple(11, "CUP") + "]");
    shop.reply(200, "{\"update\":[{\"id\":10},{\"id\":11}]}");

    BatchResult result = shop.adapter.updateStock(shop.connection(),
        List.of(StockLevel.of("MUG", 1), StockLevel.of("CUP", 2)));

    assertEquals(List.of(ItemOutcome.done("MUG"), ItemOutcome.done("CUP")), result.outcomes());
    assertEquals("1", shop.take().getRequestUrl().queryParameter("page"));
    assertEquals("2", shop.take().getRequestUrl().queryParameter("page"));
  }
}
