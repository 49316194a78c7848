package io.syncfleet.adapters.prestashop;

import static io.syncfleet.adapters.prestashop.PrestaShopMockShop.field;
import static io.syncfleet.adapters.prestashop.PrestaShopMockShop.language;
import static io.syncfleet.adapters.prestashop.PrestaShopMockShop.sent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.syncfleet.adapters.BatchResult;
import io.syncfleet.adapters.ItemOutcome;
import io.syncfleet.producer.job.Listing;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import okhttp3.HttpUrl;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.w3c.dom.Element;

/** Upserts: new and existing products, combinations with their attributes, stock, per-item errors. */
class PrestaShopListingsTest {
  private static final String STOCK_ROW = "{\"id\":%d,\"id_product\":\"%d\",\"id_product_attribute\":\"%d\","
      + "\"id_shop\":\"1\",\"id_shop_group\":\"0\",\"quantity\":\"0\",\"depends_on_stock\":\"0\",\"out_of_stock\":\"2\","
      + "\"location\":\"\"}";
  private static final String EXISTING_MUG = """
      <?xml version="1.0" encoding="UTF-8"?>
      <prestashop xmlns:xlink="http://www.w3.org/1999/xlink">
      <product>
        <id><![CDATA[42]]></id>
        <manufacturer_name notFilterable="true"><![CDATA[Acme]]></manufacturer_name>
        <quantity notFilterable="true"><![CDATA[3]]></quantity>
        <reference><![CDATA[SKU-1]]></reference>
        <price><![CDATA[10.000000]]></price>
        <id_category_default xlink:href="http://shop/api/categories/2"><![CDATA[2]]></id_category_default>
        <position_in_category><![CDATA[4]]></position_in_category>
        <name><language id="1"><![CDATA[Old mug]]></language><language id="2"><![CDATA[Alte Tasse]]></language></name>
        <link_rewrite><language id="1"><![CDATA[old-mug]]></language><language id="2"><![CDATA[alte-tasse]]></language></link_rewrite>
        <associations>
          <categories nodeType="category" api="categories">
            <category xlink:href="http://shop/api/categories/2"><id><![CDATA[2]]></id></category>
          </categories>
        </associations>
      </product>
      </prestashop>""";

  @RegisterExtension
  final PrestaShopMockShop shop = new PrestaShopMockShop();

  @Test
  void aNewSkuBecomesAnActiveProductInEveryLanguageWithItsStock() {
    shop.list("products");
    shop.list("combinations");
    shop.list("languages", "{\"id\":1}", "{\"id\":2}");
    shop.created("product", 42);
    shop.list("stock_availables", String.format(STOCK_ROW, 7, 42, 0));
    shop.saved("stock_available", 7);

    BatchResult result = shop.adapter.upsertListings(shop.connection(), List.of(mug()));

    assertEquals(List.of(ItemOutcome.done("SKU-1")), result.outcomes());
    HttpUrl lookup = shop.take("GET", "products").getRequestUrl();
    assertEquals("JSON", lookup.queryParameter("output_format"));
    assertEquals("[id,reference]", lookup.queryParameter("display"));
    assertEquals("[SKU-1]", lookup.queryParameter("filter[reference]"));
    assertEquals("[id,id_product,reference]", shop.take("GET", "combinations").getRequestUrl().queryParameter("display"));
    assertEquals("[1]", shop.take("GET", "languages").getRequestUrl().queryParameter("filter[active]"));
    RecordedRequest post = shop.take("POST", "products");
    assertTrue(post.getHeader("Content-Type").startsWith("application/xml"));
    Element p = sent(post);
    assertEquals("SKU-1", field(p, "reference"));
    assertEquals("19.99", field(p, "price"));
    assertEquals("1", field(p, "active"));
    assertEquals("1", field(p, "state"));
    assertEquals("both", field(p, "visibility"));
    assertEquals("15", field(p, "id_category_default"));
    assertEquals("new", field(p, "condition"));
    assertEquals("4006381333931", field(p, "ean13"));
    assertEquals("MUG-R", field(p, "mpn"));
    assertEquals("Red mug", language(p, "name", "1"));
    assertEquals("Red mug", language(p, "name", "2"));
    assertEquals("red-mug", language(p, "link_rewrite", "2"));
    assertEquals("A <b>mug</b>", language(p, "description", "1"));
    assertEquals(List.of("15"), PrestaShopXml.associationIds(p, "categories"));
    assertEquals("[42]", shop.take("GET", "stock_availables").getRequestUrl().queryParameter("filter[id_product]"));
    Element stock = sent(shop.take("PUT", "stock_availables/7"));
    assertEquals("5", field(stock, "quantity"));
    assertEquals("7", field(stock, "id"));
    assertEquals("42", field(stock, "id_product"));
    assertEquals("0", field(stock, "id_product_attribute"));
    assertEquals("2", field(stock, "out_of_stock"));
  }

