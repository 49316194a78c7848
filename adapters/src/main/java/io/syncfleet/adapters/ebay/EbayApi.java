package io.syncfleet.adapters.ebay;

import io.syncfleet.adapters.Order;
import io.syncfleet.adapters.RatePlan;
import io.syncfleet.producer.job.Listing;
import io.syncfleet.producer.job.Operation;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Every eBay fact the adapter relies on, in one place. Each carries the tag of
 * {@code shared/marketplaces.md} section 1: [V] verified against eBay's documentation or an SDK model
 * generated from it, [C] corroborated only by community code, [U] unverified. Confirm a [U] fact with
 * eBay before relying on it; when eBay disagrees, this file is the one to change.
 */
final class EbayApi {
  /** [V] */
  static final String PRODUCTION_URL = "https://api.ebay.com";
  /** [V] */
  static final String SANDBOX_URL = "https://api.sandbox.ebay.com";

  /** [V] OAuth2 token endpoint, on the API host of each environment. */
  static final String TOKEN_PATH = "identity/v1/oauth2/token";
  /** [V names] Scopes asked for on refresh; they must be a subset of what the merchant consented to [V]. */
  static final List<String> SCOPES = List.of(
      "https://api.ebay.com/oauth/api_scope",
      "https://api.ebay.com/oauth/api_scope/sell.inventory",
      "https://api.ebay.com/oauth/api_scope/sell.fulfillment");
  /** [C] User access tokens live about 2 h; used only when the token answer lacks expires_in. */
  static final Duration DEFAULT_TOKEN_LIFETIME = Duration.ofHours(2);
  /** [V] OAuth error of a refresh token that is expired, revoked or issued to another client. */
  static final String INVALID_GRANT = "invalid_grant";
  /** [V] OAuth error of scopes the merchant never consented to; only re-authorizing fixes it. */
  static final String INVALID_SCOPE = "invalid_scope";

  /** [V] Inventory API base path. */
  static final String INVENTORY = "sell/inventory/v1";
  /** [V] Bulk create-or-replace of inventory items; body {@code {"requests":[...]}}, per-item answers in {@code responses[]} [U]. */
  static final String BULK_UPSERT = INVENTORY + "/bulk_create_or_replace_inventory_item";
  /** [V] Bulk price and quantity of published offers. */
  static final String BULK_PRICE_QUANTITY = INVENTORY + "/bulk_update_price_quantity";
  /** [V path] {@code GET ?limit=} lists items; {@code DELETE /{sku}} removes an item with its offers [U]. */
  static final String INVENTORY_ITEM = INVENTORY + "/inventory_item";
  /**
   * [U] Offers: {@code GET ?sku=&marketplace_id=} answers {@code {"offers":[{offerId, format, status}]}}
   * (404 when the SKU has none [U]); {@code POST} creates and answers {@code {"offerId"}};
   * {@code PUT /{offerId}} replaces the whole offer [U]; {@code POST /{offerId}/publish} makes it live.
   */
  static final String OFFER = INVENTORY + "/offer";
  /** [U] Path segment after the offer id that publishes it. */
  static final String PUBLISH = "publish";
  /** [U] Offer status of a live listing; anything else needs a publish. */
  static final String PUBLISHED = "PUBLISHED";
  /** [V] The only format the adapter lists with. */
  static final String FIXED_PRICE = "FIXED_PRICE";
  /** [V] Request header naming the language of the payload; required on inventory writes [V bulk, U offers]. */
  static final String CONTENT_LANGUAGE = "Content-Language";
  /** [V] Bulk inventory calls take at most 25 entries (bulk_update_price_quantity: 25 entries in all). */
  static final int BULK_LIMIT = 25;

  /** [V] Fulfillment API getOrders. */
  static final String ORDERS = "sell/fulfillment/v1/order";
  /** [U] getOrders maximum page size ([C] community code uses 200). */
  static final int ORDER_PAGE_LIMIT = 200;
  /** [V] Without a filter eBay returns the last 90 days; a first pull asks for the same. */
  static final Duration FIRST_PULL_LOOKBACK = Duration.ofDays(90);
  /** [C] ISO-8601 UTC with milliseconds, as eBay writes dates and reads filters. */
  static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  /** [V] Inventory item limits from eBay's generated SDK model, except where tagged otherwise. */
  static final int MAX_TITLE = 80;
  static final int MAX_SKU = 50; // [U] (getOffers documents the same maximum for its sku parameter)
  static final int MAX_BRAND = 65; // [V]
  static final int MAX_MPN = 65; // [V]
  static final int MAX_DESCRIPTION = 4000; // [V] in the SDK model
  static final int MAX_IMAGES = 12; // [V] free on most sites; Motors allows 24, not used here

