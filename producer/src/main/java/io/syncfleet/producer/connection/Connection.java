package io.syncfleet.producer.connection;

import java.util.Map;
import java.util.Optional;

/**
 * One merchant's account on one channel: plain settings (shop domain, marketplace id, base URL
 * override) and encrypted-at-rest credentials.
 *
 * @param tenant      the merchant
 * @param channel     the marketplace id
 * @param environment sandbox or production
 * @param settings    non-secret settings; {@value #BASE_URL} points an adapter elsewhere (tests, simulators)
 * @param secrets     credentials, decrypted
 * @param version     incremented on every change, so caches can tell a stale copy
 */
public record Connection(String tenant, String channel, Environment environment,
    Map<String, String> settings, Secrets secrets, long version) {

  /** Setting that overrides the adapter's API base URL. */
  public static final String BASE_URL = "base_url";

  public Connection {
    settings = settings == null ? Map.of() : Map.copyOf(settings);
    secrets = secrets == null ? Secrets.none() : secrets;
  }

  /** {@code tenant/channel}, the connection's id everywhere. */
  public String id() {
    return id(tenant, channel);
  }

  /** The id of the connection of {@code tenant} on {@code channel}. */
  public static String id(String tenant, String channel) {
    return tenant + "/" + channel;
  }

  /** A setting, if present. */
  public Optional<String> setting(String name) {
    return Optional.ofNullable(settings.get(name));
  }

  @Override
  public String toString() {
    return "Connection[" + id() + " " + environment + " settings=" + settings + " " + secrets + "]";
  }
}
