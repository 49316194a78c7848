package io.syncfleet.adapters.trovaprezzi;

import io.syncfleet.adapters.RatePlan;
import io.syncfleet.producer.job.Operation;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Every Trovaprezzi fact the adapter relies on, in one place. Trovaprezzi has no API: it fetches a
 * feed the merchant hosts. No authoritative specification of that feed was found, so everything here
 * is [U] as in {@code shared/marketplaces.md} section 13, except where community feed plugins agree
 * [C]. Confirm with Trovaprezzi's merchant documentation; when it disagrees, this file (and
 * {@link TrovaprezziXml}, which follows it) is the one to change.
 */
final class TrovaprezziApi {
  /** [U; C woo-feed] The document is {@code <Products>} with one {@code <Offer>} per product. */
  static final String ROOT = "Products";
  static final String OFFER = "Offer";
  /** [U] The offer's elements, in the order written. Images are Image, Image2, Image3, ... */
  static final String NAME = "Name";
  static final String BRAND = "Brand";
  static final String DESCRIPTION = "Description";
  static final String ORIGINAL_PRICE = "OriginalPrice";
  static final String PRICE = "Price";
  static final String CODE = "Code";
  static final String LINK = "Link";
  static final String STOCK = "Stock";
  static final String CATEGORIES = "Categories";
  static final String IMAGE = "Image";
  static final String SHIPPING_COST = "ShippingCost";
  static final String PART_NUMBER = "PartNumber";
  static final String EAN_CODE = "EanCode";
  static final String WEIGHT = "Weight";
  /** Every element name an offer may have, but the numbered images. */
  static final List<String> FIELDS = List.of(NAME, BRAND, DESCRIPTION, ORIGINAL_PRICE, PRICE, CODE, LINK,
      STOCK, CATEGORIES, IMAGE, SHIPPING_COST, PART_NUMBER, EAN_CODE, WEIGHT);

  /**
   * [U] Prices are euros, VAT included, with '.' before two decimals. [C] One community plugin writes
   * ',' instead: should Trovaprezzi's validator refuse '.', this is where to change it.
   */
  static final String CURRENCY = "EUR";
  static final char DECIMAL_SEPARATOR = '.';
  static final int PRICE_DECIMALS = 2;
  /** [C woo-feed] Several categories (or a path's levels) are separated by commas. */
  static final String CATEGORY_SEPARATOR = ",";
  /** [U] The feed is read as UTF-8 XML. */
  static final String CONTENT_TYPE = "application/xml; charset=UTF-8";
  /** [U] EAN/GTIN lengths a price comparison site matches products by. */
  static final List<Integer> EAN_LENGTHS = List.of(8, 12, 13, 14);

  /**
   * Items per job, our choice: a batch is one locked edit of the shards it touches, and 1,000 keep
   * one edit well under a second on an ordinary disk.
   */
  static final int BATCH = 1000;

  /** Connection setting: the directory of this connection's feed store (absolute). */
  static final String FEED_DIR = "feed_dir";
  /** Connection setting: product page URL with {@value #SKU_PLACEHOLDER}, for listings without a link. */
  static final String LINK_TEMPLATE = "link_template";
  /** Connection setting: shipping cost in euros for listings without their own. */
  static final String SHIPPING_COST_SETTING = "shipping_cost";
  static final String SKU_PLACEHOLDER = "{sku}";

  /** Listing attributes (first value) the feed takes beyond the common listing fields. */
  static final String LINK_ATTRIBUTE = "link";
  static final String SHIPPING_COST_ATTRIBUTE = "shipping_cost";
  static final String WEIGHT_ATTRIBUTE = "weight";
  static final String ORIGINAL_PRICE_ATTRIBUTE = "original_price";
  /** Listing attribute with the merchant's category path(s); the listing's category id otherwise. */
  static final String CATEGORIES_ATTRIBUTE = "categories";

  /**
   * Nothing to throttle: a call edits local files and Trovaprezzi fetches the feed on its own
   * schedule [U]. The rates only keep one connection from monopolizing a host's disk.
   */
  static Map<Operation, RatePlan> ratePlans() {
    String local = "no marketplace limit: a local feed store (file lock + atomic rename), fetched by "
        + "Trovaprezzi on its own schedule [U]; rate chosen to bound disk rewrites";
    Map<Operation, RatePlan> plans = new EnumMap<>(Operation.class);
    for (Operation op : List.of(Operation.UPSERT_LISTINGS, Operation.UPDATE_STOCK, Operation.UPDATE_PRICES,
        Operation.DELETE_LISTINGS)) {
      plans.put(op, new RatePlan(10, 10, local));
    }
    plans.put(Operation.TEST_CONNECTION, new RatePlan(1, 2, local));
    return Map.copyOf(plans);
  }

  private TrovaprezziApi() {}
}
