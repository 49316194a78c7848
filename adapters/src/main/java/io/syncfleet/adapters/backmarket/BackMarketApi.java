package io.syncfleet.adapters.backmarket;

import io.syncfleet.adapters.Order;
import io.syncfleet.adapters.RatePlan;
import io.syncfleet.producer.job.Listing;
import io.syncfleet.producer.job.Operation;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every Back Market fact the adapter relies on, in one place. Each carries the tag of
 * {@code shared/marketplaces.md} section 10, sharpened where Back Market's own "API Guidelines"
 * OpenAPI document (api.backmarket.dev, read in a stored copy) says more: [V] stated there,
 * [C] only community integration code agrees, [U] unverified. Confirm a [U] fact with Back Market
 * before relying on it; when Back Market disagrees, this file is the one to change.
 */
final class BackMarketApi {
  /** [V] Production and preproduction hosts of the three platforms; every path is under /ws/. */
  static final Map<String, String> PRODUCTION_URLS = Map.of(
      "EU", "https://www.backmarket.fr",
      "NA", "https://www.backmarket.com",
      "AP", "https://www.backmarket.co.jp");
  static final Map<String, String> PREPROD_URLS = Map.of(
      "EU", "https://preprod.backmarket.fr",
      "NA", "https://preprod.backmarket.com",
      "AP", "https://preprod.backmarket.co.jp");
  /** [V] The market (Accept-Language) each platform's calls default to. */
  static final Map<String, String> DEFAULT_MARKETS = Map.of("EU", "fr-fr", "NA", "en-us", "AP", "ja-jp");
  /** [V] Markets by platform, as Accept-Language values. */
  static final Map<String, Set<String>> MARKETS = Map.of(
      "EU", Set.of("fr-fr", "fr-be", "es-es", "de-de", "de-at", "it-it", "en-gb", "nl-nl", "pt-pt",
          "en-ie", "el-gr", "sk-sk", "sv-se"),
      "NA", Set.of("en-us"),
      "AP", Set.of("ja-jp", "en-au"));

  /** [V] The token from the seller Back Office, sent as is after this prefix (not re-encoded). */
  static final String AUTH_PREFIX = "Basic ";
  /** [V] Mandatory; requests without it may be refused: {@code BM-{Company}-{Integration};{e-mail}}. */
  static final String USER_AGENT_FORMAT = "BM-%s-%s;%s";
  /** The integration's name in the User-Agent. */
  static final String INTEGRATION_NAME = "Syncfleet";

  /** [V] Listings: GET lists, POST takes a catalog file (a task). */
  static final String LISTINGS = "ws/listings";
  /** [V] {@code GET ?sku=} finds one listing by the seller's SKU; 404 when there is none. */
  static final String LISTING_DETAIL = "ws/listings/detail";
  /** [V] {@code GET /ws/tasks/{taskId}}: the report of a catalog file. */
  static final String TASKS = "ws/tasks";
  /** [V] Orders; {@code POST /ws/listings/{id}} is under {@link #LISTINGS}. */
  static final String ORDERS = "ws/orders";

  /** [V] List paging: {@code page} from 1 and {@code page-size} up to 50; answers are {count,next,previous,results}. */
  static final String PAGE = "page";
  static final String PAGE_SIZE = "page-size";
  static final int MAX_PAGE_SIZE = 50;
  /**
   * [V name] Orders changed at or after this RFC 3339 time [U: "at or after" is inferred, the
   * guidelines only say "filter"].
   */
  static final String MODIFIED_SINCE = "date_modification";
  /** [C] A first pull reads the orders of the last 30 days. */
  static final Duration FIRST_PULL_LOOKBACK = Duration.ofDays(30);
  /** RFC 3339 in UTC, as the order filters read it [V format]. */
  static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

  /** [V] Catalog files: CSV with ';' between fields and every field in double quotes (at most 15,000 lines). */
  static final char CSV_DELIMITER = ';';
  static final char CSV_QUOTE = '"';
  static final String CSV_ENCODING = "utf-8";
  /**
   * [U] Catalog columns: Back Market lists the real ones per category in the Back Office ("Options >
   * Batch Listing Creation"). {@code sku} [V] identifies the listing; {@code product_id} or
   * {@code ean} [V] the product; {@code quantity} and {@code price} [V example]; {@code state} (the
   * grade's legacy number) and {@code warranty_delay} [C community catalog files].
   */
  static final List<String> CATALOG_COLUMNS = List.of("sku", "product_id", "ean", "quantity", "price", "state",
      "warranty_delay");
  /** [V] The task id in the answer to a catalog file. */
  static final String TASK_ID_FIELD = "bodymessage";
  /** [V] Task states: 9 done, 8 failed (see last_action_error); 0 and 2 to do or running; 3 and 7 not described. */
  static final int TASK_DONE = 9;
  static final int TASK_FAILED = 8;
  /** [V] A task takes about five minutes on average; its report is read no sooner. */
  static final Duration TASK_AVERAGE = Duration.ofMinutes(5);
  /**
   * How long a sent row's task is followed up before the row counts as never sent and goes again
   * (a choice: far beyond the average, within the worker's attempts).
   */
  static final Duration TASK_MEMORY = Duration.ofHours(2);
  /** The kind of a sent row's fingerprint. */
  static final String CATALOG_ROW = "backmarket-catalog-row";

  /** [V] Listing update fields (POST /ws/listings/{id}); price as a string; fields left out are kept. */
  static final String QUANTITY = "quantity";
  static final String PRICE = "price";
  static final String CURRENCY = "currency";