  @Test
  void anExistingProductIsReadAndPutBackWholeWithoutTheFieldsPrestaShopRefuses() {
    shop.list("products", "{\"id\":42,\"reference\":\"SKU-1\"}");
    shop.list("combinations");
    shop.xml(200, EXISTING_MUG);
    shop.saved("product", 42);
    shop.list("stock_availables", String.format(STOCK_ROW, 7, 42, 0));
    shop.saved("stock_available", 7);

    BatchResult result = shop.adapter.upsertListings(shop.connection(), List.of(mug()));

    assertEquals(List.of(ItemOutcome.done("SKU-1")), result.outcomes());
    shop.take();
    shop.take();
    assertNull(shop.take("GET", "products/42").getRequestUrl().queryParameter("output_format"), "read as XML");
    Element p = sent(shop.take("PUT", "products/42"));
    assertEquals("42", field(p, "id"));
    assertEquals("19.99", field(p, "price"));
    assertEquals("Red mug", language(p, "name", "1"));
    assertEquals("Red mug", language(p, "name", "2"));
    assertEquals("old-mug", language(p, "link_rewrite", "1"), "the product's URL stays");
    assertEquals("15", field(p, "id_category_default"));
    assertEquals(List.of("2", "15"), PrestaShopXml.associationIds(p, "categories"));
    assertNull(PrestaShopXml.find(p, "manufacturer_name"));
    assertNull(PrestaShopXml.find(p, "quantity"));
    assertNull(PrestaShopXml.find(p, "position_in_category"));
    shop.take("GET", "stock_availables");
    shop.take("PUT", "stock_availables/7");
  }

  @Test
  void withALanguageSetOnlyThatLanguagesTextsChange() {
    shop.list("products", "{\"id\":42,\"reference\":\"SKU-1\"}");
    shop.list("combinations");
    shop.xml(200, EXISTING_MUG);
    shop.saved("product", 42);

    BatchResult result = shop.adapter.upsertListings(shop.connection(Map.of("language_id", "2")),
        List.of(noStock(mug())));

    assertEquals(List.of(ItemOutcome.done("SKU-1")), result.outcomes());
    shop.take();
    shop.take();
    shop.take();
    Element p = sent(shop.take("PUT", "products/42"));
    assertEquals("Old mug", language(p, "name", "1"));
    assertEquals("Red mug", language(p, "name", "2"));
    assertEquals(4, shop.server.getRequestCount());
  }

