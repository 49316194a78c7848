package io.syncfleet.adapters.lazada;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.syncfleet.adapters.BatchResult;
import io.syncfleet.adapters.ItemOutcome;
import io.syncfleet.producer.connection.Connection;
import io.syncfleet.producer.job.SkuRef;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Removing SKUs by Lazada SKU id; SKUs Lazada does not have are done. */
class LazadaDeleteTest {
  @RegisterExtension
  final LazadaFixture lazada = new LazadaFixture();
  private final Connection connection = lazada.connection();

  @Test
  void removesTheSkusLazadaHasByIdAndCountsAbsentOnesAsDone() {
    lazada.products("11:101:A", "12:201:B");
    lazada.ok("{}");

    BatchResult result = lazada.adapter.deleteListings(connection,
        List.of(new SkuRef("A"), new SkuRef("GONE"), new SkuRef("B")));

    assertEquals(List.of(ItemOutcome.done("A"), ItemOutcome.done("GONE"), ItemOutcome.done("B")), result.outcomes());
    lazada.takeCall("GET", "/products/get");
    assertEquals(Map.of("sku_id_list", "[\"SkuId_11_101\",\"SkuId_12_201\"]"),
        lazada.takeCall("POST", "/product/remove"));
  }

  @Test
  void aRefusedRemovalFailsWithLazadasCode() {
    lazada.products("11:101:A");
    lazada.error(200, "ISP", "512", "E512: BIZ_CHECK_MANGROVE_RULE_QC");

    BatchResult result = lazada.adapter.deleteListings(connection, List.of(new SkuRef("A")));

    assertEquals(List.of(ItemOutcome.failed("A", "512", "E512: BIZ_CHECK_MANGROVE_RULE_QC")), result.outcomes());
  }
}
