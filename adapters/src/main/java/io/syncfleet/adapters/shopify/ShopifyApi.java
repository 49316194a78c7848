package io.syncfleet.adapters.shopify;

import io.syncfleet.adapters.RatePlan;
import io.syncfleet.adapters.failure.AuthenticationFailure;
import io.syncfleet.adapters.http.MarketplaceHttp;
import io.syncfleet.producer.connection.Connection;
import io.syncfleet.producer.job.Operation;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;

/**
 * Every Shopify Admin API fact this adapter relies on, in one place. Each carries the tag of
 * {@code shared/marketplaces.md}: [V] verified against Shopify's docs or changelog, [C] community
 * code agrees, [U] unverified. Change a fact here, not in the code that uses it.
 */
public final class ShopifyApi {
  /**
   * Stable versions are named YYYY-MM and supported for about 12 months [C]; 2026-07 is current.
   * Since 2026-04 inventory mutations need an {@code @idempotent} key and an explicit
   * {@code changeFromQuantity} [V changelog]; the documents in {@link ShopifyQueries} send both.
   */
  public static final String API_VERSION = "2026-07";
  /** {@code POST https://{shop}/admin/api/{version}/graphql.json} [U standard]. */
  public static final String GRAPHQL_PATH = "/admin/api/" + API_VERSION + "/graphql.json";
  /** Access token header for custom and public apps [U standard]. */
  public static final String ACCESS_TOKEN_HEADER = "X-Shopify-Access-Token";
  /** Webhook signature header: base64 HMAC-SHA256 of the raw body under the client secret [V]. */
  public static final String HMAC_HEADER = "X-Shopify-Hmac-Sha256";
  /** Shop domains are {@code {name}.myshopify.com}; the Admin API answers only there [U]. */
  static final String SHOP_DOMAIN_SUFFIX = ".myshopify.com";

  /** Top-level GraphQL error code when the cost bucket is empty; answered with HTTP 200 [U]. */
  static final String THROTTLED = "THROTTLED";
  /** Top-level GraphQL error code for a missing scope or revoked access [U]. */
  static final String ACCESS_DENIED = "ACCESS_DENIED";
  /** Top-level GraphQL error code for a fault on Shopify's side [U]. */
  static final String INTERNAL_SERVER_ERROR = "INTERNAL_SERVER_ERROR";
  /** 402 (shop frozen for non-payment) and 423 (shop locked): the shop, not the call, is the problem [U]. */
  static final Set<Integer> SHOP_UNAVAILABLE = Set.of(402, 423);

  /** GraphQL restore rate in cost points per second on the Standard plan [V]. */
  static final double STANDARD_RESTORE_RATE = 100;
  /** One query may request at most this many cost points [U]. */
  static final int MAX_QUERY_COST = 1000;
  /**
   * Cost rules [C]: an object costs 1, a connection 2 plus {@code first} times its node's cost,
   * scalars 0, a mutation 10. Page sizes below are chosen from them to stay under
   * {@link #MAX_QUERY_COST}: an order with its totals and 10 lines costs about 35, so 20 orders
   * request about 700; a looked-up variant with its product and inventory item costs about 5.
   */
  static final int ORDERS_PAGE = 20;
  static final int ORDER_LINES_PAGE = 10;
  static final int ORDER_LINES_FOLLOW_UP_PAGE = 100;
  static final int VARIANT_LOOKUP_PAGE = 100;
  static final int PRODUCT_VARIANTS_PAGE = 250;

  /** At most 3 options (e.g. Size, Color, Material) per product [U]. */
  static final int MAX_OPTIONS = 3;
  /** At most 2,048 variants per product since 15 Oct 2025 [V]. */
  static final int MAX_VARIANTS = 2048;
  /** Product title length limit [U]. */
  static final int MAX_TITLE_LENGTH = 255;
  /** SKU length limit [U]. */
  static final int MAX_SKU_LENGTH = 255;
  /** A product without real options has one option "Title" with the value "Default Title" [C]. */
  static final String DEFAULT_OPTION_NAME = "Title";
  static final String DEFAULT_OPTION_VALUE = "Default Title";
  /** Stock is set as the "available" quantity (the other is "on_hand") [V]. */
  static final String STOCK_QUANTITY_NAME = "available";
  /** Reason recorded with an absolute stock correction [U]. */
  static final String STOCK_REASON = "correction";

  private static final Pattern HOST =
      Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+");

  private ShopifyApi() {}

  /**
   * Conservative calls per second per operation, derived from the Standard plan's restore rate and
   * the points a full batch requests. Shopify enforces cost, not calls, and says so in every answer:
   * the adapter reports THROTTLED with the exact wait, so these only keep the fleet near the limit.
   */
  static Map<Operation, RatePlan> ratePlans() {
    Map<Operation, RatePlan> plans = new EnumMap<>(Operation.class);
    plans.put(Operation.UPSERT_LISTINGS, plan(0.5, 2,
        "10 listings: SKU lookup ~50 + one productSet (10) per product ~100"));
    plans.put(Operation.UPDATE_STOCK, plan(0.2, 1,
        "100 SKUs: SKU lookup ~500 + inventorySetQuantities 10"));
    plans.put(Operation.UPDATE_PRICES, plan(0.05, 1,
        "100 SKUs: SKU lookup ~500 + one productVariantsBulkUpdate (10) per product, up to ~1000"));
    plans.put(Operation.DELETE_LISTINGS, plan(0.25, 2,
        "25 SKUs: SKU lookup ~130 + one delete (10) per product ~250"));
    plans.put(Operation.PULL_ORDERS, plan(0.1, 1, "one page of 20 orders with 10 lines each ~700"));
    plans.put(Operation.TEST_CONNECTION, plan(1, 2, "shop query ~1"));
    return plans;
  }

  private static RatePlan plan(double perSecond, int burst, String cost) {
    return new RatePlan(perSecond, burst, "Shopify GraphQL restores " + (int) STANDARD_RESTORE_RATE
        + " cost points/s on Standard [V]; a full job requests " + cost
        + " points by Shopify's cost rules [C], rounded down");
  }

  /**
   * The GraphQL endpoint of a connection: its {@value Connection#BASE_URL} setting when present,
   * otherwise {@code https://{shop}}. Shopify has no sandbox host (development stores are ordinary
   * shops) [U], so both environments use the shop's own domain.
   */
  static HttpUrl graphqlUrl(Connection connection) {
    String shopUrl = connection.setting(Connection.BASE_URL).isPresent() ? null
        : "https://" + shopHost(connection);
    HttpUrl base = MarketplaceHttp.baseUrl(connection, shopUrl, shopUrl);
    return base.newBuilder().addPathSegments(GRAPHQL_PATH.substring(1)).build();
  }

  /** The shop's domain from the {@code shop} setting; {@code acme} means {@code acme.myshopify.com}. */
  static String shopHost(Connection connection) {
    String shop = connection.setting(ShopifyAdapter.SHOP).orElse("").trim().toLowerCase(Locale.ROOT);
    if (!shop.isEmpty() && shop.indexOf('.') < 0) {
      shop = shop + SHOP_DOMAIN_SUFFIX;
    }
    if (!HOST.matcher(shop).matches()) {
      // A connection that cannot name its shop cannot work until someone fixes it: pause it.
      throw new AuthenticationFailure("connection " + connection.id() + " needs the setting '"
          + ShopifyAdapter.SHOP + "' as a shop domain such as acme" + SHOP_DOMAIN_SUFFIX, 0, "invalid_shop");
    }
    return shop;
  }
}
