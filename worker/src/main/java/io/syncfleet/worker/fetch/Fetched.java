package io.syncfleet.worker.fetch;

/**
 * A unit of work taken off a queue: the raw payload, exactly as it sits in the thread's in-flight
 * list (so acknowledging removes exactly this entry), and the queue it came from.
 *
 * @param pair    1-based position of the queue in the fetch order
 * @param queue   the queue's name
 * @param payload the raw Jesque JSON (or whatever text was pushed)
 */
public record Fetched(int pair, String queue, String payload) {}
