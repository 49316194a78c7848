package io.syncfleet.adapters.prestashop;

import static io.syncfleet.adapters.prestashop.PrestaShopMockShop.field;
import static io.syncfleet.adapters.prestashop.PrestaShopMockShop.sent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.syncfleet.adapters.BatchResult;
import io.syncfleet.adapters.ItemOutcome;
import io.syncfleet.adapters.failure.RateLimitedFailure;
import io.syncfleet.producer.job.PriceChange;
import io.syncfleet.producer.job.SkuRef;
import io.syncfleet.producer.job.StockLevel;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import okhttp3.mockwebserver.MockResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.w3c.dom.Element;

/** Stock through stock_availables, prices by GET and PUT, deletes; SKUs the shop lacks or repeats. */
class PrestaShopStockPricesDeleteTest {
  @RegisterExtension
  final PrestaShopMockShop shop = new PrestaShopMockShop();

  @Test
  void stockIsFoundByProductThenEachRowIsPutBackWithItsNewQuantity() {
    shop.list("products", "{\"id\":42,\"reference\":\"MUG\"}");
    shop.list("combinations", "{\"id\":501,\"id_product\":\"50\",\"reference\":\"TEE-S\"}");
    shop.list("stock_availables",
        "{\"id\":7,\"id_product\":\"42\",\"id_product_attribute\":\"0\",\"id_shop\":\"1\",\"id_shop_group\":\"0\","
            + "\"quantity\":\"3\",\"depends_on_stock\":\"0\",\"out_of_stock\":\"2\",\"location\":\"A-3\"}",
        "{\"id\":71,\"id_product\":\"50\",\"id_product_attribute\":\"501\",\"id_shop\":\"1\",\"id_shop_group\":\"0\","
            + "\"quantity\":\"1\",\"depends_on_stock\":\"0\",\"out_of_stock\":\"0\",\"location\":\"\"}");
    shop.saved("stock_available", 7);
    shop.saved("stock_available", 71);

    BatchResult result = shop.adapter.updateStock(shop.connection(),
        List.of(StockLevel.of("MUG", 8), StockLevel.of("TEE-S", 0), StockLevel.of("GONE", 2)));

    assertEquals(ItemOutcome.done("MUG"), result.outcomes().get(0));
    assertEquals(ItemOutcome.done("TEE-S"), result.outcomes().get(1));
    assertEquals("SKU_NOT_FOUND", result.outcomes().get(2).code());
    assertEquals("[MUG|TEE-S|GONE]", shop.take("GET", "products").getRequestUrl().queryParameter("filter[reference]"));
    shop.take("GET", "combinations");
    assertEquals("[42|50]", shop.take("GET", "stock_availables").getRequestUrl().queryParameter("filter[id_product]"));
    Element mug = sent(shop.take("PUT", "stock_availables/7"));
    assertEquals("8", field(mug, "quantity"));
    assertEquals("A-3", field(mug, "location"), "the rest of the row goes back as it was");
    assertEquals("2", field(mug, "out_of_stock"));
    Element tee = sent(shop.take("PUT", "stock_availables/71"));
    assertEquals("501", field(tee, "id_product_attribute"));
    assertEquals("0", field(tee, "quantity"));
  }

  @Test
  void withSeveralShopsTheShopIdSettingPicksTheRowAndGoesOnEveryCall() {
    String rows = "{\"id\":7,\"id_product\":\"42\",\"id_product_attribute\":\"0\",\"id_shop\":\"1\",\"quantity\":\"3\"},"
        + "{\"id\":8,\"id_product\":\"42\",\"id_product_attribute\":\"0\",\"id_shop\":\"2\",\"quantity\":\"5\"}";
    shop.list("products", "{\"id\":42,\"reference\":\"MUG\"}");
    shop.list("combinations");
    shop.list("stock_availables", rows);
    shop.saved("stock_available", 8);

    BatchResult result = shop.adapter.updateStock(shop.connection(Map.of("shop_id", "2")), List.of(StockLevel.of("MUG", 1)));

    assertEquals(List.of(ItemOutcome.done("MUG")), result.outcomes());
    assertEquals("2", shop.take().getRequestUrl().queryParameter("id_shop"));
    shop.take();
    shop.take();
    assertEquals("2", shop.take("PUT", "stock_availables/8").getRequestUrl().queryParameter("id_shop"));
  }

