package io.syncfleet.producer.state;

/**
 * A job waiting on the schedule.
 *
 * @param dueAt when it moves to its queue (epoch ms)
 * @param job   what it is
 */
public record ScheduledJob(long dueAt, JobSummary job) {}
