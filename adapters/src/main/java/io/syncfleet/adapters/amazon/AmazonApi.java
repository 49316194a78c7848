package io.syncfleet.adapters.amazon;

import io.syncfleet.adapters.Order;
import io.syncfleet.adapters.RatePlan;
import io.syncfleet.producer.job.Listing;
import io.syncfleet.producer.job.Operation;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.Map;

/**
 * Every Amazon Selling Partner API fact the adapter relies on, in one place. Each carries the tag of
 * {@code shared/marketplaces.md} section 2, re-checked where noted: [V] verified against Amazon's
 * documentation or the API models Amazon publishes (selling-partner-api-models), [C] corroborated
 * only by community code, [U] unverified. Confirm a [U] fact with Amazon before relying on it; when
 * Amazon disagrees, this file is the one to change.
 */
final class AmazonApi {
  /** [V, SP-API endpoints page] Production host of each selling region. */
  static final Map<String, String> PRODUCTION_HOSTS = Map.of(
      "na", "https://sellingpartnerapi-na.amazon.com",
      "eu", "https://sellingpartnerapi-eu.amazon.com",
      "fe", "https://sellingpartnerapi-fe.amazon.com");
  /** [U] Sandbox host of each selling region (static sandbox: canned answers matched on the request [V]). */
  static final Map<String, String> SANDBOX_HOSTS = Map.of(
      "na", "https://sandbox.sellingpartnerapi-na.amazon.com",
      "eu", "https://sandbox.sellingpartnerapi-eu.amazon.com",
      "fe", "https://sandbox.sellingpartnerapi-fe.amazon.com");

  /** [V] Login with Amazon token endpoint, the same for every region. */
  static final String LWA_TOKEN_URL = "https://api.amazon.com/auth/o2/token";
  /** Path of the token endpoint under a connection's base_url (a simulator or test stands in for LWA too). */
  static final String LWA_TOKEN_PATH = "auth/o2/token";
  /** [V] LWA access tokens live one hour; used only when the answer lacks expires_in. */
  static final Duration DEFAULT_TOKEN_LIFETIME = Duration.ofHours(1);
  /** [V official SDK] Header that carries the LWA access token on every call; SigV4 is not needed [U date]. */
  static final String ACCESS_TOKEN_HEADER = "x-amz-access-token";
  /** [V] OAuth error of a refresh token that is revoked, expired or issued to another application. */
  static final String INVALID_GRANT = "invalid_grant";
  /** [U] OAuth error of a wrong client id or secret (e.g. a rotated LWA client secret). */
  static final String INVALID_CLIENT = "invalid_client";

  /** [V] Header with the rate (requests per second) Amazon applied to the operation, when available. */
  static final String RATE_LIMIT_HEADER = "x-amzn-RateLimit-Limit";
  /** [U] Header with Amazon's request id, for support cases. */
  static final String REQUEST_ID_HEADER = "x-amzn-RequestId";

  /** [V] Listings Items API: {@code /{sellerId}/{sku}?marketplaceIds=} with PUT, PATCH, DELETE, GET. */
  static final String LISTINGS_ITEMS = "listings/2021-08-01/items";
  /** [V] Submission statuses: accepted for processing, or refused with issues. */
  static final String ACCEPTED = "ACCEPTED";
  static final String INVALID = "INVALID";
  /** [V] Issue severity that blocks a submission; WARNING and INFO do not. */
  static final String ERROR = "ERROR";
  /** [V] Requirement sets of a listing submission. */
  static final String LISTING = "LISTING";
  static final String LISTING_OFFER_ONLY = "LISTING_OFFER_ONLY";
  /**
   * [C] Product type accepted for offer-only submissions and for patches that touch only the offer
   * (quantity, price), where the listing's real product type need not be known.
   */
  static final String GENERIC_PRODUCT_TYPE = "PRODUCT";

