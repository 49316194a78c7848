package io.syncfleet.adapters.meta;

import io.syncfleet.adapters.RatePlan;
import io.syncfleet.producer.job.Listing;
import io.syncfleet.producer.job.Operation;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Every Meta fact the adapter relies on, in one place. Each carries the tag of
 * {@code shared/marketplaces.md} section 7: [V] verified against Meta's documentation (or a stored
 * copy of a Meta reference page), [C] corroborated only by community code or copies of Meta's
 * templates, [U] unverified. Confirm a [U] fact with Meta before relying on it; when Meta disagrees,
 * this file is the one to change.
 */
final class MetaApi {
  /** [V] Graph API host; Meta has no sandbox host (a test catalog on the same host plays that part [U]). */
  static final String GRAPH_URL = "https://graph.facebook.com";
  /**
   * [C] The Graph version Meta's reference pages show today; a version stops working about two
   * years after its release [U], so connections may pin another with {@link #GRAPH_VERSION}.
   */
  static final String DEFAULT_GRAPH_VERSION = "v25.0";

  /** [V] {@code POST /{catalog_id}/items_batch}: create, update and delete catalog items in one call. */
  static final String ITEMS_BATCH = "items_batch";
  /** [V] {@code GET /{catalog_id}/check_batch_request_status?handle=}: how a batch ended. */
  static final String BATCH_STATUS = "check_batch_request_status";

  /** [V] Parameter names of items_batch; Meta's own samples send them as multipart form fields. */
  static final String ACCESS_TOKEN_PARAM = "access_token";
  static final String APPSECRET_PROOF = "appsecret_proof";
  static final String ITEM_TYPE = "item_type";
  static final String REQUESTS = "requests";
  static final String ALLOW_UPSERT = "allow_upsert";
  /** [V] The item type of ordinary products. */
  static final String PRODUCT_ITEM = "PRODUCT_ITEM";
  /** [V] Methods of one request in {@code requests}. UPDATE with allow_upsert creates missing items. */
  static final String UPDATE = "UPDATE";
  static final String DELETE = "DELETE";
  /** [V] Parameter of the status call; [C] without {@code load_ids_of_invalid_requests} the ids list stays empty. */
  static final String HANDLE = "handle";
  static final String LOAD_INVALID_IDS = "load_ids_of_invalid_requests";

  /** [C] items_batch answers {@code {"handles":[...],"validation_status":[{retailer_id, errors:[{message}]}]}}. */
  static final String HANDLES = "handles";
  static final String VALIDATION_STATUS = "validation_status";
  static final String RETAILER_ID = "retailer_id";
  /**
   * [V] The status answer is {@code {"data":[{handle, status, errors, errors_total_count}]}};
   * [C] each error is {@code {line, id, message}} with the item's retailer id in {@code id}, and
   * {@code ids_of_invalid_requests} lists every refused id.
   */
  static final String STATUS = "status";
  static final String ERRORS = "errors";
  static final String ERRORS_TOTAL = "errors_total_count";
  static final String INVALID_IDS = "ids_of_invalid_requests";
  /** [C] The one documented end state; a batch still at work reports one of {@link #WORKING}. */
  static final String FINISHED = "finished";
  /** [C] Status values community code waits through. */
  static final Set<String> WORKING = Set.of("started", "dispatched", "in_progress");
  /**
   * [U] Meta's per-item errors carry a message and no code; the outcome names this code instead,
   * or the error object's own {@code code} when it has one.
   */
  static final String ITEM_REJECTED = "item_rejected";

  /** [V] At most 5,000 requests per call, fewer than 3,000 advised; at most 28 MB per call. */
  static final int MAX_REQUESTS = 5000;
  /**
   * Our batch sizes, within {@link #MAX_REQUESTS}: listings carry up to ~10 KB of text each, so 500
   * keep a call near 5 MB at worst; stock, price and delete requests are a few dozen bytes. Smaller
   * batches also finish sooner, so {@link MetaPolling} usually sees the end.
   */
  static final int LISTINGS_BATCH = 500;
  static final int UPDATES_BATCH = 1000;

  /** [V] Throttled by the Catalog Batch business use case (items_batch). */
  static final int CATALOG_BATCH_THROTTLED = 80014;
  /** [V] Throttled by the Catalog Management business use case (status checks, catalog reads). */
  static final int CATALOG_MANAGEMENT_THROTTLED = 80009;
  /** [V] Graph error codes that mean "throttled": app 4, user 17, page 32, app limit 341, custom 613. */
  static final Set<Integer> THROTTLE_CODES = Set.of(4, 17, 32, 341, 613, CATALOG_BATCH_THROTTLED,
      CATALOG_MANAGEMENT_THROTTLED);
  /** [V] Header with each business use case's usage; {@code estimated_time_to_regain_access} is in minutes. */
  static final String USAGE_HEADER = "X-Business-Use-Case-Usage";
  static final String REGAIN_ACCESS = "estimated_time_to_regain_access";
  /** [V] Token expired, revoked or invalid (190), session (102). */
  static final Set<Integer> TOKEN_CODES = Set.of(102, 190);
  /** [V] Permission missing or removed: 3 (capability), 10, and 200-299. */
  static final int PERMISSION_DENIED = 10;
  static final int API_METHOD = 3;
  static final int PERMISSION_FIRST = 200;
  static final int PERMISSION_LAST = 299;
  /**
   * [C] Code 100 with subcode 33: the object (here, the catalog id) does not exist or the token may
   * not see it, which only the merchant can fix.
   */
  static final int INVALID_PARAMETER = 100;
  static final int OBJECT_NOT_VISIBLE = 33;
  /** [V] Temporary trouble on Meta's side: 1 unknown, 2 service; 368 is a temporary policy block. */
  static final Set<Integer> TRANSIENT_CODES = Set.of(1, 2, 368);

