package io.syncfleet.adapters.ebay;

import io.syncfleet.adapters.http.MarketplaceHttp;
import io.syncfleet.producer.connection.Connection;
import okhttp3.HttpUrl;

/**
 * A connection's eBay settings with their defaults: where to call, which site and language, and the
 * location, business policies and category new offers are created with.
 */
record EbaySettings(HttpUrl base, String marketplaceId, String contentLanguage, String currency,
    String merchantLocationKey, String fulfillmentPolicyId, String paymentPolicyId,
    String returnPolicyId, String categoryId) {

  static EbaySettings of(Connection c) {
    return new EbaySettings(
        MarketplaceHttp.baseUrl(c, EbayApi.PRODUCTION_URL, EbayApi.SANDBOX_URL),
        c.setting(EbayApi.MARKETPLACE_ID).orElse(EbayApi.DEFAULT_MARKETPLACE_ID),
        c.setting(EbayApi.LANGUAGE).orElse(EbayApi.DEFAULT_LANGUAGE),
        c.setting(EbayApi.CURRENCY).orElse(EbayApi.DEFAULT_CURRENCY),
        c.setting(EbayApi.MERCHANT_LOCATION_KEY).orElse(null),
        c.setting(EbayApi.FULFILLMENT_POLICY_ID).orElse(null),
        c.setting(EbayApi.PAYMENT_POLICY_ID).orElse(null),
        c.setting(EbayApi.RETURN_POLICY_ID).orElse(null),
        c.setting(EbayApi.CATEGORY_ID).orElse(null));
  }

  /** The locale of inventory item payloads, e.g. en_US. */
  String locale() {
    return EbayApi.locale(contentLanguage);
  }

  /** {@code path} (segments separated by '/') under the base URL. */
  HttpUrl url(String path) {
    return base.newBuilder().addPathSegments(path).build();
  }

  /** {@code path} followed by one more segment, encoded as needed (a SKU, an offer id). */
  HttpUrl url(String path, String segment) {
    return base.newBuilder().addPathSegments(path).addPathSegment(segment).build();
  }
}
