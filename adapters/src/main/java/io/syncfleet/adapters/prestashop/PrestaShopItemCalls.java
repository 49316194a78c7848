package io.syncfleet.adapters.prestashop;

import io.syncfleet.adapters.ItemOutcome;
import io.syncfleet.adapters.failure.AuthenticationFailure;
import io.syncfleet.adapters.failure.PermanentFailure;
import io.syncfleet.adapters.failure.RateLimitedFailure;
import io.syncfleet.adapters.failure.SyncFailure;
import io.syncfleet.adapters.failure.TransientFailure;
import java.util.function.Supplier;

/**
 * Runs the calls a job makes one item at a time (PrestaShop has no batch writes) and turns a call's
 * failure into that item's outcome: permanent is FAILED with PrestaShop's code, transient is RETRY.
 * After a throttle no further call is made: that item and every later one come back THROTTLED with
 * the host's wait, so work already done is kept. A lookup several items share ({@link #shared}) that
 * fails settles every later item the same way. An authentication failure fails the whole job. One per job.
 */
final class PrestaShopItemCalls {
  private SyncFailure blocked;

  /** The outcome of {@code call} for {@code sku}, or the outcome an earlier throttle or shared failure dictates. */
  ItemOutcome run(String sku, Supplier<ItemOutcome> call) {
    if (blocked != null) {
      return outcome(sku, blocked);
    }
    try {
      return call.get();
    } catch (RateLimitedFailure e) {
      blocked = e;
      return outcome(sku, e);
    } catch (PermanentFailure | TransientFailure e) {
      return outcome(sku, e);
    }
  }

  /** Runs a call whose answer several items need; null when it failed, which later items then report. */
  <T> T shared(Supplier<T> call) {
    if (blocked != null) {
      return null;
    }
    try {
      return call.get();
    } catch (AuthenticationFailure e) {
      throw e;
    } catch (SyncFailure e) {
      blocked = e;
      return null;
    }
  }

  private static ItemOutcome outcome(String sku, SyncFailure e) {
    if (e instanceof RateLimitedFailure r) {
      return ItemOutcome.throttled(sku, e.code(), e.getMessage(), r.retryAfter().orElse(null));
    }
    if (e instanceof PermanentFailure) {
      return ItemOutcome.failed(sku, e.code(), e.getMessage());
    }
    return ItemOutcome.retry(sku, e.code(), e.getMessage(), null);
  }
}
