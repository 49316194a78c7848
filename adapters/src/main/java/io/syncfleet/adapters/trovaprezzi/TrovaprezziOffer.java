package io.syncfleet.adapters.trovaprezzi;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.util.List;

/**
 * One offer of the feed, as the feed store keeps it and {@link TrovaprezziXml} publishes it.
 *
 * @param code          the merchant's unique id: the SKU
 * @param originalPrice the struck-through price, or null
 * @param stock         units available
 * @param categories    the merchant's category path(s)
 * @param images        image URLs, the main one first
 * @param shippingCost  euros
 * @param partNumber    the manufacturer part number (MPN), or null
 * @param eanCode       the EAN/GTIN, or null
 * @param weight        kilograms, or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record TrovaprezziOffer(String code, String name, String brand, String description, BigDecimal originalPrice,
    BigDecimal price, String link, int stock, List<String> categories, List<String> images,
    BigDecimal shippingCost, String partNumber, String eanCode, BigDecimal weight) {

  TrovaprezziOffer {
    categories = categories == null ? List.of() : List.copyOf(categories);
    images = images == null ? List.of() : List.copyOf(images);
  }

  /** This offer with {@code units} in stock. */
  TrovaprezziOffer withStock(int units) {
    return new TrovaprezziOffer(code, name, brand, description, originalPrice, price, link, units, categories,
        images, shippingCost, partNumber, eanCode, weight);
  }

  /** This offer at {@code newPrice}, struck through from {@code newOriginal} (null for none). */
  TrovaprezziOffer withPrice(BigDecimal newPrice, BigDecimal newOriginal) {
    return new TrovaprezziOffer(code, name, brand, description, newOriginal, newPrice, link, stock, categories,
        images, shippingCost, partNumber, eanCode, weight);
  }
}
