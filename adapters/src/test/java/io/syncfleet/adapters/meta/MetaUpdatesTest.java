package io.syncfleet.adapters.meta;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.syncfleet.adapters.BatchResult;
import io.syncfleet.adapters.ItemOutcome;
import io.syncfleet.producer.job.PriceChange;
import io.syncfleet.producer.job.SkuRef;
import io.syncfleet.producer.job.StockLevel;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Stock, prices and deletes: one items_batch call each, updating only items the catalog has. */
class MetaUpdatesTest {
  @RegisterExtension
  final MetaFixture meta = new MetaFixture();

  @Test
  void stockSetsTheQuantityAndTheAvailabilityWithoutCreatingItems() {
    meta.accepted("H-1");
    meta.finished("H-1");

    BatchResult result = meta.adapter.updateStock(meta.connection(),
        List.of(StockLevel.of("SKU-1", 4), new StockLevel("SKU-2", 0, "warehouse-2")));

    assertEquals(List.of(ItemOutcome.done("SKU-1"), ItemOutcome.done("SKU-2")), result.outcomes());
    Map<String, String> form = meta.takeBatch();
    assertEquals("false", form.get("allow_upsert"));
    assertEquals(MetaFixture.json("""
        [{"method":"UPDATE","data":{"id":"SKU-1","quantity_to_sell_on_facebook":4,"availability":"in stock"}},
         {"method":"UPDATE","data":{"id":"SKU-2","quantity_to_sell_on_facebook":0,"availability":"out of stock"}}]"""),
        MetaFixture.requests(form));
  }

  @Test
  void aCompareAtPriceBecomesMetasPriceAndThePriceItsSalePrice() {
    meta.accepted("H-2");
    meta.finished("H-2");

    meta.adapter.updatePrices(meta.connection(), List.of(
        new PriceChange("SKU-1", new BigDecimal("9.99"), "EUR", new BigDecimal("14.00")),
        PriceChange.of("SKU-2", new BigDecimal("5"), "USD")));

    JsonNode requests = MetaFixture.requests(meta.takeBatch());
    assertEquals(MetaFixture.json("""
        {"method":"UPDATE","data":{"id":"SKU-1","price":"14.00 EUR","sale_price":"9.99 EUR"}}"""), requests.get(0));
    assertEquals(MetaFixture.json("""
        {"method":"UPDATE","data":{"id":"SKU-2","price":"5 USD","sale_price":""}}"""), requests.get(1));
  }

  @Test
  void anUpdateOfAnItemTheCatalogLacksIsRetriedSinceItsListingMayBeOnItsWay() {
    meta.accepted("H-3");
    meta.status("H-3", "finished", "[{\"line\":1,\"id\":\"SKU-9\",\"message\":\"Item does not exist in catalog.\"}]",
        "[\"SKU-9\"]");

    ItemOutcome outcome = meta.adapter.updateStock(meta.connection(), List.of(StockLevel.of("SKU-9", 1)))
        .outcomes().get(0);

    assertEquals(ItemOutcome.Status.RETRY, outcome.status());
    assertEquals("item_not_found", outcome.code());
  }

  @Test
  void deletesAreDeleteRequestsAndAnItemAlreadyGoneIsDone() {
    meta.accepted("H-4");
    meta.status("H-4", "finished", """
        [{"line":2,"id":"SKU-2","message":"Item does not exist in catalog."},
         {"line":3,"id":"SKU-3","message":"Deletion not allowed for this item."}]""", "[\"SKU-2\",\"SKU-3\"]");

    BatchResult result = meta.adapter.deleteListings(meta.connection(),
        List.of(new SkuRef("SKU-1"), new SkuRef("SKU-2"), new SkuRef("SKU-3")));

    assertEquals(List.of(ItemOutcome.done("SKU-1"), ItemOutcome.done("SKU-2"),
        ItemOutcome.failed("SKU-3", MetaApi.ITEM_REJECTED, "Deletion not allowed for this item.")), result.outcomes());
    Map<String, String> form = meta.takeBatch();
    assertEquals("false", form.get("allow_upsert"));
    assertEquals(MetaFixture.json("{\"method\":\"DELETE\",\"data\":{\"id\":\"SKU-1\"}}"),
        MetaFixture.requests(form).get(0));
  }

  @Test
  void anItemErrorWithItsOwnCodeKeepsIt() {
    meta.accepted("H-5");
    meta.status("H-5", "finished", "[{\"id\":\"SKU-1\",\"code\":\"1798017\",\"message\":\"Price too low.\"}]", "[]");

    ItemOutcome outcome = meta.adapter.updatePrices(meta.connection(),
        List.of(PriceChange.of("SKU-1", new BigDecimal("0.01"), "EUR"))).outcomes().get(0);

    assertEquals(ItemOutcome.failed("SKU-1", "1798017", "Price too low."), outcome);
  }
}
