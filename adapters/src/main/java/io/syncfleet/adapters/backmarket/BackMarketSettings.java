package io.syncfleet.adapters.backmarket;

import io.syncfleet.adapters.failure.AuthenticationFailure;
import io.syncfleet.adapters.http.MarketplaceHttp;
import io.syncfleet.producer.connection.Connection;
import java.util.Locale;
import okhttp3.HttpUrl;

/**
 * A connection's Back Market settings with their defaults: which platform (EU, NA, AP) and market
 * to call, the User-Agent Back Market requires, and the warranty new listings get. A setting that
 * cannot work is an {@link AuthenticationFailure}, so the connection pauses until someone fixes it.
 */
record BackMarketSettings(HttpUrl base, String market, String userAgent, int warrantyMonths) {

  static BackMarketSettings of(Connection c) {
    String platform = c.setting(BackMarketApi.PLATFORM).orElse(BackMarketApi.DEFAULT_PLATFORM)
        .trim().toUpperCase(Locale.ROOT);
    if (!BackMarketApi.PRODUCTION_URLS.containsKey(platform)) {
      throw invalid(c, BackMarketApi.PLATFORM, "must be EU, NA or AP");
    }
    HttpUrl base = MarketplaceHttp.baseUrl(c, BackMarketApi.PRODUCTION_URLS.get(platform),
        BackMarketApi.PREPROD_URLS.get(platform));
    String market = c.setting(BackMarketApi.MARKET).orElse(BackMarketApi.DEFAULT_MARKETS.get(platform))
        .trim().toLowerCase(Locale.ROOT);
    if (!BackMarketApi.MARKETS.get(platform).contains(market)) {
      throw invalid(c, BackMarketApi.MARKET, "must be one of " + BackMarketApi.MARKETS.get(platform)
          + " on the " + platform + " platform");
    }
    String email = c.setting(BackMarketApi.CONTACT_EMAIL).orElse("").trim();
    if (email.isEmpty() || email.indexOf('@') < 1) {
      throw invalid(c, BackMarketApi.CONTACT_EMAIL, "is required: Back Market refuses calls whose "
          + "User-Agent names no contact e-mail");
    }
    // '-' separates the User-Agent's parts, so a company name must not carry one.
    String company = c.setting(BackMarketApi.COMPANY).orElse(c.tenant()).trim().replace('-', '_');
    String userAgent = String.format(BackMarketApi.USER_AGENT_FORMAT, company, BackMarketApi.INTEGRATION_NAME, email);
    int warranty;
    try {
      warranty = Integer.parseInt(c.setting(BackMarketApi.WARRANTY_SETTING)
          .orElse(String.valueOf(BackMarketApi.MIN_WARRANTY_MONTHS)).trim());
    } catch (NumberFormatException e) {
      throw invalid(c, BackMarketApi.WARRANTY_SETTING, "must be a number of months");
    }
    if (warranty < BackMarketApi.MIN_WARRANTY_MONTHS) {
      throw invalid(c, BackMarketApi.WARRANTY_SETTING, "must be at least " + BackMarketApi.MIN_WARRANTY_MONTHS);
    }
    return new BackMarketSettings(base, market, userAgent, warranty);
  }

  /** {@code path} (segments separated by '/') under the base URL. */
  HttpUrl url(String path) {
    return base.newBuilder().addPathSegments(path).build();
  }

  /** {@code path} followed by one more segment, encoded as needed (a listing or task id). */
  HttpUrl url(String path, String segment) {
    return base.newBuilder().addPathSegments(path).addPathSegment(segment).build();
  }

  private static AuthenticationFailure invalid(Connection c, String setting, String why) {
    return new AuthenticationFailure("Back Market connection " + c.id() + ": setting '" + setting + "' " + why,
        0, "invalid_setting");
  }
}
