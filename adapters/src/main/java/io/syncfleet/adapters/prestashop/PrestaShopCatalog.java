package io.syncfleet.adapters.prestashop;

import com.fasterxml.jackson.databind.JsonNode;
import io.syncfleet.producer.connection.Connection;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Finds a shop's products and combinations by reference, PrestaShop's SKU, with the list filter
 * {@code filter[reference]=[a|b|c]} [V core code]. PrestaShop does not make references unique, so a
 * SKU may name several: callers refuse to guess which.
 */
final class PrestaShopCatalog {
  private final PrestaShopClient client;

  PrestaShopCatalog(PrestaShopClient client) {
    this.client = client;
  }

  /** Every product and combination carrying each of {@code skus}; a SKU the shop lacks is absent. */
  Map<String, List<PrestaShopRef>> bySku(Connection connection, Collection<String> skus) {
    Map<String, List<PrestaShopRef>> found = new HashMap<>();
    for (JsonNode p : byReference(connection, PrestaShopApi.PRODUCTS, "[id,reference]", skus)) {
      found.computeIfAbsent(p.path("reference").asText(), k -> new ArrayList<>())
          .add(new PrestaShopRef(p.path("id").asLong(), 0));
    }
    for (JsonNode c : byReference(connection, PrestaShopApi.COMBINATIONS, "[id,id_product,reference]", skus)) {
      found.computeIfAbsent(c.path("reference").asText(), k -> new ArrayList<>())
          .add(new PrestaShopRef(c.path("id_product").asLong(), c.path("id").asLong()));
    }
    found.keySet().retainAll(new LinkedHashSet<>(skus));
    return found;
  }

  private List<JsonNode> byReference(Connection connection, String resource, String display, Collection<String> skus) {
    List<String> all = new ArrayList<>(new LinkedHashSet<>(skus));
    List<JsonNode> out = new ArrayList<>();
    for (int from = 0; from < all.size(); from += PrestaShopApi.REFERENCES_PER_LOOKUP) {
      List<String> chunk = all.subList(from, Math.min(all.size(), from + PrestaShopApi.REFERENCES_PER_LOOKUP));
      out.addAll(client.list(connection, client.jsonUrl(connection, resource).newBuilder()
          .addQueryParameter("display", display)
          .addQueryParameter("filter[reference]", "[" + String.join("|", chunk) + "]")
          .build(), resource));
    }
    return out;
  }
}
