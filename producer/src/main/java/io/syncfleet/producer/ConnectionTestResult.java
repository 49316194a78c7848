package io.syncfleet.producer;

/**
 * The outcome of testing a connection's credentials through a worker.
 *
 * @param tenant   the merchant
 * @param channel  the marketplace id
 * @param answered false when no worker answered in time (then {@code ok} is false too)
 * @param ok       true when the marketplace accepted the credentials
 * @param account  the account the credentials belong to, as the marketplace names it, or null
 * @param message  what the worker reported, or why there is no answer
 */
public record ConnectionTestResult(String tenant, String channel, boolean answered, boolean ok,
    String account, String message) {}
