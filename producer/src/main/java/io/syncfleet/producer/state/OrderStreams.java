package io.syncfleet.producer.state;

import io.syncfleet.producer.redis.Keys;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;
import redis.clients.jedis.StreamEntry;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.StreamGroupInfo;

/**
 * The tenants' order streams ({@code Keys.orders}): length, newest entry, and each consumer group's
 * lag. A tenant is listed once it has a connection or an order cursor, so an empty stream shows as
 * empty rather than missing. Read-only.
 */
public final class OrderStreams {
  /** Most entries read to count a group's lag when Redis does not report it. */
  public static final int LAG_COUNT_LIMIT = 1_000;

  private final JedisPool pool;
  private final Keys keys;

  public OrderStreams(JedisPool pool, Keys keys) {
    this.pool = pool;
    this.keys = keys;
  }

  /** Every tenant's stream, by tenant. */
  public List<OrderStreamView> all() {
    try (Jedis jedis = pool.getResource()) {
      Set<String> tenants = new TreeSet<>();
      addTenants(tenants, jedis.hkeys(keys.connections()));
      addTenants(tenants, jedis.hkeys(keys.orderCursors()));
      List<OrderStreamView> out = new ArrayList<>();
      for (String tenant : tenants) {
        out.add(read(jedis, tenant));
      }
      return out;
    }
  }

  /** One tenant's stream, empty when nothing was appended yet. */
  public OrderStreamView get(String tenant) {
    try (Jedis jedis = pool.getResource()) {
      return read(jedis, tenant);
    }
  }

  /** Connection ids and cursor fields are {@code tenant/channel}. */
  private static void addTenants(Set<String> tenants, Set<String> ids) {
    for (String id : ids) {
      int slash = id.indexOf('/');
      if (slash > 0) {
        tenants.add(id.substring(0, slash));
      }
    }
  }

  private OrderStreamView read(Jedis jedis, String tenant) {
    String key = keys.orders(tenant);
    if (!"stream".equals(jedis.type(key))) {
      return new OrderStreamView(tenant, key, 0, null, 0, List.of());
    }
    long length = jedis.xlen(key);
    List<StreamEntry> newest = jedis.xrevrange(key, null, null, 1);
    StreamEntryID last = newest.isEmpty() ? null : newest.get(0).getID();
    List<ConsumerGroupView> groups = new ArrayList<>();
    for (StreamGroupInfo g : jedis.xinfoGroup(key)) {
      groups.add(group(jedis, key, g));
    }
    groups.sort(Comparator.comparing(ConsumerGroupView::name));
    return new OrderStreamView(tenant, key, length, last == null ? null : last.toString(),
        last == null ? 0 : last.getTime(), groups);
  }

  private static ConsumerGroupView group(Jedis jedis, String key, StreamGroupInfo g) {
    StreamEntryID delivered = g.getLastDeliveredId();
    // Redis 7 reports the lag itself; it answers nil (and 6.2 nothing) when it cannot tell.
    Object reported = g.getGroupInfo().get("lag");
    long lag;
    boolean exact;
    if (reported instanceof Number) {
      lag = ((Number) reported).longValue();
      exact = true;
    } else {
      StreamEntryID after = new StreamEntryID(delivered.getTime(), delivered.getSequence() + 1);
      lag = jedis.xrange(key, after, null, LAG_COUNT_LIMIT).size();
      exact = lag < LAG_COUNT_LIMIT;
    }
    return new ConsumerGroupView(g.getName(), g.getConsumers(), g.getPending(), delivered.toString(),
        lag, exact);
  }
}