  @Test
  void withSeveralShopsAndNoShopIdTheItemFailsWithTheFix() {
    shop.list("products", "{\"id\":42,\"reference\":\"MUG\"}");
    shop.list("combinations");
    shop.list("stock_availables", "{\"id\":7,\"id_product\":\"42\",\"id_product_attribute\":\"0\",\"id_shop\":\"1\"}",
        "{\"id\":8,\"id_product\":\"42\",\"id_product_attribute\":\"0\",\"id_shop\":\"2\"}");

    ItemOutcome o = shop.adapter.updateStock(shop.connection(), List.of(StockLevel.of("MUG", 1))).outcomes().get(0);

    assertEquals(ItemOutcome.Status.FAILED, o.status());
    assertEquals("NO_STOCK_ROW", o.code());
    assertEquals(3, shop.server.getRequestCount());
  }

  @Test
  void aThrottledLookupFailsTheWholeJob() {
    shop.enqueue(new MockResponse().setResponseCode(429).setHeader("Retry-After", "4"));

    assertThrows(RateLimitedFailure.class,
        () -> shop.adapter.updateStock(shop.connection(), List.of(StockLevel.of("MUG", 1))));
  }

  @Test
  void aProductsPriceIsSetOnItsDocumentAndACombinationsAsItsDifference() {
    shop.list("products", "{\"id\":42,\"reference\":\"MUG\"}");
    shop.list("combinations", "{\"id\":501,\"id_product\":\"50\",\"reference\":\"TEE-S\"}");
    shop.list("products", "{\"id\":50,\"price\":\"8.000000\"}");
    shop.xml(200, "<prestashop><product><id>42</id><price>10.000000</price><quantity>3</quantity>"
        + "<name><language id=\"1\">Mug</language></name></product></prestashop>");
    shop.saved("product", 42);
    shop.xml(200, "<prestashop><combination><id>501</id><id_product>50</id_product><price>0</price></combination></prestashop>");
    shop.saved("combination", 501);

    BatchResult result = shop.adapter.updatePrices(shop.connection(), List.of(
        new PriceChange("MUG", new BigDecimal("12.50"), "EUR", new BigDecimal("15")),
        PriceChange.of("TEE-S", new BigDecimal("9.5"), "EUR")));

    assertEquals(List.of(ItemOutcome.done("MUG"), ItemOutcome.done("TEE-S")), result.outcomes());
    shop.take();
    shop.take();
    assertEquals("[50]", shop.take("GET", "products").getRequestUrl().queryParameter("filter[id]"));
    shop.take("GET", "products/42");
    Element mug = sent(shop.take("PUT", "products/42"));
    assertEquals("12.50", field(mug, "price"));
    assertEquals(null, PrestaShopXml.find(mug, "quantity"));
    shop.take("GET", "combinations/501");
    assertEquals("1.500000", field(sent(shop.take("PUT", "combinations/501")), "price"));
  }

  @Test
  void deletesRemoveProductsAndCombinationsAndWhatIsGoneIsDone() {
    shop.list("products", "{\"id\":42,\"reference\":\"MUG\"}", "{\"id\":43,\"reference\":\"CUP\"}");
    shop.list("combinations", "{\"id\":501,\"id_product\":\"50\",\"reference\":\"TEE-S\"}");
    shop.json(200, "");
    shop.json(404, "{\"errors\":[{\"code\":87,\"message\":\"Id(s) not exists: 43\"}]}");
    shop.json(200, "");

    BatchResult result = shop.adapter.deleteListings(shop.connection(),
        List.of(new SkuRef("MUG"), new SkuRef("CUP"), new SkuRef("TEE-S"), new SkuRef("NEVER")));

    assertEquals(List.of(ItemOutcome.done("MUG"), ItemOutcome.done("CUP"), ItemOutcome.done("TEE-S"),
        ItemOutcome.done("NEVER")), result.outcomes());
    shop.take();
    shop.take();
    shop.take("DELETE", "products/42");
    shop.take("DELETE", "products/43");
    shop.take("DELETE", "combinations/501");
  }

  @Test
  void aRefusedDeleteFailsWithPrestaShopsCode() {
    shop.list("products", "{\"id\":42,\"reference\":\"MUG\"}");
    shop.list("combinations");
    shop.json(500, "{\"errors\":[{\"code\":88,\"message\":\"Id(s) wasn't deleted: 42\"}]}");

    ItemOutcome o = shop.adapter.deleteListings(shop.connection(), List.of(new SkuRef("MUG"))).outcomes().get(0);

    assertEquals(ItemOutcome.Status.RETRY, o.status(), "a 500 may pass");
    assertEquals("88", o.code());
  }
}
