package io.syncfleet.producer.job;

import com.fasterxml.jackson.databind.JsonNode;

/** A Jesque job as read off a queue: its class name and its arguments, not yet interpreted. */
public record Envelope(String className, JsonNode args) {}
