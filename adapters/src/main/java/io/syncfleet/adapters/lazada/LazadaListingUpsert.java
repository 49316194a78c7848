package io.syncfleet.adapters.lazada;

import com.fasterxml.jackson.databind.JsonNode;
import io.syncfleet.adapters.BatchResult;
import io.syncfleet.adapters.ItemOutcome;
import io.syncfleet.adapters.Violation;
import io.syncfleet.adapters.http.ItemCalls;
import io.syncfleet.producer.connection.Connection;
import io.syncfleet.producer.job.Listing;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Creates or updates the Lazada product of each product in a batch, idempotently: the batch's SKUs
 * are looked up first; a product none of whose SKUs Lazada has is created with all of them in one
 * call (Lazada wants a product's variations in a single create [V]); otherwise the product is updated,
 * its known SKUs by SkuId and new ones attached through AssociatedSku [V]. Images are migrated to
 * Lazada first ({@link LazadaImages}). A product call stands or falls as one.
 */
final class LazadaListingUpsert {
  private final LazadaClient client;
  private final LazadaCatalog catalog;
  private final LazadaImages images;

  LazadaListingUpsert(LazadaClient client, LazadaCatalog catalog, LazadaImages images) {
    this.client = client;
    this.catalog = catalog;
    this.images = images;
  }

  BatchResult upsert(Connection c, List<Listing> items) {
    LazadaSettings s = LazadaSettings.of(c);
    ItemOutcome[] out = new ItemOutcome[items.size()];
    Map<String, List<Integer>> products = new LinkedHashMap<>();
    for (int i = 0; i < items.size(); i++) {
      Listing l = items.get(i);
      List<Violation> violations = LazadaRules.check(l);
      String currency = s.currency();
      if (!violations.isEmpty()) {
        out[i] = ItemOutcome.failed(l.sku(), violations.get(0).rule(),
            violations.stream().map(Violation::toString).collect(Collectors.joining("; ")));
      } else if (l.currency() != null && currency != null && !currency.equalsIgnoreCase(l.currency())) {
        out[i] = ItemOutcome.failed(l.sku(), LazadaAdapter.INVALID_PRICE, "the seller sells in " + currency
            + ", not " + l.currency());
      } else {
        products.computeIfAbsent(l.group() != null ? l.group() : l.sku(), k -> new ArrayList<>()).add(i);
      }
    }
    if (products.isEmpty()) {
      return new BatchResult(List.of(out));
    }
    Set<String> skus = new LinkedHashSet<>();
    products.values().forEach(indexes -> indexes.forEach(i -> skus.add(items.get(i).sku())));
    Map<String, List<LazadaSku>> found = catalog.find(c, s, skus);
    ItemCalls calls = new ItemCalls();
    for (List<Integer> indexes : products.values()) {
      List<Listing> listings = indexes.stream().map(items::get).toList();
      List<ItemOutcome> outcomes = product(c, s, calls, listings, found);
      for (int k = 0; k < indexes.size(); k++) {
        out[indexes.get(k)] = outcomes.get(k);
      }
    }
    return new BatchResult(List.of(out));
  }

  private List<ItemOutcome> product(Connection c, LazadaSettings s, ItemCalls calls, List<Listing> listings,
      Map<String, List<LazadaSku>> found) {
    List<String> skus = listings.stream().map(Listing::sku).toList();
    Set<Long> itemIds = new LinkedHashSet<>();
    Map<String, Long> skuIds = new HashMap<>();
    for (Listing l : listings) {
      for (LazadaSku id : found.getOrDefault(l.sku(), List.of())) {
        itemIds.add(id.itemId());
        skuIds.put(l.sku(), id.skuId());
      }
    }
    if (itemIds.size() > 1) {
      return skus.stream().map(sku -> ItemOutcome.failed(sku, "sku_conflict", "these SKUs are on several Lazada "
          + "products " + itemIds + "; one upsert can only change one product")).toList();
    }
    ItemCalls.Attempt<List<String>> urls = calls.attempt(skus,
        () -> images.urls(c, s, listings.get(0).imageUrls()));
    if (!urls.ok()) {
      return urls.failed();
    }
    if (itemIds.isEmpty()) {
      return calls.runAll(skus, () -> create(c, s, listings, urls.value()));
    }
    long itemId = itemIds.iterator().next();
    Long associated = listings.stream().anyMatch(l -> !skuIds.containsKey(l.sku()))
        ? skuIds.values().iterator().next() : null;
    return calls.runAll(skus, () -> {
      LazadaReply reply = client.post(c, s, LazadaApi.UPDATE_PRODUCT,
          Map.of("payload", LazadaMapper.product(listings, urls.value(), itemId, skuIds, associated)));
      if (!reply.ok()) {
        return LazadaErrors.outcomes(reply, skus, true);
      }
      for (Listing l : listings) {
        if (!skuIds.containsKey(l.sku())) {
          // Lazada's update answer has no ids for added SKUs; the next stock or price update looks them up.
          catalog.forget(c, l.sku());
        }
      }
      return skus.stream().map(ItemOutcome::done).toList();
    });
  }

  private List<ItemOutcome> create(Connection c, LazadaSettings s, List<Listing> listings, List<String> urls) {
    List<String> skus = listings.stream().map(Listing::sku).toList();
    LazadaReply reply = client.post(c, s, LazadaApi.CREATE_PRODUCT,
        Map.of("payload", LazadaMapper.product(listings, urls, null, Map.of(), null)));
    if (!reply.ok()) {
      return LazadaErrors.outcomes(reply, skus, true);
    }
    long itemId = reply.data().path("item_id").asLong(0);
    for (JsonNode sku : reply.data().path("sku_list")) {
      String sellerSku = LazadaErrors.text(sku, "seller_sku");
      if (sellerSku != null && itemId != 0) {
        catalog.remember(c, sellerSku, List.of(new LazadaSku(itemId, sku.path("sku_id").asLong(), sellerSku)));
      }
    }
    return skus.stream().map(ItemOutcome::done).toList();
  }
}
