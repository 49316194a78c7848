package io.syncfleet.adapters.mirakl;

import io.syncfleet.adapters.Order;
import io.syncfleet.adapters.RatePlan;
import io.syncfleet.producer.job.Listing;
import io.syncfleet.producer.job.Operation;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Every Mirakl fact the adapter relies on, in one place. Each carries its tag: [V] verified against
 * Mirakl's seller API documentation (developer.mirakl.com) or Mirakl's own PHP SDK and Magento seller
 * connector, [C] corroborated only by third-party integrations, [U] unverified. Confirm a [U] fact with
 * the operator's Mirakl instance before relying on it; when Mirakl disagrees, this file is the one to
 * change.
 */
final class MiraklApi {
  /** [V] Every seller API path sits under {@code /api} on the operator's own instance host. */
  static final String API_SEGMENT = "api";
  /** [V] The shop API key goes in this header as is, without a scheme ("Authorization: KEY"). */
  static final String AUTHORIZATION = "Authorization";
  /** [V] Query parameter picking one shop when the key's user has access to several. */
  static final String SHOP_ID_PARAM = "shop_id";

  /** [V] OF01 {@code POST} (multipart), OF02 {@code GET /{import}}, OF03 {@code GET /{import}/error_report}. */
  static final String OFFER_IMPORTS = "offers/imports";
  /** [V] OF03 path segment after the import id. */
  static final String ERROR_REPORT = "error_report";
  /** [V] OR11 list orders. */
  static final String ORDERS = "orders";
  /** [V] A01 shop information: the connection test. */
  static final String ACCOUNT = "account";

  /** [V] OF01 multipart part holding the file, and the form fields sent with it. */
  static final String FILE_PART = "file";
  static final String IMPORT_MODE = "import_mode";
  static final String WITH_PRODUCTS = "with_products";
  /**
   * [V] Import modes. NORMAL creates, updates or (with {@code update-delete=delete}) deletes offers;
   * an updated offer takes the file's values, and fields not sent are reset ([V] for OF24; [U] for
   * OF01, where a third-party guide says absent columns are kept): upserts therefore always send every
   * column the adapter manages, filled or deliberately empty, so the result is the same either way.
   * PARTIAL_UPDATE changes only non-empty cells of existing offers; a missing offer is an error line [C].
   */
  static final String MODE_NORMAL = "NORMAL";
  static final String MODE_PARTIAL_UPDATE = "PARTIAL_UPDATE";
  /** [V] OF01 answer: {@code {"import_id": 123}}. */
  static final String IMPORT_ID = "import_id";

  /** [V] OF02 statuses; any other (WAITING_SYNCHRONIZATION_PRODUCT, WAITING, RUNNING, QUEUED) is still going. */
  static final String STATUS_COMPLETE = "COMPLETE";
  static final String STATUS_FAILED = "FAILED";
  /** [V] OF02 fields: status, reason_status, lines_read, lines_in_error, has_error_report. */
  static final String STATUS = "status";
  static final String REASON_STATUS = "reason_status";
  static final String LINES_READ = "lines_read";
  static final String LINES_IN_ERROR = "lines_in_error";
  static final String HAS_ERROR_REPORT = "has_error_report";

  /**
   * [V] Import files are CSV with {@code ;} between quoted cells and a header row of column names.
   * [V] The OF03 error report is the uploaded file's lines in error, with their columns plus
   * {@value #ERROR_MESSAGE_COLUMN} (Mirakl's Magento connector reads it there).
   */
  static final char CSV_SEPARATOR = ';';
  static final String ERROR_MESSAGE_COLUMN = "error-message";
  /** [U] Some instances add an error code column; read when present. */
  static final String ERROR_CODE_COLUMN = "error-code";

  /** [V] Offer file columns (OF01 documentation; logistic-class as Mirakl's connector sends it). */
  static final String SKU = "sku";
  static final String PRODUCT_ID = "product-id";
  static final String PRODUCT_ID_TYPE = "product-id-type";
  static final String DESCRIPTION = "description";
  static final String PRICE = "price";
  static final String DISCOUNT_PRICE = "discount-price";
  static final String QUANTITY = "quantity";
  static final String STATE = "state";
  static final String LEADTIME_TO_SHIP = "leadtime-to-ship";
  static final String LOGISTIC_CLASS = "logistic-class";
  static final String UPDATE_DELETE = "update-delete";
  static final String UPDATE = "update";
  static final String DELETE = "delete";

  /**
   * [V] Product id type matching an offer to the operator product carrying the shop's own SKU (the
   * default of Mirakl's connector). Other types (EAN, UPC, ISBN, MPN...) are configured per operator
   * [V]; the adapter sends the GTIN as their value, the MPN for {@value #MPN}.
   */
  static final String SHOP_SKU = "SHOP_SKU";
  static final String MPN = "MPN";

  /**
   * Offer state codes (OF61 lists an instance's own). [V] 11 is New (Mirakl connector default);
   * [U] the rest are Mirakl's usual defaults; a connection overrides any of them with the setting
   * {@code state_code.<CONDITION>}.
   */
  static final Map<Listing.Condition, String> DEFAULT_STATE_CODES = new EnumMap<>(Map.of(
      Listing.Condition.NEW, "11",
      Listing.Condition.REFURBISHED, "10",
      Listing.Condition.USED_EXCELLENT, "1",
      Listing.Condition.USED_GOOD, "3",
      Listing.Condition.USED_ACCEPTABLE, "4"));

