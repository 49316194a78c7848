package io.syncfleet.adapters.mirakl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.syncfleet.adapters.BatchResult;
import io.syncfleet.adapters.ItemOutcome;
import io.syncfleet.producer.connection.Connection;
import io.syncfleet.producer.job.PriceChange;
import io.syncfleet.producer.job.SkuRef;
import io.syncfleet.producer.job.StockLevel;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Stock and prices as partial updates, deletes as delete lines; each a file that is safe to send twice. */
class MiraklStockPriceDeleteTest {
  @RegisterExtension
  final MiraklFixture mirakl = new MiraklFixture();

  @Test
  void stockIsAPartialUpdateOfQuantitiesOnly() {
    mirakl.accepted(1);

    mirakl.adapter.updateStock(mirakl.connection(),
        List.of(StockLevel.of("SKU-1", 3), new StockLevel("SKU-2", 0, "warehouse-east")));

    Map<String, MiraklFixture.Part> parts = MiraklFixture.parts(mirakl.take());
    assertEquals("PARTIAL_UPDATE", parts.get("import_mode").text());
    assertEquals("\"sku\";\"quantity\"\n\"SKU-1\";\"3\"\n\"SKU-2\";\"0\"\n", parts.get("file").text());
  }

  @Test
  void aNegativeQuantityIsRefusedBeforeSending() {
    mirakl.accepted(1);

    BatchResult result = mirakl.adapter.updateStock(mirakl.connection(),
        List.of(StockLevel.of("SKU-1", -1), StockLevel.of("SKU-2", 1)));

    assertEquals(ItemOutcome.Status.FAILED, result.outcomes().get(0).status());
    assertEquals("\"sku\";\"quantity\"\n\"SKU-2\";\"1\"\n",
        MiraklFixture.parts(mirakl.take()).get("file").text());
  }

  @Test
  void pricesArePartialUpdatesAndACompareAtBecomesTheDiscount() {
    mirakl.accepted(1);

    mirakl.adapter.updatePrices(mirakl.connection(), List.of(
        PriceChange.of("SKU-1", new BigDecimal("9.99"), "EUR"),
        new PriceChange("SKU-2", new BigDecimal("15.00"), "EUR", new BigDecimal("20.00"))));

    Map<String, MiraklFixture.Part> parts = MiraklFixture.parts(mirakl.take());
    assertEquals("PARTIAL_UPDATE", parts.get("import_mode").text());
    assertEquals("\"sku\";\"price\";\"discount-price\"\n\"SKU-1\";\"9.99\";\"\"\n\"SKU-2\";\"20.00\";\"15.00\"\n",
        parts.get("file").text());
  }

  @Test
  void aPriceInAnotherCurrencyThanTheShopsIsRefused() {
    Connection c = mirakl.connection(Map.of("currency", "eur"));

    ItemOutcome outcome = mirakl.adapter.updatePrices(c,
        List.of(PriceChange.of("SKU-1", new BigDecimal("9.99"), "USD"))).outcomes().get(0);

    assertEquals(ItemOutcome.failed("SKU-1", "mismatch", "currency: this Mirakl shop sells in EUR, not USD"),
        outcome);
    mirakl.noMoreRequests();
  }

  @Test
  void deletesAreDeleteLinesAndAnOfferAlreadyGoneIsDone() {
    Connection c = mirakl.connection();
    mirakl.accepted(5);
    mirakl.adapter.deleteListings(c, List.of(new SkuRef("SKU-1"), new SkuRef("SKU-2"), new SkuRef("SKU-3")));
    Map<String, MiraklFixture.Part> parts = MiraklFixture.parts(mirakl.take());
    assertEquals("NORMAL", parts.get("import_mode").text());
    assertEquals("\"sku\";\"update-delete\"\n\"SKU-1\";\"delete\"\n\"SKU-2\";\"delete\"\n\"SKU-3\";\"delete\"\n",
        parts.get("file").text());

    mirakl.status(5, "COMPLETE", 2);
    mirakl.report("\"sku\";\"update-delete\";\"error-message\"\n"
        + "\"SKU-2\";\"delete\";\"The offer with sku SKU-2 does not exist\"\n"
        + "\"SKU-3\";\"delete\";\"The offer is in a pending order and cannot be deleted\"\n");
    BatchResult result = mirakl.adapter.deleteListings(c,
        List.of(new SkuRef("SKU-1"), new SkuRef("SKU-2"), new SkuRef("SKU-3")));

    assertEquals(List.of(ItemOutcome.done("SKU-1"), ItemOutcome.done("SKU-2"),
        ItemOutcome.failed("SKU-3", MiraklImports.LINE_ERROR, "The offer is in a pending order and cannot be deleted")),
        result.outcomes());
  }

  @Test
  void anotherProcessSendsTheSameFileAgainByteForByte() {
    Connection c = mirakl.connection();
    List<StockLevel> stock = List.of(StockLevel.of("SKU-1", 3));
    mirakl.accepted(1);
    mirakl.adapter.updateStock(c, stock);
    String first = MiraklFixture.parts(mirakl.take()).get("file").text();

    MiraklAdapter otherProcess = new MiraklAdapter(mirakl.http);
    mirakl.accepted(2);
    ItemOutcome outcome = otherProcess.updateStock(c, stock).outcomes().get(0);

    assertEquals(MiraklImports.PENDING, outcome.code());
    assertTrue(outcome.message().contains("import 2"));
    assertEquals(first, MiraklFixture.parts(mirakl.take()).get("file").text());
  }

  @Test
  void aChangedConnectionDoesNotFollowAnImportOfTheOldOne() {
    Connection c = mirakl.connection();
    List<StockLevel> stock = List.of(StockLevel.of("SKU-1", 3));
    mirakl.accepted(1);
    mirakl.adapter.updateStock(c, stock);
    mirakl.take();
    Connection changed = new Connection(c.tenant(), c.channel(), c.environment(), c.settings(), c.secrets(), 2);
    mirakl.accepted(2);

    mirakl.adapter.updateStock(changed, stock);

    assertEquals("POST", mirakl.take().getMethod());
  }
}
