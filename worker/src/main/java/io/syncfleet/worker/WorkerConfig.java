package io.syncfleet.worker;

import io.syncfleet.producer.job.Queue;
import io.syncfleet.producer.redis.RedisSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A worker process's settings, from environment variables with defaults that work on a developer
 * machine. Every variable is listed in the README.
 *
 * @param redis           {@code REDIS_URL}, {@code SYNCFLEET_NAMESPACE}
 * @param concurrency     {@code SYNCFLEET_CONCURRENCY}: worker threads (default 8)
 * @param queues          {@code SYNCFLEET_QUEUES}: queues polled, most urgent first
 * @param httpPort        {@code SYNCFLEET_HTTP_PORT}: /metrics and /health (default 9400; 0 picks a free port)
 * @param shutdownGrace   {@code SYNCFLEET_SHUTDOWN_GRACE_SECONDS}: time in-flight jobs get after SIGTERM
 * @param maxAttempts     {@code SYNCFLEET_MAX_ATTEMPTS}: attempts before a passing failure is dead
 * @param callTimeout     {@code SYNCFLEET_CALL_TIMEOUT_SECONDS}: longest one adapter call may take
 * @param orderPullEvery  {@code SYNCFLEET_ORDER_PULL_SECONDS}: how often each connection's orders are pulled (0: never)
 * @param processTimeout  {@code SYNCFLEET_PROCESS_TIMEOUT_SECONDS}: silence after which a process counts
 *                        as dead and its in-flight jobs are handed back (default 60)
 * @param env             the raw environment (for the secret key)
 */
public record WorkerConfig(RedisSettings redis, int concurrency, List<String> queues, int httpPort,
    Duration shutdownGrace, int maxAttempts, Duration callTimeout, Duration orderPullEvery,
    Duration processTimeout, Map<String, String> env) {

  /** Where rate limits are counted: {@code fleet} (in Redis, the default) or {@code process}. */
  public static final String RATE_LIMIT_SCOPE = "SYNCFLEET_RATE_LIMIT_SCOPE";

  /** {@code fleet}: one limit in Redis for all processes; {@code process}: each process on its own. */
  public String rateLimitScope() {
    return env.getOrDefault(RATE_LIMIT_SCOPE, "fleet");
  }

  /** Settings from the given environment; a clear error for a malformed value. */
  public static WorkerConfig fromEnv(Map<String, String> env) {
    List<String> queues = new ArrayList<>();
    for (String q : env.getOrDefault("SYNCFLEET_QUEUES", "urgent,default,bulk").split(",")) {
      if (!q.isBlank()) {
        queues.add(Queue.fromName(q.trim()).queueName());
      }
    }
    if (queues.isEmpty()) {
      throw new IllegalArgumentException("SYNCFLEET_QUEUES names no queue");
    }
    String scope = env.getOrDefault(RATE_LIMIT_SCOPE, "fleet");
    if (!scope.equals("fleet") && !scope.equals("process")) {
      throw new IllegalArgumentException(RATE_LIMIT_SCOPE + " must be fleet or process, was '" + scope + "'");
    }
    return new WorkerConfig(RedisSettings.fromEnv(env),
        positive(env, "SYNCFLEET_CONCURRENCY", 8),
        List.copyOf(queues),
        number(env, "SYNCFLEET_HTTP_PORT", 9400),
        Duration.ofSeconds(number(env, "SYNCFLEET_SHUTDOWN_GRACE_SECONDS", 25)),
        positive(env, "SYNCFLEET_MAX_ATTEMPTS", 10),
        Duration.ofSeconds(positive(env, "SYNCFLEET_CALL_TIMEOUT_SECONDS", 60)),
        Duration.ofSeconds(number(env, "SYNCFLEET_ORDER_PULL_SECONDS", 60)),
        Duration.ofSeconds(atLeast(env, "SYNCFLEET_PROCESS_TIMEOUT_SECONDS", 60, 3)),
        Map.copyOf(env));
  }

  private static int positive(Map<String, String> env, String name, int dflt) {
    return atLeast(env, name, dflt, 1);
  }

  private static int atLeast(Map<String, String> env, String name, int dflt, int min) {
    int v = number(env, name, dflt);
    if (v < min) {
      throw new IllegalArgumentException(name + " must be at least " + min + ", was " + v);
    }
    return v;
  }

  private static int number(Map<String, String> env, String name, int dflt) {
    String v = env.get(name);
    if (v == null || v.isBlank()) {
      return dflt;
    }
    try {
      int n = Integer.parseInt(v.trim());
      if (n < 0) {
        throw new IllegalArgumentException(name + " must not be negative, was " + v);
      }
      return n;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a whole number, was '" + v + "'");
    }
  }
}
