package io.syncfleet.adapters;

import io.syncfleet.adapters.amazon.AmazonAdapter;
import io.syncfleet.adapters.backmarket.BackMarketAdapter;
import io.syncfleet.adapters.bigcommerce.BigCommerceAdapter;
import io.syncfleet.adapters.ebay.EbayAdapter;
import io.syncfleet.adapters.http.AccessTokenCache;
import io.syncfleet.adapters.http.AllowanceListener;
import io.syncfleet.adapters.http.MarketplaceHttp;
import io.syncfleet.adapters.lazada.LazadaAdapter;
import io.syncfleet.adapters.magento.MagentoAdapter;
import io.syncfleet.adapters.manomano.ManoManoAdapter;
import io.syncfleet.adapters.meta.MetaAdapter;
import io.syncfleet.adapters.mirakl.MiraklAdapter;
import io.syncfleet.adapters.octopia.OctopiaAdapter;
import io.syncfleet.adapters.opencart.OpenCartAdapter;
import io.syncfleet.adapters.prestashop.PrestaShopAdapter;
import io.syncfleet.adapters.refurbed.RefurbedAdapter;
import io.syncfleet.adapters.shopee.ShopeeAdapter;
import io.syncfleet.adapters.shopify.ShopifyAdapter;
import io.syncfleet.adapters.square.SquareAdapter;
import io.syncfleet.adapters.trovaprezzi.TrovaprezziAdapter;
import io.syncfleet.adapters.woocommerce.WooCommerceAdapter;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The adapters a process can use, by channel id. */
public final class AdapterRegistry {
  private final Map<String, MarketplaceAdapter> byChannel = new LinkedHashMap<>();

  public AdapterRegistry(Collection<? extends MarketplaceAdapter> adapters) {
    for (MarketplaceAdapter adapter : adapters) {
      if (byChannel.put(adapter.channel(), adapter) != null) {
        throw new IllegalArgumentException("two adapters for channel " + adapter.channel());
      }
    }
  }

  /** Every adapter Syncfleet ships, sharing one HTTP toolkit and token cache. */
  public static AdapterRegistry standard(MarketplaceHttp http) {
    AccessTokenCache tokens = new AccessTokenCache(http.clock());
    return new AdapterRegistry(List.of(
        new EbayAdapter(http, tokens),
        new ShopifyAdapter(http),
        new AmazonAdapter(http, tokens),
        new MiraklAdapter(http),
        new OctopiaAdapter(http, tokens),
        new MetaAdapter(http),
        new TrovaprezziAdapter(),
        new BackMarketAdapter(http),
        new RefurbedAdapter(http),
        new ManoManoAdapter(http),
        new WooCommerceAdapter(http),
        new PrestaShopAdapter(http),
        new OpenCartAdapter(http),
        new ShopeeAdapter(http),
        new LazadaAdapter(http),
        new MagentoAdapter(http),
        new BigCommerceAdapter(http),
        new SquareAdapter(http, tokens)));
  }

  /** Every adapter Syncfleet ships, reporting the rate allowances marketplaces state to {@code listener}. */
  public static AdapterRegistry standard(MarketplaceHttp http, AllowanceListener listener) {
    return standard(http.withAllowanceListener(listener));
  }

  /** The adapter of a channel, if this process has one. */
  public Optional<MarketplaceAdapter> find(String channel) {
    return Optional.ofNullable(byChannel.get(channel));
  }

  public Collection<MarketplaceAdapter> all() {
    return byChannel.values();
  }
}
