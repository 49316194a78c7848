package io.syncfleet.adapters.shopee;

/**
 * Where one SKU is listed in a Shopee shop.
 *
 * @param itemId     Shopee's item id
 * @param modelId    the model's id, or 0 for an item without variants (Shopee's own convention [V])
 * @param status     the item's status when last seen (NORMAL or UNLIST)
 * @param modelCount how many models the item had when last seen, 0 without variants
 */
record ShopeeListed(long itemId, long modelId, String status, int modelCount) {

  boolean isModel() {
    return modelId != 0;
  }
}