  @Test
  void aVariantGroupBecomesAProductWithCombinationsAndTheAttributesTheyNeed() {
    shop.list("products");
    shop.list("combinations");
    shop.list("languages", "{\"id\":1}");
    shop.created("product", 50);
    shop.list("product_options", "{\"id\":1,\"name\":\"Size\"}");
    shop.list("product_option_values", "{\"id\":10,\"id_attribute_group\":\"1\",\"name\":\"S\"}");
    shop.created("combination", 501);
    shop.created("product_option_value", 11);
    shop.created("combination", 502);
    shop.list("stock_availables", String.format(STOCK_ROW, 70, 50, 0), String.format(STOCK_ROW, 71, 50, 501),
        String.format(STOCK_ROW, 72, 50, 502));
    shop.saved("stock_available", 71);
    shop.saved("stock_available", 72);

    BatchResult result = shop.adapter.upsertListings(shop.connection(),
        List.of(tee("TEE-S", "S", "10", 3), tee("TEE-M", "M", "12", 4)));

    assertEquals(List.of(ItemOutcome.done("TEE-S"), ItemOutcome.done("TEE-M")), result.outcomes());
    assertEquals("[TEE-S|TEE|TEE-M]", shop.take("GET", "products").getRequestUrl().queryParameter("filter[reference]"));
    shop.take("GET", "combinations");
    shop.take("GET", "languages");
    Element product = sent(shop.take("POST", "products"));
    assertEquals("TEE", field(product, "reference"));
    assertEquals("10", field(product, "price"), "the group's lowest price is the base");
    assertEquals("Tee", language(product, "name", "1"));
    shop.take("GET", "product_options");
    assertEquals("[1]", shop.take("GET", "product_option_values").getRequestUrl().queryParameter("filter[id_attribute_group]"));
    Element small = sent(shop.take("POST", "combinations"));
    assertEquals("50", field(small, "id_product"));
    assertEquals("TEE-S", field(small, "reference"));
    assertEquals("0", field(small, "price"));
    assertEquals(List.of("10"), PrestaShopXml.associationIds(small, "product_option_values"));
    Element value = sent(shop.take("POST", "product_option_values"));
    assertEquals("1", field(value, "id_attribute_group"));
    assertEquals("M", language(value, "name", "1"));
    Element medium = sent(shop.take("POST", "combinations"));
    assertEquals("2", field(medium, "price"), "12 on a base of 10");
    assertEquals(List.of("11"), PrestaShopXml.associationIds(medium, "product_option_values"));
    shop.take("GET", "stock_availables");
    assertEquals("3", field(sent(shop.take("PUT", "stock_availables/71")), "quantity"));
    assertEquals("4", field(sent(shop.take("PUT", "stock_availables/72")), "quantity"));
  }

  @Test
  void anExistingCombinationIsUpdatedAgainstItsProductsBasePrice() {
    shop.list("products", "{\"id\":50,\"reference\":\"TEE\"}");
    shop.list("combinations", "{\"id\":501,\"id_product\":\"50\",\"reference\":\"TEE-S\"}");
    shop.xml(200, "<prestashop><product><id>50</id><price>8.000000</price><name><language id=\"1\">Tee</language>"
        + "</name></product></prestashop>");
    shop.saved("product", 50);
    shop.list("languages", "{\"id\":1}");
    shop.list("product_options", "{\"id\":1,\"name\":[{\"id\":\"1\",\"value\":\"Size\"},{\"id\":\"2\",\"value\":\"Größe\"}]}");
    shop.list("product_option_values", "{\"id\":10,\"id_attribute_group\":\"1\",\"name\":\"s\"}");
    shop.xml(200, "<prestashop><combination><id>501</id><id_product>50</id_product><reference>TEE-S</reference>"
        + "<price>0</price><minimal_quantity>1</minimal_quantity></combination></prestashop>");
    shop.saved("combination", 501);

    BatchResult result = shop.adapter.upsertListings(shop.connection(), List.of(tee("TEE-S", "S", "10", null)));

    assertEquals(List.of(ItemOutcome.done("TEE-S")), result.outcomes());
    shop.take();
    shop.take();
    shop.take("GET", "products/50");
    Element product = sent(shop.take("PUT", "products/50"));
    assertEquals("8.000000", field(product, "price"), "the base price stays");
    shop.take("GET", "languages");
    shop.take("GET", "product_options");
    shop.take("GET", "product_option_values");
    shop.take("GET", "combinations/501");
    Element combination = sent(shop.take("PUT", "combinations/501"));
    assertEquals("2.000000", field(combination, "price"));
    assertEquals(List.of("10"), PrestaShopXml.associationIds(combination, "product_option_values"));
    assertEquals(9, shop.server.getRequestCount(), "no stock call without a quantity");
  }

