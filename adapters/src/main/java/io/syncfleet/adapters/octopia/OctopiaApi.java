package io.syncfleet.adapters.octopia;

import io.syncfleet.adapters.Order;
import io.syncfleet.adapters.RatePlan;
import io.syncfleet.producer.job.Listing;
import io.syncfleet.producer.job.Operation;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/**
 * Every Octopia (Cdiscount) Seller API v2 fact the adapter relies on, in one place. Most come from
 * community integrations rather than a vendor SDK, so the tags matter: [V] read in Octopia's own
 * developer portal (developer.octopia-io.net prose pages), [C] corroborated by several independent
 * community integrations only, [U] unverified. Confirm a [C] or [U] fact against Octopia's current
 * OpenAPI file (downloadable from the portal) before relying on it; when Octopia disagrees, this file
 * is the one to change.
 */
final class OctopiaApi {
  /** [V] API host; [C] the {@code /seller/v2} base path. */
  static final String PRODUCTION_URL = "https://api.octopia-io.net/seller/v2";
  /** [V] Token server host; [C] the Keycloak realm path of the token endpoint. */
  static final String AUTH_HOST = "https://auth.octopia-io.net";
  static final String TOKEN_PATH = "auth/realms/maas/protocol/openid-connect/token";
  /** [V] Client-credentials grant, form-encoded; the token goes in {@code Authorization: Bearer}. */
  static final String GRANT_TYPE = "client_credentials";
  /**
   * [V] Tokens last 2 h; used only when the token answer lacks expires_in. [C] About 500 tokens per
   * hour per client are allowed, so tokens are cached per connection and renewed only when expiring
   * or refused.
   */
  static final Duration DEFAULT_TOKEN_LIFETIME = Duration.ofHours(2);
  /** [V] Header naming the seller account on every API call. */
  static final String SELLER_ID_HEADER = "SellerId";
  /** [C] OAuth errors of a client id or secret the token server refuses. */
  static final Set<String> BAD_CLIENT = Set.of("invalid_client", "unauthorized_client", "invalid_grant");

  /** [C] Errors are RFC 7807 problem documents: {@code {"type","title","status","detail"}}. */
  static final String TITLE = "title";
  static final String DETAIL = "detail";
  /** [C] Throttling code, seen on product integration (about 25 per hour) and handled everywhere. */
  static final String QUOTA_EXCEEDED = "QuotaExceeded";

  /** [V] Seller information, the connection test. */
  static final String SELLERS = "sellers";

  /**
   * Offer packages [V concept, C shapes]: {@code POST offer-packages} with {@code {"packageType"}}
   * answers 201 with the package id in the body or a Content-Location header [C]; offer requests are
   * added with {@code POST offer-packages/{id}/offer-requests} (a JSON array, at most
   * {@value #REQUESTS_PER_UPLOAD} per call [C]); {@code PATCH offer-packages/{id}} with
   * {@code {"state":"Ready"}} submits it [C]; {@code GET offer-packages/{id}} gives its state [C] and
   * {@code GET offer-packages/{id}/offer-requests-results?limit=} each offer's result, paged by a
   * {@code Link: <...>; rel="next"} header [C]. Results stay readable for 3 days [V]. A package
   * holds at most 40,000 offers ([V] for XML packages, [U] for JSON ones), far above the job
   * contract's batches (Channels.OCTOPIA).
   */
  static final String OFFER_PACKAGES = "offer-packages";
  static final String OFFER_REQUESTS = "offer-requests";
  static final String OFFER_REQUEST_RESULTS = "offer-requests-results";
  static final int REQUESTS_PER_UPLOAD = 100;
  static final int RESULTS_PAGE = 100;
  /** [V] Package types: full offers (create or replace), partial updates, deletes. */
  static final String UPSERT = "Upsert";
  static final String UPDATE = "Update";
  static final String DELETE = "Delete";
  /** [V] Package states: WaitingForCompletion, Ready, IntegrationPending, Integrated, Rejected. */
  static final String STATE_READY = "Ready";
  static final String STATE_INTEGRATED = "Integrated";
  static final String STATE_REJECTED = "Rejected";
  /** [V] Per-offer {@code integrationStatus} values meaning success and refusal; [C] the field names. */
  static final String RESULT_INTEGRATED = "Integrated";
  static final String RESULT_REJECTED = "Rejected";

