package io.syncfleet.producer.redis;

import redis.clients.jedis.Jedis;
import redis.clients.jedis.ScanParams;
import redis.clients.jedis.ScanResult;

/**
 * Deletes every key of one namespace with SCAN (never KEYS, which blocks a busy Redis): how the
 * demo, the benchmark and tests clean up the namespaces they made for themselves.
 */
public final class NamespaceWipe {
  private NamespaceWipe() {}

  /** Deletes every key under {@code namespace}; returns how many. */
  public static long delete(Jedis jedis, String namespace) {
    long deleted = 0;
    String cursor = ScanParams.SCAN_POINTER_START;
    ScanParams match = new ScanParams().match(namespace + ":*").count(1000);
    do {
      ScanResult<String> page = jedis.scan(cursor, match);
      if (!page.getResult().isEmpty()) {
        deleted += jedis.del(page.getResult().toArray(new String[0]));
      }
      cursor = page.getCursor();
    } while (!"0".equals(cursor));
    return deleted;
  }
}
