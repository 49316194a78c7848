package io.syncfleet.adapters.amazon;

import io.syncfleet.adapters.failure.RateLimitedFailure;
import io.syncfleet.adapters.http.ErrorDetail;
import io.syncfleet.adapters.http.ErrorReader;
import io.syncfleet.adapters.http.HttpResult;
import java.time.Duration;

/**
 * Reads the error answer of one Amazon call and keeps the {@code x-amzn-RateLimit-Limit} it carried.
 * Amazon throttles with a 429 (code QuotaExceeded [U]) and no Retry-After [C]; the applied rate says
 * how long one request's worth of quota takes to come back (1 / rate seconds), which is the wait the
 * worker should honour.
 * One per call.
 */
final class AmazonErrorReader implements ErrorReader {
  private String appliedRate;

  @Override
  public ErrorDetail read(HttpResult response) {
    appliedRate = response.header(AmazonApi.RATE_LIMIT_HEADER);
    ErrorDetail detail = AmazonErrors.detail(response.jsonOrEmpty(), response.status());
    String requestId = response.header(AmazonApi.REQUEST_ID_HEADER);
    return requestId == null ? detail
        : new ErrorDetail(detail.code(), detail.message() + " [request id " + requestId + "]");
  }

  /** {@code e} with the wait the applied rate implies, unless Amazon said how long to wait. */
  RateLimitedFailure withWait(RateLimitedFailure e) {
    if (e.retryAfter().isPresent()) {
      return e;
    }
    Duration wait = waitFor(appliedRate);
    return wait == null ? e : new RateLimitedFailure(e.getMessage(), e.httpStatus(), e.code(), wait);
  }

  /** One request's worth of time at {@code rate} requests per second, or null when unreadable. */
  static Duration waitFor(String rate) {
    if (rate == null || rate.isBlank()) {
      return null;
    }
    try {
      double perSecond = Double.parseDouble(rate.trim());
      return perSecond > 0 ? Duration.ofMillis((long) Math.ceil(1000 / perSecond)) : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
