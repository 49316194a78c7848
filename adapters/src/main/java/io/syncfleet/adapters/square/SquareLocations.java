package io.syncfleet.adapters.square;

import static io.syncfleet.adapters.square.SquareErrors.text;

import com.fasterxml.jackson.databind.JsonNode;
import io.syncfleet.adapters.failure.TransientFailure;
import io.syncfleet.producer.connection.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import okhttp3.Request;

/**
 * The seller's locations: where stock is counted when neither the level nor the connection names a
 * location (the main location [V SDK], asked for once per connection version), and which locations
 * orders are pulled from.
 */
final class SquareLocations {
  private final SquareAuth auth;
  private final Map<String, String> mainByConnection = new ConcurrentHashMap<>();

  SquareLocations(SquareAuth auth) {
    this.auth = auth;
  }

  /** The location stock goes to by default: the connection's {@code location_id}, else the main location. */
  String stockLocation(Connection c, SquareSettings s) {
    if (s.locationId() != null) {
      return s.locationId();
    }
    String key = c.id() + '\n' + c.version();
    String known = mainByConnection.get(key);
    if (known != null) {
      return known;
    }
    JsonNode location = auth.send(c, s, new Request.Builder()
        .url(s.url(SquareApi.LOCATIONS + "/" + SquareApi.MAIN_LOCATION)).get().build())
        .requireSuccess().json().path("location");
    String id = text(location, "id");
    if (id == null) {
      throw new TransientFailure("Square answered the main location without its id", 200);
    }
    mainByConnection.put(key, id);
    return id;
  }

  /** The locations orders are pulled from: the connection's {@code location_ids}, else every active one. */
  List<String> orderLocations(Connection c, SquareSettings s) {
    if (!s.orderLocationIds().isEmpty()) {
      return s.orderLocationIds();
    }
    List<String> ids = new ArrayList<>();
    for (JsonNode location : all(c, s).path("locations")) {
      if ("ACTIVE".equals(text(location, "status")) && text(location, "id") != null) {
        ids.add(text(location, "id"));
      }
    }
    return ids;
  }

  /** Every location of the seller, as Square lists them. */
  JsonNode all(Connection c, SquareSettings s) {
    return auth.send(c, s, new Request.Builder().url(s.url(SquareApi.LOCATIONS)).get().build()).requireSuccess().json();
  }
}
