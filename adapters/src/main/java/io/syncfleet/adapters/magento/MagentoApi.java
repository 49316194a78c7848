package io.syncfleet.adapters.magento;

import io.syncfleet.adapters.Order;
import io.syncfleet.adapters.RatePlan;
import io.syncfleet.producer.job.Operation;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.Map;

/**
 * Every Magento 2 / Adobe Commerce REST fact the adapter relies on, in one place. Each carries the
 * tag of {@code shared/marketplaces.md} section 15: [V] verified against Magento's own code or docs,
 * [C] corroborated only by community code, [U] unverified. Confirm a [U] fact before relying on it;
 * when a store disagrees, this file is the one to change.
 */
final class MagentoApi {
  /** [V] REST lives under {@code {store URL}/rest/{store code}/V1/...}. */
  static final String REST = "rest";
  /**
   * [V] The store code {@code all} addresses the global (admin) scope. Catalog writes through a store
   * view's code save store-view overrides instead of the product's own values [C], so {@code all} is
   * the default.
   */
  static final String DEFAULT_STORE_CODE = "all";

  /** [V webapi.xml] {@code PUT /{sku}} creates or replaces a product, {@code DELETE /{sku}} deletes it, {@code GET} searches. */
  static final String PRODUCTS = "V1/products";
  /** [V webapi.xml] {@code GET /{code}} answers an attribute with its id and select options. */
  static final String ATTRIBUTES = "V1/products/attributes";
  /**
   * [V inventory webapi.xml] MSI source items; the body is {@code {"sourceItems":[{sku, source_code,
   * quantity, status}]}}, saved all or nothing, refused with a 400 listing what is invalid [V code].
   */
  static final String SOURCE_ITEMS = "V1/inventory/source-items";
  /**
   * [C] Base prices: {@code {"prices":[{price, store_id, sku}]}} answers 200 with {@code []}, or
   * with the refused rows as {@code [{message, parameters}]} while the valid rows are saved [V code].
   */
  static final String BASE_PRICES = "V1/products/base-prices";
  /** [V] Orders, searched with {@code searchCriteria} query parameters. */
  static final String ORDERS = "V1/orders";

  /** [V] Header carrying the integration access token. */
  static final String AUTHORIZATION = "Authorization";

  /** [C] Default attribute set of a fresh install ("Default"). */
  static final int DEFAULT_ATTRIBUTE_SET_ID = 4;
  /** [C] The website of a single-site install ("Main Website"). */
  static final int DEFAULT_WEBSITE_ID = 1;
  /** [V] Store id 0 is the admin (all store views) scope of a price. */
  static final int DEFAULT_PRICE_STORE_ID = 0;
  /** [V] MSI's source of a single-source install. */
  static final String DEFAULT_SOURCE_CODE = "default";

  /** [V] Product types and the values of {@code status} and {@code visibility}. */
  static final String SIMPLE = "simple";
  static final String CONFIGURABLE = "configurable";
  static final int ENABLED = 1;
  static final int VISIBLE_CATALOG_SEARCH = 4;
  static final int NOT_VISIBLE_INDIVIDUALLY = 1;
  /** [V] Source item status: 1 in stock, 0 out of stock. */
  static final int IN_STOCK = 1;
  static final int OUT_OF_STOCK = 0;

  /** [C] SKU length limit of the catalog's SKU attribute. */
  static final int MAX_SKU = 64;
  /** [U] Product name length limit (a varchar(255) attribute). */
  static final int MAX_NAME = 255;

  /** [C] Orders per page; Magento sets no hard maximum, large pages are slow to render. */
  static final int ORDER_PAGE_SIZE = 100;
  /** A first pull reads this far back; Magento sets no window of its own. */
  static final Duration FIRST_PULL_LOOKBACK = Duration.ofDays(30);
  /** [C] Magento stores and answers order dates in UTC, to the second, in this form. */
  static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

  /** Connection credential name: the integration's access token. */
  static final String ACCESS_TOKEN = "access_token";
  /** Connection setting names (the store URL is the connection's {@code base_url}). */
  static final String STORE_CODE = "store_code";
  static final String SOURCE_CODE = "source_code";
  static final String ATTRIBUTE_SET_ID = "attribute_set_id";
  static final String WEBSITE_ID = "website_id";
  static final String PRICE_STORE_ID = "price_store_id";
  static final String CATEGORY_ID = "category_id";

  /**
   * [U] Guesses. Magento has no rate limit by default [U] (2.4.7 can configure one, and hosts put
   * their own in front): these figures keep a self-hosted shop responsive, counted per adapter call.
   */
  static final Map<Operation, RatePlan> RATE_PLANS = rates();

  private static Map<Operation, RatePlan> rates() {
    String guess = "[U] guess for a self-hosted shop; Magento sets no API rate limit by default [U]";
    Map<Operation, RatePlan> plans = new EnumMap<>(Operation.class);
    plans.put(Operation.UPSERT_LISTINGS, new RatePlan(0.2, 1, guess + " (one save per listing, one per variant group, one stock call)"));
    plans.put(Operation.UPDATE_STOCK, new RatePlan(2, 4, guess + " (one source-items call)"));
    plans.put(Operation.UPDATE_PRICES, new RatePlan(2, 4, guess + " (one base-prices call)"));
    plans.put(Operation.DELETE_LISTINGS, new RatePlan(0.5, 1, guess + " (one call per SKU)"));
    plans.put(Operation.PULL_ORDERS, new RatePlan(1, 2, guess + " (one call per page)"));
    plans.put(Operation.TEST_CONNECTION, new RatePlan(1, 2, guess + " (one call)"));
    return Map.copyOf(plans);
  }

  /** [V values, C meaning] Our status for an order's {@code state}; partial shipping is read from the lines. */
  static Order.Status orderStatus(String state, boolean someShipped) {
    if (state == null) {
      return Order.Status.PENDING;
    }
    switch (state) {
      case "canceled":
        return Order.Status.CANCELLED;
      case "closed":
        return Order.Status.REFUNDED;
      case "complete":
        return Order.Status.SHIPPED;
      case "processing":
        return someShipped ? Order.Status.PARTIALLY_SHIPPED : Order.Status.PAID;
      default:
        // new, pending_payment, payment_review, holded
        return Order.Status.PENDING;
    }
  }

  private MagentoApi() {}
}
