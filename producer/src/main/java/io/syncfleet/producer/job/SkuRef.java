package io.syncfleet.producer.job;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A SKU whose listing is to be removed. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SkuRef(String sku, Long version) implements Item {

  /** A removal without a version of its own (the producer stamps one when enqueueing). */
  public SkuRef(String sku) {
    this(sku, null);
  }

  @Override
  public SkuRef withVersion(Long newVersion) {
    return new SkuRef(sku, newVersion);
  }
}