  /**
   * [U] Error-report wording of a delete for an offer the shop no longer has; a delete that meets
   * it has nothing left to do, so the item counts as done.
   */
  static final Pattern OFFER_NOT_FOUND =
      Pattern.compile("(?i)(does not exist|doesn't exist|not found|unknown offer|n'existe pas)");

  /**
   * [V] OF02 call frequency: "after each OF01 call, every 5 minutes; at most once per minute". A
   * pending import is checked again after a minute, then every five once it is older than five.
   */
  static final Duration FOLLOW_UP_SOON = Duration.ofMinutes(1);
  static final Duration FOLLOW_UP_LATER = Duration.ofMinutes(5);
  /** How long an unfinished import is followed before the same file is sent anew (our choice). */
  static final Duration IMPORT_MEMORY = Duration.ofHours(24);

  /** [V] OR11 parameters (Mirakl SDK): offset paging with {@code max} and {@code offset}. */
  static final String START_UPDATE_DATE = "start_update_date";
  static final String SORT = "sort";
  static final String SORT_ORDER = "order";
  /** [V] OR11 sorts by creation date; [U] the value name and ascending order parameter. */
  static final String SORT_BY_CREATED = "dateCreated";
  static final String ASCENDING = "asc";
  static final String PAGINATE = "paginate";
  static final String MAX = "max";
  static final String OFFSET = "offset";
  /** [C] Offset paging returns at most 100 per page. */
  static final int ORDER_PAGE_SIZE = 100;
  /** [V] OR11 answer: {@code {"orders":[...],"total_count":N}}. */
  static final String TOTAL_COUNT = "total_count";
  /** First pull looks back this far (our choice). */
  static final Duration FIRST_PULL_LOOKBACK = Duration.ofDays(30);
  /** Each pull re-reads this much before it started, for clock skew with Mirakl (our choice). */
  static final Duration ORDER_OVERLAP = Duration.ofMinutes(5);

  /** [V] OR11 order states (Mirakl SDK OrderState). */
  static final Set<String> PENDING_STATES =
      Set.of("STAGING", "WAITING_ACCEPTANCE", "WAITING_DEBIT", "WAITING_DEBIT_PAYMENT");
  static final Set<String> SHIPPED_STATES = Set.of("SHIPPED", "TO_COLLECT", "RECEIVED", "CLOSED");
  static final Set<String> CANCELLED_STATES = Set.of("REFUSED", "CANCELED");
  static final String REFUNDED = "REFUNDED";

  /** [U] A shop SKU longer than this is refused by common instances. */
  static final int MAX_SKU = 40;

  /** Connection credential and setting names. */
  static final String API_KEY = "api_key";
  static final String SHOP_ID = "shop_id";
  static final String PRODUCT_ID_TYPE_SETTING = "product_id_type";
  static final String STATE_CODE_PREFIX = "state_code.";
  static final String LEADTIME_SETTING = "leadtime_to_ship";
  static final String LOGISTIC_CLASS_SETTING = "logistic_class";
  static final String CURRENCY_SETTING = "currency";

  /**
   * [V] Mirakl documents a call frequency per API instead of a published rate: OF01, OF02 and OF03
   * each "at most once per minute", OR11 (asynchronous use) "at most once per minute", A01 "at most
   * once per day". [C] A call over the limit gets 429 with Retry-After in seconds. The four offer
   * operations share OF01's minute: together they stay at one upload-or-check per minute, stock and
   * prices taking the larger share.
   */
  static final Map<Operation, RatePlan> RATE_PLANS = ratePlans();

  private static Map<Operation, RatePlan> ratePlans() {
    String offers = "[V] OF01/OF02/OF03 at most once per minute each; one import upload or check per "
        + "call; the four offer operations share one call per minute";
    Map<Operation, RatePlan> plans = new EnumMap<>(Operation.class);
    plans.put(Operation.UPDATE_STOCK, new RatePlan(1.0 / 150, 1, offers + " (stock: one per 150 s)"));
    plans.put(Operation.UPDATE_PRICES, new RatePlan(1.0 / 150, 1, offers + " (prices: one per 150 s)"));
    plans.put(Operation.UPSERT_LISTINGS, new RatePlan(1.0 / 600, 1, offers + " (listings: one per 600 s)"));
    plans.put(Operation.DELETE_LISTINGS, new RatePlan(1.0 / 600, 1, offers + " (deletes: one per 600 s)"));
    plans.put(Operation.PULL_ORDERS, new RatePlan(1.0 / 60, 1,
        "[V] OR11 asynchronous use at most once per minute; one page of 100 per call"));
    plans.put(Operation.TEST_CONNECTION, new RatePlan(1.0 / 3600, 2,
        "[V] A01 at most once per day; hourly with a burst of 2 so a merchant can re-test a fixed key"));
    return Map.copyOf(plans);
  }

  /** Our normalized status of a Mirakl order state [V values]; INCIDENT_OPEN and SHIPPING are paid. */
  static Order.Status orderStatus(String state) {
    if (state == null || PENDING_STATES.contains(state)) {
      return Order.Status.PENDING;
    }
    if (SHIPPED_STATES.contains(state)) {
      return Order.Status.SHIPPED;
    }
    if (CANCELLED_STATES.contains(state)) {
      return Order.Status.CANCELLED;
    }
    if (REFUNDED.equals(state)) {
      return Order.Status.REFUNDED;
    }
    return Order.Status.PAID;
  }

  private MiraklApi() {}
}
