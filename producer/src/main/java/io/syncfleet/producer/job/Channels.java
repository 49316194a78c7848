package io.syncfleet.producer.job;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The channels the job contract knows, by id. Adding a marketplace means adding its spec here and
 * its adapter package in {@code adapters}; a test there checks that the two agree.
 */
public final class Channels {
  /** eBay Sell APIs: bulk inventory calls take 25 entries. */
  public static final ChannelSpec EBAY = ChannelSpec.builder("ebay", "eBay")
      .batch(Operation.UPSERT_LISTINGS, 25)
      .batch(Operation.UPDATE_STOCK, 25)
      .batch(Operation.UPDATE_PRICES, 25)
      .batch(Operation.DELETE_LISTINGS, 25)
      .offers(Operation.PULL_ORDERS)
      .offers(Operation.TEST_CONNECTION)
      .build();

  /** Shopify Admin GraphQL: batch sizes chosen to keep one call well under the query cost cap. */
  public static final ChannelSpec SHOPIFY = ChannelSpec.builder("shopify", "Shopify")
      .batch(Operation.UPSERT_LISTINGS, 10)
      .batch(Operation.UPDATE_STOCK, 100)
      .batch(Operation.UPDATE_PRICES, 100)
      .batch(Operation.DELETE_LISTINGS, 25)
      .offers(Operation.PULL_ORDERS)
      .offers(Operation.TEST_CONNECTION)
      .build();

  private static final Map<String, ChannelSpec> BY_ID = new LinkedHashMap<>();

  static {
    for (ChannelSpec spec : new ChannelSpec[] {EBAY, SHOPIFY}) {
      BY_ID.put(spec.id(), spec);
    }
  }

  private Channels() {}

  /** The spec of a channel id, if known. */
  public static Optional<ChannelSpec> find(String id) {
    return Optional.ofNullable(id == null ? null : BY_ID.get(id));
  }

  /** All known channels. */
  public static Collection<ChannelSpec> all() {
    return BY_ID.values();
  }
}
