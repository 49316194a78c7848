package io.syncfleet.adapters;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * An order normalized to one model across marketplaces; appended to the tenant's order stream.
 *
 * @param channel        the marketplace
 * @param orderId        the marketplace's order id
 * @param status         normalized status
 * @param marketplaceStatus the marketplace's own status text
 * @param createdAt      when the buyer placed it
 * @param updatedAt      the marketplace's last change; with the status, what makes a change "new"
 * @param currency       ISO 4217
 * @param total          order total as the marketplace reports it
 * @param lines          what was bought
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Order(String channel, String orderId, Status status, String marketplaceStatus,
    Instant createdAt, Instant updatedAt, String currency, BigDecimal total, List<Line> lines) {

  public Order {
    lines = lines == null ? List.of() : List.copyOf(lines);
  }

  /** Normalized order status. */
  public enum Status {
    PENDING,
    PAID,
    PARTIALLY_SHIPPED,
    SHIPPED,
    CANCELLED,
    REFUNDED
  }

  /** One order line. */
  public record Line(String sku, String title, int quantity, BigDecimal unitPrice) {}
}
