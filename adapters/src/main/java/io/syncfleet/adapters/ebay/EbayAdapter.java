package io.syncfleet.adapters.ebay;

import io.syncfleet.adapters.Capabilities;
import io.syncfleet.adapters.Health;
import io.syncfleet.adapters.MarketplaceAdapter;
import io.syncfleet.adapters.Violation;
import io.syncfleet.adapters.http.AccessTokenCache;
import io.syncfleet.adapters.http.MarketplaceHttp;
import io.syncfleet.producer.connection.Connection;
import io.syncfleet.producer.job.Channels;
import io.syncfleet.producer.job.Listing;
import java.util.List;
import java.util.Map;

/** eBay Sell Inventory and Fulfillment APIs (being built). */
public final class EbayAdapter implements MarketplaceAdapter {
  private final MarketplaceHttp http;
  private final AccessTokenCache tokens;

  public EbayAdapter(MarketplaceHttp http, AccessTokenCache tokens) {
    this.http = http;
    this.tokens = tokens;
  }

  @Override
  public String channel() {
    return "ebay";
  }

  @Override
  public Capabilities capabilities() {
    return new Capabilities(Channels.EBAY, Map.of());
  }

  @Override
  public List<Violation> validate(Listing listing) {
    return List.of();
  }

  @Override
  public Health testConnection(Connection connection) {
    throw new UnsupportedOperationException("ebay adapter is being built: " + http + tokens);
  }
}
