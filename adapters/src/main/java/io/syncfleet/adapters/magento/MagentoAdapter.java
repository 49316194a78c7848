package io.syncfleet.adapters.magento;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.syncfleet.adapters.BatchLimits;
import io.syncfleet.adapters.BatchResult;
import io.syncfleet.adapters.Capabilities;
import io.syncfleet.adapters.Health;
import io.syncfleet.adapters.ItemOutcome;
import io.syncfleet.adapters.MarketplaceAdapter;
import io.syncfleet.adapters.Order;
import io.syncfleet.adapters.OrderCursor;
import io.syncfleet.adapters.OrderPage;
import io.syncfleet.adapters.Violation;
import io.syncfleet.adapters.failure.AuthenticationFailure;
import io.syncfleet.adapters.failure.PermanentFailure;
import io.syncfleet.adapters.http.HttpResult;
import io.syncfleet.adapters.http.ItemCalls;
import io.syncfleet.adapters.http.MarketplaceHttp;
import io.syncfleet.producer.Json;
import io.syncfleet.producer.connection.Connection;
import io.syncfleet.producer.job.Channels;
import io.syncfleet.producer.job.Listing;
import io.syncfleet.producer.job.Operation;
import io.syncfleet.producer.job.PriceChange;
import io.syncfleet.producer.job.SkuRef;
import io.syncfleet.producer.job.StockLevel;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import okhttp3.HttpUrl;
import okhttp3.Request;

/**
 * Magento 2 / Adobe Commerce through its REST API with an integration's access token. Products are
 * saved by SKU (one call each, create or replace), variant groups become configurable products
 * ({@link MagentoConfigurables}), stock goes to MSI source items per source, prices through base-price
 * storage, and orders are searched by {@code updated_at} with {@code searchCriteria}.
 */
public final class MagentoAdapter implements MarketplaceAdapter {
  /** Item outcome code of a listing that breaks one of {@link #validate}'s rules. */
  public static final String INVALID_LISTING = "INVALID_LISTING";
  /** Item outcome code of a price below zero, which Magento refuses [V code]. */
  public static final String INVALID_PRICE = "INVALID_PRICE";

  private static final Capabilities CAPABILITIES = new Capabilities(Channels.MAGENTO, MagentoApi.RATE_PLANS);

  private final MagentoAuth auth;
  private final MagentoConfigurables configurables;
  private final MagentoSourceItems sourceItems;
  private final Clock clock;

  public MagentoAdapter(MarketplaceHttp http) {
    this.auth = new MagentoAuth(http);
    this.configurables = new MagentoConfigurables(auth);
    this.sourceItems = new MagentoSourceItems(auth);
    this.clock = http.clock();
  }

  @Override
  public String channel() {
    return Channels.MAGENTO.id();
  }

  @Override
  public Capabilities capabilities() {
    return CAPABILITIES;
  }

  @Override
  public List<Violation> validate(Listing listing) {
    return MagentoRules.check(listing);
  }

