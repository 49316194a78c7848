package io.syncfleet.adapters.woocommerce;

import com.fasterxml.jackson.databind.JsonNode;
import io.syncfleet.adapters.failure.TransientFailure;
import io.syncfleet.adapters.http.HttpResult;
import io.syncfleet.producer.connection.Connection;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import okhttp3.HttpUrl;
import okhttp3.Request;

/**
 * Finds a shop's products and variations by SKU. WooCommerce addresses everything by id, so every
 * batch first asks {@code GET /products?sku=a,b,c}, which matches SKUs exactly and includes
 * variations [V core code]. A SKU that itself contains a comma is asked for alone: WooCommerce also
 * matches the whole list as one SKU. Trashed products are not found, as for WooCommerce's own
 * uniqueness check.
 */
final class WooCommerceCatalog {
  private final WooCommerceClient client;

  WooCommerceCatalog(WooCommerceClient client) {
    this.client = client;
  }

  /** The products and variations carrying {@code skus}, by SKU; a SKU the shop lacks is absent. */
  Map<String, WooCommerceProduct> bySku(Connection connection, Collection<String> skus) {
    List<String> plain = new ArrayList<>();
    List<String> queries = new ArrayList<>();
    for (String sku : new LinkedHashSet<>(skus)) {
      if (sku.indexOf(WooCommerceApi.SKU_LIST_SEPARATOR) >= 0) {
        queries.add(sku);
      } else {
        plain.add(sku);
      }
    }
    for (int from = 0; from < plain.size(); from += WooCommerceApi.SKUS_PER_LOOKUP) {
      queries.add(String.join(String.valueOf(WooCommerceApi.SKU_LIST_SEPARATOR),
          plain.subList(from, Math.min(plain.size(), from + WooCommerceApi.SKUS_PER_LOOKUP))));
    }
    Set<String> wanted = new LinkedHashSet<>(skus);
    Map<String, WooCommerceProduct> found = new HashMap<>();
    for (String query : queries) {
      int page = 1;
      int pages;
      do {
        HttpUrl url = client.url(connection, WooCommerceApi.PRODUCTS).newBuilder()
            .addQueryParameter("sku", query)
            .addQueryParameter("per_page", String.valueOf(WooCommerceApi.PAGE_SIZE))
            .addQueryParameter("page", String.valueOf(page))
            .addQueryParameter("_fields", WooCommerceApi.LOOKUP_FIELDS)
            .build();
        HttpResult r = client.send(connection, new Request.Builder().url(url).get().build()).requireSuccess();
        JsonNode list = r.json();
        if (!list.isArray()) {
          throw new TransientFailure("WooCommerce answered a product search without a list", r.status());
        }
        for (JsonNode node : list) {
          WooCommerceProduct product = WooCommerceProduct.from(node);
          if (wanted.contains(product.sku())) {
            found.putIfAbsent(product.sku(), product);
          }
        }
        pages = totalPages(r);
        page++;
      } while (page <= pages);
    }
    return found;
  }

  /** One product by id, with what a lookup reads. */
  WooCommerceProduct byId(Connection connection, long id) {
    HttpUrl url = client.url(connection, WooCommerceApi.PRODUCTS + "/" + id).newBuilder()
        .addQueryParameter("_fields", WooCommerceApi.LOOKUP_FIELDS)
        .build();
    return WooCommerceProduct.from(client.get(connection, url));
  }

  /** The page count a collection answered; 1 when the header is missing (a cache may strip it). */
  static int totalPages(HttpResult r) {
    String header = r.header(WooCommerceApi.TOTAL_PAGES);
    try {
      return header == null ? 1 : Integer.parseInt(header.trim());
    } catch (NumberFormatException e) {
      return 1;
    }
  }
}
