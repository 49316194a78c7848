package io.syncfleet.producer.job;

/** A SKU whose listing is to be removed. */
public record SkuRef(String sku) implements Item {}
