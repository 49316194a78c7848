package io.syncfleet.adapters.shopee;

import io.syncfleet.adapters.Order;
import io.syncfleet.adapters.RatePlan;
import io.syncfleet.producer.job.Operation;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/**
 * Every Shopee Open Platform v2 fact the adapter relies on, in one place. Each carries the tag of
 * {@code shared/marketplaces.md} section 5: [V] verified against Shopee's API reference (the JSON
 * the reference pages are built from), [C] corroborated only by community code, [U] unverified.
 * Confirm a [U] fact with Shopee before relying on it; when Shopee disagrees, change it here.
 */
final class ShopeeApi {
  /** [V] Hosts; the {@value #HOST} setting picks one, the environment picks live or sandbox. */
  static final String GLOBAL_URL = "https://partner.shopeemobile.com";
  static final String CHINA_URL = "https://openplatform.shopee.cn";
  static final String BRAZIL_URL = "https://openplatform.shopee.com.br";
  static final String SANDBOX_URL = "https://openplatform.sandbox.test-stable.shopee.sg";
  static final String SANDBOX_CHINA_URL = "https://openplatform.sandbox.test-stable.shopee.cn";

  /** [V] Public call (partner-signed): refresh an access token; the refresh token is single-use. */
  static final String REFRESH_TOKEN = "/api/v2/auth/access_token/get";
  /** [V] Shop calls (partner-, token- and shop-signed). */
  static final String SHOP_INFO = "/api/v2/shop/get_shop_info";
  static final String SEARCH_ITEM = "/api/v2/product/search_item";
  static final String ITEM_BASE_INFO = "/api/v2/product/get_item_base_info";
  static final String MODEL_LIST = "/api/v2/product/get_model_list";
  static final String ADD_ITEM = "/api/v2/product/add_item";
  static final String UPDATE_ITEM = "/api/v2/product/update_item";
  static final String INIT_TIER_VARIATION = "/api/v2/product/init_tier_variation";
  static final String UPDATE_TIER_VARIATION = "/api/v2/product/update_tier_variation";
  static final String ADD_MODEL = "/api/v2/product/add_model";
  static final String DELETE_MODEL = "/api/v2/product/delete_model";
  static final String UNLIST_ITEM = "/api/v2/product/unlist_item";
  static final String UPDATE_STOCK = "/api/v2/product/update_stock";
  static final String UPDATE_PRICE = "/api/v2/product/update_price";
  static final String UPLOAD_IMAGE = "/api/v2/media_space/upload_image";
  static final String ORDER_LIST = "/api/v2/order/get_order_list";
  static final String ORDER_DETAIL = "/api/v2/order/get_order_detail";

  /** [V] Access tokens live 4 hours; used when a refresh answer lacks expire_in. */
  static final Duration ACCESS_TOKEN_LIFETIME = Duration.ofHours(4);

