package io.syncfleet.worker.schedule;

import io.syncfleet.adapters.AdapterRegistry;
import io.syncfleet.producer.connection.ConnectionStore;
import io.syncfleet.producer.job.JobCodec;
import io.syncfleet.producer.job.Operation;
import io.syncfleet.producer.job.SyncJob;
import io.syncfleet.producer.redis.Keys;
import java.time.Duration;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;
import redis.clients.jedis.params.SetParams;

/**
 * Starts a pull-orders job for every connection whose marketplace offers it, once per interval
 * across the whole fleet: the process that wins a short-lived lock per connection enqueues it.
 */
public final class OrderPulls {
  private final JedisPool pool;
  private final Keys keys;
  private final ConnectionStore connections;
  private final AdapterRegistry adapters;
  private final Duration every;

  public OrderPulls(JedisPool pool, Keys keys, ConnectionStore connections, AdapterRegistry adapters,
      Duration every) {
    this.pool = pool;
    this.keys = keys;
    this.connections = connections;
    this.adapters = adapters;
    this.every = every;
  }

  /** Enqueues the pulls that are due; returns how many. */
  public int tick() {
    int started = 0;
    for (String id : connections.ids()) {
      int slash = id.indexOf('/');
      String tenant = id.substring(0, slash);
      String channel = id.substring(slash + 1);
      boolean offered = adapters.find(channel)
          .map(a -> a.capabilities().supports(Operation.PULL_ORDERS)).orElse(false);
      if (!offered) {
        continue;
      }
      try (Jedis jedis = pool.getResource()) {
        String won = jedis.set(keys.orderPullLock(tenant, channel), "1",
            SetParams.setParams().nx().px(every.toMillis()));
        if ("OK".equals(won)) {
          SyncJob job = SyncJob.create(tenant, channel, Operation.PULL_ORDERS,
              Operation.PULL_ORDERS.defaultQueue(), java.util.List.of(), System.currentTimeMillis());
          jedis.zadd(keys.schedule(), System.currentTimeMillis(), JobCodec.encode(job));
          started++;
        }
      }
    }
    return started;
  }
}
