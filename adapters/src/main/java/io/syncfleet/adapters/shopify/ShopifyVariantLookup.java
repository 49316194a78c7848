package io.syncfleet.adapters.shopify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.syncfleet.producer.Json;
import io.syncfleet.producer.connection.Connection;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Finds the shop's variants for a batch of SKUs with one search (an OR of {@code sku:"..."} terms),
 * and all variants of one product by id or handle. SKUs are not unique in Shopify, so a SKU may name
 * several variants; the search matches loosely, so only exact SKU matches are kept.
 */
final class ShopifyVariantLookup {
  private final ShopifyGraphql graphql;

  ShopifyVariantLookup(ShopifyGraphql graphql) {
    this.graphql = graphql;
  }

  /** The variants carrying each of {@code skus}; a SKU the shop does not have is absent. */
  Map<String, List<ShopifyVariant>> bySku(Connection connection, Collection<String> skus) {
    Set<String> wanted = new LinkedHashSet<>(skus);
    Map<String, List<ShopifyVariant>> found = new HashMap<>();
    if (wanted.isEmpty()) {
      return found;
    }
    String query = wanted.stream().map(s -> "sku:" + quoted(s)).collect(Collectors.joining(" OR "));
    String after = null;
    do {
      ObjectNode variables = Json.MAPPER.createObjectNode();
      variables.put("query", query);
      variables.put("first", Math.min(ShopifyApi.VARIANT_LOOKUP_PAGE, wanted.size()));
      variables.put("after", after);
      JsonNode page = graphql.execute(connection, ShopifyQueries.VARIANTS_BY_SKU, variables)
          .path("productVariants");
      for (JsonNode node : page.path("nodes")) {
        String sku = node.path("sku").asText("");
        if (wanted.contains(sku)) {
          JsonNode product = node.path("product");
          found.computeIfAbsent(sku, k -> new ArrayList<>()).add(variant(node,
              product.path("id").asText(), product.path("variantsCount").path("count").asInt(1)));
        }
      }
      after = ShopifyGraphql.nextCursor(page);
    } while (after != null);
    return found;
  }

  /**
   * Every variant of the product whose {@code field} ({@code id} or {@code handle}) is {@code value},
   * in the product's order; empty when there is no such product (a product always has a variant).
   */
  List<ShopifyVariant> ofProduct(Connection connection, String field, String value) {
    List<ShopifyVariant> variants = new ArrayList<>();
    String after = null;
    do {
      ObjectNode variables = Json.MAPPER.createObjectNode();
      variables.putObject("identifier").put(field, value);
      variables.put("first", ShopifyApi.PRODUCT_VARIANTS_PAGE);
      variables.put("after", after);
      JsonNode product = graphql.execute(connection, ShopifyQueries.PRODUCT_VARIANTS, variables)
          .path("productByIdentifier");
      if (!product.isObject()) {
        return variants;
      }
      String productId = product.path("id").asText();
      int count = product.path("variantsCount").path("count").asInt(0);
      JsonNode page = product.path("variants");
      for (JsonNode node : page.path("nodes")) {
        variants.add(variant(node, productId, count));
      }
      after = ShopifyGraphql.nextCursor(page);
    } while (after != null);
    return variants;
  }

  private static ShopifyVariant variant(JsonNode node, String productId, int productVariantCount) {
    Map<String, String> options = new LinkedHashMap<>();
    for (JsonNode option : node.path("selectedOptions")) {
      options.put(option.path("name").asText(), option.path("value").asText());
    }
    return new ShopifyVariant(node.path("id").asText(), node.path("sku").asText(""), productId,
        productVariantCount, node.path("inventoryItem").path("id").asText(null), options);
  }

  /** A search-syntax phrase: SKUs may hold spaces, colons or quotes [C]. */
  static String quoted(String value) {
    return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }
}
