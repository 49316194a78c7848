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

  /** Amazon Selling Partner API: upserts of more than 10 go as one JSON listings feed; the rest one call per item. */
  public static final ChannelSpec AMAZON = ChannelSpec.builder("amazon", "Amazon")
      .batch(Operation.UPSERT_LISTINGS, 1000)
      .batch(Operation.UPDATE_STOCK, 10)
      .batch(Operation.UPDATE_PRICES, 10)
      .batch(Operation.DELETE_LISTINGS, 10)
      .offers(Operation.PULL_ORDERS)
      .offers(Operation.TEST_CONNECTION)
      .build();

  /** Mirakl seller API: offer imports are files (OF01), so batches are large and imports few. */
  public static final ChannelSpec MIRAKL = ChannelSpec.builder("mirakl", "Mirakl")
      .batch(Operation.UPSERT_LISTINGS, 500)
      .batch(Operation.UPDATE_STOCK, 2000)
      .batch(Operation.UPDATE_PRICES, 2000)
      .batch(Operation.DELETE_LISTINGS, 500)
      .offers(Operation.PULL_ORDERS)
      .offers(Operation.TEST_CONNECTION)
      .build();

  /** Cdiscount Octopia Seller API v2: offer packages, uploaded 100 offer requests per call. */
  public static final ChannelSpec OCTOPIA = ChannelSpec.builder("octopia", "Cdiscount (Octopia)")
      .batch(Operation.UPSERT_LISTINGS, 500)
      .batch(Operation.UPDATE_STOCK, 1000)
      .batch(Operation.UPDATE_PRICES, 1000)
      .batch(Operation.DELETE_LISTINGS, 500)
      .offers(Operation.PULL_ORDERS)
      .offers(Operation.TEST_CONNECTION)
      .build();

  /** Meta Commerce catalog (Graph items_batch, up to 5,000 requests a call): smaller batches finish sooner. */
  public static final ChannelSpec META = ChannelSpec.builder("meta", "Meta Commerce")
      .batch(Operation.UPSERT_LISTINGS, 500)
      .batch(Operation.UPDATE_STOCK, 1000)
      .batch(Operation.UPDATE_PRICES, 1000)
      .batch(Operation.DELETE_LISTINGS, 1000)
      .offers(Operation.TEST_CONNECTION)
      .build();

  /** Trovaprezzi price-comparison feed: offers kept in a local feed store that Trovaprezzi fetches as XML. */
  public static final ChannelSpec TROVAPREZZI = ChannelSpec.builder("trovaprezzi", "Trovaprezzi")
      .batch(Operation.UPSERT_LISTINGS, 1000)
      .batch(Operation.UPDATE_STOCK, 1000)
      .batch(Operation.UPDATE_PRICES, 1000)
      .batch(Operation.DELETE_LISTINGS, 1000)
      .offers(Operation.TEST_CONNECTION)
      .build();

  /** Back Market seller API: catalog files take many rows, stock and prices go one listing per call. */
  public static final ChannelSpec BACKMARKET = ChannelSpec.builder("backmarket", "Back Market")
      .batch(Operation.UPSERT_LISTINGS, 50)
      .batch(Operation.UPDATE_STOCK, 10)
      .batch(Operation.UPDATE_PRICES, 10)
      .offers(Operation.PULL_ORDERS)
      .offers(Operation.TEST_CONNECTION)
      .build();

  /** refurbed Merchant API: batch offer calls take between 1 and 50 offers. */
  public static final ChannelSpec REFURBED = ChannelSpec.builder("refurbed", "refurbed")
      .batch(Operation.UPSERT_LISTINGS, 50)
      .batch(Operation.UPDATE_STOCK, 50)
      .batch(Operation.UPDATE_PRICES, 50)
      .batch(Operation.DELETE_LISTINGS, 50)
      .offers(Operation.PULL_ORDERS)
      .offers(Operation.TEST_CONNECTION)
      .build();

  /** ManoMano Partner API: offers are patched 20 at a time; products enter ManoMano's catalog by feed, not the API. */
  public static final ChannelSpec MANOMANO = ChannelSpec.builder("manomano", "ManoMano")
      .batch(Operation.UPDATE_STOCK, 20)
      .batch(Operation.UPDATE_PRICES, 20)
      .offers(Operation.PULL_ORDERS)
      .offers(Operation.TEST_CONNECTION)
      .build();

  /** WooCommerce REST API v3: batch endpoints take 100 entries; upserts stay at 25 while images download. */
  public static final ChannelSpec WOOCOMMERCE = ChannelSpec.builder("woocommerce", "WooCommerce")
      .batch(Operation.UPSERT_LISTINGS, 25)
      .batch(Operation.UPDATE_STOCK, 100)
      .batch(Operation.UPDATE_PRICES, 100)
      .batch(Operation.DELETE_LISTINGS, 100)
      .offers(Operation.PULL_ORDERS)
      .offers(Operation.TEST_CONNECTION)
      .build();

  /** PrestaShop Webservice: no batch writes, so jobs are sized for one call or more per item. */
  public static final ChannelSpec PRESTASHOP = ChannelSpec.builder("prestashop", "PrestaShop")
      .batch(Operation.UPSERT_LISTINGS, 10)
      .batch(Operation.UPDATE_STOCK, 50)
      .batch(Operation.UPDATE_PRICES, 50)
      .batch(Operation.DELETE_LISTINGS, 50)
      .offers(Operation.PULL_ORDERS)
      .offers(Operation.TEST_CONNECTION)
      .build();

  /** OpenCart core API: a session login for order editing, no catalog or order list, so a connection test only. */
  public static final ChannelSpec OPENCART = ChannelSpec.builder("opencart", "OpenCart")
      .offers(Operation.TEST_CONNECTION)
      .build();

  /** Shopee Open Platform v2: stock and price calls take one item with up to 50 models; unlist takes 50 items. */
  public static final ChannelSpec SHOPEE = ChannelSpec.builder("shopee", "Shopee")
      .batch(Operation.UPSERT_LISTINGS, 10)
      .batch(Operation.UPDATE_STOCK, 50)
      .batch(Operation.UPDATE_PRICES, 50)
      .batch(Operation.DELETE_LISTINGS, 50)
      .offers(Operation.PULL_ORDERS)
      .offers(Operation.TEST_CONNECTION)
      .build();

  /** Lazada Open Platform: product and price/quantity calls take up to 50 SKUs, 20 recommended; remove takes 50. */
  public static final ChannelSpec LAZADA = ChannelSpec.builder("lazada", "Lazada")
      .batch(Operation.UPSERT_LISTINGS, 20)
      .batch(Operation.UPDATE_STOCK, 20)
      .batch(Operation.UPDATE_PRICES, 20)
      .batch(Operation.DELETE_LISTINGS, 50)
      .offers(Operation.PULL_ORDERS)
      .offers(Operation.TEST_CONNECTION)
      .build();

  /** Magento 2 / Adobe Commerce REST: one product save per listing, stock and prices in one call each. */
  public static final ChannelSpec MAGENTO = ChannelSpec.builder("magento", "Magento 2")
      .batch(Operation.UPSERT_LISTINGS, 20)
      .batch(Operation.UPDATE_STOCK, 100)
      .batch(Operation.UPDATE_PRICES, 100)
      .batch(Operation.DELETE_LISTINGS, 25)
      .offers(Operation.PULL_ORDERS)
      .offers(Operation.TEST_CONNECTION)
      .build();

  /** BigCommerce: 10 products a batch, 2,000 inventory items and 50 variants a call. */
  public static final ChannelSpec BIGCOMMERCE = ChannelSpec.builder("bigcommerce", "BigCommerce")
      .batch(Operation.UPSERT_LISTINGS, 10)
      .batch(Operation.UPDATE_STOCK, 2000)
      .batch(Operation.UPDATE_PRICES, 50)
      .batch(Operation.DELETE_LISTINGS, 50)
      .offers(Operation.PULL_ORDERS)
      .offers(Operation.TEST_CONNECTION)
      .build();

  /** Square: catalog upserts well under 1,000 objects, 100 inventory changes, 200 deletions a call. */
  public static final ChannelSpec SQUARE = ChannelSpec.builder("square", "Square")
      .batch(Operation.UPSERT_LISTINGS, 100)
      .batch(Operation.UPDATE_STOCK, 100)
      .batch(Operation.UPDATE_PRICES, 100)
      .batch(Operation.DELETE_LISTINGS, 200)
      .offers(Operation.PULL_ORDERS)
      .offers(Operation.TEST_CONNECTION)
      .build();

  private static final Map<String, ChannelSpec> BY_ID = new LinkedHashMap<>();

  static {
    for (ChannelSpec spec : new ChannelSpec[] {EBAY, SHOPIFY, AMAZON, MIRAKL, OCTOPIA, META, TROVAPREZZI,
        BACKMARKET, REFURBED, MANOMANO, WOOCOMMERCE, PRESTASHOP, OPENCART, SHOPEE, LAZADA,
        MAGENTO, BIGCOMMERCE, SQUARE}) {
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
