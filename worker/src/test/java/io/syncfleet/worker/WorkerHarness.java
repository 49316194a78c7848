package io.syncfleet.worker;

import io.syncfleet.adapters.AdapterRegistry;
import io.syncfleet.producer.testing.TestRedis;
import io.syncfleet.worker.process.JobHandler;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/** Starts in-process worker processes against a {@link TestRedis} namespace for tests. */
final class WorkerHarness {
  private WorkerHarness() {}

  static WorkerConfig config(TestRedis redis, int concurrency, Map<String, String> extra) {
    Map<String, String> env = new HashMap<>(redis.env());
    env.put("SYNCFLEET_CONCURRENCY", Integer.toString(concurrency));
    env.put("SYNCFLEET_HTTP_PORT", "0");
    env.put("SYNCFLEET_ORDER_PULL_SECONDS", "0");
    env.putAll(extra);
    return WorkerConfig.fromEnv(env);
  }

  static Launcher start(TestRedis redis, int concurrency, AdapterRegistry adapters,
      Map<String, JobHandler> handlers, Map<String, String> extraEnv) {
    return Launcher.start(config(redis, concurrency, extraEnv), adapters, handlers);
  }

  static AdapterRegistry noAdapters() {
    return new AdapterRegistry(List.of());
  }

  /** Waits up to {@code millis} for {@code condition}; false if it never held. */
  static boolean eventually(long millis, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.currentTimeMillis() + millis;
    while (System.currentTimeMillis() < deadline) {
      if (condition.getAsBoolean()) {
        return true;
      }
      Thread.sleep(20);
    }
    return condition.getAsBoolean();
  }
}
