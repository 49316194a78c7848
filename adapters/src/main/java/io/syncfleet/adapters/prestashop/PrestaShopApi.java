package io.syncfleet.adapters.prestashop;

import io.syncfleet.adapters.Order;
import io.syncfleet.adapters.RatePlan;
import io.syncfleet.adapters.failure.AuthenticationFailure;
import io.syncfleet.adapters.http.MarketplaceHttp;
import io.syncfleet.producer.connection.Connection;
import io.syncfleet.producer.job.Listing;
import io.syncfleet.producer.job.Operation;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import okhttp3.HttpUrl;

/**
 * Every PrestaShop Webservice fact the adapter relies on, in one place. Each carries the tag of
 * {@code shared/marketplaces.md} section 14: [V] verified (for most facts here: read in PrestaShop's
 * own source, "core code"), [C] corroborated by community code only, [U] unverified. Confirm a [U]
 * fact with a real shop before relying on it; when PrestaShop disagrees, this file is the one to change.
 */
final class PrestaShopApi {
  /** [V] The Webservice lives under the shop's address; it needs friendly URLs for /api/ [C]. */
  static final String API = "api";
  /** [V core code] Answers come as JSON with this parameter; write bodies stay XML [V examples, JSON input U]. */
  static final String OUTPUT_FORMAT = "output_format";
  static final String JSON = "JSON";
  /** [V core code] Multistore: the shop a call works in. */
  static final String ID_SHOP = "id_shop";
  /** [V core code] Date filters ({@code date_add}, {@code date_upd}) work only with {@code date=1}. */
  static final String DATE_FILTERS = "date";

  /** Resources. */
  static final String PRODUCTS = "products";
  static final String COMBINATIONS = "combinations";
  static final String STOCK = "stock_availables";
  static final String OPTIONS = "product_options";
  static final String OPTION_VALUES = "product_option_values";
  static final String LANGUAGES = "languages";
  static final String ORDERS = "orders";
  static final String CURRENCIES = "currencies";

  /**
   * What a key needs, per resource [V core code method names]: the connection test reports what is
   * missing, since PrestaShop only says so (HTTP 405/401) when a call is made.
   */
  static final Map<String, List<String>> PERMISSIONS = Map.of(
      PRODUCTS, List.of("get", "post", "put", "delete"),
      COMBINATIONS, List.of("get", "post", "put", "delete"),
      STOCK, List.of("get", "put"),
      OPTIONS, List.of("get", "post"),
      OPTION_VALUES, List.of("get", "post"),
      LANGUAGES, List.of("get"),
      ORDERS, List.of("get"),
      CURRENCIES, List.of("get"));

  /** [V core code] Error codes that mean the connection, not the call, is wrong. */
  static final String WEBSERVICE_DISABLED = "22";
  static final String METHOD_NOT_ALLOWED_FOR_KEY = "25";
  /** [V core code] The key is 32 characters; anything else is refused before it is looked up. */
  static final int KEY_LENGTH = 32;

  /**
   * [V core code] Filter syntax: {@code [a|b]} is a list of exact values, {@code [x,y]} an inclusive
   * range (digits, dates), a plain {@code [a]} one exact value. A value holding these characters
   * cannot be asked for, so SKUs may not contain them.
   */
  static final String FILTER_SYNTAX = "[]|,\"";
  /** [V core code, Validate::isReference] Characters a reference may not contain. */
  static final String REFERENCE_FORBIDDEN = "<>;={}";
  /** [V core code, Validate::isCatalogName] Characters a product name may not contain. */
  static final String NAME_FORBIDDEN = "<>;=#{}";
  /** References asked for per lookup call, to keep the URL short. */
  static final int REFERENCES_PER_LOOKUP = 50;

  /** [C] Field sizes of PrestaShop 1.7/8 (product and combination definitions). */
  static final int MAX_REFERENCE = 64;
  static final int MAX_NAME = 128;
  static final int MAX_MPN = 40;
  /** [V core code, Validate::isEan13 / isUpc] ean13 takes up to 13 digits, upc 12. */
  static final int UPC_LENGTH = 12;

  /**
   * [V core code] Product fields a GET shows but a PUT refuses ("not writable", error 93) or ignores;
   * they are taken out before the document goes back.
   */
  static final List<String> NOT_WRITABLE = List.of("manufacturer_name", "quantity", "position_in_category");
  /** [C] The root category of a default install, "Home". */
  static final String DEFAULT_CATEGORY = "2";
  /** [V] Product condition values. */
  static final Map<Listing.Condition, String> CONDITIONS = new EnumMap<>(Map.of(
      Listing.Condition.NEW, "new",
      Listing.Condition.NEW_OTHER, "new",
      Listing.Condition.REFURBISHED, "refurbished",
      Listing.Condition.USED_EXCELLENT, "used",
      Listing.Condition.USED_GOOD, "used",
      Listing.Condition.USED_ACCEPTABLE, "used",
      Listing.Condition.FOR_PARTS, "used"));

