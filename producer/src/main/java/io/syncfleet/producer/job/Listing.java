package io.syncfleet.producer.job;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * A product as the merchant wants it listed: the marketplace-neutral shape every adapter maps from.
 *
 * <p>Listings that share a {@code group} are variants of one product (Shopify variants, eBay
 * inventory item groups); {@code options} names what distinguishes them, e.g. {@code Size=M}.
 * {@code version} orders changes to the same SKU (see {@link Item#version()}).
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Listing(
    String sku,
    String title,
    String description,
    String brand,
    String mpn,
    String gtin,
    Condition condition,
    BigDecimal price,
    String currency,
    Integer quantity,
    List<String> imageUrls,
    String categoryId,
    Map<String, List<String>> attributes,
    String group,
    Map<String, String> options,
    Long version)
    implements Item {

  /** Item condition, mapped by each adapter to its marketplace's vocabulary. */
  public enum Condition {
    NEW,
    NEW_OTHER,
    REFURBISHED,
    USED_EXCELLENT,
    USED_GOOD,
    USED_ACCEPTABLE,
    FOR_PARTS
  }

  public Listing {
    imageUrls = imageUrls == null ? List.of() : List.copyOf(imageUrls);
    attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    options = options == null ? Map.of() : Map.copyOf(options);
  }

  /** A listing without a version of its own (the producer stamps one when enqueueing). */
  public Listing(String sku, String title, String description, String brand, String mpn, String gtin,
      Condition condition, BigDecimal price, String currency, Integer quantity, List<String> imageUrls,
      String categoryId, Map<String, List<String>> attributes, String group, Map<String, String> options) {
    this(sku, title, description, brand, mpn, gtin, condition, price, currency, quantity, imageUrls,
        categoryId, attributes, group, options, null);
  }

  /** A minimal new listing; use the {@code with...} methods or the canonical constructor for more. */
  public static Listing of(String sku, String title, BigDecimal price, String currency, int quantity) {
    return new Listing(sku, title, null, null, null, null, Condition.NEW, price, currency, quantity,
        List.of(), null, Map.of(), null, Map.of());
  }

  /** This listing with the given image URLs. */
  public Listing withImages(List<String> urls) {
    return new Listing(sku, title, description, brand, mpn, gtin, condition, price, currency, quantity,
        urls, categoryId, attributes, group, options, version);
  }

  /** This listing with the given description, brand and category. */
  public Listing withDetails(String newDescription, String newBrand, String newCategoryId) {
    return new Listing(sku, title, newDescription, newBrand, mpn, gtin, condition, price, currency,
        quantity, imageUrls, newCategoryId, attributes, group, options, version);
  }

  /** This listing as a variant of {@code groupId} distinguished by {@code variantOptions}. */
  public Listing asVariant(String groupId, Map<String, String> variantOptions) {
    return new Listing(sku, title, description, brand, mpn, gtin, condition, price, currency, quantity,
        imageUrls, categoryId, attributes, groupId, variantOptions, version);
  }

  @Override
  public Listing withVersion(Long newVersion) {
    return new Listing(sku, title, description, brand, mpn, gtin, condition, price, currency, quantity,
        imageUrls, categoryId, attributes, group, options, newVersion);
  }
}
