package io.syncfleet.adapters.magento;

import io.syncfleet.adapters.failure.AuthenticationFailure;
import io.syncfleet.producer.connection.Connection;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import okhttp3.HttpUrl;

/**
 * A connection's Magento settings with their defaults: the store's URL (the connection's
 * {@value Connection#BASE_URL}, required: every Magento is its own host), the store code REST
 * calls go through, the MSI source stock goes to, and what new products are created with.
 */
record MagentoSettings(HttpUrl rest, String sourceCode, int attributeSetId, int websiteId, int priceStoreId,
    String categoryId) {

  static MagentoSettings of(Connection c) {
    HttpUrl store = c.setting(Connection.BASE_URL).map(HttpUrl::parse).orElse(null);
    if (store == null) {
      // A connection that cannot name its store cannot work until someone fixes it: pause it.
      throw new AuthenticationFailure("connection " + c.id() + " needs the setting '" + Connection.BASE_URL
          + "' with the store's URL, e.g. https://shop.example.com", 0, "missing_base_url");
    }
    String storeCode = c.setting(MagentoApi.STORE_CODE).orElse(MagentoApi.DEFAULT_STORE_CODE);
    return new MagentoSettings(
        store.newBuilder().addPathSegment(MagentoApi.REST).addPathSegment(storeCode).build(),
        c.setting(MagentoApi.SOURCE_CODE).orElse(MagentoApi.DEFAULT_SOURCE_CODE),
        number(c, MagentoApi.ATTRIBUTE_SET_ID).orElse(MagentoApi.DEFAULT_ATTRIBUTE_SET_ID),
        number(c, MagentoApi.WEBSITE_ID).orElse(MagentoApi.DEFAULT_WEBSITE_ID),
        number(c, MagentoApi.PRICE_STORE_ID).orElse(MagentoApi.DEFAULT_PRICE_STORE_ID),
        c.setting(MagentoApi.CATEGORY_ID).orElse(null));
  }

  /** {@code path} (segments separated by '/') under the store's REST base. */
  HttpUrl url(String path) {
    return rest.newBuilder().addPathSegments(path).build();
  }

  /**
   * {@code path} followed by one more segment (a SKU, an attribute code), percent-encoded throughout:
   * a {@code +} left as is would reach Magento as a space [C].
   */
  HttpUrl url(String path, String segment) {
    String encoded = URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    return rest.newBuilder().addPathSegments(path).addEncodedPathSegment(encoded).build();
  }

  private static Optional<Integer> number(Connection c, String name) {
    Optional<String> value = c.setting(name);
    if (value.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Integer.parseInt(value.get().trim()));
    } catch (NumberFormatException e) {
      throw new AuthenticationFailure("connection " + c.id() + " has a setting '" + name
          + "' that is not a number: " + value.get(), 0, "invalid_setting");
    }
  }
}