  /** [V] Feeds API v2021-06-30. */
  static final String FEED_DOCUMENTS = "feeds/2021-06-30/documents";
  static final String FEEDS = "feeds/2021-06-30/feeds";
  /** [V] The JSON listings feed, schema version 2.0; legacy XML and flat-file feeds end FATAL since 2025-07-31. */
  static final String JSON_LISTINGS_FEED = "JSON_LISTINGS_FEED";
  static final String FEED_VERSION = "2.0";
  /** [V] Content type declared for the feed document; the upload must send exactly the same. */
  static final String FEED_CONTENT_TYPE = "application/json; charset=UTF-8";
  /** [V] Feed message operation that replaces every attribute of a listing. */
  static final String UPDATE = "UPDATE";
  /** [V] Feed processing statuses that end a feed; IN_QUEUE and IN_PROGRESS mean not yet. */
  static final String DONE = "DONE";
  static final String FATAL = "FATAL";
  static final String CANCELLED = "CANCELLED";
  /** [V] Compression of a result document that Amazon compressed. */
  static final String GZIP = "GZIP";
  /**
   * [U] How long after submitting a feed its status is first checked; later checks wait as long as
   * the feed has already taken, between {@link #FEED_CHECK_MIN} and {@link #FEED_CHECK_MAX}.
   */
  static final Duration FEED_FIRST_CHECK = Duration.ofSeconds(60);
  static final Duration FEED_CHECK_MIN = Duration.ofSeconds(30);
  static final Duration FEED_CHECK_MAX = Duration.ofMinutes(5);

  /**
   * Upserts of up to this many listings go one PUT each through the Listings Items API, larger
   * batches as one JSON listings feed: ten PUTs fit the put burst of 10 [V], while a feed costs one
   * of the 5 feed submissions allowed per 5 minutes [V] and takes minutes to process.
   */
  static final int SINGLE_ITEM_UPSERT_MAX = 10;
  /** Listings per upsert job: one feed each, far under the 10,000 (2025: 25,000) messages a feed may carry [V]. */
  static final int UPSERT_BATCH = 1000;
  /** Items per stock, price or delete job, one Listings Items call each: two bursts of 5 [V]. */
  static final int ITEM_CALL_BATCH = 10;

  /** [V] Orders API v0 getOrders and getOrderItems ({@code /{orderId}/orderItems}). */
  static final String ORDERS = "orders/v0/orders";
  static final String ORDER_ITEMS = "orderItems";
  /**
   * Orders per page (Amazon allows 1-100 [V]): each order on a page costs one getOrderItems call,
   * whose burst is 30 and rate 0.5/s [V], so a page of 20 fits one burst and a page a minute
   * (getOrders' own rate [V]) stays under the items rate.
   */
  static final int ORDER_PAGE_SIZE = 20;
  /** [C] LastUpdatedAfter must lie at least two minutes in the past. */
  static final Duration ORDER_SETTLE = Duration.ofMinutes(2);
  /** How far back a first pull looks; Amazon sets no window of its own for LastUpdatedAfter [U]. */
  static final Duration FIRST_PULL_LOOKBACK = Duration.ofDays(30);
  /** [V] ISO-8601 UTC, the form Amazon's dates and filters use. */
  static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

  /** [V] Sellers API getMarketplaceParticipations: the cheapest call any role may make [U role]. */
  static final String PARTICIPATIONS = "sellers/v1/marketplaceParticipations";

  /** Connection credential names. */
  static final String CLIENT_ID = "client_id";
  static final String CLIENT_SECRET = "client_secret";
  static final String REFRESH_TOKEN = "refresh_token";

  /** Connection setting names and defaults. */
  static final String SELLER_ID = "seller_id";
  static final String MARKETPLACE_ID = "marketplace_id";
  static final String REGION = "region";
  static final String DEFAULT_REGION = "na";
  static final String PRODUCT_TYPE = "product_type";
  static final String LANGUAGE_TAG = "language_tag";
  static final String DEFAULT_LANGUAGE_TAG = "en_US";
  static final String FULFILLMENT_CHANNEL = "fulfillment_channel_code";
  /** [C] Fulfillment channel code of the merchant's own (MFN) stock. */
  static final String DEFAULT_FULFILLMENT_CHANNEL = "DEFAULT";

  /** [V] Amazon's condition_type value for each of our conditions; FOR_PARTS has none. */
  static final Map<Listing.Condition, String> CONDITIONS = new EnumMap<>(Map.of(
      Listing.Condition.NEW, "new_new",
      Listing.Condition.NEW_OTHER, "new_open_box",
      Listing.Condition.REFURBISHED, "refurbished_refurbished",
      Listing.Condition.USED_EXCELLENT, "used_like_new",
      Listing.Condition.USED_GOOD, "used_good",
      Listing.Condition.USED_ACCEPTABLE, "used_acceptable"));

