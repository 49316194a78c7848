package io.syncfleet.adapters.refurbed;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.syncfleet.adapters.BatchResult;
import io.syncfleet.adapters.ItemOutcome;
import io.syncfleet.producer.connection.Connection;
import io.syncfleet.producer.job.PriceChange;
import io.syncfleet.producer.job.SkuRef;
import io.syncfleet.producer.job.StockLevel;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Stock, prices and deletes: one batch call each, one status per entry. */
class RefurbedStockPricesDeleteTest {
  @RegisterExtension
  final RefurbedFixture rf = new RefurbedFixture();
  private final Connection connection = rf.connection();

  @Test
  void setsStockBySkuAndReadsEachEntrysStatus() {
    rf.reply(200, """
        {"results":[{"offer":{"id":"1","stock":4}},
                    {"status":{"code":5,"message":"offer not found"}},
                    {"status":{"code":13,"message":"internal error"}}]}""");

    BatchResult result = rf.adapter.updateStock(connection,
        List.of(StockLevel.of("A", 4), StockLevel.of("B", 0), new StockLevel("C", 2, "warehouse-2")));

    assertEquals(RefurbedFixture.json("""
        {"offers":[{"identifier":{"sku":"A"},"stock":4},{"identifier":{"sku":"B"},"stock":0},
                   {"identifier":{"sku":"C"},"stock":2}]}"""), rf.take("OfferService/BatchUpdateOffers"));
    assertEquals(List.of(ItemOutcome.done("A"), ItemOutcome.failed("B", "NOT_FOUND", "offer not found"),
        ItemOutcome.retry("C", "INTERNAL", "internal error", null)), result.outcomes());
  }

  @Test
  void setsReferencePricesAndKeepsPricesRefurbedCannotTakeOutOfTheCall() {
    rf.reply(200, "{\"results\":[{\"offer\":{\"id\":\"1\"}},{\"offer\":{\"id\":\"3\"}}]}");

    BatchResult result = rf.adapter.updatePrices(connection, List.of(
        new PriceChange("A", new BigDecimal("189.5"), "eur", new BigDecimal("249.00")),
        PriceChange.of("B", new BigDecimal("9.999"), "EUR"),
        PriceChange.of("C", new BigDecimal("20.000"), null)));

    assertEquals(RefurbedFixture.json("""
        {"offers":[{"identifier":{"sku":"A"},"reference_price":"189.50","reference_currency_code":"EUR"},
                   {"identifier":{"sku":"C"},"reference_price":"20.00"}]}"""),
        rf.take("OfferService/BatchUpdateOffers"));
    assertEquals(ItemOutcome.done("A"), result.outcomes().get(0));
    assertEquals(RefurbedAdapter.INVALID_PRICE, result.outcomes().get(1).code());
    assertEquals(ItemOutcome.done("C"), result.outcomes().get(2));
  }

  @Test
  void deletesBySkuAndAnOfferRefurbedDoesNotHaveIsDone() {
    rf.reply(200, "{\"results\":[{},{\"status\":{\"code\":5,\"message\":\"offer not found\"}},"
        + "{\"status\":{\"code\":9,\"message\":\"offer has open orders\"}}]}");

    BatchResult result = rf.adapter.deleteListings(connection,
        List.of(new SkuRef("A"), new SkuRef("GONE"), new SkuRef("BUSY")));

    assertEquals(RefurbedFixture.json("""
        {"offers":[{"identifier":{"sku":"A"}},{"identifier":{"sku":"GONE"}},{"identifier":{"sku":"BUSY"}}]}"""),
        rf.take("OfferService/BatchDeleteOffers"));
    assertEquals(List.of(ItemOutcome.done("A"), ItemOutcome.done("GONE"),
        ItemOutcome.failed("BUSY", "FAILED_PRECONDITION", "offer has open orders")), result.outcomes());
  }

  @Test
  void anEntryTheAnswerLeftOutComesBackForARetry() {
    rf.reply(200, "{\"results\":[{\"offer\":{\"id\":\"1\"}}]}");

    BatchResult result = rf.adapter.updateStock(connection, List.of(StockLevel.of("A", 1), StockLevel.of("B", 1)));

    assertEquals(ItemOutcome.Status.RETRY, result.outcomes().get(1).status());
  }
}
