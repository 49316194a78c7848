package io.syncfleet.adapters.refurbed;

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
 * Every refurbed fact the adapter relies on, in one place. Each carries the tag of
 * {@code shared/marketplaces.md} section 11, sharpened where the client generated from refurbed's
 * own API specification (refb.merchant.v1, read in a stored copy) says more: [V] stated there or in
 * the gRPC standard, [C] only community code agrees, [U] unverified. Confirm a [U] fact with refurbed
 * before relying on it; when refurbed disagrees, this file is the one to change.
 */
final class RefurbedApi {
  /** [V] The HTTP/JSON gateway; refurbed publishes no sandbox host [U]. */
  static final String PRODUCTION_URL = "https://api.refurbed.com";
  /** [C] {@code Authorization: Plain <token>}; tokens are issued by refurbed on request. */
  static final String AUTH_PREFIX = "Plain ";

  /** [V] Every call is {@code POST /refb.merchant.v1.<Service>/<Method>} with a JSON body (snake_case fields). */
  static final String PACKAGE = "refb.merchant.v1.";
  static final String OFFER_SERVICE = PACKAGE + "OfferService/";
  static final String BATCH_CREATE_OFFERS = OFFER_SERVICE + "BatchCreateOffers";
  static final String BATCH_UPDATE_OFFERS = OFFER_SERVICE + "BatchUpdateOffers";
  static final String BATCH_DELETE_OFFERS = OFFER_SERVICE + "BatchDeleteOffers";
  static final String LIST_OFFERS = OFFER_SERVICE + "ListOffers";
  static final String LIST_ORDERS = PACKAGE + "OrderService/ListOrders";

  /** [V] Batch offer calls take between 1 and 50 offers and answer {@code results[]} in request order. */
  static final int BATCH_LIMIT = 50;
  /**
   * [V] List calls: {@code pagination{limit, starting_after | ending_before}}, limit at most 100;
   * the answer says {@code has_more}.
   */
  static final int MAX_PAGE = 100;
  /** [V] Orders can be sorted by ID and filtered by {@code released_at}; there is no filter on changes. */
  static final String SORT_BY_ID = "ID";
  /** [C] A first pull reads the orders released in the last 30 days. */
  static final Duration FIRST_PULL_LOOKBACK = Duration.ofDays(30);
  /**
   * Orders carry no modification time [V], so each pull walks again the orders released in this
   * window to see their later states (acceptance, shipping, cancellation); later changes of older
   * orders are not seen. A choice, not a refurbed fact.
   */
  static final Duration RECHECK_WINDOW = Duration.ofDays(3);
  /** [V] RFC 3339 timestamps. */
  static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

  /** [V] google.rpc.Code names by number, as the JSON errors carry them ({@code {"code":3,"message":...}}). */
  static final List<String> CODES = List.of("OK", "CANCELLED", "UNKNOWN", "INVALID_ARGUMENT", "DEADLINE_EXCEEDED",
      "NOT_FOUND", "ALREADY_EXISTS", "PERMISSION_DENIED", "RESOURCE_EXHAUSTED", "FAILED_PRECONDITION", "ABORTED",
      "OUT_OF_RANGE", "UNIMPLEMENTED", "INTERNAL", "UNAVAILABLE", "DATA_LOSS", "UNAUTHENTICATED");
  static final int OK = 0;
  static final int NOT_FOUND = 5;
  static final int ALREADY_EXISTS = 6;
  static final int PERMISSION_DENIED = 7;
  static final int RESOURCE_EXHAUSTED = 8;
  static final int UNAUTHENTICATED = 16;
  /** [V] Codes the gRPC standard calls retryable, plus INTERNAL (a fault on refurbed's side). */
  static final Set<Integer> PASSING = Set.of(1, 2, 4, 10, 13, 14);
  /** [C] Rate-limit headers on every answer; the reset is a Unix time in seconds. */
  static final String RATE_LIMIT_RESET = "X-RateLimit-Reset";

