package io.syncfleet.adapters.prestashop;

/**
 * Where a SKU lives in a shop: a product, or one of its combinations.
 *
 * @param productId     the product
 * @param combinationId the combination (PrestaShop's id_product_attribute), or 0 for the product itself
 */
record PrestaShopRef(long productId, long combinationId) {
  boolean isCombination() {
    return combinationId != 0;
  }
}
