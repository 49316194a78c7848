package io.syncfleet.adapters.woocommerce;

import io.syncfleet.adapters.Order;
import io.syncfleet.adapters.RatePlan;
import io.syncfleet.adapters.failure.AuthenticationFailure;
import io.syncfleet.adapters.http.MarketplaceHttp;
import io.syncfleet.producer.connection.Connection;
import io.syncfleet.producer.job.Operation;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import okhttp3.HttpUrl;

/**
 * Every WooCommerce REST API v3 fact the adapter relies on, in one place. Each carries the tag of
 * {@code shared/marketplaces.md} section 4: [V] verified (for most facts here: read in WooCommerce's
 * own source, "core code"), [C] corroborated by community code only, [U] unverified. Confirm a [U]
 * fact with a real shop before relying on it; when WooCommerce disagrees, this file is the one to change.
 */
final class WooCommerceApi {
  /** [V] The REST API lives under the WordPress site address; it needs pretty permalinks [C]. */
  static final String REST_BASE = "wp-json/wc/v3";
  static final String PRODUCTS = "products";
  static final String VARIATIONS = "variations";
  static final String ORDERS = "orders";
  /** [V core code] {@code POST .../batch} with {@code create}, {@code update} and {@code delete} arrays. */
  static final String BATCH = "batch";

  /**
   * [V core code] A batch takes at most 100 entries across its three arrays; the filter
   * {@code woocommerce_rest_batch_items_limit} can change that, and more is answered 413.
   */
  static final int BATCH_LIMIT = 100;
  /** [V core code] The 413 code of a batch over the shop's limit. */
  static final String TOO_LARGE = "woocommerce_rest_request_entity_too_large";
  /**
   * [U] Upsert jobs are kept to 25: WooCommerce downloads every new image URL while it answers, and
   * a full batch of products with images can outlast PHP's usual 30 s limit on shared hosting.
   */
  static final int UPSERT_BATCH = 25;
  /** [V core code] {@code per_page} maximum of every collection. */
  static final int PAGE_SIZE = 100;
  /** [V core code] Collections answer their page count in this header. */
  static final String TOTAL_PAGES = "X-WP-TotalPages";
  /** [V core code] {@code ?sku=} takes a comma-separated list and also finds variations. */
  static final char SKU_LIST_SEPARATOR = ',';
  /** SKUs asked for per lookup call, so the answer fits one page even with duplicate SKUs. */
  static final int SKUS_PER_LOOKUP = 50;
  /** [V core code WordPress REST] {@code _fields} limits an answer to the fields named. */
  static final String LOOKUP_FIELDS = "id,sku,type,parent_id,attributes,images";
  static final String ORDER_FIELDS =
      "id,status,currency,total,date_created_gmt,date_modified_gmt,date_paid_gmt,line_items";

  /** [V core code] Product types the adapter reads or writes. */
  static final String SIMPLE = "simple";
  static final String VARIABLE = "variable";
  static final String VARIATION = "variation";

  /** [U] Error code when a SKU is taken by another product (WC_Data_Exception of set_sku). */
  static final String DUPLICATE_SKU = "product_invalid_sku";

  /** [V core code] WooCommerce signs plain-HTTP calls with one-legged OAuth 1.0a in the query string. */
  static final String OAUTH_SIGNATURE_METHOD = "HMAC-SHA256";
  /** [V core code] "A unique (for the given user) 32 alphanumeric string". */
  static final int OAUTH_NONCE_LENGTH = 32;
  /** [V core code] Query parameters that replace Basic auth over HTTPS when a server strips Authorization. */
  static final String QUERY_KEY = "consumer_key";
  static final String QUERY_SECRET = "consumer_secret";

  /** [V/C] Webhook signature header: base64 HMAC-SHA256 of the raw body under the webhook secret. */
  static final String SIGNATURE_HEADER = "X-WC-Webhook-Signature";
  /** [V core code] The unsigned ping sent when a webhook is created has the body {@code webhook_id=<id>}. */
  static final String PING_FIELD = "webhook_id";

