package io.syncfleet.adapters.mirakl;

import io.syncfleet.adapters.failure.AuthenticationFailure;
import io.syncfleet.adapters.http.HttpResult;
import io.syncfleet.adapters.http.MarketplaceHttp;
import io.syncfleet.producer.connection.Connection;
import io.syncfleet.producer.connection.MissingCredentialException;
import okhttp3.Request;

/**
 * Sends seller API calls with the shop's API key in the {@code Authorization} header, as is [V]. The
 * key does not expire on its own; a 401 or 403 means it was revoked, regenerated or lacks the shop,
 * which only the merchant can fix, so it is not retried.
 */
final class MiraklClient {
  private final MarketplaceHttp http;

  MiraklClient(MarketplaceHttp http) {
    this.http = http;
  }

  /** Sends {@code request} with the connection's key; a failed answer is returned as is. */
  HttpResult send(Connection connection, Request request) {
    return http.send(request.newBuilder().header(MiraklApi.AUTHORIZATION, apiKey(connection))
        .header("Accept", "application/json").build(), MiraklErrors.READER);
  }

  private static String apiKey(Connection connection) {
    try {
      return connection.secrets().require(MiraklApi.API_KEY);
    } catch (MissingCredentialException e) {
      throw new AuthenticationFailure(e.getMessage(), 0, "missing_credential");
    }
  }
}
