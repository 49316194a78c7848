package io.syncfleet.producer.job;

/** What a job asks a marketplace to do; the wire name is part of the job contract. */
public enum Operation {
  UPSERT_LISTINGS("upsert_listings", Queue.DEFAULT, Listing.class),
  UPDATE_STOCK("update_stock", Queue.URGENT, StockLevel.class),
  UPDATE_PRICES("update_prices", Queue.URGENT, PriceChange.class),
  DELETE_LISTINGS("delete_listings", Queue.DEFAULT, SkuRef.class),
  /** Pull orders changed since the connection's cursor; carries no items. */
  PULL_ORDERS("pull_orders", Queue.DEFAULT, null),
  /** Check that a connection's credentials work; the result is written for the caller to read. */
  TEST_CONNECTION("test_connection", Queue.URGENT, null);

  private final String wireName;
  private final Queue defaultQueue;
  private final Class<? extends Item> itemType;

  Operation(String wireName, Queue defaultQueue, Class<? extends Item> itemType) {
    this.wireName = wireName;
    this.defaultQueue = defaultQueue;
    this.itemType = itemType;
  }

  /** The name used in job payloads. */
  public String wireName() {
    return wireName;
  }

  /** The queue this operation goes to unless the producer marks it as bulk work. */
  public Queue defaultQueue() {
    return defaultQueue;
  }

  /** The item type this operation carries, or null when it carries none. */
  public Class<? extends Item> itemType() {
    return itemType;
  }

  /** Whether jobs of this operation carry items. */
  public boolean carriesItems() {
    return itemType != null;
  }

  /** Looks an operation up by its wire name. */
  public static Operation fromWireName(String name) {
    for (Operation op : values()) {
      if (op.wireName.equals(name)) {
        return op;
      }
    }
    throw new IllegalArgumentException("unknown operation '" + name + "'");
  }
}
