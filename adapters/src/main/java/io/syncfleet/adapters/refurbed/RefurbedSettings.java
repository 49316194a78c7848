package io.syncfleet.adapters.refurbed;

import io.syncfleet.adapters.failure.AuthenticationFailure;
import io.syncfleet.producer.connection.Connection;
import java.util.Locale;

/**
 * A connection's refurbed settings: the shipping profile new offers are created with (it decides the
 * markets they sell in [V]), their default warranty, and their taxation if the merchant names one.
 * A value refurbed cannot take is an {@link AuthenticationFailure}, so the connection pauses until
 * someone fixes it.
 */
record RefurbedSettings(String shippingProfileId, int warrantyMonths, String taxation) {

  static RefurbedSettings of(Connection c) {
    String warranty = c.setting(RefurbedApi.DEFAULT_WARRANTY).orElse("12").trim();
    int months;
    try {
      months = Integer.parseInt(warranty);
    } catch (NumberFormatException e) {
      months = -1;
    }
    if (!RefurbedApi.WARRANTY_MONTHS.contains(months)) {
      throw invalid(c, RefurbedApi.DEFAULT_WARRANTY, "must be one of " + RefurbedApi.WARRANTY_MONTHS);
    }
    String taxation = c.setting(RefurbedApi.TAXATION).map(t -> t.trim().toUpperCase(Locale.ROOT))
        .filter(t -> !t.isEmpty()).orElse(null);
    if (taxation != null && !RefurbedApi.TAXATIONS.contains(taxation)) {
      throw invalid(c, RefurbedApi.TAXATION, "must be GROSS or MARGINAL");
    }
    String profile = c.setting(RefurbedApi.SHIPPING_PROFILE_ID).map(String::trim).filter(p -> !p.isEmpty())
        .orElse(null);
    return new RefurbedSettings(profile, months, taxation);
  }

  private static AuthenticationFailure invalid(Connection c, String setting, String why) {
    return new AuthenticationFailure("refurbed connection " + c.id() + ": setting '" + setting + "' " + why, 0,
        "invalid_setting");
  }
}
