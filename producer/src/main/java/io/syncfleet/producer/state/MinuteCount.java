package io.syncfleet.producer.state;

/**
 * Jobs finished in one minute.
 *
 * @param epochMinute minutes since the epoch (UTC)
 * @param processed   jobs processed in that minute
 * @param failed      jobs that failed in that minute
 */
public record MinuteCount(long epochMinute, long processed, long failed) {}
