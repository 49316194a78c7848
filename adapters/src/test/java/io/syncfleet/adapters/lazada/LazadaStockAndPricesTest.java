package io.syncfleet.adapters.lazada;

import static io.syncfleet.adapters.lazada.LazadaFixture.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.syncfleet.adapters.BatchResult;
import io.syncfleet.adapters.ItemOutcome;
import io.syncfleet.adapters.failure.PermanentFailure;
import io.syncfleet.producer.connection.Connection;
import io.syncfleet.producer.job.PriceChange;
import io.syncfleet.producer.job.StockLevel;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** SKU lookup and one price_quantity/update per batch, with per-SKU results from detail[]. */
class LazadaStockAndPricesTest {
  @RegisterExtension
  final LazadaFixture lazada = new LazadaFixture();
  private final Connection connection = lazada.connection();

  @Test
  void looksUpTheSkusThenSetsTheirQuantitiesInOneCall() {
    lazada.products("11:101:A", "12:201:B");
    lazada.ok("{}");

    BatchResult result = lazada.adapter.updateStock(connection, List.of(StockLevel.of("A", 5), StockLevel.of("B", 0)));

    assertEquals(List.of(ItemOutcome.done("A"), ItemOutcome.done("B")), result.outcomes());
    assertEquals(Map.of("filter", "all", "limit", "50", "sku_seller_list", "[\"A\",\"B\"]"),
        lazada.takeCall("GET", "/products/get"));
    Map<String, String> update = lazada.takeCall("POST", "/product/price_quantity/update");
    assertEquals(json("""
        {"Request":{"Product":{"Skus":{"Sku":[
          {"ItemId":"11","SkuId":"101","SellerSku":"A","Quantity":"5"},
          {"ItemId":"12","SkuId":"201","SellerSku":"B","Quantity":"0"}]}}}}"""), json(update.get("payload")));
  }

  @Test
  void skusAreRememberedAndAWarehouseTakesMultiWarehouseQuantities() {
    Connection multi = lazada.connection(Map.of("warehouse_code", "dropshipping"));
    lazada.products("11:101:A");
    lazada.ok("{}");
    lazada.ok("{}");

    lazada.adapter.updateStock(multi, List.of(StockLevel.of("A", 5)));
    lazada.adapter.updateStock(multi, List.of(new StockLevel("A", 7, "WH-2")));

    lazada.take();
    assertEquals(json("""
        {"Request":{"Product":{"Skus":{"Sku":[{"ItemId":"11","SkuId":"101","SellerSku":"A",
          "MultiWarehouseInventories":{"MultiWarehouseInventory":[{"WarehouseCode":"dropshipping","Quantity":"5"}]}}]}}}}"""),
        json(lazada.takeCall("POST", "/product/price_quantity/update").get("payload")));
    assertEquals(json("""
        {"Request":{"Product":{"Skus":{"Sku":[{"ItemId":"11","SkuId":"101","SellerSku":"A",
          "MultiWarehouseInventories":{"MultiWarehouseInventory":[{"WarehouseCode":"WH-2","Quantity":"7"}]}}]}}}}"""),
        json(lazada.takeCall("POST", "/product/price_quantity/update").get("payload")), "no second lookup");
  }

  @Test
  void aCompareAtPriceMakesTheNewPriceASalePrice() {
    lazada.products("11:101:A", "12:201:B");
    lazada.ok("{}");

    lazada.adapter.updatePrices(connection, List.of(
        new PriceChange("A", new BigDecimal("19.90"), "SGD", new BigDecimal("25.00")),
        PriceChange.of("B", new BigDecimal("8.50"), "SGD")));

    lazada.take();
    assertEquals(json("""
        {"Request":{"Product":{"Skus":{"Sku":[
          {"ItemId":"11","SkuId":"101","SellerSku":"A","Price":"25.00","SalePrice":"19.90"},
          {"ItemId":"12","SkuId":"201","SellerSku":"B","Price":"8.50"}]}}}}"""),
        json(lazada.takeCall("POST", "/product/price_quantity/update").get("payload")));
  }

  @Test
  void skusLazadaNamesInDetailFailAndTheOthersAreRetried() {
    lazada.products("11:101:A", "12:201:B");
    lazada.reply(200, """
        {"type":"ISP","code":"501","message":"E501: Update product failed","request_id":"r",
         "detail":[{"field":"Quantity","message":"negative sellable on channel inventory","seller_sku":"B"}]}""");

    BatchResult result = lazada.adapter.updateStock(connection, List.of(StockLevel.of("A", 5), StockLevel.of("B", 1)));

    assertEquals(ItemOutcome.Status.RETRY, result.outcomes().get(0).status());
    assertEquals("501", result.outcomes().get(0).code());
    assertEquals(ItemOutcome.failed("B", "501", "Quantity: negative sellable on channel inventory"),
        result.outcomes().get(1));
  }

  @Test
  void aWholeRefusalWithoutDetailFailsEverySku() {
    lazada.products("11:101:A");
    lazada.error(200, "ISV", "204", "E204: Too many SKU in one request");

    BatchResult result = lazada.adapter.updateStock(connection, List.of(StockLevel.of("A", 5)));

    assertEquals(List.of(ItemOutcome.failed("A", "204", "E204: Too many SKU in one request")), result.outcomes());
  }

  @Test
  void aSkuLazadaDoesNotHaveYetIsRetriedAndAWrongPriceFailsBeforeAnyCall() {
    lazada.ok("{\"total_products\":0,\"products\":[]}");

    BatchResult result = lazada.adapter.updatePrices(connection, List.of(
        PriceChange.of("NEW", new BigDecimal("5"), "SGD"),
        PriceChange.of("A", new BigDecimal("5"), "MYR"),
        PriceChange.of("B", BigDecimal.ZERO, "SGD")));

    assertEquals(LazadaAdapter.SKU_NOT_FOUND, result.outcomes().get(0).code());
    assertEquals(ItemOutcome.Status.RETRY, result.outcomes().get(0).status());
    assertEquals(ItemOutcome.failed("A", LazadaAdapter.INVALID_PRICE, "the seller sells in SGD, not MYR"),
        result.outcomes().get(1));
    assertEquals(LazadaAdapter.INVALID_PRICE, result.outcomes().get(2).code());
    assertEquals("[\"NEW\"]", lazada.takeCall("GET", "/products/get").get("sku_seller_list"));
    assertEquals(1, lazada.server.getRequestCount());
  }

  @Test
  void aBatchOverTheLimitIsRefusedBeforeAnyCall() {
    List<StockLevel> items = new ArrayList<>();
    for (int i = 0; i < 21; i++) {
      items.add(StockLevel.of("SKU-" + i, 1));
    }

    PermanentFailure e = assertThrows(PermanentFailure.class, () -> lazada.adapter.updateStock(connection, items));

    assertEquals("batch_too_large", e.code());
    assertEquals(0, lazada.server.getRequestCount());
  }
}
