package io.syncfleet.adapters.bigcommerce;

import io.syncfleet.adapters.failure.AuthenticationFailure;
import io.syncfleet.adapters.http.MarketplaceHttp;
import io.syncfleet.producer.connection.Connection;
import java.math.BigDecimal;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;

/**
 * A connection's BigCommerce settings: the store hash every path carries, the inventory location
 * stock goes to when a level names none, and the weight and category new products are created with.
 */
record BigCommerceSettings(HttpUrl store, String locationId, BigDecimal weight, String categoryId) {
  private static final Pattern HASH = Pattern.compile("[a-z0-9]+");

  static BigCommerceSettings of(Connection c) {
    String hash = c.setting(BigCommerceApi.STORE_HASH).orElse("").trim();
    if (!HASH.matcher(hash).matches()) {
      // A connection that cannot name its store cannot work until someone fixes it: pause it.
      throw new AuthenticationFailure("connection " + c.id() + " needs the setting '" + BigCommerceApi.STORE_HASH
          + "', the store hash in its API path (https://api.bigcommerce.com/stores/{store_hash}/v3/)", 0,
          "missing_store_hash");
    }
    BigDecimal weight;
    try {
      weight = new BigDecimal(c.setting(BigCommerceApi.WEIGHT).orElse(BigCommerceApi.DEFAULT_WEIGHT).trim());
    } catch (NumberFormatException e) {
      throw new AuthenticationFailure("connection " + c.id() + " has a setting '" + BigCommerceApi.WEIGHT
          + "' that is not a number", 0, "invalid_setting");
    }
    String category = c.setting(BigCommerceApi.CATEGORY_ID).map(String::trim).orElse(null);
    if (category != null && !category.matches("\\d+")) {
      throw new AuthenticationFailure("connection " + c.id() + " has a setting '" + BigCommerceApi.CATEGORY_ID
          + "' that is not a category id", 0, "invalid_setting");
    }
    String location = c.setting(BigCommerceApi.LOCATION_ID).map(String::trim).orElse(BigCommerceApi.DEFAULT_LOCATION_ID);
    if (!location.matches("\\d+")) {
      throw new AuthenticationFailure("connection " + c.id() + " has a setting '" + BigCommerceApi.LOCATION_ID
          + "' that is not a location id", 0, "invalid_setting");
    }
    HttpUrl base = MarketplaceHttp.baseUrl(c, BigCommerceApi.API_URL, BigCommerceApi.API_URL);
    return new BigCommerceSettings(
        base.newBuilder().addPathSegment(BigCommerceApi.STORES).addPathSegment(hash).build(),
        location,
        weight,
        category);
  }

  /** {@code path} (segments separated by '/') under the store's v3 API. */
  HttpUrl.Builder v3(String path) {
    return store.newBuilder().addPathSegment("v3").addPathSegments(path);
  }

  /** {@code path} under the store's v2 API. */
  HttpUrl.Builder v2(String path) {
    return store.newBuilder().addPathSegment("v2").addPathSegments(path);
  }
}
