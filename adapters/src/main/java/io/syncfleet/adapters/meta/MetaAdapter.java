package io.syncfleet.adapters.meta;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.syncfleet.adapters.BatchResult;
import io.syncfleet.adapters.Capabilities;
import io.syncfleet.adapters.Health;
import io.syncfleet.adapters.ItemOutcome;
import io.syncfleet.adapters.MarketplaceAdapter;
import io.syncfleet.adapters.Violation;
import io.syncfleet.adapters.failure.AuthenticationFailure;
import io.syncfleet.adapters.failure.PermanentFailure;
import io.syncfleet.adapters.http.MarketplaceHttp;
import io.syncfleet.producer.connection.Connection;
import io.syncfleet.producer.job.Channels;
import io.syncfleet.producer.job.Item;
import io.syncfleet.producer.job.Listing;
import io.syncfleet.producer.job.PriceChange;
import io.syncfleet.producer.job.SkuRef;
import io.syncfleet.producer.job.StockLevel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Meta Commerce catalogs (Facebook and Instagram shops, catalog ads) through the Graph API's Catalog
 * Batch API: every operation is one items_batch call whose outcome is read from its batch status
 * ({@link MetaBatch}). Connection: secret {@value MetaApi#ACCESS_TOKEN} (a system user token) and
 * optionally {@value MetaApi#APP_SECRET}; settings {@value MetaApi#CATALOG_ID}, optionally
 * {@value MetaApi#GRAPH_VERSION} and {@value MetaApi#LINK_TEMPLATE}.
 *
 * <p>Orders are not pulled: Meta's shops now send buyers to the merchant's own site to check out, so
 * orders arrive there, and the Commerce order API serves only the checkout on Facebook and Instagram
 * that Meta has been winding down [U]. The channel therefore does not offer order pulls.
 */
public final class MetaAdapter implements MarketplaceAdapter {
  /** Item outcome code for a listing that breaks one of {@link #validate}'s rules. */
  public static final String INVALID_LISTING = "invalid_listing";
  /** Item outcome code for a listing without a product page link. */
  public static final String LINK_MISSING = "link_missing";

  private static final Capabilities CAPABILITIES = new Capabilities(Channels.META, MetaApi.ratePlans());

  private final MetaGraph graph;
  private final MetaBatch batch;

  public MetaAdapter(MarketplaceHttp http) {
    this(http, MetaPolling.STANDARD);
  }

  MetaAdapter(MarketplaceHttp http, MetaPolling polling) {
    this.graph = new MetaGraph(http);
    this.batch = new MetaBatch(graph, polling);
  }

  @Override
  public String channel() {
    return Channels.META.id();
  }

  @Override
  public Capabilities capabilities() {
    return CAPABILITIES;
  }

  @Override
  public List<Violation> validate(Listing listing) {
    return MetaRules.check(listing);
  }

  /** Creates or updates each listing as a catalog item; items breaking the rules or lacking a link are not sent. */
  @Override
  public BatchResult upsertListings(Connection c, List<Listing> items) {
    checkBatch(items.size(), MetaApi.LISTINGS_BATCH);
    MetaSettings s = MetaSettings.of(c);
    ItemOutcome[] out = new ItemOutcome[items.size()];
    List<MetaBatch.Entry> entries = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      Listing l = items.get(i);
      List<Violation> violations = MetaRules.check(l);
      String link = s.link(l);
      if (!violations.isEmpty()) {
        out[i] = ItemOutcome.failed(l.sku(), INVALID_LISTING,
            violations.stream().map(Violation::toString).collect(Collectors.joining("; ")));
      } else if (link == null) {
        out[i] = ItemOutcome.failed(l.sku(), LINK_MISSING, "Meta needs a product page: give the listing a '"
            + MetaApi.LINK_ATTRIBUTE + "' attribute or set the connection's " + MetaApi.LINK_TEMPLATE);
      } else {
        entries.add(new MetaBatch.Entry(l.sku(), MetaMapper.listing(l, link)));
      }
    }
    return send(c, s, items, out, entries, MetaBatch.Purpose.LISTINGS);
  }

  /** Sets each item's quantity and availability; a stock level's location has no place at Meta. */
  @Override
  public BatchResult updateStock(Connection c, List<StockLevel> items) {
    return updates(c, items, MetaApi.UPDATES_BATCH, MetaMapper::stock, MetaBatch.Purpose.UPDATES);
  }

  /** Sets each item's price, with the compare-at price as Meta's price and the price as its sale price. */
  @Override
  public BatchResult updatePrices(Connection c, List<PriceChange> items) {
    return updates(c, items, MetaApi.UPDATES_BATCH, MetaMapper::price, MetaBatch.Purpose.UPDATES);
  }

  /** Deletes each item from the catalog; an item the catalog does not have is done. */
  @Override
  public BatchResult deleteListings(Connection c, List<SkuRef> items) {
    return updates(c, items, MetaApi.UPDATES_BATCH, MetaMapper::delete, MetaBatch.Purpose.DELETES);
  }

  /** Reads the catalog's id and name, which needs a working token allowed on the catalog. */
  @Override
  public Health testConnection(Connection c) {
    try {
      MetaSettings s = MetaSettings.of(c);
      JsonNode catalog = graph.get(s.catalog().newBuilder().addQueryParameter("fields", "id,name").build(),
          MetaAuth.of(c));
      String name = MetaErrors.text(catalog, "name");
      return Health.ok(name != null ? name : MetaErrors.text(catalog, "id"));
    } catch (AuthenticationFailure | PermanentFailure e) {
      return Health.failed("Meta connection does not work: " + e.getMessage());
    }
  }

  private <T extends Item> BatchResult updates(Connection c, List<T> items, int limit,
      Function<T, ObjectNode> request, MetaBatch.Purpose purpose) {
    checkBatch(items.size(), limit);
    List<MetaBatch.Entry> entries = new ArrayList<>(items.size());
    items.forEach(item -> entries.add(new MetaBatch.Entry(item.sku(), request.apply(item))));
    return send(c, MetaSettings.of(c), items, new ItemOutcome[items.size()], entries, purpose);
  }

  /** Runs the batch for the entries and fills every item's outcome in the batch's order. */
  private BatchResult send(Connection c, MetaSettings s, List<? extends Item> items, ItemOutcome[] out,
      List<MetaBatch.Entry> entries, MetaBatch.Purpose purpose) {
    Map<String, ItemOutcome> sent = entries.isEmpty() ? Map.of() : batch.run(s, MetaAuth.of(c), entries, purpose);
    for (int i = 0; i < out.length; i++) {
      if (out[i] == null) {
        String sku = items.get(i).sku();
        out[i] = sent.getOrDefault(sku, ItemOutcome.retry(sku, null, "Meta's answer did not mention this item", null));
      }
    }
    return new BatchResult(List.of(out));
  }

  private static void checkBatch(int size, int limit) {
    if (size > limit) {
      throw new PermanentFailure("a batch of " + size + " items is over the Meta batch limit of " + limit, 0,
          "batch_too_large");
    }
  }
}
