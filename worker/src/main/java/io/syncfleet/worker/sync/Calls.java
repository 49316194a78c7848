package io.syncfleet.worker.sync;

import dev.failsafe.FailsafeException;
import dev.failsafe.TimeoutExceededException;
import io.syncfleet.adapters.BatchResult;
import io.syncfleet.adapters.MarketplaceAdapter;
import io.syncfleet.adapters.failure.SyncFailure;
import io.syncfleet.producer.connection.Connection;
import io.syncfleet.producer.job.Item;
import io.syncfleet.producer.job.Listing;
import io.syncfleet.producer.job.Operation;
import io.syncfleet.producer.job.PriceChange;
import io.syncfleet.producer.job.SkuRef;
import io.syncfleet.producer.job.StockLevel;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** How the handlers call adapters: through the connection's policies, with failures described safely. */
final class Calls {
  private Calls() {}

  /** Runs {@code call} under the connection's Failsafe policies, unwrapping to the typed failure. */
  static <T> T call(ConnectionPolicies policies, Connection connection, Supplier<T> call) {
    try {
      return policies.executor(connection.id()).get(call::get);
    } catch (FailsafeException e) {
      // Failsafe wraps checked exceptions only; unwrap so callers see the typed failure.
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw e;
    }
  }

  /** The adapter method for an item operation. */
  static BatchResult invoke(MarketplaceAdapter adapter, Connection c, Operation op, List<Item> items) {
    switch (op) {
      case UPSERT_LISTINGS:
        return adapter.upsertListings(c, cast(items, Listing.class));
      case UPDATE_STOCK:
        return adapter.updateStock(c, cast(items, StockLevel.class));
      case UPDATE_PRICES:
        return adapter.updatePrices(c, cast(items, PriceChange.class));
      case DELETE_LISTINGS:
        return adapter.deleteListings(c, cast(items, SkuRef.class));
      default:
        throw new IllegalArgumentException(op + " carries no items");
    }
  }

  private static <T> List<T> cast(List<Item> items, Class<T> type) {
    List<T> out = new ArrayList<>(items.size());
    for (Item item : items) {
      out.add(type.cast(item));
    }
    return out;
  }

  /** A failure in words for the dead set and the connection's state. */
  static String describe(RuntimeException e) {
    if (e instanceof TimeoutExceededException) {
      return "marketplace call timed out";
    }
    if (e instanceof SyncFailure f) {
      return (f.code() == null ? "" : f.code() + ": ") + f.getMessage()
          + (f.httpStatus() > 0 ? " (HTTP " + f.httpStatus() + ")" : "");
    }
    return e.getClass().getSimpleName() + ": " + e.getMessage();
  }

  /** {@code text} without the connection's secrets. */
  static String redact(String text, Connection connection) {
    return Redaction.redact(text, connection.secrets());
  }
}