  /** [U] Phrases of Meta's per-item error for an item the catalog does not have. */
  static final List<String> ITEM_MISSING_PHRASES = List.of("does not exist", "not found", "no item");

  /** [U] Field names of a PRODUCT_ITEM request's {@code data}, after Meta's feed specification. */
  static final String ID = "id";
  static final String TITLE = "title";
  static final String DESCRIPTION = "description";
  static final String AVAILABILITY = "availability";
  static final String CONDITION = "condition";
  static final String PRICE = "price";
  static final String SALE_PRICE = "sale_price";
  static final String LINK = "link";
  static final String IMAGE_LINK = "image_link";
  static final String ADDITIONAL_IMAGE_LINK = "additional_image_link";
  static final String BRAND = "brand";
  static final String GTIN = "gtin";
  static final String MPN = "mpn";
  static final String ITEM_GROUP_ID = "item_group_id";
  /** [C] Replaces the deprecated {@code inventory} field. */
  static final String QUANTITY = "quantity_to_sell_on_facebook";
  static final String CATEGORY = "fb_product_category";
  /** [C] Variant fields Meta knows by name; other options go to {@link #ADDITIONAL_VARIANT_ATTRIBUTE} [U]. */
  static final Set<String> VARIANT_FIELDS = Set.of("color", "size", "gender", "age_group", "material", "pattern");
  static final String ADDITIONAL_VARIANT_ATTRIBUTE = "additional_variant_attribute";
  /** [C] Values of availability. */
  static final String IN_STOCK = "in stock";
  static final String OUT_OF_STOCK = "out of stock";
  /** [U] An empty sale_price clears one sent before. */
  static final String NO_SALE_PRICE = "";

  /** [C] Limits from Meta's catalog template: id, title, description, brand, group id, extra images. */
  static final int MAX_ID = 100;
  static final int MAX_TITLE = 150;
  static final int MAX_DESCRIPTION = 9999;
  static final int MAX_BRAND = 100;
  static final int MAX_GROUP_ID = 100;
  static final int MAX_ADDITIONAL_IMAGES = 20;

  /** [C] Meta's conditions: new, refurbished, used; Meta has none for parts-only items. */
  static final Map<Listing.Condition, String> CONDITIONS = new EnumMap<>(Map.of(
      Listing.Condition.NEW, "new",
      Listing.Condition.NEW_OTHER, "new",
      Listing.Condition.REFURBISHED, "refurbished",
      Listing.Condition.USED_EXCELLENT, "used",
      Listing.Condition.USED_GOOD, "used",
      Listing.Condition.USED_ACCEPTABLE, "used"));

  /** Connection secret: a system user's access token with catalog_management on the catalog. */
  static final String ACCESS_TOKEN = "access_token";
  /** Connection secret, optional: the app secret, which signs every call when the app requires it. */
  static final String APP_SECRET = "app_secret";
  /** Connection settings: the catalog, the Graph version, and the product page URL template. */
  static final String CATALOG_ID = "catalog_id";
  static final String GRAPH_VERSION = "graph_version";
  static final String LINK_TEMPLATE = "link_template";
  /** Placeholder of {@link #LINK_TEMPLATE} replaced by the URL-encoded SKU. */
  static final String SKU_PLACEHOLDER = "{sku}";
  /** Listing attribute naming the product page, ahead of {@link #LINK_TEMPLATE}. */
  static final String LINK_ATTRIBUTE = "link";

  /**
   * Calls per second per operation. items_batch counts against one Catalog Batch budget per catalog,
   * {@code 8 + 8 * log2(ad impressions + product page visits)} calls per rolling minute [V], so 8 a
   * minute for a catalog without traffic. The four item operations share it (3+3+1+1 a minute, so
   * urgent stock and price changes keep most of it); each call's status checks count against the far
   * larger Catalog Management budget, 20,000 calls an hour at least [V].
   */
  static Map<Operation, RatePlan> ratePlans() {
    String batch = "[V] Catalog Batch: 8 + 8*log2(ad impressions + product page visits) calls per minute "
        + "per catalog, shared by every items_batch call; the floor of 8/min is split ";
    Map<Operation, RatePlan> plans = new EnumMap<>(Operation.class);
    plans.put(Operation.UPDATE_STOCK, new RatePlan(3 / 60.0, 3, batch + "3/min to stock"));
    plans.put(Operation.UPDATE_PRICES, new RatePlan(3 / 60.0, 3, batch + "3/min to prices"));
    plans.put(Operation.UPSERT_LISTINGS, new RatePlan(1 / 60.0, 1, batch + "1/min to listings"));
    plans.put(Operation.DELETE_LISTINGS, new RatePlan(1 / 60.0, 1, batch + "1/min to deletes"));
    plans.put(Operation.TEST_CONNECTION, new RatePlan(1, 2,
        "[V] Catalog Management: 20,000 + 20,000*log2(...) calls per hour per catalog; 1/s is far below"));
    return Map.copyOf(plans);
  }

  /** Whether a Graph error code means a missing or removed permission. */
  static boolean isPermission(int code) {
    return code == PERMISSION_DENIED || code == API_METHOD || (code >= PERMISSION_FIRST && code <= PERMISSION_LAST);
  }

  /** Whether a per-item error message says the catalog has no such item [U phrases]. */
  static boolean saysItemMissing(String message) {
    if (message == null) {
      return false;
    }
    String m = message.toLowerCase(Locale.ROOT);
    return ITEM_MISSING_PHRASES.stream().anyMatch(m::contains);
  }

  private MetaApi() {}
}
