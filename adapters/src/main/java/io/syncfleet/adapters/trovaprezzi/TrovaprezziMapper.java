package io.syncfleet.adapters.trovaprezzi;

import io.syncfleet.producer.job.Listing;
import java.math.BigDecimal;

/** A listing as a feed offer; the feed is a copy of what the merchant sells, field by field. */
final class TrovaprezziMapper {
  private TrovaprezziMapper() {}

  /**
   * The offer for a listing that passed {@link TrovaprezziRules}, with the link and shipping cost
   * already resolved. It replaces any offer stored for the SKU, so running it twice changes nothing.
   */
  static TrovaprezziOffer offer(Listing l, String link, BigDecimal shippingCost) {
    String original = TrovaprezziRules.attribute(l, TrovaprezziApi.ORIGINAL_PRICE_ATTRIBUTE);
    String weight = TrovaprezziRules.attribute(l, TrovaprezziApi.WEIGHT_ATTRIBUTE);
    return new TrovaprezziOffer(l.sku(), l.title().trim(), blankToNull(l.brand()), blankToNull(l.description()),
        original == null ? null : TrovaprezziRules.decimal(original), l.price(), link,
        l.quantity() == null ? 0 : l.quantity(), TrovaprezziRules.categories(l), l.imageUrls(), shippingCost,
        blankToNull(l.mpn()), blankToNull(l.gtin()), weight == null ? null : TrovaprezziRules.decimal(weight));
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
