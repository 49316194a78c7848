package io.syncfleet.adapters.shopee;

import io.syncfleet.adapters.failure.AuthenticationFailure;
import io.syncfleet.adapters.http.MarketplaceHttp;
import io.syncfleet.producer.connection.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import okhttp3.HttpUrl;

/**
 * A connection's Shopee settings and app credentials: where to call, which partner and shop, the
 * shop's region (price precision, currency), the logistics channels new items ship with and the
 * warehouse stock goes to. A connection that cannot say these cannot work until someone fixes it,
 * so a missing or malformed value is an authentication failure that pauses it.
 */
record ShopeeSettings(HttpUrl base, long partnerId, String partnerKey, long shopId, String region,
    List<Long> logisticIds, String locationId) {

  static ShopeeSettings of(Connection c) {
    String host = c.setting(ShopeeApi.HOST).orElse("global").trim().toLowerCase(Locale.ROOT);
    String production;
    String sandbox;
    switch (host) {
      case "global":
        production = ShopeeApi.GLOBAL_URL;
        sandbox = ShopeeApi.SANDBOX_URL;
        break;
      case "china":
        production = ShopeeApi.CHINA_URL;
        sandbox = ShopeeApi.SANDBOX_CHINA_URL;
        break;
      case "brazil":
        production = ShopeeApi.BRAZIL_URL;
        sandbox = ShopeeApi.SANDBOX_URL;
        break;
      default:
        throw invalid(c, ShopeeApi.HOST, "global, china or brazil");
    }
    String region = c.setting(ShopeeApi.REGION).map(r -> r.trim().toUpperCase(Locale.ROOT))
        .filter(r -> !r.isEmpty()).orElse(null);
    if (region != null && !ShopeeApi.REGION_CURRENCIES.containsKey(region)) {
      throw invalid(c, ShopeeApi.REGION, "a Shopee region code such as SG, MY or BR");
    }
    return new ShopeeSettings(MarketplaceHttp.baseUrl(c, production, sandbox),
        number(c, ShopeeApi.PARTNER_ID, secret(c, ShopeeApi.PARTNER_ID)),
        secret(c, ShopeeApi.PARTNER_KEY),
        number(c, ShopeeApi.SHOP_ID, c.setting(ShopeeApi.SHOP_ID).orElse(null)),
        region,
        logisticIds(c),
        c.setting(ShopeeApi.LOCATION_ID).map(String::trim).filter(v -> !v.isEmpty()).orElse(null));
  }

  /** The shop's currency, when its region is known. */
  String currency() {
    return region == null ? null : ShopeeApi.REGION_CURRENCIES.get(region);
  }

  /** Whether prices may have two decimals here; without a region setting this is not checked. */
  boolean allowsCents() {
    return region == null || ShopeeApi.TWO_DECIMAL_REGIONS.contains(region);
  }

  /** {@code path} (starting with '/') under the base URL. */
  HttpUrl url(String path) {
    return base.newBuilder().addPathSegments(path.substring(1)).build();
  }

  private static List<Long> logisticIds(Connection c) {
    List<Long> ids = new ArrayList<>();
    for (String part : c.setting(ShopeeApi.LOGISTIC_IDS).orElse("").split(",")) {
      if (!part.isBlank()) {
        ids.add(number(c, ShopeeApi.LOGISTIC_IDS, part.trim()));
      }
    }
    return List.copyOf(ids);
  }

  private static String secret(Connection c, String name) {
    return c.secrets().get(name).filter(v -> !v.isBlank()).orElseThrow(() -> new AuthenticationFailure(
        "connection " + c.id() + " has no '" + name + "' credential; add it with: syncfleet connections add",
        0, "missing_credential"));
  }

  private static long number(Connection c, String name, String value) {
    if (value == null || value.isBlank()) {
      throw invalid(c, name, "a number");
    }
    try {
      return Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      throw invalid(c, name, "a number");
    }
  }

  private static AuthenticationFailure invalid(Connection c, String name, String expected) {
    return new AuthenticationFailure("connection " + c.id() + " needs '" + name + "' as " + expected, 0,
        "invalid_setting");
  }
}
