package io.syncfleet.adapters;

/**
 * A marketplace's allowance for one operation on one account: a sustained rate and a burst.
 *
 * @param permitsPerSecond sustained calls per second
 * @param burst            calls that may go at once after a quiet spell
 * @param source           where the figure comes from (the facts file's [V]/[C]/[U] tag and a note)
 */
public record RatePlan(double permitsPerSecond, int burst, String source) {}