  /** [V] The aesthetic grades and the legacy numbers ({@code state}) catalog files carry [C]. */
  static final Map<String, Integer> GRADES = Map.of(
      "PREMIUM", 9, "EXCELLENT", 0, "VERY_GOOD", 1, "GOOD", 2, "FAIR", 3, "STALLONE", 4);
  /** [U] The grade a listing's condition stands for when it names none in its {@value #GRADE} attribute. */
  static final Map<Listing.Condition, String> GRADE_BY_CONDITION = new EnumMap<>(Map.of(
      Listing.Condition.USED_EXCELLENT, "EXCELLENT",
      Listing.Condition.USED_GOOD, "GOOD",
      Listing.Condition.USED_ACCEPTABLE, "FAIR"));
  /** Listing attribute naming the grade (one of {@link #GRADES}). */
  static final String GRADE = "grade";
  /** Listing attribute naming Back Market's product UUID, when the listing has no EAN. */
  static final String PRODUCT_ID = "product_id";
  /** Listing attribute overriding the connection's warranty, in months. */
  static final String WARRANTY_MONTHS = "warranty_months";
  /** [V] A warranty of at least 12 months. */
  static final int MIN_WARRANTY_MONTHS = 12;
  /** [U] EANs are 8, 12, 13 or 14 digits (GTIN lengths). */
  static final Set<Integer> EAN_LENGTHS = Set.of(8, 12, 13, 14);

  /** [V] Cloudflare's bot management code in a 403 (ErrorResponseV2), and the header to quote to Back Market. */
  static final String BOT_CHALLENGE = "bot-need-challenge";
  static final String CF_RAY = "cf-ray";
  /** Our code for Cloudflare's HTML 403: a firewall block, not a credential problem. */
  static final String WAF_BLOCKED = "waf_blocked";

  /**
   * [V] Order states (Table 5; 1 "to accept" and 3 "to ship" are paid) and order line states
   * (Table 6). Order lists leave out states 0 and 8.
   */
  static final int ORDER_PAYMENT_CHECK = 0;
  static final int ORDER_AWAITING_PAYMENT = 10;
  static final int ORDER_NOT_PAID = 8;
  static final int ORDER_SHIPPED = 9;
  static final Set<Integer> LINES_CANCELLED = Set.of(4, 5, 7);
  static final int LINE_REFUNDED_AFTER_SHIPPING = 6;

  /** Connection secret and settings. */
  static final String TOKEN = "token";
  static final String PLATFORM = "platform";
  static final String DEFAULT_PLATFORM = "EU";
  static final String MARKET = "market";
  static final String CONTACT_EMAIL = "contact_email";
  static final String COMPANY = "company";
  static final String WARRANTY_SETTING = "warranty_months";

  /**
   * [V] Traffic and data limits of the guidelines: about 200 requests per 10 s (20 on "sensitive"
   * endpoints such as the catalog), and at most 2,000 SKU lines per hour over catalog files and
   * single-listing updates together. The hourly lines are the binding limit; they are shared out
   * between the operations that spend them (stock first: overselling costs the seller most).
   */
  static final int SKU_LINES_PER_HOUR = 2_000;
  static final Map<Operation, Integer> SKU_LINES_SHARE = Map.of(
      Operation.UPDATE_STOCK, 1_000, Operation.UPDATE_PRICES, 500, Operation.UPSERT_LISTINGS, 500);

  /** Batch limits: catalog files are cheap per line; stock and prices are one call per SKU. */
  static final int UPSERT_BATCH = 50;
  static final int UPDATE_BATCH = 10;

  private BackMarketApi() {}

  /** The rate plan of every operation the adapter offers, per adapter call (one job). */
  static Map<Operation, RatePlan> ratePlans() {
    Map<Operation, RatePlan> plans = new EnumMap<>(Operation.class);
    plans.put(Operation.UPSERT_LISTINGS, lines(Operation.UPSERT_LISTINGS, UPSERT_BATCH, 2));
    plans.put(Operation.UPDATE_STOCK, lines(Operation.UPDATE_STOCK, UPDATE_BATCH, 5));
    plans.put(Operation.UPDATE_PRICES, lines(Operation.UPDATE_PRICES, UPDATE_BATCH, 3));
    String requests = "[V] about 200 requests per 10 s per seller (Cloudflare), shared with other calls";
    plans.put(Operation.PULL_ORDERS, new RatePlan(1, 2, requests + "; 1 call per page of 50"));
    plans.put(Operation.TEST_CONNECTION, new RatePlan(1, 2, requests + "; 1 call"));
    return plans;
  }

  private static RatePlan lines(Operation op, int batch, int burst) {
    int share = SKU_LINES_SHARE.get(op);
    return new RatePlan(share / 3600.0 / batch, burst, "[V] at most " + SKU_LINES_PER_HOUR
        + " SKU lines per hour on listing updates; this operation's share is " + share
        + " lines/h, in jobs of up to " + batch + " SKUs");
  }

  /** Our normalized status from the order state and its lines' states [V states, U mapping]. */
  static Order.Status orderStatus(int state, List<Integer> lineStates) {
    if (!lineStates.isEmpty() && lineStates.stream().allMatch(LINES_CANCELLED::contains)) {
      return Order.Status.CANCELLED;
    }
    if (!lineStates.isEmpty() && lineStates.stream().allMatch(s -> s == LINE_REFUNDED_AFTER_SHIPPING)) {
      return Order.Status.REFUNDED;
    }
    if (state == ORDER_NOT_PAID) {
      return Order.Status.CANCELLED;
    }
    if (state == ORDER_SHIPPED) {
      return Order.Status.SHIPPED;
    }
    if (state == ORDER_PAYMENT_CHECK || state == ORDER_AWAITING_PAYMENT) {
      return Order.Status.PENDING;
    }
    return Order.Status.PAID;
  }
}
