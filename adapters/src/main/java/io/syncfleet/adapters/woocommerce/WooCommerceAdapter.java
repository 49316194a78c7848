package io.syncfleet.adapters.woocommerce;

import com.fasterxml.jackson.databind.node.ObjectNode;
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
import io.syncfleet.adapters.failure.RateLimitedFailure;
import io.syncfleet.adapters.failure.TransientFailure;
import io.syncfleet.adapters.http.MarketplaceHttp;
import io.syncfleet.producer.connection.Connection;
import io.syncfleet.producer.job.Channels;
import io.syncfleet.producer.job.Item;
import io.syncfleet.producer.job.Listing;
import io.syncfleet.producer.job.Operation;
import io.syncfleet.producer.job.PriceChange;
import io.syncfleet.producer.job.SkuRef;
import io.syncfleet.producer.job.StockLevel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import okhttp3.HttpUrl;

/**
 * WooCommerce through its REST API v3. Connection: secrets {@code consumer_key} and
 * {@code consumer_secret} (and {@code webhook_secret} for {@link WooCommerceWebhooks}); setting
 * {@code store_url}, the WordPress site address, and optionally {@code query_string_auth=true}.
 *
 * <p>WooCommerce addresses products by id, so every job first finds its SKUs with one search; then
 * the products batch endpoint, and one variations batch per variable product, do the work, each
 * answering entry by entry. Upserts are {@link WooCommerceUpsert}, order pulls {@link WooCommerceOrders}.
 */
public final class WooCommerceAdapter implements MarketplaceAdapter {
  private static final Capabilities CAPABILITIES = new Capabilities(Channels.WOOCOMMERCE, WooCommerceApi.RATE_PLANS);

  private final WooCommerceClient client;
  private final WooCommerceCatalog catalog;
  private final WooCommerceBatch batch;
  private final WooCommerceUpsert upsert;
  private final WooCommerceOrders orders;

  public WooCommerceAdapter(MarketplaceHttp http) {
    this(http, new WooCommerceAuth(http.clock()));
  }

  WooCommerceAdapter(MarketplaceHttp http, WooCommerceAuth auth) {
    this.client = new WooCommerceClient(http, auth);
    this.catalog = new WooCommerceCatalog(client);
    this.batch = new WooCommerceBatch(client);
    this.upsert = new WooCommerceUpsert(catalog, batch);
    this.orders = new WooCommerceOrders(client, http.clock());
  }

  @Override
  public String channel() {
    return Channels.WOOCOMMERCE.id();
  }

  @Override
  public Capabilities capabilities() {
    return CAPABILITIES;
  }

  @Override
  public List<Violation> validate(Listing listing) {
    return WooCommerceRules.check(listing);
  }

  @Override
  public BatchResult upsertListings(Connection connection, List<Listing> items) {
    BatchLimits.require(Channels.WOOCOMMERCE, Operation.UPSERT_LISTINGS, items.size());
    return upsert.upsert(connection, items);
  }

  /**
   * Sets {@code stock_quantity} and turns stock management on. WooCommerce core keeps one quantity
   * per product, so a stock level naming a location fails rather than overwriting the total with
   * one location's count.
   */
  @Override
  public BatchResult updateStock(Connection connection, List<StockLevel> items) {
    BatchLimits.require(Channels.WOOCOMMERCE, Operation.UPDATE_STOCK, items.size());
    WooCommerceOutcomes out = new WooCommerceOutcomes(items);
    for (int i = 0; i < items.size(); i++) {
      String location = items.get(i).location();
      if (location != null && !location.isBlank()) {
        out.failed(i, WooCommerceApi.NO_LOCATIONS, "WooCommerce core keeps one stock quantity per product; "
            + "location '" + location + "' needs a multi-location stock extension");
      }
    }
    return update(connection, items, out, WooCommerceMapper::stock);
  }

  /** Sets the regular and sale price (see {@link WooCommerceMapper} for how a compare-at price maps). */
  @Override
  public BatchResult updatePrices(Connection connection, List<PriceChange> items) {
    BatchLimits.require(Channels.WOOCOMMERCE, Operation.UPDATE_PRICES, items.size());
    return update(connection, items, new WooCommerceOutcomes(items), WooCommerceMapper::price);
  }

