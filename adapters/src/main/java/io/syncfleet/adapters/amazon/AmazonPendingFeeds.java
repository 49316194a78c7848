package io.syncfleet.adapters.amazon;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The JSON listings feeds this process submitted and has not yet read the result of, by connection
 * and feed content. When the worker retries the same items, their feed document is byte for byte the
 * same, so the retry finds the feed and follows it instead of submitting again. In memory and bounded:
 * a retry that lands on another process, or after a restart, submits the feed again, which is
 * harmless because every message replaces its listing whole.
 */
final class AmazonPendingFeeds {
  private static final int MAX_REMEMBERED = 1_000;

  /** A submitted feed: Amazon's id and when it was submitted. */
  record Pending(String feedId, Instant submittedAt) {}

  private final Map<String, Pending> feeds = Collections.synchronizedMap(
      new LinkedHashMap<String, Pending>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Pending> eldest) {
          return size() > MAX_REMEMBERED;
        }
      });

  Optional<Pending> find(String key) {
    return Optional.ofNullable(feeds.get(key));
  }

  void remember(String key, Pending feed) {
    feeds.put(key, feed);
  }

  void forget(String key) {
    feeds.remove(key);
  }
}
