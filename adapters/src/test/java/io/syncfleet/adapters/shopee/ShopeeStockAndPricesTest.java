package io.syncfleet.adapters.shopee;

import static io.syncfleet.adapters.shopee.ShopeeFixture.body;
import static io.syncfleet.adapters.shopee.ShopeeFixture.json;
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
import okhttp3.HttpUrl;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** SKU lookup, update_stock and update_price per item, and per-model results. */
class ShopeeStockAndPricesTest {
  @RegisterExtension
  final ShopeeFixture shopee = new ShopeeFixture();
  private final Connection connection = shopee.connection();

  @Test
  void findsEachSkuThenSetsStockPerItemAndReadsEachModelsResult() {
    shopee.search(1001);
    shopee.search(2002);
    shopee.search(2002);
    shopee.ok("""
        {"item_list":[
          {"item_id":1001,"item_sku":"SKU-1","has_model":false,"item_status":"NORMAL"},
          {"item_id":2002,"item_sku":"MUG","has_model":true,"item_status":"UNLIST"}]}""");
    shopee.ok(models());
    shopee.ok("{\"success_list\":[{\"model_id\":0,\"stock\":5}],\"failure_list\":[]}");
    shopee.reply(200, """
        {"error":"error_busi_update_stock_failed",
         "message":"Update stock failed, please check failure_list for detailed reason","request_id":"r",
         "response":{"success_list":[{"model_id":31,"stock":7}],
                     "failure_list":[{"model_id":32,"failed_reason":"Total stock must be more than reserved stock."}]}}
        """);

    BatchResult result = shopee.adapter.updateStock(connection, List.of(
        StockLevel.of("SKU-1", 5), StockLevel.of("MUG-RED", 7), StockLevel.of("MUG-BLUE", 0)));

    assertEquals(List.of(ItemOutcome.done("SKU-1"), ItemOutcome.done("MUG-RED"),
        ItemOutcome.failed("MUG-BLUE", "error_busi_update_stock_failed",
            "Total stock must be more than reserved stock.")), result.outcomes());
    assertSearch(shopee.takeShopCall("GET", "/api/v2/product/search_item"), "SKU-1");
    assertSearch(shopee.takeShopCall("GET", "/api/v2/product/search_item"), "MUG-RED");
    assertSearch(shopee.takeShopCall("GET", "/api/v2/product/search_item"), "MUG-BLUE");
    assertEquals("1001,2002", shopee.takeShopCall("GET", "/api/v2/product/get_item_base_info").getRequestUrl()
        .queryParameter("item_id_list"));
    assertEquals("2002", shopee.takeShopCall("GET", "/api/v2/product/get_model_list").getRequestUrl()
        .queryParameter("item_id"));
    assertEquals(json("{\"item_id\":1001,\"stock_list\":[{\"model_id\":0,\"seller_stock\":[{\"stock\":5}]}]}"),
        body(shopee.takeShopCall("POST", "/api/v2/product/update_stock")));
    assertEquals(json("""
        {"item_id":2002,"stock_list":[
          {"model_id":31,"seller_stock":[{"stock":7}]},
          {"model_id":32,"seller_stock":[{"stock":0}]}]}"""),
        body(shopee.takeShopCall("POST", "/api/v2/product/update_stock")));
  }

  @Test
  void foundSkusAreRememberedAndAStockLevelsLocationIsShopeesLocationId() {
    shopee.search(1001);
    shopee.baseInfo(1001, "SKU-1", false, "NORMAL");
    shopee.ok("{\"success_list\":[{\"model_id\":0}],\"failure_list\":[]}");
    shopee.ok("{\"success_list\":[{\"model_id\":0}],\"failure_list\":[]}");
    Connection withWarehouse = shopee.connection(Map.of("location_id", "SGZ"));

    shopee.adapter.updateStock(withWarehouse, List.of(StockLevel.of("SKU-1", 2)));
    BatchResult second = shopee.adapter.updateStock(withWarehouse, List.of(new StockLevel("SKU-1", 3, "SGW2")));

    assertEquals(List.of(ItemOutcome.done("SKU-1")), second.outcomes());
    shopee.take();
    shopee.take();
    assertEquals(json("{\"item_id\":1001,\"stock_list\":[{\"model_id\":0,\"seller_stock\":"
        + "[{\"location_id\":\"SGZ\",\"stock\":2}]}]}"), body(shopee.take()));
    RecordedRequest again = shopee.take();
    assertEquals("/api/v2/product/update_stock", again.getRequestUrl().encodedPath(), "no second lookup");
    assertEquals(json("{\"item_id\":1001,\"stock_list\":[{\"model_id\":0,\"seller_stock\":"
        + "[{\"location_id\":\"SGW2\",\"stock\":3}]}]}"), body(again));
  }

  @Test
  void aSkuTheShopDoesNotHaveYetIsRetriedNotSent() {
    shopee.search();

    BatchResult result = shopee.adapter.updateStock(connection, List.of(StockLevel.of("NEW-1", 4)));

    ItemOutcome outcome = result.outcomes().get(0);
    assertEquals(ItemOutcome.Status.RETRY, outcome.status());
    assertEquals(ShopeeAdapter.SKU_NOT_FOUND, outcome.code());
    assertEquals(1, shopee.server.getRequestCount(), "one search, no update");
  }

