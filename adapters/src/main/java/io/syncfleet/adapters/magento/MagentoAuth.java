package io.syncfleet.adapters.magento;

import io.syncfleet.adapters.failure.AuthenticationFailure;
import io.syncfleet.adapters.http.HttpResult;
import io.syncfleet.adapters.http.MarketplaceHttp;
import io.syncfleet.producer.connection.Connection;
import io.syncfleet.producer.connection.MissingCredentialException;
import okhttp3.Request;

/**
 * Magento integration authentication: every call carries the integration's access token as a
 * Bearer token [V]. The token does not expire [V]; since Magento 2.4.4 a store only accepts it as a
 * standalone Bearer token when "Allow OAuth Access Tokens to be used as standalone Bearer tokens" is
 * on [V], otherwise every call is refused with 401, which pauses the connection.
 */
final class MagentoAuth {
  private final MarketplaceHttp http;

  MagentoAuth(MarketplaceHttp http) {
    this.http = http;
  }

  /** Sends {@code request} with the connection's token; an answer other than 401/403/408/429/5xx is returned as is. */
  HttpResult send(Connection connection, Request request) {
    return http.send(request.newBuilder()
        .header(MagentoApi.AUTHORIZATION, "Bearer " + token(connection))
        .header("Accept", "application/json")
        .build(), MagentoErrors.READER);
  }

  private static String token(Connection connection) {
    try {
      return connection.secrets().require(MagentoApi.ACCESS_TOKEN);
    } catch (MissingCredentialException e) {
      throw new AuthenticationFailure(e.getMessage(), 0, "missing_credential");
    }
  }
}