  /** [V core code] Order dates are the shop's local time, written like this, and sort as text. */
  static final DateTimeFormatter LOCAL_DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");
  /** Upper end of the open-ended date range of an order pull. */
  static final String FAR_FUTURE = "9999-12-31 23:59:59";
  /** Orders per page; PrestaShop sets no maximum for {@code limit} [U]. */
  static final int ORDER_PAGE = 100;
  /** A first pull reads the orders changed in this window before now (our choice). */
  static final Duration FIRST_PULL_LOOKBACK = Duration.ofDays(30);

  /**
   * [V install data, ids by insertion order C] The order states of a default install: 1 awaiting
   * cheque, 2 payment accepted, 3 processing, 4 shipped, 5 delivered, 6 cancelled, 7 refunded,
   * 8 payment error, 9 backorder paid, 10 awaiting bank wire, 11 remote payment accepted,
   * 12 backorder unpaid, 13 awaiting cash on delivery. States a shop adds read as pending.
   */
  static final Set<String> PAID_STATES = Set.of("2", "3", "9", "11");
  static final Set<String> SHIPPED_STATES = Set.of("4", "5");
  static final String CANCELLED_STATE = "6";
  static final String REFUNDED_STATE = "7";

  /** Connection credential and setting names. */
  static final String WEBSERVICE_KEY = "webservice_key";
  static final String STORE_URL = "store_url";
  static final String SHOP_ID = "shop_id";
  static final String LANGUAGE_ID = "language_id";
  static final String CATEGORY_ID = "category_id";
  static final String TAX_RULES_GROUP_ID = "tax_rules_group_id";
  static final String TIMEZONE = "timezone";

  /** Item outcome codes of this adapter (PrestaShop's own codes pass through unchanged). */
  static final String SKU_NOT_FOUND = "SKU_NOT_FOUND";
  static final String SKU_AMBIGUOUS = "SKU_AMBIGUOUS";
  static final String SKU_CONFLICT = "SKU_CONFLICT";
  static final String INVALID_LISTING = "INVALID_LISTING";
  static final String NO_STOCK_ROW = "NO_STOCK_ROW";
  static final String NO_LOCATIONS = "LOCATIONS_UNSUPPORTED";

  /**
   * [U] The Webservice has no rate limit of its own; shared hosting does (429, or 503 with busy PHP
   * workers). PrestaShop has no batch writes, so each item is a call or more: these figures keep a
   * shop at a few calls per second, per adapter call with the calls noted.
   */
  static final Map<Operation, RatePlan> RATE_PLANS = rates();

  private static Map<Operation, RatePlan> rates() {
    String none = "[U] no limit in the PrestaShop Webservice; hosts throttle with 429/503, so a shop is kept "
        + "at a few calls per second";
    Map<Operation, RatePlan> plans = new EnumMap<>(Operation.class);
    plans.put(Operation.UPSERT_LISTINGS, new RatePlan(0.1, 1, none + " (lookups, then 2-4 calls per listing)"));
    plans.put(Operation.UPDATE_STOCK, new RatePlan(0.1, 1, none + " (lookups, then 1 call per item)"));
    plans.put(Operation.UPDATE_PRICES, new RatePlan(0.05, 1, none + " (lookups, then 2 calls per item)"));
    plans.put(Operation.DELETE_LISTINGS, new RatePlan(0.1, 1, none + " (lookups, then 1 call per item)"));
    plans.put(Operation.PULL_ORDERS, new RatePlan(1, 2, none + " (2 calls per page of 100)"));
    plans.put(Operation.TEST_CONNECTION, new RatePlan(1, 2, none + " (1 call)"));
    return Map.copyOf(plans);
  }

  /**
   * The Webservice base of a connection: its {@value Connection#BASE_URL} setting when present
   * (tests, simulators), otherwise its {@value #STORE_URL}, followed by {@code api}. PrestaShop has no
   * sandbox: a staging shop is a shop of its own.
   */
  static HttpUrl apiBase(Connection connection) {
    String store = connection.setting(STORE_URL).orElse(null);
    if (store == null && connection.setting(Connection.BASE_URL).isEmpty()) {
      throw new AuthenticationFailure("connection " + connection.id() + " needs the setting '" + STORE_URL
          + "', the shop's address such as https://shop.example", 0, "missing_store_url");
    }
    try {
      return MarketplaceHttp.baseUrl(connection, store, store).newBuilder().addPathSegment(API).build();
    } catch (IllegalArgumentException e) {
      throw new AuthenticationFailure(e.getMessage(), 0, "invalid_store_url");
    }
  }

  /** Our normalized status for a PrestaShop order state id of a default install. */
  static Order.Status orderStatus(String state) {
    if (CANCELLED_STATE.equals(state)) {
      return Order.Status.CANCELLED;
    }
    if (REFUNDED_STATE.equals(state)) {
      return Order.Status.REFUNDED;
    }
    if (SHIPPED_STATES.contains(state)) {
      return Order.Status.SHIPPED;
    }
    return PAID_STATES.contains(state) ? Order.Status.PAID : Order.Status.PENDING;
  }

  private PrestaShopApi() {}
}
