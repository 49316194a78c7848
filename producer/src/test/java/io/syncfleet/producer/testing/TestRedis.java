package io.syncfleet.producer.testing;

import io.syncfleet.producer.redis.Keys;
import io.syncfleet.producer.redis.NamespaceWipe;
import io.syncfleet.producer.redis.RedisSettings;
import java.util.Map;
import java.util.UUID;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;

/**
 * A real Redis for tests (REDIS_URL, default 127.0.0.1:6379) under a namespace of its own, so test
 * classes never see each other's keys; closing deletes every key of the namespace.
 */
public final class TestRedis implements AutoCloseable {
  private final RedisSettings settings;
  private final JedisPool pool;

  private TestRedis(RedisSettings settings) {
    this.settings = settings;
    this.pool = settings.pool(32, 5000);
  }

  /** Connects under a fresh namespace; fails with a clear message when Redis does not answer. */
  public static TestRedis open() {
    RedisSettings base = RedisSettings.fromEnv();
    RedisSettings settings = new RedisSettings(base.host(), base.port(), base.password(),
        base.database(), "sftest-" + UUID.randomUUID().toString().substring(0, 8));
    TestRedis redis = new TestRedis(settings);
    try (Jedis jedis = redis.pool.getResource()) {
      jedis.ping();
    } catch (RuntimeException e) {
      redis.pool.close();
      throw new IllegalStateException("tests need Redis at " + base.describe()
          + " (set REDIS_URL, or run .ci/run which starts one)", e);
    }
    return redis;
  }

  public RedisSettings settings() {
    return settings;
  }

  public Keys keys() {
    return settings.keys();
  }

  public JedisPool pool() {
    return pool;
  }

  /** Environment variables that point a child process at this Redis and namespace. */
  public Map<String, String> env() {
    return Map.of("REDIS_URL", "redis://" + settings.host() + ":" + settings.port() + "/" + settings.database(),
        "SYNCFLEET_NAMESPACE", settings.namespace());
  }

  /** Runs {@code f} with a pooled connection. */
  public <T> T with(java.util.function.Function<Jedis, T> f) {
    try (Jedis jedis = pool.getResource()) {
      return f.apply(jedis);
    }
  }

  @Override
  public void close() {
    try (Jedis jedis = pool.getResource()) {
      NamespaceWipe.delete(jedis, settings.namespace());
    } finally {
      pool.close();
    }
  }
}
