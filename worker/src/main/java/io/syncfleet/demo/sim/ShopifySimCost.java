package io.syncfleet.demo.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.syncfleet.producer.Json;

/**
 * The cost report of the simulated Shopify: what each operation requests by Shopify's published
 * rules (objects 1, connections 2 plus {@code first} times a node, mutations 10), what it actually
 * cost (1 per object returned), and a leaky bucket of 2,000 points refilled at 100 per second (the
 * Standard plan). The bucket only reports; throttling is the base simulator's call-rate limit, which
 * a throttled answer expresses in the call's own points (see {@link #throttled}).
 */
final class ShopifySimCost {
  static final double MAXIMUM = 2000;
  static final double RESTORE_RATE = 100;
  private static final int MUTATION = 10;

  private double available = MAXIMUM;
  private long lastNanos = System.nanoTime();

  /** Points an operation requests before it runs. */
  static int requested(String operation, JsonNode variables) {
    int first = variables.path("first").asInt(0);
    return switch (operation) {
      case "ShopInfo" -> 1;
      case "DefaultLocation" -> 3;
      case "VariantsBySku" -> 2 + first * 5;
      case "ProductVariants" -> 3 + 2 + first * 4;
      case "OrdersUpdatedSince" -> 2 + first * (6 + 3 * variables.path("lines").asInt(0));
      case "OrderLineItems" -> 3 + first * 3;
      case "ProductSet", "InventorySet", "VariantPrices", "VariantsDelete", "ProductDelete" -> MUTATION;
      default -> 1;
    };
  }

  /** Charges a call and returns Shopify's {@code extensions} object for its answer. */
  synchronized ObjectNode charge(int requested, JsonNode data, boolean mutation) {
    refill();
    int actual = mutation ? MUTATION : Math.min(requested, Math.max(1, objects(data)));
    available = Math.max(0, available - actual);
    return extensions(requested, actual, MAXIMUM, available, RESTORE_RATE);
  }

  /**
   * The {@code extensions} of an answer throttled by a limit of {@code callsPerSecond} with
   * {@code burst}: one call is worth its {@code requested} points, so the bucket restores
   * {@code callsPerSecond * requested} points a second and lacks {@code waitSeconds} of them. A client
   * computing (requested - available) / restoreRate gets exactly the limiter's wait.
   */
  static ObjectNode throttled(int requested, double waitSeconds, double callsPerSecond, int burst) {
    double restoreRate = callsPerSecond * requested;
    return extensions(requested, null, Math.max(1, burst) * requested,
        Math.max(0, requested - waitSeconds * restoreRate), restoreRate);
  }

  private void refill() {
    long now = System.nanoTime();
    available = Math.min(MAXIMUM, available + (now - lastNanos) / 1e9 * RESTORE_RATE);
    lastNanos = now;
  }

  private static ObjectNode extensions(int requested, Integer actual, double maximum, double currentlyAvailable,
      double restoreRate) {
    ObjectNode extensions = Json.MAPPER.createObjectNode();
    ObjectNode cost = extensions.putObject("cost");
    cost.put("requestedQueryCost", requested);
    cost.put("actualQueryCost", actual);
    cost.putObject("throttleStatus")
        .put("maximumAvailable", maximum)
        .put("currentlyAvailable", currentlyAvailable)
        .put("restoreRate", restoreRate);
    return extensions;
  }

  private static int objects(JsonNode node) {
    int count = node.isObject() ? 1 : 0;
    for (JsonNode child : node) {
      count += objects(child);
    }
    return count;
  }
}
