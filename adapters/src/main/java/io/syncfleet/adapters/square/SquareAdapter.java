package io.syncfleet.adapters.square;

import static io.syncfleet.adapters.square.SquareErrors.text;

import com.fasterxml.jackson.databind.JsonNode;
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
import io.syncfleet.adapters.http.AccessTokenCache;
import io.syncfleet.adapters.http.ItemCalls;
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
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Square through its Catalog, Inventory, Locations and Orders APIs. A listing is an item variation
 * (a variant group is one item with a variation per listing); every write starts from a search by
 * SKU, since Square addresses objects by id and version. Catalog writes put each item in a batch of
 * its own, which Square saves or refuses as a whole, so one refused item leaves the rest saved.
 * Stock is set with physical counts per location, prices on the variations, and orders are searched
 * by {@code updated_at} with Square's cursor.
 */
public final class SquareAdapter implements MarketplaceAdapter {
  /** Item outcome code of a listing that breaks one of {@link #validate}'s rules. */
  public static final String INVALID_LISTING = "INVALID_LISTING";
  /** Item outcome code of a SKU no variation in the catalog carries. */
  public static final String SKU_NOT_FOUND = "SKU_NOT_FOUND";
  /** Item outcome code of a price Square cannot take (negative, unknown currency, fractions of a minor unit). */
  public static final String INVALID_PRICE = "INVALID_PRICE";
  /** Item outcome code of a variant whose SKU is already a variation of another item than its group's. */
  public static final String SKU_ON_OTHER_ITEM = "SKU_ON_OTHER_ITEM";
  /** Item outcome code of an item that would exceed Square's objects per batch. */
  public static final String TOO_MANY_VARIATIONS = "TOO_MANY_VARIATIONS";

  private static final Capabilities CAPABILITIES = new Capabilities(Channels.SQUARE, SquareApi.RATE_PLANS);

  private final SquareAuth auth;
  private final SquareCatalog catalog;
  private final SquareLocations locations;
  private final SquareInventory inventory;
  private final SquareOrders orders;

  public SquareAdapter(MarketplaceHttp http, AccessTokenCache tokens) {
    this.auth = new SquareAuth(http, tokens);
    this.catalog = new SquareCatalog(auth);
    this.locations = new SquareLocations(auth);
    this.inventory = new SquareInventory(auth, http.clock());
    this.orders = new SquareOrders(auth, catalog, locations, http.clock());
  }

  @Override
  public String channel() {
    return Channels.SQUARE.id();
  }

  @Override
  public Capabilities capabilities() {
    return CAPABILITIES;
  }

  @Override
  public List<Violation> validate(Listing listing) {
    return SquareRules.check(listing);
  }

  /** One batch of an upsert call: an item with its listings' variations, by the ids the call knows them by. */
  private record ItemBatch(List<Integer> indexes, ObjectNode item, String itemId, Map<String, String> variationIds) {
    Set<String> tokens(List<Listing> items) {
      Set<String> tokens = new LinkedHashSet<>(variationIds.values());
      tokens.add(itemId);
      indexes.forEach(i -> tokens.add(items.get(i).sku()));
      return tokens;
    }
  }

  /**
   * Finds the batch's SKUs, upserts one batch per item (new items with temporary ids, existing ones
   * at their current version with their other variations kept), then sets the saved listings'
   * quantities at the connection's stock location in one inventory call.
   */
  @Override
  public BatchResult upsertListings(Connection c, List<Listing> items) {
    BatchLimits.require(Channels.SQUARE, Operation.UPSERT_LISTINGS, items.size());
    SquareSettings s = SquareSettings.of(c);
    ItemOutcome[] out = new ItemOutcome[items.size()];
    // A SKU listed twice is one variation: its last listing is sent and the earlier ones share its outcome.
    Map<String, Integer> last = new LinkedHashMap<>();
    for (int i = 0; i < items.size(); i++) {
      last.put(items.get(i).sku(), i);
    }
    Map<String, List<Integer>> byItem = new LinkedHashMap<>();
    for (int i = 0; i < items.size(); i++) {
      Listing l = items.get(i);
      if (last.get(l.sku()) != i) {
        continue;
      }
      List<Violation> violations = SquareRules.check(l);
      if (violations.isEmpty()) {
        byItem.computeIfAbsent(l.group() != null ? "group:" + l.group() : "sku:" + l.sku(), k -> new ArrayList<>()).add(i);
      } else {
        out[i] = ItemOutcome.failed(l.sku(), INVALID_LISTING,
            violations.stream().map(Violation::toString).collect(Collectors.joining("; ")));
      }
    }
    if (!byItem.isEmpty()) {
      save(c, s, items, byItem, out);
    }
    for (int i = 0; i < items.size(); i++) {
      ItemOutcome sent = out[last.get(items.get(i).sku())];
      if (out[i] == null) {
        out[i] = sent;
      }
    }
    return new BatchResult(List.of(out));
  }

