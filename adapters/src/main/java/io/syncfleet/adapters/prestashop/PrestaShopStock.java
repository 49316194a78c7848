package io.syncfleet.adapters.prestashop;

import com.fasterxml.jackson.databind.JsonNode;
import io.syncfleet.adapters.ItemOutcome;
import io.syncfleet.producer.connection.Connection;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Sets quantities through {@code stock_availables}, PrestaShop's stock rows (one per product,
 * combination and shop or shared shop group): rows are found by product with one list call, then
 * each is PUT back whole with its new quantity [U: the Webservice offers no other write of stock].
 */
final class PrestaShopStock {
  private final PrestaShopClient client;

  PrestaShopStock(PrestaShopClient client) {
    this.client = client;
  }

  /** The stock rows of {@code productIds}, by product and combination. */
  Map<PrestaShopRef, List<JsonNode>> rows(Connection connection, Collection<Long> productIds) {
    List<Long> ids = new ArrayList<>(new LinkedHashSet<>(productIds));
    Map<PrestaShopRef, List<JsonNode>> rows = new HashMap<>();
    for (int from = 0; from < ids.size(); from += PrestaShopApi.REFERENCES_PER_LOOKUP) {
      List<String> chunk = ids.subList(from, Math.min(ids.size(), from + PrestaShopApi.REFERENCES_PER_LOOKUP))
          .stream().map(String::valueOf).toList();
      for (JsonNode row : client.list(connection, client.jsonUrl(connection, PrestaShopApi.STOCK).newBuilder()
          .addQueryParameter("display", "full")
          .addQueryParameter("filter[id_product]", "[" + String.join("|", chunk) + "]")
          .build(), PrestaShopApi.STOCK)) {
        PrestaShopRef ref = new PrestaShopRef(row.path("id_product").asLong(), row.path("id_product_attribute").asLong());
        rows.computeIfAbsent(ref, k -> new ArrayList<>()).add(row);
      }
    }
    return rows;
  }

  /**
   * Sets {@code ref}'s quantity on its one row in the connection's shop: a row of that shop, or one
   * shared by its shop group; without a shop_id setting the product must have one row only.
   */
  ItemOutcome set(Connection connection, String sku, PrestaShopRef ref, int quantity,
      Map<PrestaShopRef, List<JsonNode>> rows) {
    Optional<String> shop = connection.setting(PrestaShopApi.SHOP_ID);
    List<JsonNode> candidates = rows.getOrDefault(ref, List.of()).stream()
        .filter(r -> shop.isEmpty() || shop.get().equals(r.path("id_shop").asText()) || "0".equals(r.path("id_shop").asText()))
        .toList();
    if (candidates.isEmpty()) {
      return ItemOutcome.retry(sku, PrestaShopApi.NO_STOCK_ROW, "PrestaShop has no stock row for product "
          + ref.productId() + (ref.isCombination() ? " combination " + ref.combinationId() : "") + " yet", null);
    }
    if (candidates.size() > 1) {
      return ItemOutcome.failed(sku, PrestaShopApi.NO_STOCK_ROW, "several shops keep their own stock of this "
          + "product; set the connection's shop_id to the shop to update");
    }
    JsonNode row = candidates.get(0);
    Document doc = PrestaShopXml.create("stock_available");
    Element entity = PrestaShopXml.entity(doc);
    row.properties().forEach(f -> {
      if (!f.getValue().isContainerNode()) {
        PrestaShopXml.set(entity, f.getKey(), f.getValue().isNull() ? "" : f.getValue().asText());
      }
    });
    PrestaShopXml.set(entity, "quantity", String.valueOf(quantity));
    client.update(connection, PrestaShopApi.STOCK + "/" + row.path("id").asText(), doc);
    return ItemOutcome.done(sku);
  }
}
