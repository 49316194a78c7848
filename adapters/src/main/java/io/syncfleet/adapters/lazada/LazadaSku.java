package io.syncfleet.adapters.lazada;

/**
 * One Lazada SKU carrying a seller SKU. Since November 2023 a seller SKU need only be unique within
 * its product [C], so one seller SKU may name several of these.
 *
 * @param itemId    the product's id
 * @param skuId     Lazada's SKU id
 * @param sellerSku the merchant's SKU
 */
record LazadaSku(long itemId, long skuId, String sellerSku) {

  /** The form remove takes [V]. */
  String removeId() {
    return String.format(LazadaApi.SKU_ID_FORMAT, itemId, skuId);
  }
}
