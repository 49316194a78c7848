package io.syncfleet.producer.redis;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import net.greghaines.jesque.Config;
import net.greghaines.jesque.ConfigBuilder;
import redis.clients.jedis.JedisPool;
import redis.clients.jedis.JedisPoolConfig;
import redis.clients.jedis.Protocol;

/**
 * Where Redis is and which namespace to use, from the environment ({@code REDIS_URL},
 * {@code SYNCFLEET_NAMESPACE}) with defaults that work on a developer machine.
 *
 * @param host      Redis host
 * @param port      Redis port
 * @param password  password or null
 * @param database  database index
 * @param namespace key namespace (also Jesque's)
 */
public record RedisSettings(String host, int port, String password, int database, String namespace) {
  /** The URL used when {@code REDIS_URL} is not set. */
  public static final String DEFAULT_URL = "redis://127.0.0.1:6379";

  /** Settings from the process environment. */
  public static RedisSettings fromEnv() {
    return fromEnv(System.getenv());
  }

  /** Settings from the given environment map. */
  public static RedisSettings fromEnv(Map<String, String> env) {
    return parse(env.getOrDefault("REDIS_URL", DEFAULT_URL),
        env.getOrDefault("SYNCFLEET_NAMESPACE", Keys.DEFAULT_NAMESPACE));
  }

  /** Parses {@code redis://[:password@]host[:port][/db]}. */
  public static RedisSettings parse(String url, String namespace) {
    URI uri;
    try {
      uri = URI.create(url);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("REDIS_URL is not a URL: " + e.getMessage());
    }
    if (!"redis".equals(uri.getScheme()) || uri.getHost() == null) {
      throw new IllegalArgumentException("REDIS_URL must look like redis://host:6379/0");
    }
    String password = null;
    if (uri.getRawUserInfo() != null) {
      String info = uri.getRawUserInfo();
      password = URLDecoder.decode(info.substring(info.indexOf(':') + 1), StandardCharsets.UTF_8);
    }
    int db = 0;
    String path = uri.getPath();
    if (path != null && path.length() > 1) {
      try {
        db = Integer.parseInt(path.substring(1));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("REDIS_URL database must be a number, was '" + path.substring(1) + "'");
      }
    }
    return new RedisSettings(uri.getHost(), uri.getPort() < 0 ? Protocol.DEFAULT_PORT : uri.getPort(),
        password, db, namespace);
  }

  /** The key layout for this namespace. */
  public Keys keys() {
    return new Keys(namespace);
  }

  /** A pool of at most {@code maxConnections}, with the given socket timeout. */
  public JedisPool pool(int maxConnections, int timeoutMillis) {
    JedisPoolConfig config = new JedisPoolConfig();
    config.setMaxTotal(maxConnections);
    config.setMaxIdle(maxConnections);
    config.setMinIdle(0);
    config.setTestOnBorrow(false);
    config.setTestWhileIdle(true);
    config.setJmxEnabled(false);
    return new JedisPool(config, host, port, timeoutMillis, password, database);
  }

  /** Jesque's view of the same settings; {@code timeoutMillis} is the socket timeout. */
  public Config jesqueConfig(int timeoutMillis) {
    return new ConfigBuilder().withHost(host).withPort(port).withPassword(password)
        .withDatabase(database).withNamespace(namespace).withTimeout(timeoutMillis).build();
  }

  /** Host and port for messages; never includes the password. */
  public String describe() {
    return host + ":" + port + "/" + database + " namespace " + namespace;
  }

  @Override
  public String toString() {
    return "RedisSettings[" + describe() + "]";
  }
}
