package io.syncfleet.adapters.lazada;

import io.syncfleet.adapters.failure.AuthenticationFailure;
import io.syncfleet.adapters.http.MarketplaceHttp;
import io.syncfleet.producer.connection.Connection;
import java.util.Locale;
import okhttp3.HttpUrl;

/**
 * A connection's Lazada settings and app credentials: the venture's API host, the authorization
 * host, the app key and secret, and the warehouse stock goes to. A connection that cannot say these
 * cannot work until someone fixes it, so a missing value is an authentication failure that pauses it.
 *
 * @param base          the API base (ending in {@code /rest} on Lazada's hosts)
 * @param authBase      where tokens are refreshed: the {@value LazadaApi#AUTH_URL_SETTING} setting,
 *                      else the {@value Connection#BASE_URL} setting (tests, simulators), else Lazada's
 * @param country       the venture (sg, th, my, vn, ph, id), or null when only a base URL is set
 * @param warehouseCode the multi-warehouse code stock goes to by default, or null
 */
record LazadaSettings(HttpUrl base, HttpUrl authBase, String appKey, String appSecret, String country,
    String warehouseCode) {

  static LazadaSettings of(Connection c) {
    String country = c.setting(LazadaApi.COUNTRY).map(v -> v.trim().toLowerCase(Locale.ROOT))
        .filter(v -> !v.isEmpty()).orElse(null);
    if (country != null && !LazadaApi.COUNTRY_URLS.containsKey(country)) {
      throw invalid(c, LazadaApi.COUNTRY, "one of sg, th, my, vn, ph, id");
    }
    if (country == null && c.setting(Connection.BASE_URL).isEmpty()) {
      throw invalid(c, LazadaApi.COUNTRY, "the seller's venture: sg, th, my, vn, ph or id");
    }
    // Lazada has no public sandbox [U]: both environments call the venture's host.
    String url = country == null ? null : LazadaApi.COUNTRY_URLS.get(country);
    HttpUrl base = MarketplaceHttp.baseUrl(c, url, url);
    String auth = c.setting(LazadaApi.AUTH_URL_SETTING)
        .orElse(c.setting(Connection.BASE_URL).orElse(LazadaApi.AUTH_URL));
    HttpUrl authBase = HttpUrl.parse(auth);
    if (authBase == null) {
      throw invalid(c, LazadaApi.AUTH_URL_SETTING, "a URL");
    }
    return new LazadaSettings(base, authBase, secret(c, LazadaApi.APP_KEY), secret(c, LazadaApi.APP_SECRET),
        country, c.setting(LazadaApi.WAREHOUSE_CODE).map(String::trim).filter(v -> !v.isEmpty()).orElse(null));
  }

  /** The venture's currency, when the venture is known. */
  String currency() {
    return country == null ? null : LazadaApi.COUNTRY_CURRENCIES.get(country);
  }

  /** {@code path} (starting with '/') under the API base. */
  HttpUrl url(String path) {
    return base.newBuilder().addPathSegments(path.substring(1)).build();
  }

  /** {@code path} (starting with '/') under the authorization base. */
  HttpUrl authUrl(String path) {
    return authBase.newBuilder().addPathSegments(path.substring(1)).build();
  }

  private static String secret(Connection c, String name) {
    return c.secrets().get(name).filter(v -> !v.isBlank()).orElseThrow(() -> new AuthenticationFailure(
        "connection " + c.id() + " has no '" + name + "' credential; add it with: syncfleet connections add",
        0, "missing_credential"));
  }

  private static AuthenticationFailure invalid(Connection c, String name, String expected) {
    return new AuthenticationFailure("connection " + c.id() + " needs the setting '" + name + "' as " + expected,
        0, "invalid_setting");
  }
}