  @Test
  void aReferenceOnSeveralProductsOrOnACombinationIsRefused() {
    shop.list("products", "{\"id\":42,\"reference\":\"SKU-1\"}", "{\"id\":43,\"reference\":\"SKU-1\"}");
    shop.list("combinations", "{\"id\":9,\"id_product\":\"5\",\"reference\":\"SKU-2\"}");

    BatchResult result = shop.adapter.upsertListings(shop.connection(), List.of(mug(), mug("SKU-2")));

    assertEquals("SKU_AMBIGUOUS", result.outcomes().get(0).code());
    assertTrue(result.outcomes().get(0).message().contains("42, 43"), result.outcomes().get(0).message());
    assertEquals("SKU_CONFLICT", result.outcomes().get(1).code());
    assertEquals(2, shop.server.getRequestCount());
  }

  @Test
  void aRefusedProductFailsWithPrestaShopsCodeAndTheNextOneIsStillSaved() {
    shop.list("products");
    shop.list("combinations");
    shop.list("languages", "{\"id\":1}");
    shop.json(400, "{\"errors\":[{\"code\":85,\"message\":\"Validation error: \\\"Property Product->ean13 is not "
        + "valid\\\".\"}]}");
    shop.created("product", 43);

    BatchResult result = shop.adapter.upsertListings(shop.connection(),
        List.of(mug().withImages(List.of()), noStock(mug("SKU-2"))));

    assertEquals(ItemOutcome.failed("SKU-1", "85", "Validation error: \"Property Product->ean13 is not valid\"."),
        result.outcomes().get(0));
    assertEquals(ItemOutcome.done("SKU-2"), result.outcomes().get(1));
  }

  @Test
  void aThrottleKeepsWhatIsDoneAndDefersTheRestWithoutFurtherCalls() {
    shop.list("products");
    shop.list("combinations");
    shop.list("languages", "{\"id\":1}");
    shop.created("product", 42);
    shop.enqueue(new MockResponse().setResponseCode(429).setHeader("Retry-After", "9"));

    BatchResult result = shop.adapter.upsertListings(shop.connection(),
        List.of(noStock(mug("A")), noStock(mug("B")), noStock(mug("C"))));

    assertEquals(ItemOutcome.done("A"), result.outcomes().get(0));
    for (ItemOutcome deferred : result.outcomes().subList(1, 3)) {
      assertEquals(ItemOutcome.Status.THROTTLED, deferred.status());
      assertEquals(Duration.ofSeconds(9), deferred.retryAfter());
    }
    assertEquals(5, shop.server.getRequestCount());
  }

  @Test
  void aBrokenListingFailsWithoutAnyCall() {
    BatchResult result = shop.adapter.upsertListings(shop.connection(),
        List.of(Listing.of("SKU|1", "Mug", new BigDecimal("1"), "EUR", 1)));

    assertEquals("INVALID_LISTING", result.outcomes().get(0).code());
    assertEquals(0, shop.server.getRequestCount());
  }

  private static Listing mug() {
    return mug("SKU-1");
  }

  private static Listing mug(String sku) {
    return new Listing(sku, "Red mug", "A <b>mug</b>", "Acme", "MUG-R", "4006381333931", Listing.Condition.NEW,
        new BigDecimal("19.99"), "EUR", 5, List.of(), "15", Map.of(), null, Map.of());
  }

  private static Listing noStock(Listing l) {
    return new Listing(l.sku(), l.title(), l.description(), l.brand(), l.mpn(), l.gtin(), l.condition(), l.price(),
        l.currency(), null, l.imageUrls(), l.categoryId(), l.attributes(), l.group(), l.options());
  }

  private static Listing tee(String sku, String size, String price, Integer quantity) {
    return new Listing(sku, "Tee", null, null, null, null, Listing.Condition.NEW, new BigDecimal(price), "EUR",
        quantity, List.of(), null, Map.of(), "TEE", Map.of("Size", size));
  }
}
