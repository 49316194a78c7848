package io.syncfleet.adapters.ebay;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.syncfleet.adapters.BatchResult;
import io.syncfleet.adapters.ItemOutcome;
import io.syncfleet.producer.connection.Connection;
import io.syncfleet.producer.job.SkuRef;
import java.util.List;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class EbayDeleteTest {
  @RegisterExtension
  final EbayFixture ebay = new EbayFixture();
  private final Connection connection = ebay.connection();

  @Test
  void deletesEachItemAndCountsAnItemAlreadyGoneAsDone() {
    ebay.token("tok-1");
    ebay.reply(204);
    ebay.reply(404, "{\"errors\":[{\"errorId\":25710,\"message\":\"We didn't find the entity you are requesting.\"}]}");
    ebay.reply(400, "{\"errors\":[{\"errorId\":25702,\"message\":\"The SKU is invalid.\"}]}");
    ebay.reply(500, "{\"errors\":[{\"errorId\":25001,\"message\":\"A system error has occurred.\"}]}");

    BatchResult result = ebay.adapter.deleteListings(connection, List.of(
        new SkuRef("A/B 1"), new SkuRef("SKU-2"), new SkuRef("SKU-3"), new SkuRef("SKU-4")));

    assertEquals(List.of(
        ItemOutcome.done("A/B 1"),
        ItemOutcome.done("SKU-2"),
        ItemOutcome.failed("SKU-3", "25702", "The SKU is invalid."),
        ItemOutcome.retry("SKU-4", "25001", "A system error has occurred.", null)), result.outcomes());
    RecordedRequest first = ebay.takeAfterToken();
    assertEquals("DELETE", first.getMethod());
    assertEquals("/sell/inventory/v1/inventory_item/A%2FB%201", first.getPath(), "the SKU is one path segment");
    assertEquals("Bearer tok-1", first.getHeader("Authorization"));
    RecordedRequest second = ebay.take();
    assertEquals("DELETE /sell/inventory/v1/inventory_item/SKU-2", second.getMethod() + " " + second.getPath());
  }
}
