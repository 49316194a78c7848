package io.syncfleet.demo.sim;

import static io.syncfleet.demo.sim.EbaySimJson.TIMESTAMP;
import static io.syncfleet.demo.sim.EbaySimJson.amount;
import static io.syncfleet.demo.sim.EbaySimJson.errors;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.syncfleet.producer.Json;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The simulated eBay's orders and its getOrders call: a date filter on lastmodifieddate or
 * creationdate (the last 90 days by creation without one), offset paging with {@code total} and
 * {@code next}, oldest change first.
 */
final class EbaySimOrders {
  static final String PATH = "/sell/fulfillment/v1/order";
  private static final int DEFAULT_PAGE = 50;
  private static final int MAX_PAGE = 200;
  private static final Duration DEFAULT_WINDOW = Duration.ofDays(90);
  private static final Comparator<EbaySimOrder> BY_CHANGE =
      Comparator.comparing(EbaySimOrder::lastModifiedAt).thenComparing(EbaySimOrder::orderId);

  private final Map<String, EbaySimOrder> orders = new ConcurrentHashMap<>();
  private final Clock clock;

  EbaySimOrders(Clock clock) {
    this.clock = clock;
  }

  void put(EbaySimOrder order) {
    orders.put(order.orderId(), order);
  }

  List<EbaySimOrder> all() {
    return orders.values().stream().sorted(BY_CHANGE).toList();
  }

  /** Answers {@code GET /sell/fulfillment/v1/order}; {@code baseUrl} goes into href and next. */
  void find(SimExchange ex, String baseUrl) throws IOException {
    int limit;
    int offset;
    try {
      limit = ex.query("limit") == null ? DEFAULT_PAGE : Integer.parseInt(ex.query("limit"));
      offset = ex.query("offset") == null ? 0 : Integer.parseInt(ex.query("offset"));
    } catch (NumberFormatException e) {
      limit = -1;
      offset = -1;
    }
    if (limit < 1 || limit > MAX_PAGE || offset < 0) {
      ex.respond(400, errors(30700, "The limit must be 1 to " + MAX_PAGE + " and the offset a number not below 0."));
      return;
    }
    String filter = ex.query("filter");
    Window window = filter == null ? new Window(true, clock.instant().minus(DEFAULT_WINDOW), null) : Window.parse(filter);
    if (window == null) {
      ex.respond(400, errors(30800, "The filter '" + filter + "' is invalid."));
      return;
    }
    List<EbaySimOrder> matching = orders.values().stream().filter(window::contains).sorted(BY_CHANGE).toList();
    ObjectNode body = Json.MAPPER.createObjectNode();
    body.put("href", url(baseUrl, filter, limit, offset));
    body.put("total", matching.size()).put("limit", limit).put("offset", offset);
    if (offset + limit < matching.size()) {
      body.put("next", url(baseUrl, filter, limit, offset + limit));
    }
    ArrayNode list = body.putArray("orders");
    matching.subList(Math.min(offset, matching.size()), Math.min(offset + limit, matching.size()))
        .forEach(o -> list.add(json(o)));
    ex.respond(200, body);
  }

  private static String url(String baseUrl, String filter, int limit, int offset) {
    String f = filter == null ? "" : "filter=" + URLEncoder.encode(filter, StandardCharsets.UTF_8) + "&";
    return baseUrl + PATH + "?" + f + "limit=" + limit + "&offset=" + offset;
  }

  private static ObjectNode json(EbaySimOrder o) {
    ObjectNode node = Json.MAPPER.createObjectNode()
        .put("orderId", o.orderId())
        .put("creationDate", TIMESTAMP.format(o.createdAt()))
        .put("lastModifiedDate", TIMESTAMP.format(o.lastModifiedAt()))
        .put("orderPaymentStatus", o.payment())
        .put("orderFulfillmentStatus", o.fulfillment());
    node.putObject("cancelStatus").put("cancelState", o.cancelState());
    node.putObject("pricingSummary").set("total", amount(o.total(), o.currency()));
    ArrayNode lines = node.putArray("lineItems");
    int n = 0;
    for (EbaySimOrder.Line line : o.lines()) {
      lines.addObject().put("lineItemId", o.orderId() + "-" + ++n).put("sku", line.sku())
          .put("title", line.title()).put("quantity", line.quantity())
          .set("lineItemCost", amount(line.cost(), o.currency()));
    }
    return node;
  }

  /** A getOrders date filter: {@code lastmodifieddate:[from..to]} or {@code creationdate:[from..]}. */
  private record Window(boolean byCreation, Instant from, Instant to) {
    static Window parse(String filter) {
      int open = filter.indexOf(":[");
      int range = filter.indexOf("..");
      if (open < 0 || range < open || !filter.endsWith("]")) {
        return null;
      }
      String field = filter.substring(0, open);
      if (!field.equals("lastmodifieddate") && !field.equals("creationdate")) {
        return null;
      }
      try {
        String to = filter.substring(range + 2, filter.length() - 1);
        return new Window(field.equals("creationdate"), Instant.parse(filter.substring(open + 2, range)),
            to.isEmpty() ? null : Instant.parse(to));
      } catch (DateTimeParseException e) {
        return null;
      }
    }

    boolean contains(EbaySimOrder o) {
      Instant at = byCreation ? o.createdAt() : o.lastModifiedAt();
      return !at.isBefore(from) && (to == null || !at.isAfter(to));
    }
  }
}
