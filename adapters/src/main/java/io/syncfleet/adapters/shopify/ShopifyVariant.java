package io.syncfleet.adapters.shopify;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A variant as it exists in the shop, found by SKU: the ids every mutation needs and the option
 * values it is known by.
 *
 * @param id                  the variant's GID
 * @param sku                 its SKU
 * @param productId           its product's GID
 * @param productVariantCount how many variants the product has in all
 * @param inventoryItemId     its inventory item's GID (stock lives there)
 * @param options             option name to value, in the product's option order
 */
record ShopifyVariant(String id, String sku, String productId, int productVariantCount,
    String inventoryItemId, Map<String, String> options) {

  ShopifyVariant {
    options = Collections.unmodifiableMap(new LinkedHashMap<>(options));
  }
}
