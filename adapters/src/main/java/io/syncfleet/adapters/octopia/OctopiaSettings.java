package io.syncfleet.adapters.octopia;

import io.syncfleet.adapters.failure.AuthenticationFailure;
import io.syncfleet.adapters.http.MarketplaceHttp;
import io.syncfleet.producer.connection.Connection;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import okhttp3.HttpUrl;

/**
 * A connection's Octopia settings: where to call, the seller account, and the offer terms a full
 * offer needs that a listing does not carry (VAT rate, delivery modes with their costs, preparation
 * time). A setting the operation needs but the connection lacks pauses the connection, naming it.
 *
 * @param api             the Seller API v2 base
 * @param tokenUrl        the token endpoint
 * @param sellerId        the seller account, sent in the SellerId header
 * @param salesChannelId  the sales channel packages are for, or null for the account's default [U]
 * @param currency        the currency prices must be in
 * @param connection      the connection, for the settings only some operations need
 */
record OctopiaSettings(HttpUrl api, HttpUrl tokenUrl, String sellerId, String salesChannelId, String currency,
    Connection connection) {

  /** One delivery mode of an offer: its code and what the buyer pays for the first and each next item. */
  record DeliveryMode(String code, BigDecimal cost, BigDecimal additionalCost) {}

  static OctopiaSettings of(Connection c) {
    HttpUrl api = MarketplaceHttp.baseUrl(c, OctopiaApi.PRODUCTION_URL, OctopiaApi.PRODUCTION_URL);
    String sellerId = c.setting(OctopiaApi.SELLER_ID).map(String::trim).filter(v -> !v.isEmpty())
        .orElseThrow(() -> missing(c, OctopiaApi.SELLER_ID, "the Octopia seller id"));
    return new OctopiaSettings(api, tokenUrl(c), sellerId,
        c.setting(OctopiaApi.SALES_CHANNEL_ID).map(String::trim).filter(v -> !v.isEmpty()).orElse(null),
        c.setting(OctopiaApi.CURRENCY).map(v -> v.trim().toUpperCase(Locale.ROOT)).filter(v -> !v.isEmpty())
            .orElse(OctopiaApi.DEFAULT_CURRENCY), c);
  }

  /** {@code path} (segments separated by '/') under the API base. */
  HttpUrl url(String path) {
    return api.newBuilder().addPathSegments(path).build();
  }

  /** {@code path}, one encoded id segment, and optionally a fixed last segment. */
  HttpUrl url(String path, String id, String tail) {
    HttpUrl.Builder b = api.newBuilder().addPathSegments(path).addPathSegment(id);
    if (tail != null) {
      b.addPathSegments(tail);
    }
    return b.build();
  }

  /** The VAT rate in percent, e.g. 20; needed by full offers and prices. */
  BigDecimal vatRate() {
    String v = connection.setting(OctopiaApi.VAT_RATE).map(String::trim).orElse("");
    try {
      BigDecimal rate = new BigDecimal(v);
      if (rate.signum() >= 0) {
        return rate;
      }
    } catch (NumberFormatException notANumber) {
      // reported below with the setting's name
    }
    throw missing(connection, OctopiaApi.VAT_RATE, "the VAT rate in percent, e.g. 20");
  }

  /** Days to prepare an order before shipping; needed by full offers. */
  int preparationTime() {
    String v = connection.setting(OctopiaApi.PREPARATION_TIME).map(String::trim).orElse("");
    try {
      int days = Integer.parseInt(v);
      if (days >= 0) {
        return days;
      }
    } catch (NumberFormatException notANumber) {
      // reported below with the setting's name
    }
    throw missing(connection, OctopiaApi.PREPARATION_TIME, "days to prepare an order, e.g. 2");
  }

  /** Delivery modes from {@code CODE:cost:additionalCost,...}, e.g. {@code TRK:4.90:1.00}; needed by full offers. */
  List<DeliveryMode> deliveryModes() {
    String v = connection.setting(OctopiaApi.DELIVERY_MODES).map(String::trim).orElse("");
    List<DeliveryMode> modes = new ArrayList<>();
    try {
      for (String entry : v.split(",")) {
        String[] parts = entry.trim().split(":");
        if (parts.length != 3 || parts[0].isBlank()) {
          throw new IllegalArgumentException(entry);
        }
        modes.add(new DeliveryMode(parts[0].trim(), new BigDecimal(parts[1].trim()), new BigDecimal(parts[2].trim())));
      }
    } catch (IllegalArgumentException bad) {
      modes.clear();
    }
    if (modes.isEmpty()) {
      throw missing(connection, OctopiaApi.DELIVERY_MODES,
          "the offer's delivery modes as CODE:cost:additionalCost, e.g. TRK:4.90:1.00");
    }
    return List.copyOf(modes);
  }

  /** The token endpoint: the {@value OctopiaApi#AUTH_URL} setting, else the base URL's host, else Octopia's. */
  private static HttpUrl tokenUrl(Connection c) {
    String explicit = c.setting(OctopiaApi.AUTH_URL).map(String::trim).orElse("");
    if (!explicit.isEmpty()) {
      HttpUrl url = HttpUrl.parse(explicit);
      if (url == null) {
        throw missing(c, OctopiaApi.AUTH_URL, "a valid token endpoint URL");
      }
      return url;
    }
    // A simulator or test server named by base_url serves the token endpoint too.
    String root = c.setting(Connection.BASE_URL).map(HttpUrl::parse)
        .map(u -> u.newBuilder().encodedPath("/").query(null).build().toString())
        .orElse(OctopiaApi.AUTH_HOST + "/");
    return HttpUrl.get(root).newBuilder().addPathSegments(OctopiaApi.TOKEN_PATH).build();
  }

  private static AuthenticationFailure missing(Connection c, String setting, String what) {
    return new AuthenticationFailure("connection " + c.id() + " needs the setting '" + setting + "': " + what,
        0, "missing_setting");
  }
}