  /** Saves the valid listings, grouped by item, and their quantities; writes their outcomes into {@code out}. */
  private void save(Connection c, SquareSettings s, List<Listing> items, Map<String, List<Integer>> byItem,
      ItemOutcome[] out) {
    Map<String, SquareCatalog.Variation> found = catalog.find(c, s,
        byItem.values().stream().flatMap(List::stream).map(i -> items.get(i).sku()).toList());
    List<ItemBatch> batches = new ArrayList<>();
    int objects = 0;
    int temporary = 0;
    for (List<Integer> indexes : byItem.values()) {
      ItemBatch batch = itemBatch(items, indexes, found, out, temporary++);
      if (batch == null) {
        continue;
      }
      int size = 1 + batch.item().path("item_data").path("variations").size();
      if (size > SquareApi.OBJECTS_PER_BATCH) {
        batch.indexes().forEach(i -> out[i] = ItemOutcome.failed(items.get(i).sku(), TOO_MANY_VARIATIONS,
            "the item would hold " + size + " objects; Square saves at most " + SquareApi.OBJECTS_PER_BATCH + " in one batch"));
      } else if (objects + size > SquareApi.OBJECTS_PER_REQUEST) {
        batch.indexes().forEach(i -> out[i] = ItemOutcome.retry(items.get(i).sku(), null,
            "this call reached Square's " + SquareApi.OBJECTS_PER_REQUEST + " objects; the item goes in the next one", null));
      } else {
        objects += size;
        batches.add(batch);
      }
    }
    if (batches.isEmpty()) {
      return;
    }
    SquareCatalog.Upserted upserted = catalog.upsert(c, s, batches.stream().map(b -> List.of(b.item())).toList());
    List<SquareInventory.Count> counts = new ArrayList<>();
    List<Integer> counted = new ArrayList<>();
    for (ItemBatch batch : batches) {
      boolean saved = upserted.saved().containsKey(upserted.idOf(batch.itemId()));
      SquareErrors.Fault fault = saved ? null : fault(upserted.faults(), batch.tokens(items));
      for (int i : batch.indexes()) {
        Listing l = items.get(i);
        if (saved) {
          out[i] = ItemOutcome.done(l.sku());
          if (l.quantity() != null) {
            counts.add(new SquareInventory.Count(l.sku(), upserted.idOf(batch.variationIds().get(l.sku())), null, l.quantity()));
            counted.add(i);
          }
        } else {
          out[i] = fault != null ? fault.outcome(l.sku())
              : ItemOutcome.retry(l.sku(), null, "Square's answer did not mention this item", null);
        }
      }
    }
    if (!counts.isEmpty()) {
      ItemOutcome[] quantities = new ItemOutcome[counts.size()];
      // One more call of the batch: its failure, the stock location lookup's included, is each item's.
      ItemOutcome whole = new ItemCalls().run(null, () -> {
        String location = locations.stockLocation(c, s);
        List<SquareInventory.Count> located = counts.stream()
            .map(n -> new SquareInventory.Count(n.sku(), n.variationId(), location, n.quantity())).toList();
        ItemOutcome[] set = inventory.set(c, s, located);
        System.arraycopy(set, 0, quantities, 0, set.length);
        return ItemOutcome.done(null);
      });
      for (int k = 0; k < counted.size(); k++) {
        int i = counted.get(k);
        ItemOutcome step = quantities[k] != null ? quantities[k] : whole;
        if (step.status() != ItemOutcome.Status.DONE) {
          out[i] = new ItemOutcome(out[i].sku(), step.status(), step.code(),
              "saved, but its quantity was not: " + step.message(), step.retryAfter());
        }
      }
    }
  }

