package io.syncfleet.adapters.shopee;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.syncfleet.adapters.BatchResult;
import io.syncfleet.adapters.ItemOutcome;
import io.syncfleet.adapters.Violation;
import io.syncfleet.adapters.failure.TransientFailure;
import io.syncfleet.adapters.http.ItemCalls;
import io.syncfleet.producer.Json;
import io.syncfleet.producer.connection.Connection;
import io.syncfleet.producer.job.Listing;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Creates or updates the Shopee item of each product in a batch, idempotently: the item is found by
 * its own SKU (the listing's SKU, or the group of its variants) and updated, or added when the shop
 * has none. Variants are the item's models: the first ones define its tiers (init_tier_variation),
 * later ones add options (update_tier_variation) and models (add_model), and existing models get
 * their price and stock set. Shopee asks for 5 s between adding an item and its variants [V], so a
 * new item's variants come back as RETRY with that wait and are added by the next attempt.
 */
final class ShopeeListingUpsert {
  private final ShopeeClient client;
  private final ShopeeCatalog catalog;
  private final ShopeeImages images;
  private final ShopeeModelUpdate updates;

  ShopeeListingUpsert(ShopeeClient client, ShopeeCatalog catalog, ShopeeImages images, ShopeeModelUpdate updates) {
    this.client = client;
    this.catalog = catalog;
    this.images = images;
    this.updates = updates;
  }

  BatchResult upsert(Connection c, List<Listing> items) {
    ShopeeSettings s = ShopeeSettings.of(c);
    ItemOutcome[] out = new ItemOutcome[items.size()];
    Map<String, List<Integer>> products = new LinkedHashMap<>();
    for (int i = 0; i < items.size(); i++) {
      Listing l = items.get(i);
      List<Violation> violations = ShopeeRules.check(l);
      String priceProblem = ShopeeRules.priceProblem(l.price(), l.currency(), s);
      if (!violations.isEmpty()) {
        out[i] = ItemOutcome.failed(l.sku(), violations.get(0).rule(),
            violations.stream().map(Violation::toString).collect(Collectors.joining("; ")));
      } else if (priceProblem != null) {
        out[i] = ItemOutcome.failed(l.sku(), ShopeeAdapter.INVALID_PRICE, priceProblem);
      } else {
        products.computeIfAbsent(itemSku(l), k -> new ArrayList<>()).add(i);
      }
    }
    ItemCalls calls = new ItemCalls();
    for (Map.Entry<String, List<Integer>> product : products.entrySet()) {
      List<Listing> listings = product.getValue().stream().map(items::get).toList();
      List<ItemOutcome> outcomes = product(c, s, calls, product.getKey(), listings);
      for (int k = 0; k < listings.size(); k++) {
        out[product.getValue().get(k)] = outcomes.get(k);
      }
    }
    return new BatchResult(List.of(out));
  }

  /** One outcome per listing of the product, in order. */
  private List<ItemOutcome> product(Connection c, ShopeeSettings s, ItemCalls calls, String itemSku,
      List<Listing> listings) {
    List<String> skus = listings.stream().map(Listing::sku).toList();
    Listing first = listings.get(0);
    boolean variants = first.group() != null;
    if (listings.stream().anyMatch(l -> (l.group() != null) != variants)) {
      return fail(skus, "sku_conflict", "'" + itemSku + "' is both a listing's SKU and a variant group; Shopee "
          + "items have one SKU");
    }
    ItemCalls.Attempt<Optional<ShopeeCatalog.Item>> found = calls.attempt(skus,
        () -> catalog.item(c, s, itemSku));
    if (!found.ok()) {
      return found.failed();
    }
    if (found.value().isEmpty() && s.logisticIds().isEmpty()) {
      return fail(skus, ShopeeAdapter.MISSING_SETTING, "set the connection's '" + ShopeeApi.LOGISTIC_IDS
          + "' to the Shopee logistics channel ids new items ship with");
    }
    ItemCalls.Attempt<List<String>> imageIds = calls.attempt(skus, () -> images.ids(c, s, first.imageUrls()));
    if (!imageIds.ok()) {
      return imageIds.failed();
    }
    if (found.value().isEmpty()) {
      return calls.runAll(skus, () -> add(c, s, itemSku, listings, imageIds.value()));
    }
    ShopeeCatalog.Item item = found.value().get();
    if (!variants && item.hasModel()) {
      return fail(skus, "has_variants", "Shopee item " + item.itemId() + " (" + itemSku + ") has variants; a "
          + "listing without a group cannot replace them");
    }
    ItemCalls.Attempt<ShopeeReply> updated = calls.attempt(skus, () -> client.post(c, s,
        ShopeeApi.UPDATE_ITEM, ShopeeMapper.updateItem(item.itemId(), first, itemSku, imageIds.value(), s)).orThrow());
    if (!updated.ok()) {
      return updated.failed();
    }
    if (!variants) {
      catalog.remember(c, first.sku(), new ShopeeListed(item.itemId(), 0, ShopeeApi.NORMAL, 0));
      return priceAndStock(c, s, calls, item.itemId(), Map.of(first, 0L));
    }
    return variants(c, s, calls, item, listings);
  }

  private List<ItemOutcome> add(Connection c, ShopeeSettings s, String itemSku, List<Listing> listings,
      List<String> imageIds) {
    Listing first = listings.get(0);
    boolean variants = first.group() != null;
    JsonNode created = client.post(c, s, ShopeeApi.ADD_ITEM,
        ShopeeMapper.addItem(first, itemSku, imageIds, s, !variants)).orThrow().response();
    long itemId = created.path("item_id").asLong(0);
    if (itemId == 0) {
      throw new TransientFailure("Shopee added item " + itemSku + " but sent no item_id", 200);
    }
    catalog.rememberItem(c, itemSku, itemId);
    if (!variants) {
      catalog.remember(c, first.sku(), new ShopeeListed(itemId, 0, ShopeeApi.NORMAL, 0));
      return List.of(ItemOutcome.done(first.sku()));
    }
    return listings.stream().map(l -> ItemOutcome.retry(l.sku(), "variants_pending", "Shopee item " + itemId
        + " was created; Shopee asks for 5 s before its variants are added, which the next attempt does",
        ShopeeApi.VARIANT_DELAY)).toList();
  }

  private List<ItemOutcome> variants(Connection c, ShopeeSettings s, ItemCalls calls,
      ShopeeCatalog.Item item, List<Listing> listings) {
    List<String> skus = listings.stream().map(Listing::sku).toList();
    TreeSet<String> names = new TreeSet<>(listings.get(0).options().keySet());
    if (listings.stream().anyMatch(l -> !names.equals(new TreeSet<>(l.options().keySet())))) {
      return fail(skus, "variant_options", "the variants of " + item.itemSku() + " must all have the options "
          + names);
    }
    if (!item.hasModel()) {
      return calls.runAll(skus, () -> initTiers(c, s, item, new ArrayList<>(names), listings));
    }
    ItemCalls.Attempt<ShopeeModels> models = calls.attempt(skus, () -> catalog.models(c, s, item.itemId()));
    if (!models.ok()) {
      return models.failed();
    }
    ShopeeModels m = models.value();
    if (!names.equals(new TreeSet<>(m.tierNames()))) {
      return fail(skus, "variant_structure", "Shopee item " + item.itemId() + " varies by " + m.tierNames()
          + ", these variants by " + names + "; Shopee cannot change an item's tiers and keep its models");
    }
    Map<Listing, Long> existing = new LinkedHashMap<>();
    List<Listing> added = new ArrayList<>();
    for (Listing l : listings) {
      Optional<ShopeeModels.Model> model = m.bySku(l.sku());
      if (model.isPresent()) {
        existing.put(l, model.get().modelId());
        catalog.remember(c, l.sku(), new ShopeeListed(item.itemId(), model.get().modelId(), ShopeeApi.NORMAL,
            m.models().size()));
      } else {
        added.add(l);
      }
    }
    // New variants take their place in the existing tiers; an option Shopee does not have yet is appended.
    List<List<String>> options = m.tierOptions().stream().map(o -> (List<String>) new ArrayList<>(o)).toList();
    Map<Listing, List<Integer>> index = new HashMap<>();
    boolean grown = false;
    for (Listing l : added) {
      List<Integer> at = new ArrayList<>();
      for (int t = 0; t < m.tierNames().size(); t++) {
        String value = l.options().get(m.tierNames().get(t));
        int i = options.get(t).indexOf(value);
        if (i < 0) {
          options.get(t).add(value);
          i = options.get(t).size() - 1;
          grown = true;
        }
        at.add(i);
      }
      index.put(l, at);
    }
    Map<String, ItemOutcome> bySku = new HashMap<>();
    priceAndStock(c, s, calls, item.itemId(), existing).forEach(o -> bySku.put(o.sku(), o));
    if (!added.isEmpty()) {
      List<String> addedSkus = added.stream().map(Listing::sku).toList();
      boolean newOptions = grown;
      calls.runAll(addedSkus, () -> addModels(c, s, item, m, options, newOptions, added, index))
          .forEach(o -> bySku.put(o.sku(), o));
    }
    return listings.stream().map(l -> bySku.get(l.sku())).toList();
  }

  private List<ItemOutcome> initTiers(Connection c, ShopeeSettings s, ShopeeCatalog.Item item, List<String> names,
      List<Listing> listings) {
    List<List<String>> options = new ArrayList<>();
    names.forEach(n -> options.add(new ArrayList<>()));
    ArrayNode models = Json.MAPPER.createArrayNode();
    for (Listing l : listings) {
      List<Integer> at = new ArrayList<>();
      for (int t = 0; t < names.size(); t++) {
        String value = l.options().get(names.get(t));
        if (!options.get(t).contains(value)) {
          options.get(t).add(value);
        }
        at.add(options.get(t).indexOf(value));
      }
      models.add(ShopeeMapper.model(l, at, s));
    }
    ObjectNode body = Json.MAPPER.createObjectNode().put("item_id", item.itemId());
    body.set("standardise_tier_variation", ShopeeMapper.tiers(names, options));
    body.set("model", models);
    JsonNode response = client.post(c, s, ShopeeApi.INIT_TIER_VARIATION, body).orThrow().response();
    for (JsonNode model : response.path("model")) {
      String sku = ShopeeErrors.text(model, "model_sku");
      if (sku != null) {
        catalog.remember(c, sku, new ShopeeListed(item.itemId(), model.path("model_id").asLong(), ShopeeApi.NORMAL,
            listings.size()));
      }
    }
    return listings.stream().map(l -> ItemOutcome.done(l.sku())).toList();
  }

  private List<ItemOutcome> addModels(Connection c, ShopeeSettings s, ShopeeCatalog.Item item, ShopeeModels m,
      List<List<String>> options, boolean newOptions, List<Listing> added, Map<Listing, List<Integer>> index) {
    if (newOptions) {
      ObjectNode body = Json.MAPPER.createObjectNode().put("item_id", item.itemId());
      body.set("standardise_tier_variation", ShopeeMapper.tiers(m.tierNames(), options));
      ArrayNode modelList = body.putArray("model_list");
      for (ShopeeModels.Model model : m.models()) {
        ArrayNode at = modelList.addObject().put("model_id", model.modelId()).putArray("tier_index");
        model.tierIndex().forEach(at::add);
      }
      client.post(c, s, ShopeeApi.UPDATE_TIER_VARIATION, body).orThrow();
    }
    for (int from = 0; from < added.size(); from += ShopeeApi.LIST_LIMIT) {
      ObjectNode body = Json.MAPPER.createObjectNode().put("item_id", item.itemId());
      ArrayNode list = body.putArray("model_list");
      added.subList(from, Math.min(added.size(), from + ShopeeApi.LIST_LIMIT))
          .forEach(l -> list.add(ShopeeMapper.model(l, index.get(l), s)));
      client.post(c, s, ShopeeApi.ADD_MODEL, body).orThrow();
    }
    // add_model answers without model ids [V]; later stock and price updates need them.
    ShopeeModels now = catalog.models(c, s, item.itemId());
    for (ShopeeModels.Model model : now.models()) {
      if (model.sku() != null && !model.sku().isEmpty()) {
        catalog.remember(c, model.sku(), new ShopeeListed(item.itemId(), model.modelId(), ShopeeApi.NORMAL,
            now.models().size()));
      }
    }
    return added.stream().map(l -> ItemOutcome.done(l.sku())).toList();
  }

  /** Sets the price and, when given, the stock of existing models; a SKU is done when both are. */
  private List<ItemOutcome> priceAndStock(Connection c, ShopeeSettings s, ItemCalls calls, long itemId,
      Map<Listing, Long> models) {
    if (models.isEmpty()) {
      return List.of();
    }
    List<String> skus = models.keySet().stream().map(Listing::sku).toList();
    List<ShopeeModelUpdate.Entry> prices = new ArrayList<>();
    List<ShopeeModelUpdate.Entry> stock = new ArrayList<>();
    models.forEach((l, modelId) -> {
      prices.add(new ShopeeModelUpdate.Entry(l.sku(), modelId, ShopeeMapper.priceEntry(modelId, l.price())));
      if (l.quantity() != null) {
        stock.add(new ShopeeModelUpdate.Entry(l.sku(), modelId,
            ShopeeMapper.stockEntry(modelId, l.quantity(), s.locationId())));
      }
    });
    Map<String, ItemOutcome> bySku = new HashMap<>();
    calls.runAll(skus, () -> updates.send(c, s, ShopeeApi.UPDATE_PRICE, "price_list", itemId, prices))
        .forEach(o -> bySku.put(o.sku(), o));
    List<ShopeeModelUpdate.Entry> stockToSend = stock.stream()
        .filter(e -> bySku.get(e.sku()).status() == ItemOutcome.Status.DONE).toList();
    if (!stockToSend.isEmpty()) {
      calls.runAll(stockToSend.stream().map(ShopeeModelUpdate.Entry::sku).toList(),
          () -> updates.send(c, s, ShopeeApi.UPDATE_STOCK, "stock_list", itemId, stockToSend))
          .forEach(o -> bySku.put(o.sku(), o));
    }
    return skus.stream().map(bySku::get).filter(Objects::nonNull).toList();
  }

  /** The Shopee item SKU of a listing: its group for variants, otherwise its own SKU. */
  static String itemSku(Listing l) {
    return l.group() != null ? l.group() : l.sku();
  }

  private static List<ItemOutcome> fail(List<String> skus, String code, String message) {
    return skus.stream().map(sku -> ItemOutcome.failed(sku, code, message)).toList();
  }
}