  /** [V] Envelope error of a rate-limited app; no wait is given. */
  static final String RATE_LIMIT = "error_rate_limit";
  /** [V] Envelope error of an app's daily call quota; it resets at 00:00 UTC+8. */
  static final String DAILY_LIMIT = "error_limit";
  static final ZoneOffset DAILY_LIMIT_ZONE = ZoneOffset.ofHours(8);
  /** [C v1 docs, U in v2] Throttle codes of older gateways, treated like {@link #RATE_LIMIT}. */
  static final Set<String> OTHER_THROTTLE_CODES = Set.of("error_too_many_request", "error_busy");
  /** [V] Errors saying the access token is invalid or expired: refresh once and repeat. */
  static final Set<String> TOKEN_CODES = Set.of("invalid_acceess_token", "invalid_access_token");
  /** [V] {@code error_auth} is also used for item rules; only these messages are about the token. */
  static final String TOKEN_MESSAGE_HINT = "access_token";
  /**
   * [V] Errors no retry fixes until someone acts (re-authorize, fix the partner key, grant the API,
   * whitelist the IP): they pause the connection.
   */
  static final Set<String> CREDENTIAL_CODES = Set.of("error_sign", "invalid_partner_id",
      "error_partner_key_expired", "shop_no_linked", "partner_shop_no_link", "shop_banned",
      "error_api_call_restricted", "error_api_permission", "error_ashop_api_permission", "error_kyc_auth",
      "source_ip_undeclared", "refresh_token_expired", "shop_access_expired", "error_shop_refresh_token",
      "api_suspended");
  /** [V] {@code error_auth} messages that are about the partner or shop authorization, not an item. */
  static final Set<String> CREDENTIAL_MESSAGE_HINTS = Set.of("partner_id", "shopid", "shop_id",
      "refresh_token", "no permission to current api", "app is deleted", "permissions for authorizations");
  /** [V] Passing faults on Shopee's side. */
  static final Set<String> TRANSIENT_CODES = Set.of("error_server", "error_inner", "error_network");
  /** [V] {@code error_auth}/{@code error_param} messages that are passing faults (system error, expired timestamp). */
  static final Set<String> TRANSIENT_MESSAGE_HINTS = Set.of("system error", "try again later", "try later",
      "timestamp is expired");
  /** [U] Words in a failure_list reason that make the item worth retrying rather than failing. */
  static final Set<String> RETRYABLE_REASON_HINTS = Set.of("system error", "try again", "try later",
      "timeout", "busy");

  /** [V] search_item page size limit; only exact item_sku matches are kept from its answer. */
  static final int SEARCH_PAGE = 100;
  /** [V] Item statuses a listing may be found in; deleted items are never reused. */
  static final String NORMAL = "NORMAL";
  static final String UNLIST = "UNLIST";
  /** [V] get_item_base_info, get_order_detail, unlist_item, stock_list, price_list: 1 to 50 entries. */
  static final int LIST_LIMIT = 50;
  /** [V] get_order_list: page_size 1-100 and a window of at most 15 days. */
  static final int ORDER_PAGE = LIST_LIMIT;
  static final Duration ORDER_WINDOW = Duration.ofDays(15);
  /** Our choice: an update_time seen near the end of a window is asked for again by the next one. */
  static final Duration ORDER_OVERLAP = Duration.ofMinutes(10);
  /** [V] Order detail fields asked for beyond the defaults. */
  static final String ORDER_DETAIL_FIELDS = "item_list,total_amount,pay_time";
  /** [V] The time field an order pull filters on. */
  static final String UPDATE_TIME = "update_time";

  /** [V] Products have at most two variation tiers; a model SKU has at most 100 characters. */
  static final int MAX_TIERS = 2;
  static final int MAX_MODEL_SKU = 100;
  /** [V] Shopee asks for at least 5 s between creating an item and creating its variants. */
  static final Duration VARIANT_DELAY = Duration.ofSeconds(5);
  /** [V] Item images: JPG or PNG, at most 10 MB each. */
  static final long MAX_IMAGE_BYTES = 10L * 1024 * 1024;
  /** [V] Upload scene for item images (Shopee squares them). */
  static final String IMAGE_SCENE = "normal";
  /** [U] Item images at most 9; item name at most 120 characters; description at most 3000. */
  static final int MAX_IMAGES = 9;
  static final int MAX_ITEM_NAME = 120;
  static final int MAX_DESCRIPTION = 3000;
  /** [U] The brand Shopee records for an item without one. */
  static final long NO_BRAND_ID = 0;
  static final String NO_BRAND_NAME = "NoBrand";
  /** [V] Item conditions. */
  static final String CONDITION_NEW = "NEW";
  static final String CONDITION_USED = "USED";

