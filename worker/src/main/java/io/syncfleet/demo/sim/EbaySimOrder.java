package io.syncfleet.demo.sim;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * An order in the simulated eBay. Adding an order with an existing id replaces it, which is how a
 * change (shipment, cancellation) reaches the next pull.
 *
 * @param payment     eBay's orderPaymentStatus, e.g. PAID
 * @param fulfillment eBay's orderFulfillmentStatus, e.g. NOT_STARTED or FULFILLED
 * @param cancelState eBay's cancelStatus.cancelState, e.g. NONE_REQUESTED or CANCELED
 */
public record EbaySimOrder(String orderId, Instant createdAt, Instant lastModifiedAt, String payment,
    String fulfillment, String cancelState, String currency, List<Line> lines) {

  public EbaySimOrder {
    lines = List.copyOf(lines);
  }

  /** One line: {@code unitPrice} times {@code quantity} is its lineItemCost. */
  public record Line(String sku, String title, int quantity, BigDecimal unitPrice) {
    BigDecimal cost() {
      return unitPrice.multiply(BigDecimal.valueOf(quantity));
    }
  }

  /** A paid order not shipped yet. */
  public static EbaySimOrder paid(String orderId, Instant at, String currency, List<Line> lines) {
    return new EbaySimOrder(orderId, at, at, "PAID", "NOT_STARTED", "NONE_REQUESTED", currency, lines);
  }

  /** This order shipped at {@code at}. */
  public EbaySimOrder shipped(Instant at) {
    return new EbaySimOrder(orderId, createdAt, at, payment, "FULFILLED", cancelState, currency, lines);
  }

  /** The sum of the lines' costs. */
  public BigDecimal total() {
    return lines.stream().map(Line::cost).reduce(BigDecimal.ZERO, BigDecimal::add);
  }
}
