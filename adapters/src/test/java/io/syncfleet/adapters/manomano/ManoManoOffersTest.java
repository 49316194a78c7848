package io.syncfleet.adapters.manomano;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.syncfleet.adapters.BatchResult;
import io.syncfleet.adapters.ItemOutcome;
import io.syncfleet.adapters.failure.AuthenticationFailure;
import io.syncfleet.producer.connection.Connection;
import io.syncfleet.producer.connection.Secrets;
import io.syncfleet.producer.job.PriceChange;
import io.syncfleet.producer.job.StockLevel;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Stock and prices: one offer PATCH per job under the connection's seller contract. */
class ManoManoOffersTest {
  @RegisterExtension
  final ManoManoFixture mm = new ManoManoFixture();
  private final Connection connection = mm.connection();

  @Test
  void patchesStockUnderTheSellerContractAndATakenCallTakesEveryOffer() {
    mm.reply(200, "{\"content\":[]}");

    BatchResult result = mm.adapter.updateStock(connection,
        List.of(StockLevel.of("DRILL-1", 5), new StockLevel("SAW-2", 0, "wh-2"), new StockLevel("BAD", null, null)));

    RecordedRequest r = mm.take();
    assertEquals("PATCH", r.getMethod());
    assertEquals("/api/v2/offer-information/offers", r.getPath());
    assertEquals(ManoManoFixture.json("""
        {"content":[{"seller_contract_id":3497732,"items":[
          {"sku":"DRILL-1","stock":{"quantity":5}},{"sku":"SAW-2","stock":{"quantity":0}}]}]}"""),
        ManoManoFixture.json(r.getBody().readUtf8()));
    assertEquals(List.of(ItemOutcome.done("DRILL-1"), ItemOutcome.done("SAW-2"),
        ItemOutcome.failed("BAD", ManoManoAdapter.INVALID_QUANTITY, "a quantity of zero or more is required")),
        result.outcomes());
  }

  @Test
  void patchesPricesVatIncludedAsNumbers() {
    mm.reply(200, "{}");

    BatchResult result = mm.adapter.updatePrices(connection, List.of(
        new PriceChange("DRILL-1", new BigDecimal("19.90"), "EUR", new BigDecimal("24.90")),
        PriceChange.of("FREE", BigDecimal.ZERO, "EUR")));

    assertEquals("{\"content\":[{\"seller_contract_id\":3497732,\"items\":[{\"sku\":\"DRILL-1\","
        + "\"price\":{\"price_vat_included\":19.90}}]}]}", mm.take().getBody().readUtf8());
    assertEquals(ItemOutcome.done("DRILL-1"), result.outcomes().get(0));
    assertEquals(ManoManoAdapter.INVALID_PRICE, result.outcomes().get(1).code());
  }

  @Test
  void eachOfferManoManoReportsOnGetsItsOwnOutcome() {
    mm.reply(200, """
        {"content":[
          {"sku":"A","response":{"status":200,"reason_phrase":"OK"}},
          {"sku":"B","response":{"status":400,"reason_phrase":"Bad Request"},
           "errors":[{"code":"INVALID_ECO_PARTICIPATION","message":"eco_participation is required"}]},
          {"sku":"C","status":"ERROR","errors":[{"code":"NO_CONTENT_APPROVED","message":"product not approved"}]},
          {"sku":"D","status":503,"message":"try later"}]}""");

    BatchResult result = mm.adapter.updateStock(connection, List.of(StockLevel.of("A", 1), StockLevel.of("B", 1),
        StockLevel.of("C", 1), StockLevel.of("D", 1)));

    assertEquals(List.of(ItemOutcome.done("A"),
        ItemOutcome.failed("B", "INVALID_ECO_PARTICIPATION", "eco_participation is required"),
        ItemOutcome.failed("C", "NO_CONTENT_APPROVED", "product not approved"),
        ItemOutcome.retry("D", "HTTP 503", "try later", null)), result.outcomes());
  }

  @Test
  void aRefusedCallWithoutPerOfferResultsFailsEveryOfferWithManoManosCode() {
    mm.reply(400, "{\"errors\":[{\"code\":\"ERR_1405\",\"message\":\"maximum 20 offers per request\"}]}");

    BatchResult result = mm.adapter.updateStock(connection, List.of(StockLevel.of("A", 1), StockLevel.of("B", 2)));

    assertEquals(List.of(ItemOutcome.failed("A", "ERR_1405", "maximum 20 offers per request"),
        ItemOutcome.failed("B", "ERR_1405", "maximum 20 offers per request")), result.outcomes());
  }

  @Test
  void aRefusedCallThatNamesSomeOffersRetriesTheOthers() {
    mm.reply(422, "{\"content\":[{\"sku\":\"A\",\"status\":422,\"errors\":[{\"code\":\"PRICE_TOO_LOW\","
        + "\"message\":\"price below minimum\"}]}]}");

    BatchResult result = mm.adapter.updatePrices(connection, List.of(PriceChange.of("A", BigDecimal.ONE, "EUR"),
        PriceChange.of("B", BigDecimal.TEN, "EUR")));

    assertEquals(ItemOutcome.failed("A", "PRICE_TOO_LOW", "price below minimum"), result.outcomes().get(0));
    assertEquals(ItemOutcome.Status.RETRY, result.outcomes().get(1).status());
  }

  @Test
  void aConnectionWithoutANumericContractPausesBeforeAnyCall() {
    Connection country = mm.connection(Map.of("seller_contract_id", "FR"), Secrets.of(Map.of("api_key", "k")));

    AuthenticationFailure e = assertThrows(AuthenticationFailure.class,
        () -> mm.adapter.updateStock(country, List.of(StockLevel.of("A", 1))));

    assertEquals("invalid_setting", e.code());
    assertEquals(0, mm.server.getRequestCount());
  }

  @Test
  void theIntegrationNameCanBeSet() throws InterruptedException {
    mm.reply(200, "{}");

    mm.adapter.updateStock(mm.connection(Map.of("thirdparty_name", "Acme_2"),
        Secrets.of(Map.of("api_key", ManoManoFixture.API_KEY))), List.of(StockLevel.of("A", 1)));

    assertEquals("Acme_2", mm.server.takeRequest().getHeader("x-thirdparty-name"));
  }
}
