package io.syncfleet.demo.sim;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * An order of the simulated Shopify, in Shopify's own terms.
 *
 * @param id          its GID
 * @param name        what the merchant sees, e.g. {@code #1001}
 * @param cancelledAt when it was cancelled, or null
 * @param financial   {@code displayFinancialStatus}
 * @param fulfillment {@code displayFulfillmentStatus}
 */
record ShopifySimOrder(String id, String name, Instant createdAt, Instant updatedAt, Instant cancelledAt,
    String financial, String fulfillment, String currency, BigDecimal total, List<Line> lines) {

  ShopifySimOrder {
    lines = List.copyOf(lines);
  }

  /** One line item. */
  record Line(String sku, String title, int quantity, BigDecimal unitPrice) {}
}
