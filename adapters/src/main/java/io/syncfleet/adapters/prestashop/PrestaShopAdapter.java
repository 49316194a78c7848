package io.syncfleet.adapters.prestashop;

import com.fasterxml.jackson.databind.JsonNode;
import io.syncfleet.adapters.BatchLimits;
import io.syncfleet.adapters.BatchResult;
import io.syncfleet.adapters.Capabilities;
import io.syncfleet.adapters.Health;
import io.syncfleet.adapters.ItemOutcome;
import io.syncfleet.adapters.MarketplaceAdapter;
import io.syncfleet.adapters.OrderCursor;
import io.syncfleet.adapters.OrderPage;
import io.syncfleet.adapters.Violation;
import io.syncfleet.adapters.failure.AuthenticationFailure;
import io.syncfleet.adapters.failure.PermanentFailure;
import io.syncfleet.adapters.http.HttpResult;
import io.syncfleet.adapters.http.MarketplaceHttp;
import io.syncfleet.producer.connection.Connection;
import io.syncfleet.producer.job.Channels;
import io.syncfleet.producer.job.Item;
import io.syncfleet.producer.job.Listing;
import io.syncfleet.producer.job.Operation;
import io.syncfleet.producer.job.PriceChange;
import io.syncfleet.producer.job.SkuRef;
import io.syncfleet.producer.job.StockLevel;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * PrestaShop through its Webservice. Connection: secret {@code webservice_key}; setting
 * {@code store_url}, the shop's address, and optionally {@code shop_id} (multistore),
 * {@code language_id} (write texts in that language only), {@code category_id} and
 * {@code tax_rules_group_id} (for new products) and {@code timezone} (the shop's, for order dates).
 *
 * <p>A SKU is a product's or a combination's reference, found with one list call per job; writes go
 * one item at a time, each read back as XML and PUT whole where PrestaShop needs that. Upserts are
 * {@link PrestaShopUpsert}, order pulls {@link PrestaShopOrders}.
 */
public final class PrestaShopAdapter implements MarketplaceAdapter {
  private static final Capabilities CAPABILITIES = new Capabilities(Channels.PRESTASHOP, PrestaShopApi.RATE_PLANS);

  private final PrestaShopClient client;
  private final PrestaShopCatalog catalog;
  private final PrestaShopStock stock;
  private final PrestaShopUpsert upsert;
  private final PrestaShopOrders orders;

  public PrestaShopAdapter(MarketplaceHttp http) {
    this.client = new PrestaShopClient(http);
    this.catalog = new PrestaShopCatalog(client);
    this.stock = new PrestaShopStock(client);
    this.upsert = new PrestaShopUpsert(client, catalog, stock);
    this.orders = new PrestaShopOrders(client, http.clock());
  }

  @Override
  public String channel() {
    return Channels.PRESTASHOP.id();
  }

  @Override
  public Capabilities capabilities() {
    return CAPABILITIES;
  }

  @Override
  public List<Violation> validate(Listing listing) {
    return PrestaShopRules.check(listing);
  }

  @Override
  public BatchResult upsertListings(Connection connection, List<Listing> items) {
    BatchLimits.require(Channels.PRESTASHOP, Operation.UPSERT_LISTINGS, items.size());
    return upsert.upsert(connection, items);
  }

  /**
   * Sets each SKU's quantity on its stock row. PrestaShop keeps stock per shop, not per location
   * [U: core has no warehouses since 1.7], so a stock level naming a location fails.
   */
  @Override
  public BatchResult updateStock(Connection connection, List<StockLevel> items) {
    BatchLimits.require(Channels.PRESTASHOP, Operation.UPDATE_STOCK, items.size());
    ItemOutcome[] out = new ItemOutcome[items.size()];
    for (int i = 0; i < items.size(); i++) {
      String location = items.get(i).location();
      if (location != null && !location.isBlank()) {
        out[i] = ItemOutcome.failed(items.get(i).sku(), PrestaShopApi.NO_LOCATIONS, "PrestaShop keeps stock per shop; "
            + "location '" + location + "' needs a multi-warehouse module");
      }
    }
    Map<Integer, PrestaShopRef> targets = resolve(connection, items, out);
    Set<Long> productIds = new LinkedHashSet<>();
    targets.values().forEach(r -> productIds.add(r.productId()));
    Map<PrestaShopRef, List<JsonNode>> rows = productIds.isEmpty() ? Map.of() : stock.rows(connection, productIds);
    PrestaShopItemCalls calls = new PrestaShopItemCalls();
    targets.forEach((i, ref) -> {
      StockLevel level = items.get(i);
      out[i] = calls.run(level.sku(), () -> stock.set(connection, level.sku(), ref, level.quantity(), rows));
    });
    return new BatchResult(List.of(out));
  }

  /**
   * Sets each product's tax-excluded price, or a combination's difference from its product's. A
   * compare-at price has no place here (PrestaShop's discounts are specific prices) and is not sent.
   */
  @Override
  public BatchResult updatePrices(Connection connection, List<PriceChange> items) {
    BatchLimits.require(Channels.PRESTASHOP, Operation.UPDATE_PRICES, items.size());
    ItemOutcome[] out = new ItemOutcome[items.size()];
    Map<Integer, PrestaShopRef> targets = resolve(connection, items, out);
    Set<String> parents = new LinkedHashSet<>();
    targets.values().stream().filter(PrestaShopRef::isCombination).forEach(r -> parents.add(String.valueOf(r.productId())));
    Map<Long, BigDecimal> bases = new HashMap<>();
    if (!parents.isEmpty()) {
      for (JsonNode p : client.list(connection, client.jsonUrl(connection, PrestaShopApi.PRODUCTS).newBuilder()
          .addQueryParameter("display", "[id,price]")
          .addQueryParameter("filter[id]", "[" + String.join("|", parents) + "]").build(), PrestaShopApi.PRODUCTS)) {
        bases.put(p.path("id").asLong(), new BigDecimal(p.path("price").asText("0")));
      }
    }
    PrestaShopItemCalls calls = new PrestaShopItemCalls();
    targets.forEach((i, ref) -> {
      PriceChange change = items.get(i);
      out[i] = calls.run(change.sku(), () -> {
        String path = ref.isCombination() ? PrestaShopApi.COMBINATIONS + "/" + ref.combinationId()
            : PrestaShopApi.PRODUCTS + "/" + ref.productId();
        if (ref.isCombination() && !bases.containsKey(ref.productId())) {
          return ItemOutcome.retry(change.sku(), PrestaShopApi.SKU_NOT_FOUND, "product " + ref.productId()
              + " of this combination was not found", null);
        }
        Document doc = client.getXml(connection, path);
        Element entity = PrestaShopXml.entity(doc);
        if (ref.isCombination()) {
          PrestaShopXml.set(entity, "price", PrestaShopMapper.money(change.amount().subtract(bases.get(ref.productId()))));
        } else {
          PrestaShopMapper.price(entity, change.amount());
        }
        client.update(connection, path, doc);
        return ItemOutcome.done(change.sku());
      });
    });
    return new BatchResult(List.of(out));
  }

  /** Deletes products and combinations; a SKU the shop does not have is done. */
  @Override
  public BatchResult deleteListings(Connection connection, List<SkuRef> items) {
    BatchLimits.require(Channels.PRESTASHOP, Operation.DELETE_LISTINGS, items.size());
    ItemOutcome[] out = new ItemOutcome[items.size()];
    Map<String, List<PrestaShopRef>> found = catalog.bySku(connection, skus(items, out));
    PrestaShopItemCalls calls = new PrestaShopItemCalls();
    for (int i = 0; i < items.size(); i++) {
      String sku = items.get(i).sku();
      List<PrestaShopRef> refs = found.getOrDefault(sku, List.of());
      out[i] = refs.size() > 1 ? PrestaShopUpsert.ambiguous(sku, refs) : calls.run(sku, () -> {
        if (!refs.isEmpty()) {
          PrestaShopRef ref = refs.get(0);
          HttpResult r = client.delete(connection, ref.isCombination()
              ? PrestaShopApi.COMBINATIONS + "/" + ref.combinationId() : PrestaShopApi.PRODUCTS + "/" + ref.productId());
          if (r.status() != 404) {
            r.requireSuccess();
          }
        }
        return ItemOutcome.done(sku);
      });
    }
    return new BatchResult(List.of(out));
  }

  /** Each open item's one product or combination; an item with none or several is settled as failed. */
  private Map<Integer, PrestaShopRef> resolve(Connection connection, List<? extends Item> items, ItemOutcome[] out) {
    Map<String, List<PrestaShopRef>> found = catalog.bySku(connection, skus(items, out));
    Map<Integer, PrestaShopRef> targets = new TreeMap<>();
    for (int i = 0; i < items.size(); i++) {
      if (out[i] != null) {
        continue;
      }
      String sku = items.get(i).sku();
      List<PrestaShopRef> refs = found.getOrDefault(sku, List.of());
      if (refs.isEmpty()) {
        out[i] = ItemOutcome.failed(sku, PrestaShopApi.SKU_NOT_FOUND, "no product or combination in the shop has "
            + "reference '" + sku + "'");
      } else if (refs.size() > 1) {
        out[i] = PrestaShopUpsert.ambiguous(sku, refs);
      } else {
        targets.put(i, refs.get(0));
      }
    }
    return targets;
  }

  private static Set<String> skus(List<? extends Item> items, ItemOutcome[] out) {
    Set<String> skus = new LinkedHashSet<>();
    for (int i = 0; i < items.size(); i++) {
      if (out[i] == null) {
        skus.add(items.get(i).sku());
      }
    }
    return skus;
  }

  /** Orders by {@code date_upd}, oldest first; see {@link PrestaShopOrderCursor} for the cursor. */
  @Override
  public OrderPage fetchOrders(Connection connection, OrderCursor since) {
    return orders.page(connection, since);
  }

  /**
   * Reads the Webservice's resource list, which names the shop and what the key may do with each
   * resource [V core code], and reports every permission the adapter needs that the key lacks.
   */
  @Override
  public Health testConnection(Connection connection) {
    Document api;
    try {
      api = client.getXml(connection, "");
    } catch (AuthenticationFailure | PermanentFailure e) {
      return Health.failed("PrestaShop connection does not work: " + e.getMessage());
    }
    Element root = PrestaShopXml.find(api.getDocumentElement(), "api");
    if (root == null) {
      root = api.getDocumentElement();
    }
    List<String> missing = new ArrayList<>();
    for (Map.Entry<String, List<String>> needed : new TreeMap<>(PrestaShopApi.PERMISSIONS).entrySet()) {
      Element resource = PrestaShopXml.find(root, needed.getKey());
      for (String method : needed.getValue()) {
        if (resource == null || !"true".equals(resource.getAttribute(method))) {
          missing.add(needed.getKey() + " " + method.toUpperCase(Locale.ROOT));
        }
      }
    }
    if (!missing.isEmpty()) {
      return Health.failed("the webservice key lacks these permissions (Advanced Parameters > Webservice): "
          + String.join(", ", missing));
    }
    Node shopName = root.getAttributes().getNamedItem("shopName");
    return Health.ok(shopName == null ? null : shopName.getNodeValue());
  }

}
