package io.syncfleet.adapters.square;

import io.syncfleet.adapters.RatePlan;
import io.syncfleet.producer.job.Operation;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every Square fact the adapter relies on, in one place. Each carries the tag of
 * {@code shared/marketplaces.md} section 18, or of Square's SDK generated from its API definition
 * where that settled a fact the facts file left open: [V] verified against Square's docs or its
 * generated SDK, [C] corroborated only by community code or forum answers, [U] unverified. Confirm a
 * [U] fact with Square before relying on it; when Square disagrees, this file is the one to change.
 */
final class SquareApi {
  /** [V SDK] */
  static final String PRODUCTION_URL = "https://connect.squareup.com";
  /** [V SDK] */
  static final String SANDBOX_URL = "https://connect.squareupsandbox.com";
  /** [V] Every call names the API version it was written against. */
  static final String VERSION_HEADER = "Square-Version";
  /** [V SDK] The version Square's current generated SDK sends; the shapes below are read at it. */
  static final String VERSION = "2026-01-22";

  /** [V SDK] OAuth: {@code POST} with client id and secret and a refresh token mints an access token. */
  static final String TOKEN = "oauth2/token";
  /** [V SDK] OAuth access tokens live 30 days; used only when the token answer lacks {@code expires_at}. */
  static final Duration DEFAULT_TOKEN_LIFETIME = Duration.ofDays(30);

  /** [V SDK] Catalog search; {@code set_query} takes up to 250 values, {@code limit} up to 1,000. */
  static final String CATALOG_SEARCH = "v2/catalog/search";
  static final int SEARCH_VALUES = 250;
  static final int SEARCH_LIMIT = 1000;
  /**
   * [V SDK] Batch upsert: each batch is saved all or nothing and the others may still succeed; up
   * to 1,000 objects per batch and 10,000 per request. Square takes one catalog write at a time per
   * seller and answers others with 429 [V SDK].
   */
  static final String CATALOG_UPSERT = "v2/catalog/batch-upsert";
  static final int OBJECTS_PER_BATCH = 1000;
  static final int OBJECTS_PER_REQUEST = 10_000;
  /** [V SDK] Batch delete takes up to 200 ids [V] and answers the ones it deleted; deleting an item deletes its variations. */
  static final String CATALOG_DELETE = "v2/catalog/batch-delete";
  static final int DELETE_IDS = 200;
  /** [V SDK] Batch retrieve, to name the SKUs of order lines. */
  static final String CATALOG_RETRIEVE = "v2/catalog/batch-retrieve";
  /**
   * [V] Inventory changes: up to 100 per call, a physical count's quantity is a decimal string and
   * its {@code occurred_at} no older than 24 hours nor in the future [V SDK].
   */
  static final String INVENTORY_CHANGES = "v2/inventory/changes/batch-create";
  static final int INVENTORY_BATCH = 100;
  /** [V SDK] Locations; {@code /main} is the seller's main location. */
  static final String LOCATIONS = "v2/locations";
  static final String MAIN_LOCATION = "main";
  /** [V SDK] Orders search: up to 10 location ids, up to 1,000 orders a page, an opaque cursor. */
  static final String ORDERS_SEARCH = "v2/orders/search";
  static final int ORDER_LOCATIONS = 10;
  /** Orders per page, below the maximum so a page with its lines stays small. */
  static final int ORDER_PAGE_SIZE = 100;
  /** [V SDK] Order states a pull asks for (DRAFT orders are not sales yet). */
  static final List<String> ORDER_STATES = List.of("OPEN", "COMPLETED", "CANCELED");
  /** A first pull reads this far back. */
  static final Duration FIRST_PULL_LOOKBACK = Duration.ofDays(30);

  /** [V SDK] Object types and values the adapter writes. */
  static final String ITEM = "ITEM";
  static final String ITEM_VARIATION = "ITEM_VARIATION";
  static final String FIXED_PRICING = "FIXED_PRICING";
  static final String REGULAR = "REGULAR";
  static final String PHYSICAL_COUNT = "PHYSICAL_COUNT";
  static final String IN_STOCK = "IN_STOCK";
  /** [C] The name Square gives the only variation of an item without options. */
  static final String DEFAULT_VARIATION_NAME = "Regular";

  /** [V SDK] Variation name limit; item names must not be empty. [U] item name limit. */
  static final int MAX_VARIATION_NAME = 255;
  static final int MAX_ITEM_NAME = 512;
  /** [V SDK] A UPC is 12 to 14 digits. */
  static final String UPC_PATTERN = "\\d{12,14}";

  /** [U] Throttling error code (category RATE_LIMIT_ERROR) [V enum]. */
  static final String RATE_LIMITED = "RATE_LIMITED";
  /**
   * [C] The code of a write whose {@code version} is no longer the object's ([V enum] CONFLICT is
   * its general form): the object changed in between, and a fresh read settles it.
   */
  static final Set<String> STALE_VERSION = Set.of("VERSION_MISMATCH", "CONFLICT");
  /** [V enum] Codes of a fault on Square's side. */
  static final Set<String> SERVER_FAULT = Set.of("INTERNAL_SERVER_ERROR", "SERVICE_UNAVAILABLE", "GATEWAY_TIMEOUT");

  /** Connection credential names: a personal access token, or an OAuth app's client id and secret with a refresh token. */
  static final String ACCESS_TOKEN = "access_token";
  static final String CLIENT_ID = "client_id";
  static final String CLIENT_SECRET = "client_secret";
  static final String REFRESH_TOKEN = "refresh_token";
  static final String WEBHOOK_SIGNATURE_KEY = "webhook_signature_key";
  /** Connection setting names. */
  static final String LOCATION_ID = "location_id";
  static final String LOCATION_IDS = "location_ids";
  static final String WEBHOOK_URL = "webhook_notification_url";

  /**
   * [U] Square publishes no numeric limits [V forum]; these are conservative guesses, and catalog
   * writes are also serialized per seller by Square itself [V SDK].
   */
  static final Map<Operation, RatePlan> RATE_PLANS = rates();

  private static Map<Operation, RatePlan> rates() {
    String guess = "[U] guess; Square publishes no numeric rate limits [V forum]";
    Map<Operation, RatePlan> plans = new EnumMap<>(Operation.class);
    plans.put(Operation.UPSERT_LISTINGS, new RatePlan(0.5, 1, guess + "; catalog writes run one at a time per seller [V] "
        + "(a search, an upsert and an inventory call)"));
    plans.put(Operation.UPDATE_STOCK, new RatePlan(2, 4, guess + " (a search and an inventory call)"));
    plans.put(Operation.UPDATE_PRICES, new RatePlan(0.5, 1, guess + "; catalog writes run one at a time per seller [V] "
        + "(a search and an upsert)"));
    plans.put(Operation.DELETE_LISTINGS, new RatePlan(0.5, 1, guess + "; catalog writes run one at a time per seller [V] "
        + "(a search and a delete)"));
    plans.put(Operation.PULL_ORDERS, new RatePlan(1, 2, guess + " (a search and a catalog read per page)"));
    plans.put(Operation.TEST_CONNECTION, new RatePlan(1, 2, guess + " (one call)"));
    return Map.copyOf(plans);
  }

  private SquareApi() {}
}
