package io.syncfleet.producer.state;

import io.syncfleet.producer.redis.Keys;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.Response;

/**
 * The lanes holding changes ({@code Keys.lanes()}): per tenant, channel and operation, how many SKUs
 * wait, how many are being sent, and how many changes were offered, coalesced and refused as stale.
 * Read-only.
 */
public final class LanesView {
  private final JedisPool pool;
  private final Keys keys;

  public LanesView(JedisPool pool, Keys keys) {
    this.pool = pool;
    this.keys = keys;
  }

  /** Every lane with changes waiting or in flight, by id. */
  public List<LaneView> all() {
    try (Jedis jedis = pool.getResource()) {
      return read(jedis, jedis.smembers(keys.lanes()));
    }
  }

  /**
   * The lanes with these ids ({@code tenant/channel/operation}) plus every active one, by id; an idle
   * lane is read too, so its counters stay visible after it empties.
   */
  public List<LaneView> allAnd(Collection<String> ids) {
    try (Jedis jedis = pool.getResource()) {
      TreeSet<String> wanted = new TreeSet<>(ids);
      wanted.addAll(jedis.smembers(keys.lanes()));
      return read(jedis, wanted);
    }
  }

  private List<LaneView> read(Jedis jedis, Collection<String> ids) {
    List<String[]> lanes = new ArrayList<>();
    for (String id : new TreeSet<>(ids)) {
      String[] parts = id.split("/", -1);
      if (parts.length == 3 && !parts[0].isEmpty() && !parts[1].isEmpty() && !parts[2].isEmpty()) {
        lanes.add(parts);
      }
    }
    Pipeline pipeline = jedis.pipelined();
    List<Response<Long>> waiting = new ArrayList<>();
    List<Response<Long>> busy = new ArrayList<>();
    List<Response<Map<String, String>>> stats = new ArrayList<>();
    for (String[] l : lanes) {
      waiting.add(pipeline.hlen(keys.lanePending(l[0], l[1], l[2])));
      busy.add(pipeline.hlen(keys.laneBusy(l[0], l[1], l[2])));
      stats.add(pipeline.hgetAll(keys.laneStats(l[0], l[1], l[2])));
    }
    pipeline.sync();
    List<LaneView> out = new ArrayList<>();
    for (int i = 0; i < lanes.size(); i++) {
      String[] l = lanes.get(i);
      Map<String, String> s = stats.get(i).get();
      out.add(new LaneView(l[0], l[1], l[2], waiting.get(i).get(), busy.get(i).get(), num(s.get("offered")),
          num(s.get("coalesced")), num(s.get("stale"))));
    }
    return out;
  }

  private static long num(String value) {
    if (value == null) {
      return 0;
    }
    try {
      return Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
