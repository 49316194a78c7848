package io.syncfleet.adapters.square;

import io.syncfleet.adapters.http.MarketplaceHttp;
import io.syncfleet.producer.connection.Connection;
import java.util.Arrays;
import java.util.List;
import okhttp3.HttpUrl;

/**
 * A connection's Square settings: where to call (production or sandbox by the connection's
 * environment), the location stock is counted at when a level names none (else the seller's main
 * location), and the locations orders are pulled from (else every active one).
 */
record SquareSettings(HttpUrl base, String locationId, List<String> orderLocationIds) {

  static SquareSettings of(Connection c) {
    List<String> ids = Arrays.stream(c.setting(SquareApi.LOCATION_IDS).orElse("").split(","))
        .map(String::trim).filter(id -> !id.isEmpty()).toList();
    return new SquareSettings(MarketplaceHttp.baseUrl(c, SquareApi.PRODUCTION_URL, SquareApi.SANDBOX_URL),
        c.setting(SquareApi.LOCATION_ID).map(String::trim).filter(id -> !id.isEmpty()).orElse(null), ids);
  }

  /** {@code path} (segments separated by '/') under the API base. */
  HttpUrl url(String path) {
    return base.newBuilder().addPathSegments(path).build();
  }
}