  /**
   * [V] Offer request fields: sellerExternalReference (the SKU, required in every package type),
   * product.gtin (Upsert), price with its full tax list, quantity, deliveryModes and preparationTime
   * (full list in Upsert); [C] the JSON shapes {@code price:{price,taxes:[{code,value}]}} and
   * {@code deliveryModes:[{code,cost,additionalCost}]}.
   */
  static final String VAT = "VAT";
  /** [U] Offer condition values; [C] "New". Others are refused before sending. */
  static final Map<Listing.Condition, String> CONDITIONS = new EnumMap<>(Map.of(
      Listing.Condition.NEW, "New",
      Listing.Condition.REFURBISHED, "Refurbished",
      Listing.Condition.USED_EXCELLENT, "LikeNew",
      Listing.Condition.USED_GOOD, "GoodState",
      Listing.Condition.USED_ACCEPTABLE, "AverageState"));
  /** [U] Seller references longer than this are refused. */
  static final int MAX_SKU = 50;
  /** [V] Offers are matched to catalog products by GTIN/EAN. */
  static final String GTIN_PATTERN = "\\d{8}|\\d{12,14}";

  /**
   * Orders [C]: {@code GET orders?pageIndex=&pageSize=} (page numbers from 1, at most 100 per page)
   * filtered by {@code updatedAtMin} and sorted by {@code sort=updatedAt&desc=false}; a page shorter
   * than pageSize is the last. [U] the list comes as a JSON array or under {@code items}.
   */
  static final String ORDERS = "orders";
  static final int ORDER_PAGE_SIZE = 100;
  /** First pull looks back this far (our choice). */
  static final Duration FIRST_PULL_LOOKBACK = Duration.ofDays(30);
  /** [C] Order statuses. */
  static final Set<String> PENDING_STATUSES = Set.of("Processing", "WaitingAcceptance", "Accepted");
  static final Set<String> SHIPPED_STATUSES = Set.of("Shipped", "Delivered");
  static final Set<String> CANCELLED_STATUSES = Set.of("Cancelled", "Refused", "Rejected");

  /**
   * Follow-up pacing of a submitted package (our choice; Octopia publishes none): after a minute,
   * then every five once the package is older than five, like Mirakl's imports.
   */
  static final Duration FOLLOW_UP_SOON = Duration.ofMinutes(1);
  static final Duration FOLLOW_UP_LATER = Duration.ofMinutes(5);
  /** How long an unfinished package is followed before the same offers are sent anew; results live 3 days [V]. */
  static final Duration PACKAGE_MEMORY = Duration.ofHours(24);

  /** Connection credential and setting names. */
  static final String CLIENT_ID = "client_id";
  static final String CLIENT_SECRET = "client_secret";
  static final String SELLER_ID = "seller_id";
  static final String AUTH_URL = "auth_url";
  static final String SALES_CHANNEL_ID = "sales_channel_id";
  static final String VAT_RATE = "vat_rate";
  static final String DELIVERY_MODES = "delivery_modes";
  static final String PREPARATION_TIME = "preparation_time";
  static final String CURRENCY = "currency";
  /** [U] Cdiscount sells in euros. */
  static final String DEFAULT_CURRENCY = "EUR";

  /**
   * [U] Octopia publishes no call rates for offers or orders; these are conservative guesses per adapter
   * call (a package is 3 calls plus one per 100 offers; a follow-up 1 to 2 calls). Tokens are capped at
   * about 500 per hour [C] and cached.
   */
  static final Map<Operation, RatePlan> RATE_PLANS = ratePlans();

  private static Map<Operation, RatePlan> ratePlans() {
    String guess = "[U] conservative guess, Octopia publishes no rate; ";
    Map<Operation, RatePlan> plans = new EnumMap<>(Operation.class);
    plans.put(Operation.UPSERT_LISTINGS, new RatePlan(1.0 / 30, 1, guess + "one package step per call"));
    plans.put(Operation.UPDATE_STOCK, new RatePlan(1.0 / 10, 2, guess + "one package step per call"));
    plans.put(Operation.UPDATE_PRICES, new RatePlan(1.0 / 10, 2, guess + "one package step per call"));
    plans.put(Operation.DELETE_LISTINGS, new RatePlan(1.0 / 30, 1, guess + "one package step per call"));
    plans.put(Operation.PULL_ORDERS, new RatePlan(0.5, 2, guess + "one page of 100 per call"));
    plans.put(Operation.TEST_CONNECTION, new RatePlan(0.1, 2, guess + "a token and one call"));
    return Map.copyOf(plans);
  }

  /** Our normalized status of an Octopia order status [C values]; InPreparation and others are paid. */
  static Order.Status orderStatus(String status) {
    if (status == null || PENDING_STATUSES.contains(status)) {
      return Order.Status.PENDING;
    }
    if (SHIPPED_STATUSES.contains(status)) {
      return Order.Status.SHIPPED;
    }
    if (CANCELLED_STATUSES.contains(status)) {
      return Order.Status.CANCELLED;
    }
    return Order.Status.PAID;
  }

  private OctopiaApi() {}
}
