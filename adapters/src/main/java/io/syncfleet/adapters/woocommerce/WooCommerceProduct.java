package io.syncfleet.adapters.woocommerce;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A product or variation as a SKU lookup finds it: enough to address it and to update a variable
 * product without losing what it already has.
 *
 * @param id         WooCommerce's id
 * @param sku        its SKU
 * @param type       simple, variable, variation, or another product type
 * @param parentId   for a variation, its variable product; otherwise 0
 * @param attributes a product's attributes (a variation's are not read)
 * @param imageNames the names of its images, in order, which tell whether its images are ours already
 */
record WooCommerceProduct(long id, String sku, String type, long parentId, List<Attribute> attributes,
    List<String> imageNames) {

  WooCommerceProduct {
    attributes = List.copyOf(attributes);
    imageNames = List.copyOf(imageNames);
  }

  /** One attribute: {@code id} is 0 for a product's own attribute, else the global attribute's id. */
  record Attribute(long id, String name, boolean variation, List<String> options) {
    Attribute {
      options = List.copyOf(options);
    }
  }

  static WooCommerceProduct from(JsonNode node) {
    List<Attribute> attributes = new ArrayList<>();
    for (JsonNode a : node.path("attributes")) {
      List<String> options = new ArrayList<>();
      a.path("options").forEach(o -> options.add(o.asText()));
      attributes.add(new Attribute(a.path("id").asLong(0), a.path("name").asText(""),
          a.path("variation").asBoolean(false), options));
    }
    List<String> images = new ArrayList<>();
    node.path("images").forEach(i -> images.add(i.path("name").asText("")));
    return new WooCommerceProduct(node.path("id").asLong(), node.path("sku").asText(""),
        node.path("type").asText(""), node.path("parent_id").asLong(0), attributes, images);
  }

  boolean isVariation() {
    return WooCommerceApi.VARIATION.equals(type);
  }

  boolean isVariable() {
    return WooCommerceApi.VARIABLE.equals(type);
  }

  /** The path its batch updates go to: products, or its parent's variations. */
  String batchPath() {
    return isVariation() ? variationsOf(parentId) : WooCommerceApi.PRODUCTS;
  }

  /** The variations path of variable product {@code parentId}. */
  static String variationsOf(long parentId) {
    return WooCommerceApi.PRODUCTS + "/" + parentId + "/" + WooCommerceApi.VARIATIONS;
  }
}
