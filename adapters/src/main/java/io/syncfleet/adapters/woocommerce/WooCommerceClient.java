package io.syncfleet.adapters.woocommerce;

import com.fasterxml.jackson.databind.JsonNode;
import io.syncfleet.adapters.failure.PermanentFailure;
import io.syncfleet.adapters.failure.RateLimitedFailure;
import io.syncfleet.adapters.failure.SyncFailure;
import io.syncfleet.adapters.http.ErrorDetail;
import io.syncfleet.adapters.http.HttpResult;
import io.syncfleet.adapters.http.MarketplaceHttp;
import io.syncfleet.adapters.http.RetryAfter;
import io.syncfleet.producer.connection.Connection;
import okhttp3.HttpUrl;
import okhttp3.Request;

/**
 * Sends authorized calls to a shop's REST API and classifies the answers. On top of the common rules
 * of {@link MarketplaceHttp} it reads the signals of the hosting WooCommerce runs on: a 503 (PHP
 * workers busy, WordPress in maintenance) is a throttle like a 429, with the Retry-After the host
 * sends; a 413 is a batch over the shop's limit, which only a smaller batch or the shop's owner fixes.
 */
final class WooCommerceClient {
  private final MarketplaceHttp http;
  private final WooCommerceAuth auth;

  WooCommerceClient(MarketplaceHttp http, WooCommerceAuth auth) {
    this.http = http;
    this.auth = auth;
  }

  /** The URL of {@code path} (segments separated by '/') under the connection's REST base. */
  HttpUrl url(Connection connection, String path) {
    return WooCommerceApi.restBase(connection).newBuilder().addPathSegments(path).build();
  }

  /** Sends {@code request}; 2xx and the 4xx the caller reads come back, every other answer is thrown. */
  HttpResult send(Connection connection, Request request) {
    HttpResult r = http.exchange(auth.authorize(connection, request), WooCommerceErrors.READER);
    if (r.status() == 429 || r.status() == 503) {
      ErrorDetail e = r.error();
      throw new RateLimitedFailure("the shop's server is throttling (HTTP " + r.status() + "): " + e.message(),
          r.status(), e.code(), RetryAfter.parse(r.header("Retry-After"), http.clock()));
    }
    if (r.status() == 413) {
      ErrorDetail e = r.error();
      throw new PermanentFailure("the shop refused a batch of this size (" + e.message() + "); its "
          + "woocommerce_rest_batch_items_limit filter or the web server's request size limit is lower than "
          + "this job's batch", 413, e.code() != null ? e.code() : WooCommerceApi.TOO_LARGE);
    }
    SyncFailure failure = http.failure(r);
    if (failure != null) {
      throw failure;
    }
    return r;
  }

  /** GETs {@code url} and returns its JSON; any non-2xx answer is the call's permanent failure. */
  JsonNode get(Connection connection, HttpUrl url) {
    return send(connection, new Request.Builder().url(url).get().build()).requireSuccess().json();
  }

  /** POSTs {@code body} as JSON to {@code url} and returns the answer's JSON, or throws its failure. */
  JsonNode post(Connection connection, HttpUrl url, Object body) {
    return send(connection, new Request.Builder().url(url).post(MarketplaceHttp.json(body)).build())
        .requireSuccess().json();
  }
}
