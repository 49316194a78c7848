package io.syncfleet.adapters.shopee;

import static io.syncfleet.adapters.shopee.ShopeeErrors.text;

import com.fasterxml.jackson.databind.JsonNode;
import io.syncfleet.producer.connection.Connection;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where the merchant's SKUs are in the shop. Shopee addresses listings by item and model id, not by
 * SKU, so SKUs are looked up with search_item on {@code item_sku} [V], checked against the item's own
 * SKU and, for items with variants, its models' SKUs [V]. Findings are remembered per connection, in
 * memory and bounded, because every stock and price update needs them; whether search_item also
 * matches model SKUs is unverified [U], so a variant SKU is found reliably once its item was upserted
 * or looked up through another SKU in this process.
 */
final class ShopeeCatalog {
  private static final int MAX_REMEMBERED = 20_000;

  private final ShopeeClient client;
  private final Map<String, ShopeeListed> listed = bounded();
  private final Map<String, Long> items = bounded();

  ShopeeCatalog(ShopeeClient client) {
    this.client = client;
  }

  /** An item of the shop: its id, its own SKU, whether it has variants, and its status. */
  record Item(long itemId, String itemSku, boolean hasModel, String status) {}

  /** Where each of {@code skus} is listed; SKUs the shop does not have are absent. */
  Map<String, ShopeeListed> find(Connection c, ShopeeSettings s, Collection<String> skus) {
    Map<String, ShopeeListed> found = new HashMap<>();
    Set<String> missing = new LinkedHashSet<>();
    for (String sku : skus) {
      ShopeeListed known = listed.get(key(c, sku));
      if (known != null) {
        found.put(sku, known);
      } else {
        missing.add(sku);
      }
    }
    if (missing.isEmpty()) {
      return found;
    }
    Set<Long> candidates = new LinkedHashSet<>();
    for (String sku : missing) {
      candidates.addAll(search(c, s, sku));
    }
    for (Item item : baseInfo(c, s, candidates)) {
      if (!item.hasModel()) {
        if (missing.contains(item.itemSku())) {
          ShopeeListed l = new ShopeeListed(item.itemId(), 0, item.status(), 0);
          remember(c, item.itemSku(), l);
          found.put(item.itemSku(), l);
        }
        continue;
      }
      ShopeeModels models = models(c, s, item.itemId());
      for (ShopeeModels.Model m : models.models()) {
        if (m.sku() == null || m.sku().isEmpty()) {
          continue;
        }
        ShopeeListed l = new ShopeeListed(item.itemId(), m.modelId(), item.status(), models.models().size());
        remember(c, m.sku(), l);
        if (missing.contains(m.sku())) {
          found.put(m.sku(), l);
        }
      }
    }
    return found;
  }

  /**
   * The live or unlisted item whose own SKU is {@code itemSku}: remembered from this process, or
   * searched for.
   */
  Optional<Item> item(Connection c, ShopeeSettings s, String itemSku) {
    Long knownId = items.get(key(c, itemSku));
    List<Long> candidates = knownId != null ? List.of(knownId) : search(c, s, itemSku);
    for (Item item : baseInfo(c, s, candidates)) {
      if (itemSku.equals(item.itemSku())) {
        items.put(key(c, itemSku), item.itemId());
        return Optional.of(item);
      }
    }
    if (knownId != null) {
      items.remove(key(c, itemSku));
      return item(c, s, itemSku);
    }
    return Optional.empty();
  }

  /** The variation structure of an item, asked fresh. */
  ShopeeModels models(Connection c, ShopeeSettings s, long itemId) {
    JsonNode response = client.get(c, s, ShopeeApi.MODEL_LIST,
        q -> q.addQueryParameter("item_id", String.valueOf(itemId))).orThrow().response();
    return ShopeeModels.read(response);
  }

  /** Remembers an item created or found by its own SKU. */
  void rememberItem(Connection c, String itemSku, long itemId) {
    items.put(key(c, itemSku), itemId);
  }

  void remember(Connection c, String sku, ShopeeListed l) {
    listed.put(key(c, sku), l);
  }

  /** Forgets a SKU, after Shopee refused its ids or it was removed. */
  void forget(Connection c, String sku) {
    listed.remove(key(c, sku));
  }

  private List<Long> search(Connection c, ShopeeSettings s, String sku) {
    JsonNode response = client.get(c, s, ShopeeApi.SEARCH_ITEM, q -> q
        .addQueryParameter("page_size", String.valueOf(ShopeeApi.SEARCH_PAGE))
        .addQueryParameter("item_sku", sku)
        .addQueryParameter("item_status", ShopeeApi.NORMAL)
        .addQueryParameter("item_status", ShopeeApi.UNLIST)).orThrow().response();
    List<Long> ids = new ArrayList<>();
    response.path("item_id_list").forEach(id -> ids.add(id.asLong()));
    return ids;
  }

  private List<Item> baseInfo(Connection c, ShopeeSettings s, Collection<Long> itemIds) {
    List<Long> ids = new ArrayList<>(itemIds);
    List<Item> out = new ArrayList<>();
    for (int from = 0; from < ids.size(); from += ShopeeApi.LIST_LIMIT) {
      List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + ShopeeApi.LIST_LIMIT));
      StringBuilder list = new StringBuilder();
      chunk.forEach(id -> list.append(list.length() == 0 ? "" : ",").append(id));
      JsonNode response = client.get(c, s, ShopeeApi.ITEM_BASE_INFO,
          q -> q.addQueryParameter("item_id_list", list.toString())).orThrow().response();
      for (JsonNode item : response.path("item_list")) {
        String status = text(item, "item_status");
        if (ShopeeApi.NORMAL.equals(status) || ShopeeApi.UNLIST.equals(status)) {
          out.add(new Item(item.path("item_id").asLong(), text(item, "item_sku"),
              item.path("has_model").asBoolean(false), status));
        }
      }
    }
    return out;
  }

  private static String key(Connection c, String sku) {
    return c.id() + '\n' + sku;
  }

  private static <V> Map<String, V> bounded() {
    return Collections.synchronizedMap(new LinkedHashMap<String, V>(256, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
        return size() > MAX_REMEMBERED;
      }
    });
  }
}
