package io.syncfleet.adapters.square;

import static io.syncfleet.adapters.square.SquareFixture.body;
import static io.syncfleet.adapters.square.SquareFixture.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.syncfleet.adapters.Order;
import io.syncfleet.adapters.OrderCursor;
import io.syncfleet.adapters.OrderPage;
import io.syncfleet.adapters.failure.PermanentFailure;
import io.syncfleet.producer.connection.Connection;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Order search: the query, Square's cursor, location groups of 10, SKUs of lines, normalized orders. */
class SquareOrdersTest {
  @RegisterExtension
  final SquareFixture square = new SquareFixture();

  @Test
  void aPullPagesWithSquaresCursorThroughEachLocationGroupAndKeepsTheHighWaterMark() {
    Connection twelve = square.connection(Map.of("location_ids", locations(12)));
    square.reply(200, "{\"orders\":[" + order("O1", "2024-05-10T00:00:00Z") + "],\"cursor\":\"CUR-2\"}");
    square.reply(200, "{\"orders\":[" + order("O2", "2024-05-12T00:00:00Z") + "]}");
    square.reply(200, "{\"orders\":[" + order("O3", "2024-05-11T00:00:00Z") + "]}");

    OrderPage first = square.adapter.fetchOrders(twelve, OrderCursor.START);
    OrderPage second = square.adapter.fetchOrders(twelve, first.next());
    OrderPage third = square.adapter.fetchOrders(twelve, second.next());

    assertTrue(first.hasMore());
    assertEquals("2024-05-02T12:00:00Z|0|2024-05-10T00:00:00Z|CUR-2", first.next().value());
    assertTrue(second.hasMore());
    assertEquals("2024-05-02T12:00:00Z|1|2024-05-12T00:00:00Z|", second.next().value());
    assertFalse(third.hasMore());
    assertEquals("2024-05-12T00:00:00Z", third.next().value(), "the latest change of the whole run");

    JsonNode page1 = body(square.take());
    assertEquals(json("""
        {"location_ids":["L0","L1","L2","L3","L4","L5","L6","L7","L8","L9"],
         "query":{"filter":{"date_time_filter":{"updated_at":{"start_at":"2024-05-02T12:00:00Z"}},
                            "state_filter":{"states":["OPEN","COMPLETED","CANCELED"]}},
                  "sort":{"sort_field":"UPDATED_AT","sort_order":"ASC"}},
         "limit":100}"""), page1);
    JsonNode page2 = body(square.take());
    assertEquals("CUR-2", page2.path("cursor").asText());
    assertEquals(page1.path("query"), page2.path("query"), "a cursor needs the original query");
    JsonNode page3 = body(square.take());
    assertEquals(json("[\"L10\",\"L11\"]"), page3.path("location_ids"));
    assertFalse(page3.has("cursor"));
    assertEquals(3, square.server.getRequestCount(), "orders without catalog lines need no catalog read");
  }

  @Test
  void withoutTheSettingEveryActiveLocationIsSearched() {
    square.reply(200, "{\"locations\":[{\"id\":\"L1\",\"status\":\"ACTIVE\"},{\"id\":\"L2\",\"status\":\"INACTIVE\"}]}");
    square.reply(200, "{}");

    OrderPage page = square.adapter.fetchOrders(square.connection(), new OrderCursor("2024-05-01T00:00:00Z"));

    assertTrue(page.orders().isEmpty());
    assertEquals("2024-05-01T00:00:00Z", page.next().value());
    assertEquals("/v2/locations", square.take().getPath());
    assertEquals(json("[\"L1\"]"), body(square.take()).path("location_ids"));
  }

  @Test
  void normalizesAnOrderNamingEachLinesSkuFromTheCatalog() {
    square.reply(200, """
        {"orders":[{"id":"O9","location_id":"L1","state":"OPEN","created_at":"2024-05-29T08:00:00Z",
          "updated_at":"2024-05-30T10:00:00.123Z","total_money":{"amount":3550,"currency":"USD"},
          "tenders":[{"id":"T1"}],"fulfillments":[{"uid":"F1","state":"COMPLETED"},{"uid":"F2","state":"PROPOSED"}],
          "line_items":[
            {"uid":"a","name":"Tee","variation_name":"M","quantity":"2","catalog_object_id":"V3",
             "base_price_money":{"amount":1500,"currency":"USD"}},
            {"uid":"b","name":"Mug","variation_name":"Regular","quantity":"1","catalog_object_id":"V1",
             "base_price_money":{"amount":550,"currency":"USD"}},
            {"uid":"c","name":"Custom amount","quantity":"1","base_price_money":{"amount":0,"currency":"USD"}}]}]}""");
    square.reply(200, """
        {"objects":[{"type":"ITEM_VARIATION","id":"V3","item_variation_data":{"sku":"TEE-M"}},
                    {"type":"ITEM_VARIATION","id":"V1","is_deleted":true,"item_variation_data":{"sku":"MUG"}}]}""");

    Order order = square.adapter.fetchOrders(square.connection(Map.of("location_ids", "L1")),
        new OrderCursor("2024-05-01T00:00:00Z")).orders().get(0);

    assertEquals(new Order("square", "O9", Order.Status.PARTIALLY_SHIPPED, "OPEN", Instant.parse("2024-05-29T08:00:00Z"),
        Instant.parse("2024-05-30T10:00:00.123Z"), "USD", new BigDecimal("35.50"), List.of(
            new Order.Line("TEE-M", "Tee - M", 2, new BigDecimal("15.00")),
            new Order.Line("MUG", "Mug", 1, new BigDecimal("5.50")),
            new Order.Line(null, "Custom amount", 1, new BigDecimal("0.00")))), order);
    square.take();
    RecordedRequest retrieve = square.take();
    assertEquals("/v2/catalog/batch-retrieve", retrieve.getPath());
    assertEquals(json("{\"object_ids\":[\"V3\",\"V1\"],\"include_deleted_objects\":true}"), body(retrieve));
  }

  @Test
  void statesMapToOurStatuses() {
    assertEquals(Order.Status.CANCELLED, SquareMapper.status(json("{\"state\":\"CANCELED\"}")));
    assertEquals(Order.Status.SHIPPED, SquareMapper.status(json("{\"state\":\"COMPLETED\"}")));
    assertEquals(Order.Status.PAID, SquareMapper.status(json("{\"state\":\"OPEN\",\"tenders\":[{}]}")));
    assertEquals(Order.Status.PENDING, SquareMapper.status(json("{\"state\":\"OPEN\"}")));
    assertEquals(Order.Status.REFUNDED, SquareMapper.status(json(
        "{\"state\":\"COMPLETED\",\"refunds\":[{}],\"net_amounts\":{\"total_money\":{\"amount\":0}}}")));
  }

  @Test
  void aCursorThisAdapterDidNotWriteIsAPermanentFailure() {
    assertEquals("bad_cursor", assertThrows(PermanentFailure.class,
        () -> square.adapter.fetchOrders(square.connection(), new OrderCursor("x|y"))).code());
  }

  private static String locations(int count) {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      ids.add("L" + i);
    }
    return String.join(", ", ids);
  }

  private static String order(String id, String updatedAt) {
    return "{\"id\":\"" + id + "\",\"state\":\"OPEN\",\"created_at\":\"2024-05-01T00:00:00Z\",\"updated_at\":\""
        + updatedAt + "\",\"total_money\":{\"amount\":100,\"currency\":\"USD\"}}";
  }
}