  /** The batch of one item's listings, or null when none of them can go (their outcomes set). */
  private static ItemBatch itemBatch(List<Listing> items, List<Integer> indexes, Map<String, SquareCatalog.Variation> found,
      ItemOutcome[] out, int n) {
    JsonNode existing = null;
    for (int i : indexes) {
      SquareCatalog.Variation v = found.get(items.get(i).sku());
      if (v != null && v.item() != null) {
        existing = v.item();
        break;
      }
    }
    List<Integer> kept = new ArrayList<>();
    Map<String, String> variationIds = new LinkedHashMap<>();
    Map<String, String> added = new LinkedHashMap<>();
    for (int i : indexes) {
      Listing l = items.get(i);
      SquareCatalog.Variation v = found.get(l.sku());
      if (v != null && existing == null) {
        out[i] = ItemOutcome.retry(l.sku(), null, "Square found variation " + v.id()
            + " without its item; the next attempt reads it again", null);
        continue;
      }
      if (v != null && !text(existing, "id").equals(v.itemId())) {
        out[i] = ItemOutcome.failed(l.sku(), SKU_ON_OTHER_ITEM, "Square already has SKU '" + l.sku()
            + "' on item " + v.itemId() + ", not on the item of its group");
        continue;
      }
      kept.add(i);
      if (v != null) {
        variationIds.put(l.sku(), v.id());
      } else {
        String id = "#variation-" + n + "-" + kept.size();
        variationIds.put(l.sku(), id);
        added.put(l.sku(), id);
      }
    }
    if (kept.isEmpty()) {
      return null;
    }
    List<Listing> listings = kept.stream().map(items::get).toList();
    if (existing != null) {
      return new ItemBatch(kept, SquareMapper.updatedItem(existing, listings, added), text(existing, "id"), variationIds);
    }
    String itemId = "#item-" + n;
    return new ItemBatch(kept, SquareMapper.newItem(itemId, listings, new ArrayList<>(variationIds.values())), itemId,
        variationIds);
  }

