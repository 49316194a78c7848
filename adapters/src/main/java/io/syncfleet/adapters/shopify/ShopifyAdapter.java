package io.syncfleet.adapters.shopify;

import io.syncfleet.adapters.Capabilities;
import io.syncfleet.adapters.Health;
import io.syncfleet.adapters.MarketplaceAdapter;
import io.syncfleet.adapters.Violation;
import io.syncfleet.adapters.http.MarketplaceHttp;
import io.syncfleet.producer.connection.Connection;
import io.syncfleet.producer.job.Channels;
import io.syncfleet.producer.job.Listing;
import java.util.List;
import java.util.Map;

/** Shopify Admin GraphQL API (being built). */
public final class ShopifyAdapter implements MarketplaceAdapter {
  private final MarketplaceHttp http;

  public ShopifyAdapter(MarketplaceHttp http) {
    this.http = http;
  }

  @Override
  public String channel() {
    return "shopify";
  }

  @Override
  public Capabilities capabilities() {
    return new Capabilities(Channels.SHOPIFY, Map.of());
  }

  @Override
  public List<Violation> validate(Listing listing) {
    return List.of();
  }

  @Override
  public Health testConnection(Connection connection) {
    throw new UnsupportedOperationException("shopify adapter is being built: " + http);
  }
}