  /** Sends {@code fields} of each open item to its product or variation, one batch per path. */
  private <T extends Item> BatchResult update(Connection connection, List<T> items, WooCommerceOutcomes out,
      Function<T, ObjectNode> fields) {
    Map<String, WooCommerceProduct> found = catalog.bySku(connection, openSkus(items, out));
    Map<String, List<WooCommerceBatch.Entry>> entries = new LinkedHashMap<>();
    Map<String, List<Integer>> owners = new LinkedHashMap<>();
    for (int i = 0; i < items.size(); i++) {
      if (!out.isOpen(i)) {
        continue;
      }
      WooCommerceProduct product = found.get(items.get(i).sku());
      if (product == null) {
        out.failed(i, WooCommerceApi.SKU_NOT_FOUND, "no product or variation in the shop has SKU '"
            + items.get(i).sku() + "'");
        continue;
      }
      entries.computeIfAbsent(product.batchPath(), k -> new ArrayList<>())
          .add(WooCommerceBatch.Entry.update(product.id(), fields.apply(items.get(i))));
      owners.computeIfAbsent(product.batchPath(), k -> new ArrayList<>()).add(i);
    }
    send(connection, entries, owners, out);
    return out.result();
  }

  /** Deletes products and variations for good; a SKU the shop does not have is done. */
  @Override
  public BatchResult deleteListings(Connection connection, List<SkuRef> items) {
    BatchLimits.require(Channels.WOOCOMMERCE, Operation.DELETE_LISTINGS, items.size());
    WooCommerceOutcomes out = new WooCommerceOutcomes(items);
    Map<String, WooCommerceProduct> found = catalog.bySku(connection, openSkus(items, out));
    Map<String, List<WooCommerceBatch.Entry>> entries = new LinkedHashMap<>();
    Map<String, List<Integer>> owners = new LinkedHashMap<>();
    for (int i = 0; i < items.size(); i++) {
      WooCommerceProduct product = found.get(items.get(i).sku());
      if (product == null) {
        out.set(i, ItemOutcome.done(items.get(i).sku()));
        continue;
      }
      entries.computeIfAbsent(product.batchPath(), k -> new ArrayList<>()).add(WooCommerceBatch.Entry.delete(product.id()));
      owners.computeIfAbsent(product.batchPath(), k -> new ArrayList<>()).add(i);
    }
    send(connection, entries, owners, out);
    return out.result();
  }

  private void send(Connection connection, Map<String, List<WooCommerceBatch.Entry>> entries,
      Map<String, List<Integer>> owners, WooCommerceOutcomes out) {
    for (Map.Entry<String, List<WooCommerceBatch.Entry>> path : entries.entrySet()) {
      List<Integer> positions = owners.get(path.getKey());
      try {
        List<WooCommerceBatch.Answer> answers = batch.send(connection, path.getKey(), path.getValue());
        for (int k = 0; k < positions.size(); k++) {
          int i = positions.get(k);
          out.set(i, WooCommerceBatch.outcome(out.sku(i), path.getValue().get(k).kind(), answers.get(k)));
        }
      } catch (PermanentFailure e) {
        positions.forEach(i -> out.failed(i, e.code(), e.getMessage()));
      } catch (RateLimitedFailure | TransientFailure e) {
        out.interrupt(e);
        return;
      }
    }
  }

  private static Set<String> openSkus(List<? extends Item> items, WooCommerceOutcomes out) {
    Set<String> skus = new LinkedHashSet<>();
    for (int i = 0; i < items.size(); i++) {
      if (out.isOpen(i)) {
        skus.add(items.get(i).sku());
      }
    }
    return skus;
  }

  /** Orders by modification, oldest first; see {@link WooCommerceOrderCursor} for the cursor. */
  @Override
  public OrderPage fetchOrders(Connection connection, OrderCursor since) {
    return orders.page(connection, since);
  }

  /** Reads one product id: the cheapest call that proves the key and its read permission. */
  @Override
  public Health testConnection(Connection connection) {
    try {
      HttpUrl url = client.url(connection, WooCommerceApi.PRODUCTS).newBuilder()
          .addQueryParameter("per_page", "1")
          .addQueryParameter("_fields", "id")
          .build();
      client.get(connection, url);
      return Health.ok(WooCommerceApi.restBase(connection).host());
    } catch (AuthenticationFailure | PermanentFailure e) {
      return Health.failed("WooCommerce connection does not work: " + e.getMessage());
    }
  }

}
