package io.syncfleet.producer.redis;

/**
 * The Redis key layout: the contract between the worker (which writes these keys directly, for
 * speed) and every reader (the read model behind the CLI and the dashboard). Everything lives under
 * one namespace, which is also Jesque's, so Jesque's own keys ({@code queue:*}, {@code queues},
 * {@code workers}, {@code stat:*}) keep their meaning.
 *
 * <p>For Redis Cluster, give the namespace a hash tag (e.g. {@code {syncfleet}}): every multi-key
 * script then touches one slot.
 */
public final class Keys {
  /** The namespace used when none is configured. */
  public static final String DEFAULT_NAMESPACE = "syncfleet";

  private final String ns;

  public Keys(String namespace) {
    if (namespace == null || namespace.isBlank() || namespace.contains(" ")) {
      throw new IllegalArgumentException("namespace must be a non-blank word, was '" + namespace + "'");
    }
    this.ns = namespace;
  }

  public String namespace() {
    return ns;
  }

  private String key(String... parts) {
    StringBuilder b = new StringBuilder(ns);
    for (String p : parts) {
      b.append(':').append(p);
    }
    return b.toString();
  }

  /** List: jobs waiting on a queue (Jesque layout; RPUSH to enqueue, taken from the left). */
  public String queue(String name) {
    return key("queue", name);
  }

  /** Set: names of queues that have been used (Jesque layout). */
  public String queues() {
    return key("queues");
  }

  /** Set: pause flags; a queue named here is not polled by any worker. */
  public String pausedQueues() {
    return key("queues", "paused");
  }

  /** List: the job a worker thread is running, taken from {@code queue} (Jesque layout). */
  public String inflight(String threadName, String queue) {
    return key("inflight", threadName, queue);
  }

  /** List: wake-up tokens; idle worker threads block on it so new work starts at once. */
  public String wake() {
    return key("wake");
  }

  /** Sorted set: jobs due later (retries, postponed work), scored by due time in epoch ms. */
  public String schedule() {
    return key("schedule");
  }

  /** Sorted set: dead job ids scored by the time they died (epoch ms). */
  public String dead() {
    return key("dead");
  }

  /** Hash: dead job id to its {@code DeadJob} JSON. */
  public String deadRecords() {
    return key("dead", "records");
  }

  /** Set: names of running worker threads (Jesque layout). */
  public String workers() {
    return key("workers");
  }

  /** Sorted set: worker process ids scored by their last heartbeat (epoch ms). */
  public String processes() {
    return key("processes");
  }

  /** Hash with expiry: one worker process's description and what its threads are doing. */
  public String process(String processId) {
    return key("process", processId);
  }

  /**
   * Hash: what a worker process holds, for recovery after it dies: each in-flight list key mapped to
   * its queue's name, and {@code thread:<name>} for each of its Jesque worker registrations.
   */
  public String processLists(String processId) {
    return key("process", processId, "lists");
  }

  /** String counter: jobs processed since the namespace was created (Jesque layout). */
  public String processed() {
    return key("stat", "processed");
  }

  /** String counter: jobs that ended in the dead set (Jesque layout). */
  public String failed() {
    return key("stat", "failed");
  }

  /** String counter with expiry: jobs of {@code kind} (processed/failed) in one epoch minute. */
  public String statMinute(String kind, long epochMinute) {
    return key("stat", kind, Long.toString(epochMinute));
  }

  /** Hash: {@code tenant/channel} to the stored, encrypted connection. */
  public String connections() {
    return key("connections");
  }

  /** Hash: {@code tenant/channel} to a counter bumped on every change of that connection. */
  public String connectionVersions() {
    return key("connections", "versions");
  }

  /** Hash: a connection's live state (paused, last success, last error). */
  public String connectionState(String tenant, String channel) {
    return key("connection", tenant, channel);
  }