  /** Sets each quantity with a physical count at the level's location (the connection's default when it names none). */
  @Override
  public BatchResult updateStock(Connection c, List<StockLevel> items) {
    BatchLimits.require(Channels.SQUARE, Operation.UPDATE_STOCK, items.size());
    SquareSettings s = SquareSettings.of(c);
    ItemOutcome[] out = new ItemOutcome[items.size()];
    Map<String, SquareCatalog.Variation> found = catalog.find(c, s, skus(items));
    String fallback = items.stream().anyMatch(l -> l.location() == null || l.location().isBlank())
        ? locations.stockLocation(c, s) : null;
    List<SquareInventory.Count> counts = new ArrayList<>();
    List<Integer> sent = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      StockLevel level = items.get(i);
      SquareCatalog.Variation v = found.get(level.sku());
      if (v == null) {
        out[i] = notFound(level.sku());
        continue;
      }
      String location = level.location() == null || level.location().isBlank() ? fallback : level.location().trim();
      counts.add(new SquareInventory.Count(level.sku(), v.id(), location, level.quantity()));
      sent.add(i);
    }
    if (!counts.isEmpty()) {
      ItemOutcome[] set = inventory.set(c, s, counts);
      for (int k = 0; k < sent.size(); k++) {
        out[sent.get(k)] = set[k];
      }
    }
    return new BatchResult(List.of(out));
  }

  /**
   * Sets each variation's fixed price, its version kept, one batch per variation. Square has no
   * compare-at price, so it is not sent; the price's currency must be the seller's.
   */
  @Override
  public BatchResult updatePrices(Connection c, List<PriceChange> items) {
    BatchLimits.require(Channels.SQUARE, Operation.UPDATE_PRICES, items.size());
    SquareSettings s = SquareSettings.of(c);
    ItemOutcome[] out = new ItemOutcome[items.size()];
    Map<String, SquareCatalog.Variation> found = catalog.find(c, s, skus(items));
    List<Integer> sent = new ArrayList<>();
    List<List<ObjectNode>> batches = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      PriceChange change = items.get(i);
      List<Violation> violations = SquareRules.price(change.amount(), change.currency());
      SquareCatalog.Variation v = found.get(change.sku());
      if (!violations.isEmpty()) {
        out[i] = ItemOutcome.failed(change.sku(), INVALID_PRICE,
            violations.stream().map(Violation::toString).collect(Collectors.joining("; ")));
      } else if (v == null) {
        out[i] = notFound(change.sku());
      } else {
        sent.add(i);
        batches.add(List.of(SquareMapper.repriced(v.object(), change.amount(), change.currency())));
      }
    }
    if (sent.isEmpty()) {
      return new BatchResult(List.of(out));
    }
    SquareCatalog.Upserted upserted = catalog.upsert(c, s, batches);
    for (int i : sent) {
      String sku = items.get(i).sku();
      String id = found.get(sku).id();
      if (upserted.saved().containsKey(id)) {
        out[i] = ItemOutcome.done(sku);
      } else {
        SquareErrors.Fault f = fault(upserted.faults(), Set.of(id, sku));
        out[i] = f != null ? f.outcome(sku) : ItemOutcome.retry(sku, null, "Square's answer did not mention this SKU", null);
      }
    }
    return new BatchResult(List.of(out));
  }

  /**
   * Deletes each SKU's variation, or its whole item when every variation of the item is asked for
   * (Square deletes an item's variations with it [V]), in one call. A SKU Square does not have is done.
   */
  @Override
  public BatchResult deleteListings(Connection c, List<SkuRef> items) {
    BatchLimits.require(Channels.SQUARE, Operation.DELETE_LISTINGS, items.size());
    SquareSettings s = SquareSettings.of(c);
    ItemOutcome[] out = new ItemOutcome[items.size()];
    Map<String, SquareCatalog.Variation> found = catalog.find(c, s, skus(items));
    Map<String, Set<String>> askedByItem = new LinkedHashMap<>();
    for (SquareCatalog.Variation v : found.values()) {
      askedByItem.computeIfAbsent(v.itemId(), k -> new HashSet<>()).add(v.id());
    }
    Map<Integer, String> targets = new LinkedHashMap<>();
    for (int i = 0; i < items.size(); i++) {
      SquareCatalog.Variation v = found.get(items.get(i).sku());
      if (v == null) {
        out[i] = ItemOutcome.done(items.get(i).sku());
      } else {
        targets.put(i, wholeItem(v, askedByItem.get(v.itemId())) ? v.itemId() : v.id());
      }
    }
    if (!targets.isEmpty()) {
      Set<String> deleted = catalog.delete(c, s, new LinkedHashSet<>(targets.values()));
      targets.forEach((i, id) -> out[i] = deleted.contains(id) ? ItemOutcome.done(items.get(i).sku())
          : ItemOutcome.retry(items.get(i).sku(), null, "Square did not delete " + id + "; the next attempt looks again",
              null));
    }
    return new BatchResult(List.of(out));
  }

  private static boolean wholeItem(SquareCatalog.Variation v, Set<String> asked) {
    if (v.item() == null) {
      return false;
    }
    Set<String> all = new HashSet<>();
    v.item().path("item_data").path("variations").forEach(x -> all.add(text(x, "id")));
    return !all.isEmpty() && asked.containsAll(all);
  }

  /** Orders by {@code updated_at}, oldest change first, one page per call; see {@link SquareOrders}. */
  @Override
  public OrderPage fetchOrders(Connection c, OrderCursor since) {
    return orders.page(c, SquareSettings.of(c), since);
  }

  /** Lists the seller's locations: the first one's business name is the account. */
  @Override
  public Health testConnection(Connection c) {
    try {
      JsonNode list = locations.all(c, SquareSettings.of(c)).path("locations");
      JsonNode first = list.path(0);
      String name = text(first, "business_name");
      return Health.ok(name != null ? name : text(first, "name"));
    } catch (AuthenticationFailure e) {
      return Health.failed("Square refused the credentials (" + e.getMessage() + "). Check the access token (or the "
          + "OAuth refresh token, client id and secret) and that it has the ITEMS_READ, ITEMS_WRITE, INVENTORY_READ, "
          + "INVENTORY_WRITE, ORDERS_READ and MERCHANT_PROFILE_READ permissions");
    } catch (PermanentFailure e) {
      return Health.failed("Square connection does not work: " + e.getMessage());
    }
  }

  /** The fault of an upsert answer about one batch: one mentioning any of its ids or SKUs, else the first. */
  private static SquareErrors.Fault fault(List<SquareErrors.Fault> faults, Set<String> tokens) {
    for (SquareErrors.Fault f : faults) {
      for (String token : tokens) {
        if (f.mentions(token)) {
          return f;
        }
      }
    }
    return faults.isEmpty() ? null : faults.get(0);
  }

  private static ItemOutcome notFound(String sku) {
    return ItemOutcome.failed(sku, SKU_NOT_FOUND, "no variation in the Square catalog has SKU '" + sku + "'");
  }

  private static Set<String> skus(List<? extends Item> items) {
    Set<String> out = new LinkedHashSet<>();
    items.forEach(i -> out.add(i.sku()));
    return out;
  }

}
