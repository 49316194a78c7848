package io.syncfleet.adapters.shopee;

import static io.syncfleet.adapters.shopee.ShopeeFixture.body;
import static io.syncfleet.adapters.shopee.ShopeeFixture.json;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.syncfleet.adapters.BatchResult;
import io.syncfleet.adapters.ItemOutcome;
import io.syncfleet.producer.connection.Connection;
import io.syncfleet.producer.job.SkuRef;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Ending listings: items unlisted in one call, single variants deleted, absent SKUs done. */
class ShopeeDeleteTest {
  @RegisterExtension
  final ShopeeFixture shopee = new ShopeeFixture();
  private final Connection connection = shopee.connection();

  @Test
  void itemsAreUnlistedTogetherAndAbsentOrAlreadyUnlistedSkusAreDone() {
    shopee.search(1001);
    shopee.search();
    shopee.search(1003);
    shopee.ok("""
        {"item_list":[
          {"item_id":1001,"item_sku":"A","has_model":false,"item_status":"NORMAL"},
          {"item_id":1003,"item_sku":"C","has_model":false,"item_status":"UNLIST"}]}""");
    shopee.ok("{\"success_list\":[{\"item_id\":1001,\"unlist\":true}],\"failure_list\":[]}");

    BatchResult result = shopee.adapter.deleteListings(connection,
        List.of(new SkuRef("A"), new SkuRef("B"), new SkuRef("C")));

    assertEquals(List.of(ItemOutcome.done("A"), ItemOutcome.done("B"), ItemOutcome.done("C")), result.outcomes());
    for (int i = 0; i < 4; i++) {
      shopee.take();
    }
    assertEquals(json("{\"item_list\":[{\"item_id\":1001,\"unlist\":true}]}"),
        body(shopee.takeShopCall("POST", "/api/v2/product/unlist_item")));
    assertEquals(5, shopee.server.getRequestCount());
  }

  @Test
  void oneVariantIsDeletedButAllOfAnItemsVariantsUnlistTheItem() {
    shopee.search(2002);
    shopee.baseInfo(2002, "MUG", true, "NORMAL");
    shopee.ok(models());
    shopee.ok("{}");
    shopee.search(2002);
    shopee.baseInfo(2002, "MUG", true, "NORMAL");
    shopee.ok(models());
    shopee.ok("{\"success_list\":[{\"item_id\":2002,\"unlist\":true}],\"failure_list\":[]}");

    BatchResult one = shopee.adapter.deleteListings(connection, List.of(new SkuRef("MUG-RED")));
    BatchResult rest = shopee.adapter.deleteListings(connection, List.of(new SkuRef("MUG-BLUE"),
        new SkuRef("MUG-GREEN"), new SkuRef("MUG-RED")));

    assertEquals(List.of(ItemOutcome.done("MUG-RED")), one.outcomes());
    assertEquals(3, rest.outcomes().stream().filter(o -> o.status() == ItemOutcome.Status.DONE).count());
    shopee.take();
    shopee.take();
    shopee.take();
    assertEquals(json("{\"item_id\":2002,\"model_id\":31}"),
        body(shopee.takeShopCall("POST", "/api/v2/product/delete_model")));
    // MUG-RED was forgotten when deleted and is looked up again with the others.
    shopee.take();
    shopee.take();
    shopee.take();
    assertEquals(json("{\"item_list\":[{\"item_id\":2002,\"unlist\":true}]}"),
        body(shopee.takeShopCall("POST", "/api/v2/product/unlist_item")));
  }

  @Test
  void anItemShopeeWillNotUnlistFailsWithItsReason() {
    shopee.search(1001);
    shopee.baseInfo(1001, "A", false, "NORMAL");
    shopee.ok("{\"success_list\":[],\"failure_list\":[{\"item_id\":1001,"
        + "\"failed_reason\":\"Item cannot be unlisted when item is under promotion.\"}]}");

    BatchResult result = shopee.adapter.deleteListings(connection, List.of(new SkuRef("A")));

    assertEquals(List.of(ItemOutcome.failed("A", "failure_list", "Item cannot be unlisted when item is under promotion.")),
        result.outcomes());
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
