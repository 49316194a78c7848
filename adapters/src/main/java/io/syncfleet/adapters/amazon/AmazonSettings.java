package io.syncfleet.adapters.amazon;

import io.syncfleet.adapters.failure.AuthenticationFailure;
import io.syncfleet.adapters.http.MarketplaceHttp;
import io.syncfleet.producer.connection.Connection;
import java.util.Locale;
import okhttp3.HttpUrl;

/**
 * A connection's Amazon settings: the selling region's host (or the base_url override), the seller
 * account and marketplace every call names, where LWA tokens come from, and the defaults listings
 * are sent with. A missing or wrong setting pauses the connection, like a refused credential: no
 * call can work until the merchant fixes it.
 */
record AmazonSettings(HttpUrl base, HttpUrl tokenUrl, String sellerId, String marketplaceId,
    String productType, String languageTag, String fulfillmentChannel) {

  static AmazonSettings of(Connection c) {
    String region = c.setting(AmazonApi.REGION).orElse(AmazonApi.DEFAULT_REGION).toLowerCase(Locale.ROOT);
    String production = AmazonApi.PRODUCTION_HOSTS.get(region);
    if (production == null) {
      throw new AuthenticationFailure("connection " + c.id() + " has region '" + region
          + "'; Amazon's selling regions are na, eu and fe", 0, "bad_setting");
    }
    HttpUrl base = MarketplaceHttp.baseUrl(c, production, AmazonApi.SANDBOX_HOSTS.get(region));
    HttpUrl tokenUrl = c.setting(Connection.BASE_URL).isPresent()
        ? base.newBuilder().addPathSegments(AmazonApi.LWA_TOKEN_PATH).build()
        : HttpUrl.get(AmazonApi.LWA_TOKEN_URL);
    return new AmazonSettings(base, tokenUrl,
        required(c, AmazonApi.SELLER_ID),
        required(c, AmazonApi.MARKETPLACE_ID),
        c.setting(AmazonApi.PRODUCT_TYPE).orElse(null),
        c.setting(AmazonApi.LANGUAGE_TAG).orElse(AmazonApi.DEFAULT_LANGUAGE_TAG),
        c.setting(AmazonApi.FULFILLMENT_CHANNEL).orElse(AmazonApi.DEFAULT_FULFILLMENT_CHANNEL));
  }

  /** {@code path} (segments separated by '/') under the base URL. */
  HttpUrl url(String path) {
    return base.newBuilder().addPathSegments(path).build();
  }

  /** The Listings Items URL of a SKU for this seller and marketplace; the SKU is encoded as one segment [V]. */
  HttpUrl listingsItem(String sku) {
    return base.newBuilder().addPathSegments(AmazonApi.LISTINGS_ITEMS).addPathSegment(sellerId)
        .addPathSegment(sku).addQueryParameter("marketplaceIds", marketplaceId).build();
  }

  private static String required(Connection c, String name) {
    return c.setting(name).filter(v -> !v.isBlank()).orElseThrow(() -> new AuthenticationFailure(
        "connection " + c.id() + " has no '" + name + "' setting; add it with: syncfleet connections add",
        0, "missing_setting"));
  }
}
