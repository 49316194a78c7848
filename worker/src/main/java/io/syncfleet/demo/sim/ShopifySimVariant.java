package io.syncfleet.demo.sim;

import java.math.BigDecimal;
import java.util.Map;

/**
 * A variant of the simulated Shopify as a test or the demo sees it: a snapshot, not live state.
 *
 * @param sku            the SKU
 * @param title          its product's title
 * @param price          selling price
 * @param compareAtPrice struck-through price, or null
 * @param quantity       available quantity at the shop's location
 * @param tracked        whether Shopify tracks its inventory
 * @param options        option name to value, e.g. {@code Size=M}
 * @param productId      its product's GID
 * @param variantId      its GID
 */
public record ShopifySimVariant(String sku, String title, BigDecimal price, BigDecimal compareAtPrice,
    int quantity, boolean tracked, Map<String, String> options, String productId, String variantId) {

  public ShopifySimVariant {
    options = Map.copyOf(options);
  }
}