  /**
   * [C] Listing attribute names (Product Type Definitions JSON schemas; each value is an array of
   * objects, text values carrying marketplace_id and language_tag).
   */
  static final String ITEM_NAME = "item_name";
  static final String BRAND = "brand";
  static final String DESCRIPTION = "product_description";
  static final String PART_NUMBER = "part_number";
  static final String CONDITION = "condition_type";
  static final String PRODUCT_IDENTIFIER = "externally_assigned_product_identifier";
  static final String ASIN = "merchant_suggested_asin";
  static final String GTIN_EXEMPTION = "supplier_declared_has_product_identifier_exemption";
  static final String MAIN_IMAGE = "main_product_image_locator";
  /** [C] Further images: other_product_image_locator_1 to _8. */
  static final String OTHER_IMAGE = "other_product_image_locator_";
  static final String OFFER = "purchasable_offer";
  static final String LIST_PRICE = "list_price";
  static final String AVAILABILITY = "fulfillment_availability";
  static final String PARENTAGE = "parentage_level";
  static final String PARENT_RELATIONSHIP = "child_parent_sku_relationship";
  static final String VARIATION_THEME = "variation_theme";
  /** [C] Audience of the ordinary (non-business) offer. */
  static final String AUDIENCE_ALL = "ALL";

  /** [U] Seller Central's SKU limit. */
  static final int MAX_SKU = 40;
  /** [U] item_name limit of most product types (some allow less). */
  static final int MAX_TITLE = 200;
  /** [U] product_description limit. */
  static final int MAX_DESCRIPTION = 2000;
  /** [U] brand limit. */
  static final int MAX_BRAND = 100;
  /** [C] One main image and up to 8 others. */
  static final int MAX_IMAGES = 9;

  /**
   * Rate plans per adapter call, each from the operations' published default usage plans [V,
   * Amazon's API models]; sellers with more business may be granted more, which
   * x-amzn-RateLimit-Limit reports.
   */
  static final Map<Operation, RatePlan> RATE_PLANS = rates();

  private static Map<Operation, RatePlan> rates() {
    Map<Operation, RatePlan> plans = new EnumMap<>(Operation.class);
    plans.put(Operation.UPSERT_LISTINGS, new RatePlan(0.5, 1, "[V] putListingsItem 5/s burst 10, up to "
        + SINGLE_ITEM_UPSERT_MAX + " PUTs per call; larger batches are one JSON_LISTINGS_FEED (5 submissions "
        + "per 5 min per region [V], createFeed 0.0083/s burst 15 [V]) followed by getFeed 2/s burst 15 [V]"));
    plans.put(Operation.UPDATE_STOCK, new RatePlan(0.5, 1, "[V] patchListingsItem 5/s burst 5, shared with "
        + "update_prices, up to " + ITEM_CALL_BATCH + " PATCHes per call"));
    plans.put(Operation.UPDATE_PRICES, new RatePlan(0.5, 1, "[V] patchListingsItem 5/s burst 5, shared with "
        + "update_stock, up to " + ITEM_CALL_BATCH + " PATCHes per call"));
    plans.put(Operation.DELETE_LISTINGS, new RatePlan(0.5, 1, "[V] deleteListingsItem 5/s burst 5, up to "
        + ITEM_CALL_BATCH + " DELETEs per call"));
    plans.put(Operation.PULL_ORDERS, new RatePlan(0.0167, 20, "[V] getOrders 0.0167/s burst 20, one per call, "
        + "plus getOrderItems 0.5/s burst 30 per order"));
    plans.put(Operation.TEST_CONNECTION, new RatePlan(0.016, 15, "[V] getMarketplaceParticipations 0.016/s burst 15"));
    return Map.copyOf(plans);
  }

  /** [V values] Our normalized status for Amazon's OrderStatus; Amazon's order API has no refund status. */
  static Order.Status orderStatus(String amazonStatus) {
    if (amazonStatus == null) {
      return Order.Status.PENDING;
    }
    switch (amazonStatus) {
      case "Unshipped":
        return Order.Status.PAID;
      case "PartiallyShipped":
        return Order.Status.PARTIALLY_SHIPPED;
      case "Shipped":
      case "InvoiceUnconfirmed":
        return Order.Status.SHIPPED;
      case "Canceled":
      case "Unfulfillable":
        return Order.Status.CANCELLED;
      default:
        // Pending, PendingAvailability and any status added later: not ready to ship.
        return Order.Status.PENDING;
    }
  }

  /** [C] The identifier type of a GTIN by its length: 12 digits UPC, 13 EAN, 14 GTIN, 8 EAN-8. */
  static String gtinType(String gtin) {
    switch (gtin.length()) {
      case 12:
        return "upc";
      case 14:
        return "gtin";
      default:
        return "ean";
    }
  }

  private AmazonApi() {}
}