  /** [V] Regions whose prices may have two decimals; every other region takes whole numbers. */
  static final Set<String> TWO_DECIMAL_REGIONS = Set.of("SG", "MY", "BR", "MX", "PL", "ES", "AR");
  /** [U] The currency of each Shopee region (ISO 4217). */
  static final Map<String, String> REGION_CURRENCIES = Map.ofEntries(
      Map.entry("SG", "SGD"), Map.entry("MY", "MYR"), Map.entry("TH", "THB"), Map.entry("TW", "TWD"),
      Map.entry("ID", "IDR"), Map.entry("VN", "VND"), Map.entry("PH", "PHP"), Map.entry("BR", "BRL"),
      Map.entry("MX", "MXN"), Map.entry("CO", "COP"), Map.entry("CL", "CLP"), Map.entry("PL", "PLN"),
      Map.entry("ES", "EUR"), Map.entry("AR", "ARS"));

  /**
   * [V] Order statuses UNPAID to CANCELLED, INVOICE_PENDING and PENDING; [U] TO_CONFIRM_RECEIVE,
   * TO_RETURN and RETRY_SHIP. Any other status counts as paid.
   */
  static final Map<String, Order.Status> ORDER_STATUSES = Map.ofEntries(
      Map.entry("UNPAID", Order.Status.PENDING),
      Map.entry("PENDING", Order.Status.PENDING),
      Map.entry("INVOICE_PENDING", Order.Status.PENDING),
      Map.entry("READY_TO_SHIP", Order.Status.PAID),
      Map.entry("PROCESSED", Order.Status.PAID),
      Map.entry("RETRY_SHIP", Order.Status.PAID),
      Map.entry("IN_CANCEL", Order.Status.PAID),
      Map.entry("SHIPPED", Order.Status.SHIPPED),
      Map.entry("TO_CONFIRM_RECEIVE", Order.Status.SHIPPED),
      Map.entry("COMPLETED", Order.Status.SHIPPED),
      Map.entry("TO_RETURN", Order.Status.SHIPPED),
      Map.entry("CANCELLED", Order.Status.CANCELLED));

  /** Connection credentials. */
  static final String PARTNER_ID = "partner_id";
  static final String PARTNER_KEY = "partner_key";
  static final String ACCESS_TOKEN = "access_token";
  static final String REFRESH_TOKEN_SECRET = "refresh_token";

  /** Connection settings. */
  static final String SHOP_ID = "shop_id";
  static final String HOST = "host";
  static final String REGION = "region";
  static final String LOGISTIC_IDS = "logistic_ids";
  static final String LOCATION_ID = "location_id";

  /**
   * [U] Shopee publishes no per-second rate for v2 [C]; its v1 documentation allowed 1,000 calls per
   * minute per partner [C], shared by every shop of the app, and v2 answers {@value #RATE_LIMIT} when
   * exceeded [V]. These are conservative figures per connection and adapter call, which fans out
   * into several HTTP calls.
   */
  static final Map<Operation, RatePlan> RATE_PLANS = rates();

  private static Map<Operation, RatePlan> rates() {
    String basis = "[U] conservative guess; Shopee v2 publishes no rate [C], v1 allowed 1000 calls/min per "
        + "partner [C], throttling is answered with error_rate_limit [V]";
    Map<Operation, RatePlan> plans = new EnumMap<>(Operation.class);
    plans.put(Operation.UPSERT_LISTINGS, new RatePlan(0.2, 1, basis
        + " (lookups, image uploads and 2-5 item calls per product)"));
    plans.put(Operation.UPDATE_STOCK, new RatePlan(1, 2, basis + " (lookups for new SKUs + 1 call per item)"));
    plans.put(Operation.UPDATE_PRICES, new RatePlan(1, 2, basis + " (lookups for new SKUs + 1 call per item)"));
    plans.put(Operation.DELETE_LISTINGS, new RatePlan(0.5, 1, basis
        + " (lookups + 1 unlist call per 50 items or 1 call per variant)"));
    plans.put(Operation.PULL_ORDERS, new RatePlan(1, 2, basis + " (2 calls per page of 50)"));
    plans.put(Operation.TEST_CONNECTION, new RatePlan(1, 2, basis + " (1 call)"));
    return Map.copyOf(plans);
  }

  private ShopeeApi() {}
}
