package io.syncfleet.demo.sim;

import java.math.BigDecimal;

/**
 * What the simulated eBay holds for one SKU: its inventory item and, once made, its offer.
 *
 * @param sku           the merchant's SKU
 * @param title         the product title
 * @param condition     eBay's condition value
 * @param quantity      the inventory item's ship-to-location quantity
 * @param offerId       the offer's id, or null before an offer exists
 * @param price         the offer's price, or null
 * @param currency      the offer's currency, or null
 * @param offerQuantity the offer's available quantity, or null
 * @param published     whether the offer is live
 */
public record EbaySimListing(String sku, String title, String condition, int quantity, String offerId,
    BigDecimal price, String currency, Integer offerQuantity, boolean published) {}