  /** [V core code] Order dates are filtered on the GMT columns with this flag (WooCommerce 5.8+ [U]). */
  static final String DATES_ARE_GMT = "dates_are_gmt";
  /** [V core code] Ordered by modification then ID, so pages are stable. */
  static final String ORDER_BY = "modified";
  /** [C] GMT dates are written without a zone, to the second. */
  static final DateTimeFormatter GMT_DATE =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);
  /** A first pull reads the orders changed in this window before now (our choice; the API has no default). */
  static final Duration FIRST_PULL_LOOKBACK = Duration.ofDays(30);

  /** [V core code] Core order statuses; plugins add more, read as paid once a payment date is set. */
  static final Set<String> PENDING = Set.of("pending", "on-hold", "failed", "checkout-draft");
  static final String PROCESSING = "processing";
  static final String COMPLETED = "completed";
  static final String CANCELLED = "cancelled";
  static final String REFUNDED = "refunded";
  static final String TRASH = "trash";

  /** [C] SKU column width of wc_product_meta_lookup. */
  static final int MAX_SKU = 100;
  /** [C] Image URLs are downloaded by the shop, which refuses a file without an image extension. */
  static final Set<String> IMAGE_EXTENSIONS = Set.of("jpg", "jpeg", "png", "gif", "webp");
  /** [U] global_unique_id (WooCommerce 9.2+) takes a GTIN, UPC, EAN or ISBN of these lengths. */
  static final Set<Integer> GTIN_LENGTHS = Set.of(8, 10, 12, 13, 14);
  /** Name of the attribute a listing's brand is stored in (core has no brand field before 9.6 [U]). */
  static final String BRAND_ATTRIBUTE = "Brand";

  /** Connection credential names. */
  static final String CONSUMER_KEY = "consumer_key";
  static final String CONSUMER_SECRET = "consumer_secret";
  static final String WEBHOOK_SECRET = "webhook_secret";
  static final String PREVIOUS_WEBHOOK_SECRET = "webhook_secret_previous";
  /** Connection settings: the site address, and "true" to send the key in the query over HTTPS. */
  static final String STORE_URL = "store_url";
  static final String QUERY_STRING_AUTH = "query_string_auth";

  /** Item outcome codes of this adapter (WooCommerce's own codes pass through unchanged). */
  static final String SKU_NOT_FOUND = "SKU_NOT_FOUND";
  static final String INVALID_LISTING = "INVALID_LISTING";
  static final String SKU_CONFLICT = "SKU_CONFLICT";
  static final String NO_LOCATIONS = "LOCATIONS_UNSUPPORTED";
  static final String NO_ANSWER = "NO_ANSWER";

  /**
   * [U] WooCommerce core has no rate limit on its REST API; hosts, WAFs and security plugins add
   * their own (429, or 503 when PHP workers are busy). These conservative figures keep one shop at a
   * few calls per second; each is per adapter call, which makes the calls noted.
   */
  static final Map<Operation, RatePlan> RATE_PLANS = rates();

  private static Map<Operation, RatePlan> rates() {
    String none = "[U] no limit in WooCommerce core; hosts and WAFs throttle with 429/503, so a shop is "
        + "kept at a few calls per second";
    Map<Operation, RatePlan> plans = new EnumMap<>(Operation.class);
    plans.put(Operation.UPSERT_LISTINGS, new RatePlan(0.25, 1, none + " (1-2 lookups, 1 batch, 1 batch per variant group)"));
    plans.put(Operation.UPDATE_STOCK, new RatePlan(1, 2, none + " (1-2 lookups, 1 batch + 1 per variable product)"));
    plans.put(Operation.UPDATE_PRICES, new RatePlan(1, 2, none + " (1-2 lookups, 1 batch + 1 per variable product)"));
    plans.put(Operation.DELETE_LISTINGS, new RatePlan(0.5, 1, none + " (1-2 lookups, 1 batch + 1 per variable product)"));
    plans.put(Operation.PULL_ORDERS, new RatePlan(1, 2, none + " (1 call per page of 100)"));
    plans.put(Operation.TEST_CONNECTION, new RatePlan(1, 2, none + " (1 call)"));
    return Map.copyOf(plans);
  }

  /**
   * The REST base of a connection: its {@value Connection#BASE_URL} setting when present (tests,
   * simulators), otherwise its {@value #STORE_URL}. WooCommerce has no sandbox: a staging site is a
   * shop of its own.
   */
  static HttpUrl restBase(Connection connection) {
    String store = connection.setting(STORE_URL).orElse(null);
    if (store == null && connection.setting(Connection.BASE_URL).isEmpty()) {
      // A connection that cannot name its shop cannot work until someone fixes it: pause it.
      throw new AuthenticationFailure("connection " + connection.id() + " needs the setting '" + STORE_URL
          + "', the WordPress site address such as https://shop.example", 0, "missing_store_url");
    }
    try {
      return MarketplaceHttp.baseUrl(connection, store, store).newBuilder().addPathSegments(REST_BASE).build();
    } catch (IllegalArgumentException e) {
      throw new AuthenticationFailure(e.getMessage(), 0, "invalid_store_url");
    }
  }

  /** Our normalized status for a WooCommerce order status [V core statuses, our mapping]. */
  static Order.Status orderStatus(String status, boolean paid) {
    if (CANCELLED.equals(status) || TRASH.equals(status)) {
      return Order.Status.CANCELLED;
    }
    if (REFUNDED.equals(status)) {
      return Order.Status.REFUNDED;
    }
    if (COMPLETED.equals(status)) {
      return Order.Status.SHIPPED;
    }
    if (PROCESSING.equals(status)) {
      return Order.Status.PAID;
    }
    if (PENDING.contains(status)) {
      return Order.Status.PENDING;
    }
    return paid ? Order.Status.PAID : Order.Status.PENDING;
  }

  private WooCommerceApi() {}
}
