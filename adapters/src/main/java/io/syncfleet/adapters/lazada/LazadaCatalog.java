package io.syncfleet.adapters.lazada;

import static io.syncfleet.adapters.lazada.LazadaErrors.text;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.syncfleet.producer.Json;
import io.syncfleet.producer.connection.Connection;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where the merchant's SKUs are on Lazada: products/get with {@code sku_seller_list} finds the
 * products carrying whole seller SKUs [V], whose item and SKU ids price, stock, update and remove
 * calls need. Findings are remembered per connection, in memory and bounded, because every stock and
 * price update needs them.
 */
final class LazadaCatalog {
  private static final int MAX_REMEMBERED = 20_000;

  private final LazadaClient client;
  private final Map<String, List<LazadaSku>> known = Collections.synchronizedMap(
      new LinkedHashMap<String, List<LazadaSku>>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, List<LazadaSku>> eldest) {
          return size() > MAX_REMEMBERED;
        }
      });

  LazadaCatalog(LazadaClient client) {
    this.client = client;
  }

  /** The Lazada SKUs carrying each of {@code skus}; SKUs Lazada does not have are absent. */
  Map<String, List<LazadaSku>> find(Connection c, LazadaSettings s, Collection<String> skus) {
    Map<String, List<LazadaSku>> found = new HashMap<>();
    List<String> missing = new ArrayList<>();
    for (String sku : skus) {
      List<LazadaSku> remembered = known.get(key(c, sku));
      if (remembered != null) {
        found.put(sku, remembered);
      } else if (!missing.contains(sku)) {
        missing.add(sku);
      }
    }
    for (int from = 0; from < missing.size(); from += LazadaApi.PRODUCTS_PAGE) {
      List<String> chunk = missing.subList(from, Math.min(missing.size(), from + LazadaApi.PRODUCTS_PAGE));
      Map<String, String> params = new LinkedHashMap<>();
      params.put("filter", "all");
      params.put("limit", String.valueOf(LazadaApi.PRODUCTS_PAGE));
      params.put("sku_seller_list", json(chunk));
      JsonNode data = client.get(c, s, LazadaApi.PRODUCTS, params).orThrow().data();
      Map<String, List<LazadaSku>> page = new HashMap<>();
      for (JsonNode product : data.path("products")) {
        long itemId = product.path("item_id").asLong();
        for (JsonNode sku : product.path("skus")) {
          String sellerSku = text(sku, "SellerSku");
          String status = text(sku, "Status");
          if (sellerSku != null && chunk.contains(sellerSku)
              && (status == null || !LazadaApi.GONE_STATUSES.contains(status.toLowerCase(Locale.ROOT)))) {
            page.computeIfAbsent(sellerSku, k -> new ArrayList<>())
                .add(new LazadaSku(itemId, sku.path("SkuId").asLong(), sellerSku));
          }
        }
      }
      page.forEach((sku, ids) -> remember(c, sku, ids));
      found.putAll(page);
    }
    return found;
  }

  void remember(Connection c, String sku, List<LazadaSku> ids) {
    known.put(key(c, sku), List.copyOf(ids));
  }

  /** Forgets a SKU, after Lazada refused its ids or it was removed. */
  void forget(Connection c, String sku) {
    known.remove(key(c, sku));
  }

  private static String json(List<String> skus) {
    try {
      return Json.MAPPER.writeValueAsString(skus);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String key(Connection c, String sku) {
    return c.id() + '\n' + sku;
  }
}