  /**
   * Saves each listing by SKU, then each variant group's configurable product with its variants
   * linked, then the saved listings' quantities at the connection's source in one call. A listing
   * saved whose group or stock could not be is reported with that failure: a rerun saves it again
   * unchanged and finishes the rest.
   */
  @Override
  public BatchResult upsertListings(Connection c, List<Listing> items) {
    BatchLimits.require(Channels.MAGENTO, Operation.UPSERT_LISTINGS, items.size());
    MagentoSettings s = MagentoSettings.of(c);
    ItemOutcome[] out = new ItemOutcome[items.size()];
    ItemCalls calls = new ItemCalls();
    MagentoConfigurables.Attributes attributes = configurables.attributes();
    Map<String, Map<Long, Map<String, String>>> groups = new LinkedHashMap<>();
    Map<String, List<Integer>> members = new LinkedHashMap<>();
    for (int i = 0; i < items.size(); i++) {
      Listing l = items.get(i);
      List<Violation> violations = MagentoRules.check(l);
      if (!violations.isEmpty()) {
        out[i] = ItemOutcome.failed(l.sku(), INVALID_LISTING,
            violations.stream().map(Violation::toString).collect(Collectors.joining("; ")));
        continue;
      }
      int index = i;
      out[i] = calls.run(l.sku(), () -> {
        Map<String, String> values = l.group() == null ? Map.of() : configurables.optionValues(c, s, l, attributes);
        HttpResult saved = auth.send(c, new Request.Builder().url(s.url(MagentoApi.PRODUCTS, l.sku()))
            .put(MarketplaceHttp.json(MagentoMapper.simpleProduct(l, s, values))).build()).requireSuccess();
        if (l.group() != null) {
          long id = saved.json().path("id").asLong(0);
          if (id == 0) {
            return ItemOutcome.retry(l.sku(), null, "Magento saved the variant but sent no product id to link", null);
          }
          groups.computeIfAbsent(l.group(), g -> new LinkedHashMap<>()).put(id, values);
          members.computeIfAbsent(l.group(), g -> new ArrayList<>()).add(index);
        }
        return ItemOutcome.done(l.sku());
      });
    }
    for (Map.Entry<String, Map<Long, Map<String, String>>> group : groups.entrySet()) {
      List<Integer> indexes = members.get(group.getKey());
      Listing first = items.get(indexes.get(0));
      ItemOutcome linked = calls.run(group.getKey(), () -> {
        configurables.link(c, s, group.getKey(), first, group.getValue(), attributes);
        return ItemOutcome.done(group.getKey());
      });
      indexes.forEach(i -> out[i] = savedBut(out[i], linked, "not linked to its configurable product "
          + group.getKey()));
    }
    List<MagentoSourceItems.Entry> stock = new ArrayList<>();
    List<Integer> stocked = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      Listing l = items.get(i);
      if (out[i].status() == ItemOutcome.Status.DONE && l.quantity() != null) {
        stock.add(new MagentoSourceItems.Entry(l.sku(), s.sourceCode(), l.quantity()));
        stocked.add(i);
      }
    }
    if (!stock.isEmpty()) {
      ItemOutcome[] quantities = new ItemOutcome[stock.size()];
      // Run as one more call of the batch: after a throttle it is not made, and its failure is each item's.
      ItemOutcome whole = calls.run(null, () -> {
        ItemOutcome[] saved = sourceItems.save(c, s, stock);
        System.arraycopy(saved, 0, quantities, 0, saved.length);
        return ItemOutcome.done(null);
      });
      for (int k = 0; k < stocked.size(); k++) {
        int i = stocked.get(k);
        out[i] = savedBut(out[i], quantities[k] != null ? quantities[k] : whole, "its quantity was not");
      }
    }
    return new BatchResult(List.of(out));
  }

  /** The outcome of a listing that was saved, after a second step's {@code step} outcome. */
  private static ItemOutcome savedBut(ItemOutcome saved, ItemOutcome step, String what) {
    if (saved.status() != ItemOutcome.Status.DONE || step.status() == ItemOutcome.Status.DONE) {
      return saved;
    }
    return new ItemOutcome(saved.sku(), step.status(), step.code(), "saved, but " + what + ": " + step.message(),
        step.retryAfter());
  }

  /** Sets each quantity at its stock level's source (the connection's {@code source_code} when none) in one call. */
  @Override
  public BatchResult updateStock(Connection c, List<StockLevel> items) {
    BatchLimits.require(Channels.MAGENTO, Operation.UPDATE_STOCK, items.size());
    MagentoSettings s = MagentoSettings.of(c);
    List<MagentoSourceItems.Entry> entries = new ArrayList<>();
    for (StockLevel level : items) {
      String source = level.location() == null || level.location().isBlank() ? s.sourceCode() : level.location().trim();
      entries.add(new MagentoSourceItems.Entry(level.sku(), source, level.quantity()));
    }
    return new BatchResult(List.of(sourceItems.save(c, s, entries)));
  }

  /**
   * Sets base prices in one call at the connection's price store id (0, all store views, by default).
   * Magento answers the rows it refused; one that names a SKU fails it, one that names none sends
   * every other row back for a retry, since which row it meant is unknown (rows it saved are saved
   * again unchanged). Magento's struck-through price is a dated special price, so a compare-at price
   * is not sent.
   */
  @Override
  public BatchResult updatePrices(Connection c, List<PriceChange> items) {
    BatchLimits.require(Channels.MAGENTO, Operation.UPDATE_PRICES, items.size());
    MagentoSettings s = MagentoSettings.of(c);
    ItemOutcome[] out = new ItemOutcome[items.size()];
    ArrayNode prices = Json.MAPPER.createArrayNode();
    Set<String> sent = new HashSet<>();
    for (int i = 0; i < items.size(); i++) {
      PriceChange change = items.get(i);
      if (change.amount() == null || change.amount().compareTo(BigDecimal.ZERO) < 0) {
        out[i] = ItemOutcome.failed(change.sku(), INVALID_PRICE, "a price of zero or more is required");
      } else {
        prices.add(MagentoMapper.basePrice(change.sku(), change.amount(), s.priceStoreId()));
        sent.add(change.sku());
      }
    }
    if (prices.isEmpty()) {
      return new BatchResult(List.of(out));
    }
    ObjectNode body = Json.MAPPER.createObjectNode().set("prices", prices);
    JsonNode refused = auth.send(c, new Request.Builder().url(s.url(MagentoApi.BASE_PRICES))
        .post(MarketplaceHttp.json(body)).build()).requireSuccess().json();
    Map<String, String> failed = new LinkedHashMap<>();
    List<String> unnamed = new ArrayList<>();
    for (MagentoErrors.Entry entry : MagentoErrors.entries(refused)) {
      entry.sku(sent).ifPresentOrElse(sku -> failed.merge(sku, entry.text(), (a, b) -> a + "; " + b),
          () -> unnamed.add(entry.text()));
    }
    for (int i = 0; i < items.size(); i++) {
      if (out[i] != null) {
        continue;
      }
      String sku = items.get(i).sku();
      if (failed.containsKey(sku)) {
        out[i] = ItemOutcome.failed(sku, null, failed.get(sku));
      } else if (!unnamed.isEmpty()) {
        out[i] = ItemOutcome.retry(sku, null, "Magento refused a price without naming its SKU: "
            + String.join("; ", unnamed), null);
      } else {
        out[i] = ItemOutcome.done(sku);
      }
    }
    return new BatchResult(List.of(out));
  }

  /** Deletes each product by SKU, one call each; a SKU Magento does not have is done. */
  @Override
  public BatchResult deleteListings(Connection c, List<SkuRef> items) {
    BatchLimits.require(Channels.MAGENTO, Operation.DELETE_LISTINGS, items.size());
    MagentoSettings s = MagentoSettings.of(c);
    ItemCalls calls = new ItemCalls();
    List<ItemOutcome> out = new ArrayList<>(items.size());
    for (SkuRef ref : items) {
      out.add(calls.run(ref.sku(), () -> {
        HttpResult r = auth.send(c, new Request.Builder().url(s.url(MagentoApi.PRODUCTS, ref.sku())).delete().build());
        if (r.status() != 404) {
          r.requireSuccess();
        }
        return ItemOutcome.done(ref.sku());
      }));
    }
    return new BatchResult(out);
  }

  /** One page of orders changed since the cursor, oldest change first; see {@link MagentoOrderCursor}. */
  @Override
  public OrderPage fetchOrders(Connection c, OrderCursor since) {
    MagentoSettings s = MagentoSettings.of(c);
    MagentoOrderCursor cursor = MagentoOrderCursor.parse(since, clock);
    String filter = "searchCriteria[filter_groups][0][filters][0]";
    HttpUrl url = s.url(MagentoApi.ORDERS).newBuilder()
        .addQueryParameter(filter + "[field]", "updated_at")
        .addQueryParameter(filter + "[value]", MagentoApi.TIMESTAMP.format(cursor.since()))
        .addQueryParameter(filter + "[condition_type]", "gteq")
        .addQueryParameter("searchCriteria[sortOrders][0][field]", "updated_at")
        .addQueryParameter("searchCriteria[sortOrders][0][direction]", "ASC")
        .addQueryParameter("searchCriteria[pageSize]", String.valueOf(MagentoApi.ORDER_PAGE_SIZE))
        .addQueryParameter("searchCriteria[currentPage]", String.valueOf(cursor.page()))
        .build();
    JsonNode body = auth.send(c, new Request.Builder().url(url).get().build()).requireSuccess().json();
    List<Order> orders = new ArrayList<>();
    Instant last = null;
    for (JsonNode node : body.path("items")) {
      Order order = MagentoMapper.order(node);
      orders.add(order);
      if (order.updatedAt() != null && (last == null || order.updatedAt().isAfter(last))) {
        last = order.updatedAt();
      }
    }
    // Magento answers a page past the end with the last page again [C], so the total decides.
    boolean more = !orders.isEmpty()
        && (long) cursor.page() * MagentoApi.ORDER_PAGE_SIZE < body.path("total_count").asLong(0);
    return new OrderPage(orders, (more ? cursor.next(last) : cursor.finish(last)).encode(), more);
  }

  /** Searches one product, the cheapest call the catalog permission the adapter needs allows. */
  @Override
  public Health testConnection(Connection c) {
    try {
      MagentoSettings s = MagentoSettings.of(c);
      HttpUrl url = s.url(MagentoApi.PRODUCTS).newBuilder()
          .addQueryParameter("searchCriteria[pageSize]", "1")
          .addQueryParameter("fields", "total_count")
          .build();
      auth.send(c, new Request.Builder().url(url).get().build()).requireSuccess();
      return Health.ok(s.rest().host());
    } catch (AuthenticationFailure e) {
      return Health.failed("Magento refused the access token (" + e.getMessage() + "). Check that the integration "
          + "is active with the Catalog, Inventory and Sales resources, and on 2.4.4 or later that Stores > "
          + "Configuration > Services > OAuth > Consumer Settings > \"Allow OAuth Access Tokens to be used as "
          + "standalone Bearer tokens\" is Yes");
    } catch (PermanentFailure e) {
      return Health.failed("Magento connection does not work: " + e.getMessage());
    }
  }

}
