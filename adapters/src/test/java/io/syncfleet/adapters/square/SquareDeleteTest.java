package io.syncfleet.adapters.square;

import static io.syncfleet.adapters.square.SquareFixture.body;
import static io.syncfleet.adapters.square.SquareFixture.json;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.syncfleet.adapters.BatchResult;
import io.syncfleet.adapters.ItemOutcome;
import io.syncfleet.adapters.ItemOutcome.Status;
import io.syncfleet.producer.job.SkuRef;
import java.util.List;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SquareDeleteTest {
  private static final String FOUND = """
      {"objects":[
        {"type":"ITEM_VARIATION","id":"V1","item_variation_data":{"item_id":"I1","sku":"MUG"}},
        {"type":"ITEM_VARIATION","id":"V2","item_variation_data":{"item_id":"I2","sku":"TEE-S"}},
        {"type":"ITEM_VARIATION","id":"V4","item_variation_data":{"item_id":"I3","sku":"CAP-S"}},
        {"type":"ITEM_VARIATION","id":"V5","item_variation_data":{"item_id":"I3","sku":"CAP-M"}}],
       "related_objects":[
        {"type":"ITEM","id":"I1","item_data":{"variations":[{"id":"V1"}]}},
        {"type":"ITEM","id":"I2","item_data":{"variations":[{"id":"V2"},{"id":"V3"}]}},
        {"type":"ITEM","id":"I3","item_data":{"variations":[{"id":"V4"},{"id":"V5"}]}}]}""";

  @RegisterExtension
  final SquareFixture square = new SquareFixture();

  @Test
  void deletesWholeItemsWhenAllTheirVariationsGoAndSingleVariationsOtherwise() {
    square.reply(200, FOUND);
    square.reply(200, "{\"deleted_object_ids\":[\"I1\",\"V1\",\"V2\",\"I3\",\"V4\",\"V5\"],\"deleted_at\":\"2024-06-01T12:00:00Z\"}");

    BatchResult result = square.adapter.deleteListings(square.connection(), List.of(new SkuRef("MUG"),
        new SkuRef("TEE-S"), new SkuRef("GONE"), new SkuRef("CAP-S"), new SkuRef("CAP-M")));

    assertEquals(List.of(ItemOutcome.done("MUG"), ItemOutcome.done("TEE-S"), ItemOutcome.done("GONE"),
        ItemOutcome.done("CAP-S"), ItemOutcome.done("CAP-M")), result.outcomes());
    square.take();
    RecordedRequest delete = square.take();
    assertEquals("/v2/catalog/batch-delete", delete.getPath());
    assertEquals(json("{\"object_ids\":[\"I1\",\"V2\",\"I3\"]}"), body(delete));
  }

  @Test
  void anObjectSquareDidNotDeleteComesBackForARetry() {
    square.reply(200, FOUND);
    square.reply(200, "{\"deleted_object_ids\":[]}");

    BatchResult result = square.adapter.deleteListings(square.connection(), List.of(new SkuRef("TEE-S")));

    assertEquals(Status.RETRY, result.outcomes().get(0).status());
  }
}
