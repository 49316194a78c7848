package io.syncfleet.worker.sync;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.syncfleet.adapters.Order;
import io.syncfleet.adapters.OrderCursor;
import io.syncfleet.adapters.OrderPage;
import io.syncfleet.producer.Json;
import io.syncfleet.producer.connection.Connection;
import io.syncfleet.producer.redis.Keys;
import io.syncfleet.producer.redis.Script;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Function;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;

/**
 * Pulls a connection's orders since its stored cursor and appends each new or changed order once to
 * the tenant's stream ({@code Keys.orders(tenant)}), where the merchant's system reads them with a
 * consumer group. The cursor advances only after a page's orders are appended, so a crash repeats
 * a page (deduplicated by fingerprint) rather than skipping one.
 */
public final class OrderSync {
  /** Pages pulled per job; a longer backlog continues in a follow-up job so threads are not held. */
  static final int PAGES_PER_JOB = 10;
  /** Approximate cap of a tenant's stream; consumers are expected to keep up far within it. */
  static final String STREAM_MAXLEN = "1000000";
  private static final Script APPEND = Script.load("append_order");

  private final JedisPool pool;
  private final Keys keys;

  public OrderSync(JedisPool pool, Keys keys) {
    this.pool = pool;
    this.keys = keys;
  }

  /** The result of one pull job. */
  public record Pulled(int appended, int seen, boolean more) {}

  /**
   * Pulls up to {@link #PAGES_PER_JOB} pages with {@code fetch} (the adapter call, wrapped in the
   * worker's policies) and appends the orders.
   */
  public Pulled pull(Connection connection, Function<OrderCursor, OrderPage> fetch) {
    String id = connection.id();
    OrderCursor cursor;
    try (Jedis jedis = pool.getResource()) {
      String stored = jedis.hget(keys.orderCursors(), id);
      cursor = stored == null ? OrderCursor.START : new OrderCursor(stored);
    }
    int appended = 0;
    int seen = 0;
    for (int page = 0; page < PAGES_PER_JOB; page++) {
      OrderPage result = fetch.apply(cursor);
      try (Jedis jedis = pool.getResource()) {
        for (Order order : result.orders()) {
          seen++;
          if (append(jedis, connection, order)) {
            appended++;
          }
        }
        if (result.next() != null && result.next().value() != null) {
          jedis.hset(keys.orderCursors(), id, result.next().value());
        }
      }
      cursor = result.next() == null ? cursor : result.next();
      if (!result.hasMore()) {
        return new Pulled(appended, seen, false);
      }
    }
    return new Pulled(appended, seen, true);
  }

  private boolean append(Jedis jedis, Connection connection, Order order) {
    String json;
    try {
      json = Json.MAPPER.writeValueAsString(order);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialize order " + order.orderId(), e);
    }
    List<String> args = new ArrayList<>(List.of(order.orderId(), fingerprint(json), STREAM_MAXLEN,
        "tenant", connection.tenant(), "channel", connection.channel(), "orderId", order.orderId(),
        "status", String.valueOf(order.status()), "order", json));
    Object r = APPEND.eval(jedis,
        List.of(keys.ordersSeen(connection.tenant(), connection.channel()), keys.orders(connection.tenant())),
        args);
    return r != null;
  }

  private static String fingerprint(String json) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-1").digest(json.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
