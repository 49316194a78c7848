package io.syncfleet.adapters.lazada;

import io.syncfleet.adapters.Order;
import io.syncfleet.adapters.RatePlan;
import io.syncfleet.producer.job.Operation;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Every Lazada Open Platform fact the adapter relies on, in one place. Each carries the tag of
 * {@code shared/marketplaces.md} section 6: [V] verified against Lazada's API reference or developer
 * guides, [C] corroborated only by community code, [U] unverified. Confirm a [U] fact with Lazada
 * before relying on it; when Lazada disagrees, change it here.
 */
final class LazadaApi {
  /** [V] API host per venture (the {@value #COUNTRY} setting), and the one authorization host. */
  static final Map<String, String> COUNTRY_URLS = Map.of(
      "sg", "https://api.lazada.sg/rest",
      "th", "https://api.lazada.co.th/rest",
      "my", "https://api.lazada.com.my/rest",
      "vn", "https://api.lazada.vn/rest",
      "ph", "https://api.lazada.com.ph/rest",
      "id", "https://api.lazada.co.id/rest");
  static final String AUTH_URL = "https://auth.lazada.com/rest";
  /** [U] Currency of each venture (ISO 4217). */
  static final Map<String, String> COUNTRY_CURRENCIES = Map.of(
      "sg", "SGD", "th", "THB", "my", "MYR", "vn", "VND", "ph", "PHP", "id", "IDR");

  /** [V] API paths. */
  static final String SELLER = "/seller/get";
  static final String PRODUCTS = "/products/get";
  static final String CREATE_PRODUCT = "/product/create";
  static final String UPDATE_PRODUCT = "/product/update";
  static final String PRICE_QUANTITY = "/product/price_quantity/update";
  static final String REMOVE_PRODUCT = "/product/remove";
  static final String MIGRATE_IMAGE = "/image/migrate";
  static final String ORDERS = "/orders/get";
  static final String ORDER_ITEMS = "/orders/items/get";
  static final String REFRESH_TOKEN = "/auth/token/refresh";

  /** [V] System parameters: timestamps in epoch milliseconds (within 7200 s of UTC), HMAC-SHA256. */
  static final String SIGN_METHOD = "sha256";

  /** [V] Success code of the envelope; any other code is an error. */
  static final String OK = "0";
  /** [V] Per-API traffic limit, answered with HTTP 200: "this ban will last N seconds". */
  static final String API_CALL_LIMIT = "ApiCallLimit";
  static final Pattern BAN_SECONDS = Pattern.compile("ban will last (\\d+) seconds?");
  /** [V] "The request is too frequent": retry in the next second. */
  static final String TOO_FREQUENT = "901";
  static final Duration TOO_FREQUENT_WAIT = Duration.ofSeconds(1);
  /** [V] "This API service is disabled" during a campaign's traffic downgrade. */
  static final String SERVICE_DISABLED = "998";
  /** [V] The access token is invalid or expired: refresh once. */
  static final String ILLEGAL_ACCESS_TOKEN = "IllegalAccessToken";
  /**
   * [V] Errors no retry fixes until someone acts: an expired refresh token, an app only the service
   * market may authorize, a wrong signature (app secret), an inactive or unverified seller.
   * [U] InvalidAppKey and AppWhiteIpLimit, seen in community code.
   */
  static final Set<String> CREDENTIAL_CODES = Set.of("IllegalRefreshToken", "AUTH_TYPE_UNSUPPORTED",
      "IncompleteSignature", "SellerNotActive", "SellerNotVerified", "InvalidAppKey", "AppWhiteIpLimit");
  /** [V] Passing faults: internal errors and timeouts. */
  static final Set<String> TRANSIENT_CODES = Set.of("ServiceTimeout", "6", "1000");

  /** [V] price_quantity and product calls take at most 50 SKUs, 20 recommended; remove takes 50. */
  static final int MAX_SKUS_PER_CALL = 50;
  static final int RECOMMENDED_SKUS_PER_CALL = 20;
  static final int MAX_REMOVE_PER_CALL = 50;
  /** [V] products/get: sku_seller_list matches whole SKUs, limit at most 50 products. */
  static final int PRODUCTS_PAGE = 50;
  /** [U] Product statuses a SKU lookup ignores. */
  static final Set<String> GONE_STATUSES = Set.of("deleted");
  /** [V] remove takes sku ids written as SkuId_{itemId}_{skuId}. */
  static final String SKU_ID_FORMAT = "SkuId_%d_%d";

