package io.syncfleet.adapters;

import io.syncfleet.producer.connection.Connection;
import io.syncfleet.producer.job.Listing;
import io.syncfleet.producer.job.PriceChange;
import io.syncfleet.producer.job.SkuRef;
import io.syncfleet.producer.job.StockLevel;
import java.util.List;

/**
 * One marketplace behind the fleet's common interface: it translates and talks HTTP, and classifies
 * failures. It never touches Redis, queues or retry policies: the worker owns those.
 *
 * <p>Batch calls return one {@link ItemOutcome} per item. A failure of the whole call is thrown as a
 * {@link io.syncfleet.adapters.failure.SyncFailure}. Upserts are idempotent (a job may run twice).
 * An operation the marketplace does not offer is absent from {@link #capabilities()}; calling it
 * throws {@link UnsupportedOperationException}.
 */
public interface MarketplaceAdapter {
  /** The channel id, e.g. {@code ebay}. */
  String channel();

  /** Operations, batch limits and rate plans. */
  Capabilities capabilities();

  /** The marketplace's own listing rules that {@code listing} breaks; empty when it may be sent. */
  List<Violation> validate(Listing listing);

  /** Creates or fully replaces listings. */
  default BatchResult upsertListings(Connection connection, List<Listing> items) {
    throw unsupported("upsert_listings");
  }

  /** Sets absolute available quantities. */
  default BatchResult updateStock(Connection connection, List<StockLevel> items) {
    throw unsupported("update_stock");
  }

  /** Sets selling prices. */
  default BatchResult updatePrices(Connection connection, List<PriceChange> items) {
    throw unsupported("update_prices");
  }

  /** Ends or deletes listings; a SKU the marketplace does not have counts as done. */
  default BatchResult deleteListings(Connection connection, List<SkuRef> items) {
    throw unsupported("delete_listings");
  }

  /** One page of orders changed since {@code since}. */
  default OrderPage fetchOrders(Connection connection, OrderCursor since) {
    throw unsupported("pull_orders");
  }

  /** Checks the credentials with the cheapest authenticated call the marketplace has. */
  Health testConnection(Connection connection);

  private UnsupportedOperationException unsupported(String op) {
    return new UnsupportedOperationException(channel() + " does not offer " + op);
  }
}
