package io.syncfleet.adapters.manomano;

import io.syncfleet.adapters.Order;
import io.syncfleet.adapters.RatePlan;
import io.syncfleet.producer.job.Operation;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/**
 * Every ManoMano Partner API fact the adapter relies on, in one place. ManoMano's reference is not
 * public, so nothing here is [V]: [C] means community integrations agree (several for the offer
 * PATCH and the order list, one for the rest), [U] is unverified. Confirm a fact with ManoMano before
 * relying on it; when ManoMano disagrees, this file is the one to change.
 *
 * <p>Listings are not offered: a product enters ManoMano's catalog through a product feed the seller
 * registers in the ManoMano Toolbox, and ManoMano reviews it; the API can then only set the offer of
 * an approved product (price, stock, shipping). A community integration also writes offers with
 * {@code PUT /api/v1/offers}, refused with {@code NO_CONTENT_APPROVED} until the product is approved
 * [C, one source]: that creates no listing, so the adapter leaves upsert out.
 */
final class ManoManoApi {
  /** [C] Production and sandbox hosts; the sandbox resets offers every hour [C]. */
  static final String PRODUCTION_URL = "https://partnersapi.manomano.com";
  static final String SANDBOX_URL = "https://partnersapi.sandbox.manomano.com";

  /** [C] The seller's API key, and the integration's name ({@code <Company>_<Version>}), on every call. */
  static final String API_KEY_HEADER = "x-api-key";
  static final String THIRDPARTY_HEADER = "x-thirdparty-name";
  static final String DEFAULT_THIRDPARTY_NAME = "Syncfleet_1";

  /**
   * [C] {@code PATCH} body {@code {"content":[{"seller_contract_id":<int>,"items":[{"sku",
   * "price":{"price_vat_included":<number>},"stock":{"quantity":<int>}}]}]}}; fields left out of an
   * item are kept [U].
   */
  static final String OFFERS = "api/v2/offer-information/offers";
  /**
   * [C] 20 offers per request (ERR_1405 "maximum 20 offers per request" on offer writes [C]; the
   * PATCH is assumed to take the same [U]).
   */
  static final int OFFER_BATCH = 20;
  /**
   * [U] The PATCH answer's per-offer results, read as {@code content[]} entries with a {@code sku}, a
   * {@code status} (HTTP-like number, or a word such as ERROR) or {@code response.status}, and
   * {@code errors[]}. An answer without entries for the batch means every offer was taken.
   */
  static final Set<String> FAILED_WORDS = Set.of("ERROR", "FAILED", "REJECTED", "KO");

  /**
   * [C] {@code GET ?seller_contract_id=&page=&limit=&created_at_start=}; the answer is
   * {@code {content[], pagination{page,pages}}}.
   */
  static final String ORDERS = "orders/v1/orders";
  static final String CONTRACT_PARAM = "seller_contract_id";
  static final String CREATED_SINCE = "created_at_start";
  /** [C] Community integrations ask 50 or 100 orders a page; 50 is the smaller. */
  static final int ORDER_PAGE = 50;
  /** [U] ISO 8601 in UTC, as the order filter reads it. */
  static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);
  /** A first pull reads the orders created in the last 30 days (a choice). */
  static final Duration FIRST_PULL_LOOKBACK = Duration.ofDays(30);
  /**
   * No filter on changes is known [U], so each pull walks again the orders created in this window to
   * see their later states (acceptance, shipping, cancellation). A choice, not a ManoMano fact.
   */
  static final Duration RECHECK_WINDOW = Duration.ofDays(3);
  /** [C] Order statuses. */
  static final Set<String> PAID = Set.of("PENDING", "ACCEPTED");
  static final Set<String> SHIPPED = Set.of("SHIPPED", "CLOSED");
  static final Set<String> CANCELLED = Set.of("REFUSED", "CANCELLED");
  static final String REFUNDED = "REFUNDED";

  /** [C] Cloudflare's 429 carries the wait in seconds in its JSON body (error code 1015). */
  static final String RETRY_AFTER_FIELD = "retry_after";

  /**
   * [C] ManoMano's product feed requires sku, brand, title, description and image_1, and an EAN or
   * the manufacturer's reference; it has columns for five images.
   */
  static final int MAX_IMAGES = 5;

  /** Connection secret and settings. */
  static final String API_KEY = "api_key";
  static final String SELLER_CONTRACT_ID = "seller_contract_id";
  static final String THIRDPARTY_NAME = "thirdparty_name";

  private ManoManoApi() {}

  /**
   * [C] One integration keeps to 60 calls a minute after Cloudflare's 429s; ManoMano publishes no
   * figure [U]. That minute's budget is shared out between the operations.
   */
  static Map<Operation, RatePlan> ratePlans() {
    String source = "[C] one integration keeps to 60 calls/min after Cloudflare 429s (no published figure [U]); "
        + "this operation's share, 1 call per job";
    Map<Operation, RatePlan> plans = new EnumMap<>(Operation.class);
    plans.put(Operation.UPDATE_STOCK, new RatePlan(0.4, 2, source));
    plans.put(Operation.UPDATE_PRICES, new RatePlan(0.3, 2, source));
    plans.put(Operation.PULL_ORDERS, new RatePlan(0.2, 1, source + " (page)"));
    plans.put(Operation.TEST_CONNECTION, new RatePlan(0.1, 1, source));
    return plans;
  }

  /** Our normalized status for ManoMano's [C statuses, U mapping]; an unknown one is not treated as shippable. */
  static Order.Status orderStatus(String status) {
    if (status == null) {
      return Order.Status.PENDING;
    }
    if (PAID.contains(status)) {
      // ManoMano takes the payment before the seller sees the order [U]: PENDING waits for acceptance.
      return Order.Status.PAID;
    }
    if (SHIPPED.contains(status)) {
      return Order.Status.SHIPPED;
    }
    if (CANCELLED.contains(status)) {
      return Order.Status.CANCELLED;
    }
    return REFUNDED.equals(status) ? Order.Status.REFUNDED : Order.Status.PENDING;
  }
}
