package io.syncfleet.adapters.mirakl;

import io.syncfleet.adapters.failure.AuthenticationFailure;
import io.syncfleet.producer.connection.Connection;
import io.syncfleet.producer.job.Listing;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import okhttp3.HttpUrl;

/**
 * A connection's Mirakl settings: the operator's instance (every operator runs its own), the shop,
 * how offers are matched to the operator's products, the offer state code of each condition, and the
 * offer fields the merchant fixes per connection (lead time, logistic class).
 *
 * @param api            the instance's {@code /api} base
 * @param shopId         the shop to act for, or null for the key's default shop
 * @param productIdType  how offers name their product: {@value MiraklApi#SHOP_SKU}, EAN, UPC, MPN...
 * @param stateCodes     offer state code per condition
 * @param leadtimeToShip days to ship, or null to leave Mirakl's default
 * @param logisticClass  the logistic class code, or null
 * @param currency       the operator's currency when set; prices in another currency are refused
 */
record MiraklSettings(HttpUrl api, String shopId, String productIdType,
    Map<Listing.Condition, String> stateCodes, String leadtimeToShip, String logisticClass, String currency) {

  static MiraklSettings of(Connection c) {
    String base = c.setting(Connection.BASE_URL).map(String::trim).orElse("");
    HttpUrl parsed = HttpUrl.parse(base);
    if (parsed == null) {
      // Without its operator's instance a connection cannot work until someone sets it: pause it.
      throw new AuthenticationFailure("connection " + c.id() + " needs the setting '" + Connection.BASE_URL
          + "': the operator's Mirakl instance, e.g. https://acme.mirakl.net", 0, "missing_setting");
    }
    Map<Listing.Condition, String> codes = new EnumMap<>(MiraklApi.DEFAULT_STATE_CODES);
    for (Listing.Condition condition : Listing.Condition.values()) {
      c.setting(MiraklApi.STATE_CODE_PREFIX + condition.name()).map(String::trim).filter(v -> !v.isEmpty())
          .ifPresent(code -> codes.put(condition, code));
    }
    return new MiraklSettings(apiBase(parsed), blankToNull(c.setting(MiraklApi.SHOP_ID)),
        c.setting(MiraklApi.PRODUCT_ID_TYPE_SETTING).map(v -> v.trim().toUpperCase(Locale.ROOT))
            .filter(v -> !v.isEmpty()).orElse(MiraklApi.SHOP_SKU),
        Map.copyOf(codes), blankToNull(c.setting(MiraklApi.LEADTIME_SETTING)),
        blankToNull(c.setting(MiraklApi.LOGISTIC_CLASS_SETTING)),
        c.setting(MiraklApi.CURRENCY_SETTING).map(v -> v.trim().toUpperCase(Locale.ROOT))
            .filter(v -> !v.isEmpty()).orElse(null));
  }

  /** {@code path} (segments separated by '/') under the API base, with the shop when one is set. */
  HttpUrl url(String path) {
    HttpUrl.Builder b = api.newBuilder().addPathSegments(path);
    if (shopId != null) {
      b.addQueryParameter(MiraklApi.SHOP_ID_PARAM, shopId);
    }
    return b.build();
  }

  /** {@code path}, one more segment (an id, encoded) and optionally a last fixed segment. */
  HttpUrl url(String path, String id, String tail) {
    HttpUrl.Builder b = api.newBuilder().addPathSegments(path).addPathSegment(id);
    if (tail != null) {
      b.addPathSegments(tail);
    }
    if (shopId != null) {
      b.addQueryParameter(MiraklApi.SHOP_ID_PARAM, shopId);
    }
    return b.build();
  }

  /** The offer state code of a condition, if the connection has one. */
  Optional<String> stateCode(Listing.Condition condition) {
    return Optional.ofNullable(condition == null ? null : stateCodes.get(condition));
  }

  /** Merchants paste the instance URL with or without {@code /api}; both mean the same base. */
  private static HttpUrl apiBase(HttpUrl instance) {
    HttpUrl.Builder b = instance.newBuilder().query(null);
    List<String> segments = instance.pathSegments();
    // A trailing slash leaves one empty segment; drop it before looking at the last real one.
    int size = segments.size();
    if (size > 0 && segments.get(size - 1).isEmpty()) {
      b.removePathSegment(size - 1);
      size--;
    }
    if (size == 0 || !MiraklApi.API_SEGMENT.equals(segments.get(size - 1))) {
      b.addPathSegment(MiraklApi.API_SEGMENT);
    }
    return b.build();
  }

  private static String blankToNull(Optional<String> value) {
    return value.map(String::trim).filter(v -> !v.isEmpty()).orElse(null);
  }
}
