package io.syncfleet.adapters.manomano;

import io.syncfleet.adapters.failure.AuthenticationFailure;
import io.syncfleet.adapters.http.MarketplaceHttp;
import io.syncfleet.producer.connection.Connection;
import okhttp3.HttpUrl;

/**
 * A connection's ManoMano settings: where to call, the seller contract (one per country ManoMano
 * sells in for the seller [C]) and the integration name ManoMano expects. A contract that cannot work
 * is an {@link AuthenticationFailure}, so the connection pauses until someone fixes it.
 */
record ManoManoSettings(HttpUrl base, long contractId, String thirdPartyName) {

  static ManoManoSettings of(Connection c) {
    String contract = c.setting(ManoManoApi.SELLER_CONTRACT_ID).orElse("").trim();
    long id;
    try {
      id = Long.parseLong(contract);
    } catch (NumberFormatException e) {
      id = -1;
    }
    if (id <= 0) {
      throw new AuthenticationFailure("ManoMano connection " + c.id() + " needs the setting '"
          + ManoManoApi.SELLER_CONTRACT_ID + "': the numeric seller contract id of one ManoMano country"
          + (contract.isEmpty() ? "" : ", not '" + contract + "'"), 0, "invalid_setting");
    }
    String name = c.setting(ManoManoApi.THIRDPARTY_NAME).map(String::trim).filter(n -> !n.isEmpty())
        .orElse(ManoManoApi.DEFAULT_THIRDPARTY_NAME);
    return new ManoManoSettings(MarketplaceHttp.baseUrl(c, ManoManoApi.PRODUCTION_URL, ManoManoApi.SANDBOX_URL),
        id, name);
  }

  /** {@code path} (segments separated by '/') under the base URL. */
  HttpUrl url(String path) {
    return base.newBuilder().addPathSegments(path).build();
  }
}
