package io.syncfleet.adapters.bigcommerce;

import io.syncfleet.adapters.Order;
import io.syncfleet.adapters.RatePlan;
import io.syncfleet.producer.job.Listing;
import io.syncfleet.producer.job.Operation;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * Every BigCommerce fact the adapter relies on, in one place. Each carries the tag of
 * {@code shared/marketplaces.md} section 16, or of BigCommerce's own API reference and docs where
 * those settled a fact the facts file left open: [V] verified against BigCommerce's OpenAPI
 * reference or developer docs, [C] corroborated only by community code, [U] unverified. Confirm a
 * [U] fact with BigCommerce before relying on it; when BigCommerce disagrees, this file is the one
 * to change.
 */
final class BigCommerceApi {
  /** [V] One API host for every store; sandboxes are ordinary (trial or sandbox) stores on it. */
  static final String API_URL = "https://api.bigcommerce.com";
  /** [V] Every path is under {@code /stores/{store_hash}/v2} or {@code /v3}. */
  static final String STORES = "stores";
  /** [V] The store-level API account's access token. */
  static final String AUTH_HEADER = "X-Auth-Token";

  /** [V] On a 429, the milliseconds left in the rate-limit window. */
  static final String RESET_MS = "X-Rate-Limit-Time-Reset-Ms";
  /** [V] On a 429, the seconds before the quota refreshes; when both are sent the longer wait wins [V]. */
  static final String RETRY_AFTER = "X-Retry-After";

  /**
   * [V] Products: {@code GET ?sku:in=&include=variants,options} (by product / base variant SKU),
   * {@code POST} creates one product with its variants, {@code PUT /{id}} updates one,
   * {@code DELETE ?id:in=} deletes up to 250.
   */
  static final String PRODUCTS = "catalog/products";
  /**
   * [V] Variants batch: {@code GET ?sku=} finds a non-base variant, {@code PUT} updates up to 50; a
   * base variant's price set through it is its product's price [U].
   */
  static final String VARIANTS = "catalog/variants";
  /** [V] Path segments under a product: its variants (created one at a time) and its options. */
  static final String VARIANTS_OF_PRODUCT = "variants";
  static final String OPTIONS_OF_PRODUCT = "options";
  static final String VALUES_OF_OPTION = "values";
  /**
   * [V] Absolute inventory adjustments: up to 2,000 items, each with exactly one of sku / variant_id /
   * product_id; a refused item refuses the whole call [U], as BigCommerce's batch endpoints may [V].
   */
  static final String INVENTORY_ABSOLUTE = "inventory/adjustments/absolute";
  /**
   * [V v2] Orders, which answer 204 without a body when nothing matches [U]; the store's name and
   * domain for the connection test.
   */
  static final String ORDERS = "orders";
  static final String STORE = "store";

  /** [V] Batch limits. */
  static final int VARIANTS_BATCH = 50;
  static final int INVENTORY_BATCH = 2000;
  static final int DELETE_BATCH = 250;
  /** [C] Default location id every store has; multi-location stores add their own. */
  static final String DEFAULT_LOCATION_ID = "1";
  /** [V] Reason recorded with each absolute adjustment. */
  static final String ADJUSTMENT_REASON = "Syncfleet stock sync";

  /** [V] Product limits: name 250, SKU 255, UPC and GTIN 14, 1,000 images by absolute URL. */
  static final int MAX_NAME = 250;
  static final int MAX_SKU = 255;
  static final int MAX_GTIN = 14;
  static final int MAX_IMAGES = 1000;
  /** [V] Product type the adapter creates; weight is required on create, so the setting's default is sent. */
  static final String PHYSICAL = "physical";
  static final String DEFAULT_WEIGHT = "0";
  /** [V values] Our conditions in BigCommerce's three. */
  static final Map<Listing.Condition, String> CONDITIONS = new EnumMap<>(Map.of(
      Listing.Condition.NEW, "New",
      Listing.Condition.NEW_OTHER, "New",
      Listing.Condition.REFURBISHED, "Refurbished",
      Listing.Condition.USED_EXCELLENT, "Used",
      Listing.Condition.USED_GOOD, "Used",
      Listing.Condition.USED_ACCEPTABLE, "Used",
      Listing.Condition.FOR_PARTS, "Used"));

  /** [U] Orders per page: v2 documents no maximum; 50 keeps a page with its lines small. */
  static final int ORDER_PAGE_SIZE = 50;
  /** A first pull reads this far back. */
  static final Duration FIRST_PULL_LOOKBACK = Duration.ofDays(30);

  /** Connection credential and setting names. */
  static final String ACCESS_TOKEN = "access_token";
  static final String WEBHOOK_CLIENT_SECRET = "client_secret";
  static final String STORE_HASH = "store_hash";
  static final String LOCATION_ID = "location_id";
  static final String WEIGHT = "default_weight";
  static final String CATEGORY_ID = "category_id";

  /**
   * Derived from the Standard and Plus plans' quota of 150 requests per 30 s, 5 per second [V]
   * (Pro 450 / 30 s, Enterprise by contract), divided by the calls a full job makes. The quota is the
   * store's, shared by every app on it [V].
   */
  static final Map<Operation, RatePlan> RATE_PLANS = rates();

  private static Map<Operation, RatePlan> rates() {
    Map<Operation, RatePlan> plans = new EnumMap<>(Operation.class);
    plans.put(Operation.UPSERT_LISTINGS, plan(0.2, "a lookup, a save per product and a stock call: up to ~25 calls"));
    plans.put(Operation.UPDATE_STOCK, plan(2, "one absolute adjustment call"));
    plans.put(Operation.UPDATE_PRICES, plan(0.5, "a lookup or two and one variants batch, more on first sight of SKUs"));
    plans.put(Operation.DELETE_LISTINGS, plan(0.5, "a lookup or two and one call per product or variant"));
    plans.put(Operation.PULL_ORDERS, plan(1, "one call per page"));
    plans.put(Operation.TEST_CONNECTION, plan(1, "one call"));
    return Map.copyOf(plans);
  }

  private static RatePlan plan(double perSecond, String calls) {
    return new RatePlan(perSecond, 2, "[V] Standard/Plus quota 150 requests per 30 s per store; a full job makes "
        + calls + " [our estimate]");
  }

  /** [V ids] Our status for a v2 order's {@code status_id}. */
  static Order.Status orderStatus(int statusId) {
    switch (statusId) {
      case 2:
      case 10:
        return Order.Status.SHIPPED;
      case 3:
        return Order.Status.PARTIALLY_SHIPPED;
      case 4:
        return Order.Status.REFUNDED;
      case 5:
      case 6:
        return Order.Status.CANCELLED;
      case 8:
      case 9:
      case 11:
      case 13:
      case 14:
        return Order.Status.PAID;
      default:
        // 0 Incomplete, 1 Pending, 7 Awaiting Payment, 12 Manual Verification Required
        return Order.Status.PENDING;
    }
  }

  private BigCommerceApi() {}
}
