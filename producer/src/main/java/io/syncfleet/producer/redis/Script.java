package io.syncfleet.producer.redis;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.exceptions.JedisNoScriptException;

/**
 * A Lua script run by its SHA. When Redis does not know it (after a restart or SCRIPT FLUSH) the
 * call falls back to EVAL once, which also caches it again, so no caller ever sees NOSCRIPT.
 */
public final class Script {
  private final String name;
  private final String source;
  private final String sha;

  private Script(String name, String source) {
    this.name = name;
    this.source = source;
    try {
      byte[] digest = MessageDigest.getInstance("SHA-1").digest(source.getBytes(StandardCharsets.UTF_8));
      this.sha = HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Loads {@code /io/syncfleet/scripts/<name>.lua} from the class path. */
  public static Script load(String name) {
    String path = "/io/syncfleet/scripts/" + name + ".lua";
    try (InputStream in = Script.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("missing script " + path);
      }
      return new Script(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public String name() {
    return name;
  }

  /** Runs the script: one round trip, two only the first time after Redis forgot it. */
  public Object eval(Jedis jedis, List<String> keys, List<String> args) {
    try {
      return jedis.evalsha(sha, keys, args);
    } catch (JedisNoScriptException e) {
      return jedis.eval(source, keys, args);
    }
  }

  /**
   * Queues the script on a pipeline. A pipeline cannot fall back on NOSCRIPT mid-flight, so this
   * sends the source (EVAL); Redis caches it, and the cost is only the bytes.
   */
  public Response<Object> eval(Pipeline pipeline, List<String> keys, List<String> args) {
    return pipeline.eval(source, keys, args);
  }
}
