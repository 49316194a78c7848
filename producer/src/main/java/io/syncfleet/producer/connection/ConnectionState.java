package io.syncfleet.producer.connection;

/**
 * A connection's live state as the fleet last recorded it (epoch ms; 0 means never).
 *
 * @param paused        true while jobs for it are held because its credentials failed
 * @param pausedReason  what the marketplace said when it refused the credentials
 * @param lastSuccessAt last call that worked
 * @param lastErrorAt   last call that failed
 * @param lastError     the last failure, secrets redacted
 * @param parkedJobs    jobs held while paused
 * @param circuit       the circuit breaker's state as a worker last saw it change (closed, open,
 *                      half_open), or null when it never changed
 * @param circuitAt     when it last changed
 * @param throttled     how many times the marketplace throttled calls on this connection
 * @param lastThrottledAt when it last did
 */
public record ConnectionState(boolean paused, String pausedReason, long pausedAt, long lastSuccessAt,
    long lastErrorAt, String lastError, long parkedJobs, String circuit, long circuitAt,
    long throttled, long lastThrottledAt) {}
