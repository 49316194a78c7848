package io.syncfleet.worker.flow;

import io.syncfleet.adapters.http.Allowance;
import io.syncfleet.adapters.http.AllowanceListener;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Routes what marketplaces report about their allowance to the bucket of the call being made.
 * Adapters are shared by every connection, so the HTTP layer cannot know whose call it is; the
 * thread making the call does, and an adapter reports on that thread before the call returns.
 */
public final class CallScope {
  /** The listener to give the adapters' HTTP toolkit. */
  public static final AllowanceListener LISTENER = CallScope::route;

  private static final ThreadLocal<Consumer<Allowance>> CURRENT = new ThreadLocal<>();

  private CallScope() {}

  /** Runs {@code call} with the allowances it hears sent to {@code sink}. */
  public static <T> T during(Consumer<Allowance> sink, Supplier<T> call) {
    Consumer<Allowance> outer = CURRENT.get();
    CURRENT.set(sink);
    try {
      return call.get();
    } finally {
      if (outer == null) {
        CURRENT.remove();
      } else {
        CURRENT.set(outer);
      }
    }
  }

  private static void route(Allowance allowance) {
    Consumer<Allowance> sink = CURRENT.get();
    if (sink != null) {
      sink.accept(allowance);
    }
  }
}