  /** List: jobs held while a connection is paused, released when it resumes. */
  public String parked(String tenant, String channel) {
    return key("parked", tenant, channel);
  }

  /** Stream: a tenant's new and changed orders, read by the merchant with a consumer group. */
  public String orders(String tenant) {
    return key("orders", tenant);
  }

  /** Hash: {@code tenant/channel} to the order cursor (opaque JSON, adapter-defined). */
  public String orderCursors() {
    return key("orders", "cursors");
  }

  /** Hash: order id to a fingerprint of its last appended version, per connection. */
  public String ordersSeen(String tenant, String channel) {
    return key("orders", "seen", tenant, channel);
  }

  /** String with expiry: held by the one process that enqueued a connection's current order pull. */
  public String orderPullLock(String tenant, String channel) {
    return key("orders", "pull", tenant, channel);
  }

  /** Set: ids ({@code tenant/channel/operation}) of lanes holding pending or in-flight changes. */
  public String lanes() {
    return key("lanes");
  }

  /** Hash: a lane's waiting changes, SKU to its latest change (JSON). */
  public String lanePending(String tenant, String channel, String operation) {
    return key("lane", tenant, channel, operation, "pending");
  }

  /**
   * Sorted set: a lane's waiting SKUs scored {@code class * 1e13 + due epoch ms}, so the most urgent
   * class is claimed first and, within it, the change due first.
   */
  public String laneDue(String tenant, String channel, String operation) {
    return key("lane", tenant, channel, operation, "due");
  }

  /** Hash: when each waiting SKU first became pending (epoch ms), bounding how long it lingers. */
  public String laneFirstSeen(String tenant, String channel, String operation) {
    return key("lane", tenant, channel, operation, "first");
  }

  /** Hash: the highest version accepted per SKU; an older change is refused as stale. */
  public String laneVersions(String tenant, String channel, String operation) {
    return key("lane", tenant, channel, operation, "versions");
  }

  /** Hash: SKUs being sent right now, to the flusher slot sending them. */
  public String laneBusy(String tenant, String channel, String operation) {
    return key("lane", tenant, channel, operation, "busy");
  }

  /** Hash: the changes one flusher slot has claimed and is sending, SKU to change (JSON). */
  public String laneClaimed(String tenant, String channel, String operation, int slot) {
    return key("lane", tenant, channel, operation, "claimed", Integer.toString(slot));
  }

  /** Set: the flusher slots of a lane that have a flush job somewhere (queue, schedule, in flight). */
  public String laneFlushers(String tenant, String channel, String operation) {
    return key("lane", tenant, channel, operation, "flushers");
  }

  /** Hash: a lane's counters (offered, coalesced, stale). */
  public String laneStats(String tenant, String channel, String operation) {
    return key("lane", tenant, channel, operation, "stats");
  }

  /** Hash: the fleet-wide rate limiter state of one connection and operation. */
  public String bucket(String tenant, String channel, String operation) {
    return key("bucket", tenant, channel, operation);
  }

  /** Sorted set: leases on a connection's parallel calls, scored by expiry (epoch ms). */
  public String callLeases(String tenant, String channel) {
    return key("leases", tenant, channel);
  }

  /** Hash: one bulk resync's record (per channel: total, done, failed, superseded, state). */
  public String resync(String id) {
    return key("resync", id);
  }

  /** Prefix of resync record keys, for scripts that count items by the resync id they carry. */
  public String resyncPrefix() {
    return key("resync", "");
  }

  /** Sorted set: resync ids scored by start time (epoch ms), newest last. */
  public String resyncs() {
    return key("resyncs");
  }

  /** String: the id of the resync running for a tenant on a channel; refuses a duplicate. */
  public String resyncRunning(String tenant, String channel) {
    return key("resyncs", "running", tenant, channel);
  }

  /** List: the answer to one request/reply job (connection tests), read once by the caller. */
  public String reply(String jobId) {
    return key("reply", jobId);
  }
}
