package io.syncfleet.adapters.shopify;

import com.fasterxml.jackson.databind.JsonNode;
import io.syncfleet.adapters.http.Allowance;
import java.time.Duration;

/**
 * The cost report Shopify attaches to every GraphQL answer ({@code extensions.cost}) [C]: what the
 * call asked for and how full the shop's leaky bucket is. Any figure Shopify left out is NaN.
 */
record ShopifyCost(double requested, double actual, double maximumAvailable, double currentlyAvailable,
    double restoreRate) {

  /** Reads {@code extensions.cost}; a missing report gives all NaN. */
  static ShopifyCost from(JsonNode cost) {
    JsonNode bucket = cost.path("throttleStatus");
    return new ShopifyCost(number(cost.path("requestedQueryCost")), number(cost.path("actualQueryCost")),
        number(bucket.path("maximumAvailable")), number(bucket.path("currentlyAvailable")),
        number(bucket.path("restoreRate")));
  }

  /**
   * How long until the bucket holds what the call requested: the missing points over the restore
   * rate, rounded up to whole milliseconds; null when Shopify did not say enough to know.
   */
  Duration waitForRequested() {
    if (Double.isNaN(requested) || Double.isNaN(currentlyAvailable) || !(restoreRate > 0)) {
      return null;
    }
    // A throttled call may see the bucket refilled by the time it reads the report: wait for one point.
    double missing = Math.max(requested - currentlyAvailable, 1);
    return Duration.ofMillis((long) Math.ceil(missing * 1000 / restoreRate));
  }

  /** The bucket as an allowance in cost points (restored per second); figures left out are null. */
  Allowance allowance() {
    return new Allowance(orNull(currentlyAvailable), orNull(maximumAvailable), orNull(restoreRate), null);
  }

  private static Double orNull(double value) {
    return Double.isNaN(value) || value < 0 ? null : value;
  }

  private static double number(JsonNode node) {
    return node.isNumber() ? node.asDouble() : Double.NaN;
  }
}