  @Test
  void aPassingFaultOfOneModelIsRetriedAndItsIdsLookedUpAgain() {
    shopee.search(1001);
    shopee.baseInfo(1001, "SKU-1", false, "NORMAL");
    shopee.ok("{\"success_list\":[],\"failure_list\":[{\"model_id\":0,\"failed_reason\":"
        + "\"System error, please try again later or contact the OpenAPI support team.\"}]}");
    shopee.search(1001);
    shopee.baseInfo(1001, "SKU-1", false, "NORMAL");
    shopee.ok("{\"success_list\":[{\"model_id\":0}],\"failure_list\":[]}");

    BatchResult first = shopee.adapter.updateStock(connection, List.of(StockLevel.of("SKU-1", 1)));
    BatchResult second = shopee.adapter.updateStock(connection, List.of(StockLevel.of("SKU-1", 1)));

    assertEquals(ItemOutcome.Status.RETRY, first.outcomes().get(0).status());
    assertEquals(List.of(ItemOutcome.done("SKU-1")), second.outcomes());
    assertEquals(6, shopee.server.getRequestCount());
  }

  @Test
  void pricesGoPerItemWithoutTheCompareAtPrice() {
    shopee.search(1001);
    shopee.baseInfo(1001, "SKU-1", false, "NORMAL");
    shopee.ok("{\"success_list\":[{\"model_id\":0,\"original_price\":19.9}],\"failure_list\":[]}");

    BatchResult result = shopee.adapter.updatePrices(connection,
        List.of(new PriceChange("SKU-1", new BigDecimal("19.90"), "SGD", new BigDecimal("25.00"))));

    assertEquals(List.of(ItemOutcome.done("SKU-1")), result.outcomes());
    shopee.take();
    shopee.take();
    assertEquals(json("{\"item_id\":1001,\"price_list\":[{\"model_id\":0,\"original_price\":19.90}]}"),
        body(shopee.takeShopCall("POST", "/api/v2/product/update_price")));
  }

  @Test
  void aPriceTheShopsRegionCannotTakeFailsBeforeAnyUpdate() {
    Connection thai = shopee.connection(Map.of("region", "TH"));
    shopee.search(1002);
    shopee.baseInfo(1002, "SKU-2", false, "NORMAL");
    shopee.ok("{\"success_list\":[{\"model_id\":0}],\"failure_list\":[]}");

    BatchResult result = shopee.adapter.updatePrices(thai, List.of(
        PriceChange.of("SKU-1", new BigDecimal("199.50"), "THB"),
        PriceChange.of("SKU-2", new BigDecimal("200"), "THB"),
        PriceChange.of("SKU-3", new BigDecimal("200"), "SGD")));

    assertEquals(ShopeeAdapter.INVALID_PRICE, result.outcomes().get(0).code());
    assertEquals("Shopee prices in TH are whole numbers", result.outcomes().get(0).message());
    assertEquals(ItemOutcome.done("SKU-2"), result.outcomes().get(1));
    assertEquals("the shop sells in THB, not SGD", result.outcomes().get(2).message());
    assertEquals(3, shopee.server.getRequestCount(), "a lookup and one update, for SKU-2 only");
    assertEquals("SKU-2", shopee.take().getRequestUrl().queryParameter("item_sku"));
  }

  @Test
  void aWholeItemRefusalFailsItsSkus() {
    shopee.search(1001);
    shopee.baseInfo(1001, "SKU-1", false, "NORMAL");
    shopee.error(200, "product.error_cannot_update_price_in_promotion",
        "Price cannot be changed when model is under promotion.");

    BatchResult result = shopee.adapter.updatePrices(connection,
        List.of(PriceChange.of("SKU-1", new BigDecimal("5"), "SGD")));

    assertEquals(List.of(ItemOutcome.failed("SKU-1", "error_cannot_update_price_in_promotion",
        "Price cannot be changed when model is under promotion.")), result.outcomes());
  }

  @Test
  void aBatchOverTheLimitIsRefusedBeforeAnyCall() {
    List<StockLevel> items = new ArrayList<>();
    for (int i = 0; i < 51; i++) {
      items.add(StockLevel.of("SKU-" + i, 1));
    }

    PermanentFailure e = assertThrows(PermanentFailure.class, () -> shopee.adapter.updateStock(connection, items));

    assertEquals("batch_too_large", e.code());
    assertEquals(0, shopee.server.getRequestCount());
  }

  private static void assertSearch(RecordedRequest r, String sku) {
    HttpUrl url = r.getRequestUrl();
    assertEquals(sku, url.queryParameter("item_sku"));
    assertEquals("100", url.queryParameter("page_size"));
    assertEquals(List.of("NORMAL", "UNLIST"), url.queryParameterValues("item_status"));
  }

  private static String models() {
    return """
        {"tier_variation":[{"name":"Color","option_list":[{"option":"Red"},{"option":"Blue"},{"option":"Green"}]}],
         "model":[
           {"model_id":31,"model_sku":"MUG-RED","tier_index":[0]},
           {"model_id":32,"model_sku":"MUG-BLUE","tier_index":[1]},
           {"model_id":33,"model_sku":"MUG-GREEN","tier_index":[2]}]}""";
  }
}
