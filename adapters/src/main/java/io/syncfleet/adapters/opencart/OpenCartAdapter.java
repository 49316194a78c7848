package io.syncfleet.adapters.opencart;

import io.syncfleet.adapters.Capabilities;
import io.syncfleet.adapters.Health;
import io.syncfleet.adapters.MarketplaceAdapter;
import io.syncfleet.adapters.Violation;
import io.syncfleet.adapters.failure.AuthenticationFailure;
import io.syncfleet.adapters.failure.PermanentFailure;
import io.syncfleet.adapters.http.MarketplaceHttp;
import io.syncfleet.producer.connection.Connection;
import io.syncfleet.producer.job.Channels;
import io.syncfleet.producer.job.Listing;
import java.util.List;

/**
 * OpenCart as its core API allows: a connection test through the API session login, and nothing
 * else, since core OpenCart has no API for products, stock, prices or order lists (see
 * {@link OpenCartApi}). Connection: secrets {@code api_username} and {@code api_key}; settings
 * {@code store_url} and {@code version} (3.0 or 4.0).
 */
public final class OpenCartAdapter implements MarketplaceAdapter {
  private static final Capabilities CAPABILITIES = new Capabilities(Channels.OPENCART, OpenCartApi.RATE_PLANS);
  private static final List<Violation> NO_CATALOG = List.of(new Violation("listing", "unsupported",
      "OpenCart core has no API that writes products; listings need a REST API extension"));

  private final OpenCartLogin login;

  public OpenCartAdapter(MarketplaceHttp http) {
    this.login = new OpenCartLogin(http);
  }

  @Override
  public String channel() {
    return Channels.OPENCART.id();
  }

  @Override
  public Capabilities capabilities() {
    return CAPABILITIES;
  }

  /** No listing can be sent: core OpenCart cannot receive one. */
  @Override
  public List<Violation> validate(Listing listing) {
    return NO_CATALOG;
  }

  @Override
  public Health testConnection(Connection connection) {
    try {
      return login.check(connection);
    } catch (AuthenticationFailure | PermanentFailure e) {
      return Health.failed("OpenCart connection does not work: " + e.getMessage());
    }
  }
}
