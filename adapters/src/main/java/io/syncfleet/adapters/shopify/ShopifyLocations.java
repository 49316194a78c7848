package io.syncfleet.adapters.shopify;

import io.syncfleet.adapters.failure.PermanentFailure;
import io.syncfleet.producer.Json;
import io.syncfleet.producer.connection.Connection;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The location stock goes to when a job names none: the connection's {@code location_id} setting,
 * otherwise the shop's first location, looked up once per connection version and kept in memory.
 */
final class ShopifyLocations {
  private final ShopifyGraphql graphql;
  private final ConcurrentMap<String, Known> looked = new ConcurrentHashMap<>();

  ShopifyLocations(ShopifyGraphql graphql) {
    this.graphql = graphql;
  }

  /** The GID of the connection's default location. */
  String defaultLocation(Connection connection) {
    String configured = connection.setting(ShopifyAdapter.LOCATION_ID).orElse("").trim();
    if (!configured.isEmpty()) {
      return ShopifyMapper.gid("Location", configured);
    }
    Known known = looked.get(connection.id());
    if (known != null && known.version == connection.version()) {
      return known.locationId;
    }
    String id = graphql.execute(connection, ShopifyQueries.DEFAULT_LOCATION, Json.MAPPER.createObjectNode())
        .path("locations").path("nodes").path(0).path("id").asText("");
    if (id.isEmpty()) {
      throw new PermanentFailure("the shop has no location to hold stock; set '"
          + ShopifyAdapter.LOCATION_ID + "' on the connection", 200, "NO_LOCATION");
    }
    // Two threads may both look it up the first time; they find the same answer.
    looked.put(connection.id(), new Known(connection.version(), id));
    return id;
  }

  private record Known(long version, String locationId) {}
}