  /** [U] eBay's ConditionEnum value for each of our conditions. */
  static final Map<Listing.Condition, String> CONDITIONS = new EnumMap<>(Map.of(
      Listing.Condition.NEW, "NEW",
      Listing.Condition.NEW_OTHER, "NEW_OTHER",
      Listing.Condition.REFURBISHED, "SELLER_REFURBISHED",
      Listing.Condition.USED_EXCELLENT, "USED_EXCELLENT",
      Listing.Condition.USED_GOOD, "USED_GOOD",
      Listing.Condition.USED_ACCEPTABLE, "USED_ACCEPTABLE",
      Listing.Condition.FOR_PARTS, "FOR_PARTS_OR_NOT_WORKING"));

  /** [U] Order field values that decide our normalized status. */
  static final String CANCELED = "CANCELED";
  static final String FULLY_REFUNDED = "FULLY_REFUNDED";
  static final String PAYMENT_PENDING = "PENDING";
  static final String PAYMENT_FAILED = "FAILED";
  static final String FULFILLED = "FULFILLED";
  static final String IN_PROGRESS = "IN_PROGRESS";

  /** Connection credential names. */
  static final String CLIENT_ID = "client_id";
  static final String CLIENT_SECRET = "client_secret";
  static final String REFRESH_TOKEN = "refresh_token";

  /** Connection setting names and the defaults eBay's US site needs [V values]. */
  static final String MARKETPLACE_ID = "marketplace_id";
  static final String DEFAULT_MARKETPLACE_ID = "EBAY_US";
  static final String LANGUAGE = "content_language";
  static final String DEFAULT_LANGUAGE = "en-US";
  static final String CURRENCY = "currency";
  static final String DEFAULT_CURRENCY = "USD";
  static final String MERCHANT_LOCATION_KEY = "merchant_location_key";
  static final String FULFILLMENT_POLICY_ID = "fulfillment_policy_id";
  static final String PAYMENT_POLICY_ID = "payment_policy_id";
  static final String RETURN_POLICY_ID = "return_policy_id";
  static final String CATEGORY_ID = "category_id";

  /**
   * [U] Guesses: eBay publishes daily call quotas per API [V] (the live ones come from the Developer
   * Analytics API, getRateLimits) and no per-second rate. These are conservative figures far below
   * those quotas, counted per adapter call, which fans out into several HTTP calls.
   */
  static final Map<Operation, RatePlan> RATE_PLANS = rates();

  private static Map<Operation, RatePlan> rates() {
    String quota = "[U] conservative guess per adapter call; eBay publishes daily quotas per API [V] "
        + "(Developer Analytics getRateLimits), no per-second rate";
    Map<Operation, RatePlan> plans = new EnumMap<>(Operation.class);
    plans.put(Operation.UPSERT_LISTINGS, new RatePlan(0.5, 1, quota + " (1 bulk call + up to 3 offer calls per item)"));
    plans.put(Operation.UPDATE_STOCK, new RatePlan(2, 4, quota + " (1 bulk call + an offer lookup per uncached SKU)"));
    plans.put(Operation.UPDATE_PRICES, new RatePlan(2, 4, quota + " (1 bulk call + an offer lookup per uncached SKU)"));
    plans.put(Operation.DELETE_LISTINGS, new RatePlan(0.5, 1, quota + " (1 call per item)"));
    plans.put(Operation.PULL_ORDERS, new RatePlan(1, 2, quota + " (1 call per page)"));
    plans.put(Operation.TEST_CONNECTION, new RatePlan(1, 2, quota + " (a token and 1 call)"));
    return Map.copyOf(plans);
  }

  /** [U] The {@code locale} of an inventory item payload: the content language with an underscore (en_US). */
  static String locale(String contentLanguage) {
    return contentLanguage.replace('-', '_');
  }

  /** [C] getOrders filter for orders changed at or after {@code from}, open-ended. */
  static String modifiedSince(Instant from) {
    return "lastmodifieddate:[" + TIMESTAMP.format(from) + "..]";
  }

  /** Our normalized order status for eBay's payment, fulfillment and cancel states [U values]. */
  static Order.Status orderStatus(String payment, String fulfillment, String cancelState) {
    if (CANCELED.equals(cancelState)) {
      return Order.Status.CANCELLED;
    }
    if (FULLY_REFUNDED.equals(payment)) {
      return Order.Status.REFUNDED;
    }
    if (PAYMENT_PENDING.equals(payment) || PAYMENT_FAILED.equals(payment)) {
      return Order.Status.PENDING;
    }
    if (FULFILLED.equals(fulfillment)) {
      return Order.Status.SHIPPED;
    }
    if (IN_PROGRESS.equals(fulfillment)) {
      return Order.Status.PARTIALLY_SHIPPED;
    }
    return Order.Status.PAID;
  }

  private EbayApi() {}
}
