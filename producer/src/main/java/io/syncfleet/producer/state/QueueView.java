package io.syncfleet.producer.state;

/**
 * One queue as it stands.
 *
 * @param name             the queue name
 * @param depth            jobs waiting
 * @param paused           true while no worker polls it
 * @param oldestEnqueuedAt enqueue time (epoch ms) of the job at the head, 0 when empty or unknown
 * @param latencyMillis    how long the head job has waited, 0 when empty or unknown
 */
public record QueueView(String name, long depth, boolean paused, long oldestEnqueuedAt, long latencyMillis) {}