  /** [V] SKUs: at most 256 characters, no leading or trailing whitespace. */
  static final int MAX_SKU = 256;
  /** [V] Offers are created on an instance by its id or by a GTIN-8, GTIN-12 or GTIN-13 (then UNVERIFIED). */
  static final Set<Integer> GTIN_LENGTHS = Set.of(8, 12, 13);
  /** [C] Money is a decimal string with at most two decimals. */
  static final int MONEY_SCALE = 2;
  /** [V] Grading, warranty and taxation enums. */
  static final Set<String> GRADINGS = Set.of("A", "B", "C");
  static final Set<Integer> WARRANTY_MONTHS = Set.of(12, 18, 24, 30, 36);
  static final Set<String> TAXATIONS = Set.of("GROSS", "MARGINAL");
  /** [U] The grading a listing's condition stands for when it names none in its {@value #GRADING} attribute. */
  static final Map<Listing.Condition, String> GRADING_BY_CONDITION = new EnumMap<>(Map.of(
      Listing.Condition.USED_EXCELLENT, "A",
      Listing.Condition.USED_GOOD, "B",
      Listing.Condition.USED_ACCEPTABLE, "C"));

  /** Listing attributes: the grading, refurbed's instance id (instead of a GTIN), the warranty in months. */
  static final String GRADING = "grading";
  static final String INSTANCE_ID = "instance_id";
  static final String WARRANTY = "warranty_months";

  /** Connection secret and settings. */
  static final String TOKEN = "token";
  static final String SHIPPING_PROFILE_ID = "shipping_profile_id";
  static final String DEFAULT_WARRANTY = "warranty_months";
  static final String TAXATION = "taxation";

  private RefurbedApi() {}

  /** The gRPC name of a status code, e.g. 3 is INVALID_ARGUMENT. */
  static String codeName(int code) {
    return code >= 0 && code < CODES.size() ? CODES.get(code) : String.valueOf(code);
  }

  /**
   * [U] Guesses: refurbed publishes no figures, only {@code X-RateLimit-*} headers on each answer
   * [C]. Conservative rates per adapter call; throttles come back with refurbed's reset time.
   */
  static Map<Operation, RatePlan> ratePlans() {
    String guess = "[U] conservative guess; refurbed publishes no figure, only X-RateLimit-* headers [C]";
    Map<Operation, RatePlan> plans = new EnumMap<>(Operation.class);
    plans.put(Operation.UPSERT_LISTINGS, new RatePlan(0.5, 2, guess + " (1 batch update + 1 batch create)"));
    plans.put(Operation.UPDATE_STOCK, new RatePlan(1, 3, guess + " (1 batch update of up to 50)"));
    plans.put(Operation.UPDATE_PRICES, new RatePlan(1, 3, guess + " (1 batch update of up to 50)"));
    plans.put(Operation.DELETE_LISTINGS, new RatePlan(0.5, 2, guess + " (1 batch delete of up to 50)"));
    plans.put(Operation.PULL_ORDERS, new RatePlan(1, 2, guess + " (1 call per page of 100)"));
    plans.put(Operation.TEST_CONNECTION, new RatePlan(1, 2, guess + " (1 call)"));
    return plans;
  }

  /** Our normalized status from refurbed's order state and its items' states [V states, U mapping]. */
  static Order.Status orderStatus(String state, List<String> itemStates) {
    if ("CANCELLED".equals(state) || "REJECTED".equals(state)) {
      return Order.Status.CANCELLED;
    }
    if ("RETURNED".equals(state)) {
      return Order.Status.REFUNDED;
    }
    boolean someShipped = itemStates.contains("SHIPPED");
    boolean someOpen = itemStates.contains("NEW") || itemStates.contains("ACCEPTED");
    if (someShipped && someOpen) {
      return Order.Status.PARTIALLY_SHIPPED;
    }
    if ("SHIPPED".equals(state)) {
      return Order.Status.SHIPPED;
    }
    // Orders are released to the merchant once paid [U]: NEW waits for acceptance, ACCEPTED for shipping.
    return Order.Status.PAID;
  }
}