  /** [V] orders/get: limit at most 100; orders/items/get: at most 50 order ids. */
  static final int ORDERS_PAGE = 50;
  /** Our choice: a first pull reads the orders changed in the last 30 days. */
  static final Duration FIRST_PULL_LOOKBACK = Duration.ofDays(30);
  /** [V] Filter dates are ISO 8601 [U: with a numeric offset, as Lazada writes them]. */
  static final DateTimeFormatter FILTER_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssxxx");

  /** [V] Product limits: at most 8 images; description at most 25,000 characters. */
  static final int MAX_IMAGES = 8;
  static final int MAX_DESCRIPTION = 25_000;
  /** [U] Title and SellerSku lengths. */
  static final int MAX_TITLE = 255;
  static final int MAX_SKU = 200;
  /** [V] Only Lazada-hosted images may be used in products; others are migrated first. [C] Lazada's image hosts. */
  static final Set<String> IMAGE_HOST_SUFFIXES = Set.of(".slatic.net", ".lzd.co");
  /** [V] The brand of a product without one. */
  static final String NO_BRAND = "No Brand";

  /**
   * [V status names, U grouping] Order item statuses: an order carries the set of its items'
   * statuses, which decides our normalized status.
   */
  static final Set<String> UNPAID = Set.of("unpaid");
  static final Set<String> CANCELED = Set.of("canceled");
  static final Set<String> RETURNED = Set.of("returned");
  static final Set<String> SHIPPED = Set.of("shipped", "shipping", "delivered", "confirmed", "failed", "lost",
      "returned");

  /** Connection credentials. */
  static final String APP_KEY = "app_key";
  static final String APP_SECRET = "app_secret";
  static final String ACCESS_TOKEN = "access_token";
  static final String REFRESH_TOKEN_SECRET = "refresh_token";

  /** Connection settings. */
  static final String COUNTRY = "country";
  static final String AUTH_URL_SETTING = "auth_url";
  static final String WAREHOUSE_CODE = "warehouse_code";

  /**
   * Calls per second per operation. [V] Inventory APIs allow 50 calls/s per seller; [V] every API
   * also has its own QPS, answered with ApiCallLimit when exceeded, whose figures Lazada does not
   * publish [U]. The plans stay well below them and count adapter calls, which fan out.
   */
  static final Map<Operation, RatePlan> RATE_PLANS = rates();

  private static Map<Operation, RatePlan> rates() {
    String inventory = "[V] inventory APIs allow 50 calls/s per seller; halved for the SKU lookup each job may need";
    String other = "[U] conservative guess; Lazada publishes no QPS for this API and answers ApiCallLimit [V]";
    Map<Operation, RatePlan> plans = new EnumMap<>(Operation.class);
    plans.put(Operation.UPSERT_LISTINGS, new RatePlan(1, 2, other
        + " (1 lookup, up to 8 image migrations and 1 product call per product)"));
    plans.put(Operation.UPDATE_STOCK, new RatePlan(25, 25, inventory));
    plans.put(Operation.UPDATE_PRICES, new RatePlan(25, 25, inventory));
    plans.put(Operation.DELETE_LISTINGS, new RatePlan(2, 4, other + " (1 lookup + 1 remove per job)"));
    plans.put(Operation.PULL_ORDERS, new RatePlan(2, 4, other + " (2 calls per page of 50)"));
    plans.put(Operation.TEST_CONNECTION, new RatePlan(1, 2, other + " (1 call)"));
    return Map.copyOf(plans);
  }

  /** Our normalized status for the set of an order's item statuses. */
  static Order.Status orderStatus(Set<String> statuses) {
    if (statuses.isEmpty()) {
      return Order.Status.PENDING;
    }
    Set<String> live = new HashSet<>(statuses);
    live.removeAll(CANCELED);
    if (live.isEmpty()) {
      return Order.Status.CANCELLED;
    }
    if (live.stream().anyMatch(UNPAID::contains)) {
      return Order.Status.PENDING;
    }
    if (RETURNED.containsAll(live)) {
      return Order.Status.REFUNDED;
    }
    long shipped = live.stream().filter(SHIPPED::contains).count();
    if (shipped == live.size()) {
      return Order.Status.SHIPPED;
    }
    return shipped > 0 ? Order.Status.PARTIALLY_SHIPPED : Order.Status.PAID;
  }

  private LazadaApi() {}
}
