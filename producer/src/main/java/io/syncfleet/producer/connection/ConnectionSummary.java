package io.syncfleet.producer.connection;

import java.util.List;
import java.util.Map;

/** What may be shown of a connection: everything but secret values. */
public record ConnectionSummary(String tenant, String channel, Environment environment,
    Map<String, String> settings, List<String> secretNames, long version, long updatedAt,
    ConnectionState state) {

  public String id() {
    return Connection.id(tenant, channel);
  }
}
