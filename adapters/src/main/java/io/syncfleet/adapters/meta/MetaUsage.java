package io.syncfleet.adapters.meta;

import com.fasterxml.jackson.databind.JsonNode;
import io.syncfleet.adapters.http.HttpResult;
import io.syncfleet.adapters.http.RetryAfter;
import io.syncfleet.producer.Json;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;

/**
 * The wait a throttled Graph answer asks for. Meta says it in {@value MetaApi#USAGE_HEADER}:
 * {@code {"<business id>":[{"type":..., "call_count":..., "estimated_time_to_regain_access": minutes}]}}
 * [V], one entry per business use case; the longest wait wins. A plain {@code Retry-After} counts
 * too, should Meta's edge send one.
 */
final class MetaUsage {
  private MetaUsage() {}

  /** The wait {@code r} asks for, or null when it names none (the worker then backs off). */
  static Duration waitAskedFor(HttpResult r, Clock clock) {
    Duration regain = regainAccess(r.header(MetaApi.USAGE_HEADER));
    return regain != null ? regain : RetryAfter.parse(r.header("Retry-After"), clock);
  }

  /** The longest {@code estimated_time_to_regain_access} in the header, or null when none is above zero. */
  static Duration regainAccess(String header) {
    if (header == null || header.isBlank()) {
      return null;
    }
    JsonNode usage;
    try {
      usage = Json.MAPPER.readTree(header);
    } catch (IOException e) {
      return null;
    }
    long minutes = 0;
    for (JsonNode useCases : usage) {
      for (JsonNode useCase : useCases) {
        minutes = Math.max(minutes, useCase.path(MetaApi.REGAIN_ACCESS).asLong(0));
      }
    }
    return minutes > 0 ? Duration.ofMinutes(minutes) : null;
  }
}
