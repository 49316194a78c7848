package io.syncfleet.adapters.opencart;

import com.fasterxml.jackson.databind.JsonNode;
import io.syncfleet.adapters.Health;
import io.syncfleet.adapters.failure.AuthenticationFailure;
import io.syncfleet.adapters.failure.PermanentFailure;
import io.syncfleet.adapters.http.ErrorDetail;
import io.syncfleet.adapters.http.ErrorReader;
import io.syncfleet.adapters.http.HttpResult;
import io.syncfleet.adapters.http.MarketplaceHttp;
import io.syncfleet.producer.Json;
import io.syncfleet.producer.connection.Connection;
import io.syncfleet.producer.connection.MissingCredentialException;
import java.io.IOException;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.Request;

/**
 * OpenCart's API session login [V core code]: POST {@code username} and {@code key} to the login
 * route; the answer holds an {@code api_token} when the key is right and the caller's IP is on the
 * API user's list. The session it opens ends an hour after its last use, so a test leaves nothing
 * behind. OpenCart answers refusals with HTTP 200, so the body decides.
 */
final class OpenCartLogin {
  private static final ErrorReader READER = r -> ErrorDetail.unknown(r.status());

  private final MarketplaceHttp http;

  OpenCartLogin(MarketplaceHttp http) {
    this.http = http;
  }

  /** Logs in; healthy with the API username as the account, or failed with what to fix. */
  Health check(Connection connection) {
    String version = connection.setting(OpenCartApi.VERSION).orElse(OpenCartApi.DEFAULT_VERSION).trim();
    if (version.compareTo(OpenCartApi.SIGNED_CALLS_SINCE) >= 0) {
      return Health.failed("OpenCart " + version + " has no API login (each call is signed instead) and its API "
          + "offers nothing this adapter uses; catalog, stock, price and order sync need a REST API extension");
    }
    String username;
    String key;
    try {
      username = connection.secrets().require(OpenCartApi.API_USERNAME);
      key = connection.secrets().require(OpenCartApi.API_KEY);
    } catch (MissingCredentialException e) {
      throw new AuthenticationFailure(e.getMessage(), 0, "missing_credential");
    }
    String route = version.startsWith("4") ? OpenCartApi.LOGIN_4 : OpenCartApi.LOGIN_3;
    HttpUrl url = OpenCartApi.frontController(connection).newBuilder().addQueryParameter(OpenCartApi.ROUTE, route).build();
    HttpResult r = http.send(new Request.Builder().url(url)
        .post(new FormBody.Builder().add(OpenCartApi.USERNAME_FIELD, username).add(OpenCartApi.KEY_FIELD, key).build())
        .build(), READER);
    if (!r.isSuccess()) {
      throw new PermanentFailure("OpenCart answered HTTP " + r.status() + " at route " + route
          + "; is this an OpenCart " + version + " store (setting '" + OpenCartApi.VERSION + "')?", r.status(), null);
    }
    JsonNode body = json(r);
    if (body == null) {
      return Health.failed("OpenCart's login answer is not JSON: PHP notices printed before it (turn display_errors "
          + "off) or a store_url that is not the OpenCart store");
    }
    JsonNode token = body.path(OpenCartApi.TOKEN);
    if (token.isTextual() && !token.asText().isEmpty()) {
      return Health.ok(username);
    }
    JsonNode error = body.path(OpenCartApi.ERROR);
    JsonNode ip = error.path(OpenCartApi.IP_ERROR);
    if (ip.isTextual()) {
      return Health.failed(ip.asText() + ": add this server's address under System > Users > API, IP Addresses");
    }
    if (error.isTextual()) {
      return Health.failed(error.asText() + " (System > Users > API: the API username, its key, its status and "
          + "its IP Addresses)");
    }
    return Health.failed("OpenCart refused the API username or key (System > Users > API: the username, the key "
        + "and the status Enabled)");
  }

  /** The body as JSON, or null when it is not JSON. */
  private static JsonNode json(HttpResult r) {
    try {
      return r.bodyBytes().length == 0 ? Json.MAPPER.createArrayNode() : Json.MAPPER.readTree(r.bodyBytes());
    } catch (IOException e) {
      return null;
    }
  }
}
