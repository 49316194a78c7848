package io.syncfleet.adapters.opencart;

import io.syncfleet.adapters.RatePlan;
import io.syncfleet.adapters.failure.AuthenticationFailure;
import io.syncfleet.adapters.http.MarketplaceHttp;
import io.syncfleet.producer.connection.Connection;
import io.syncfleet.producer.job.Operation;
import java.util.Map;
import okhttp3.HttpUrl;

/**
 * Every OpenCart fact the adapter relies on, in one place. Each carries the tag of
 * {@code shared/marketplaces.md} section 17: [V] verified (here: read in OpenCart's own source,
 * "core code", at releases from 3.0.0.0 to 4.1.0.4), [C] corroborated by community code only, [U]
 * unverified.
 *
 * <p>What core OpenCart offers a remote system [V core code]: its API ({@code index.php?route=api/...})
 * serves the admin's order editor (cart, customer, addresses, shipping and payment methods, order
 * confirmation), entered through a session login. It has no route that writes products, stock or
 * prices, and none that lists orders: 3.0 can read one order by id ({@code api/order/info}), without
 * its lines and with no way to ask what changed; 4.x cannot read orders at all. So the only
 * operation this adapter offers is the connection test; the rest needs a REST extension.
 */
final class OpenCartApi {
  /** [V core code] Every route goes through the store's front controller. */
  static final String FRONT_CONTROLLER = "index.php";
  static final String ROUTE = "route";
  /** [V core code] Login route of 3.0.x ({@code ControllerApiLogin}). */
  static final String LOGIN_3 = "api/login";
  /** [V core code] Login route of 4.0.x ({@code Api\Account\Login}). */
  static final String LOGIN_4 = "api/account/login";
  /** [V core code] POST form fields of both login routes. */
  static final String USERNAME_FIELD = "username";
  static final String KEY_FIELD = "key";
  /** [V core code] A successful login answers the session id to send as {@code api_token}. */
  static final String TOKEN = "api_token";
  /**
   * [V core code] 3.0 answers a wrong key with an empty JSON array and a refused IP with
   * {@code {"error":{"ip":..,"key":..}}}; 4.0 with {@code {"error":"..."}}.
   */
  static final String ERROR = "error";
  static final String IP_ERROR = "ip";
  /** [V core code] 4.1 dropped the login: each call carries its own HMAC-SHA1 signature instead. */
  static final String SIGNED_CALLS_SINCE = "4.1";

  /** Connection credential and setting names. */
  static final String API_USERNAME = "api_username";
  static final String API_KEY = "api_key";
  static final String STORE_URL = "store_url";
  /** Setting: the store's OpenCart version, "3.0" (default) or "4.0"; it decides the login route. */
  static final String VERSION = "version";
  static final String DEFAULT_VERSION = "3.0";

  /** [U] OpenCart's API has no rate limit of its own; one login per test is far below any host's. */
  static final Map<Operation, RatePlan> RATE_PLANS = Map.of(Operation.TEST_CONNECTION,
      new RatePlan(1, 2, "[U] no limit in OpenCart core; a connection test is one login"));

  /** The store's front controller: the {@value Connection#BASE_URL} setting when present, else {@value #STORE_URL}. */
  static HttpUrl frontController(Connection connection) {
    String store = connection.setting(STORE_URL).orElse(null);
    if (store == null && connection.setting(Connection.BASE_URL).isEmpty()) {
      throw new AuthenticationFailure("connection " + connection.id() + " needs the setting '" + STORE_URL
          + "', the store's address such as https://shop.example", 0, "missing_store_url");
    }
    try {
      return MarketplaceHttp.baseUrl(connection, store, store).newBuilder().addPathSegment(FRONT_CONTROLLER).build();
    } catch (IllegalArgumentException e) {
      throw new AuthenticationFailure(e.getMessage(), 0, "invalid_store_url");
    }
  }

  private OpenCartApi() {}
}
