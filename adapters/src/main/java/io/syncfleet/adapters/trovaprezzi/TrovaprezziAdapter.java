package io.syncfleet.adapters.trovaprezzi;

import io.syncfleet.adapters.BatchResult;
import io.syncfleet.adapters.Capabilities;
import io.syncfleet.adapters.Health;
import io.syncfleet.adapters.ItemOutcome;
import io.syncfleet.adapters.MarketplaceAdapter;
import io.syncfleet.adapters.Violation;
import io.syncfleet.adapters.failure.AuthenticationFailure;
import io.syncfleet.adapters.failure.PermanentFailure;
import io.syncfleet.adapters.failure.SyncFailure;
import io.syncfleet.adapters.failure.TransientFailure;
import io.syncfleet.producer.connection.Connection;
import io.syncfleet.producer.job.Channels;
import io.syncfleet.producer.job.Item;
import io.syncfleet.producer.job.Listing;
import io.syncfleet.producer.job.PriceChange;
import io.syncfleet.producer.job.SkuRef;
import io.syncfleet.producer.job.StockLevel;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NotDirectoryException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Trovaprezzi, the Italian price comparison site, which has no API: it fetches a feed the merchant
 * hosts. Syncing keeps the merchant's offers in a feed store on this host
 * ({@link TrovaprezziFeedStore}, under the connection's {@value TrovaprezziApi#FEED_DIR}) and
 * {@link FeedServer} publishes it as XML; a change reaches Trovaprezzi at its next fetch. Every
 * operation edits the offers of one batch as one atomic step, and every edit sets absolute values,
 * so a job that runs twice leaves the feed as once. Settings: {@value TrovaprezziApi#FEED_DIR},
 * optionally {@value TrovaprezziApi#LINK_TEMPLATE} and {@value TrovaprezziApi#SHIPPING_COST_SETTING};
 * no credentials. Trovaprezzi takes no orders (buyers check out on the merchant's site), so there
 * are none to pull.
 */
public final class TrovaprezziAdapter implements MarketplaceAdapter {
  /** Item outcome code for a listing that breaks one of {@link #validate}'s rules. */
  public static final String INVALID_LISTING = "invalid_listing";
  /** Item outcome code for a listing without a product page link. */
  public static final String LINK_MISSING = "link_missing";
  /** Item outcome code for a listing without a shipping cost. */
  public static final String SHIPPING_COST_MISSING = "shipping_cost_missing";
  /** Item outcome code for a stock or price change of a SKU the feed has no offer for (yet). */
  public static final String OFFER_NOT_FOUND = "offer_not_found";

  private static final Capabilities CAPABILITIES = new Capabilities(Channels.TROVAPREZZI,
      TrovaprezziApi.ratePlans());

  @Override
  public String channel() {
    return Channels.TROVAPREZZI.id();
  }

  @Override
  public Capabilities capabilities() {
    return CAPABILITIES;
  }

  @Override
  public List<Violation> validate(Listing listing) {
    return TrovaprezziRules.check(listing);
  }

  /** Puts each listing's offer in the feed, replacing the SKU's offer if there is one. */
  @Override
  public BatchResult upsertListings(Connection c, List<Listing> items) {
    checkBatch(items.size());
    TrovaprezziSettings s = TrovaprezziSettings.of(c);
    Map<String, ItemOutcome> out = new LinkedHashMap<>();
    Map<String, TrovaprezziOffer> offers = new LinkedHashMap<>();
    for (Listing l : items) {
      List<Violation> violations = TrovaprezziRules.check(l);
      String link = s.link(l);
      BigDecimal shipping = s.shippingCost(l);
      if (!violations.isEmpty()) {
        out.put(l.sku(), ItemOutcome.failed(l.sku(), INVALID_LISTING,
            violations.stream().map(Violation::toString).collect(Collectors.joining("; "))));
      } else if (link == null) {
        out.put(l.sku(), ItemOutcome.failed(l.sku(), LINK_MISSING, "Trovaprezzi needs a product page: give the "
            + "listing a '" + TrovaprezziApi.LINK_ATTRIBUTE + "' attribute or set the connection's "
            + TrovaprezziApi.LINK_TEMPLATE));
      } else if (shipping == null) {
        out.put(l.sku(), ItemOutcome.failed(l.sku(), SHIPPING_COST_MISSING, "Trovaprezzi needs a shipping cost: "
            + "give the listing a '" + TrovaprezziApi.SHIPPING_COST_ATTRIBUTE + "' attribute or set the "
            + "connection's " + TrovaprezziApi.SHIPPING_COST_SETTING));
      } else {
        offers.put(l.sku(), TrovaprezziMapper.offer(l, link, shipping));
        out.put(l.sku(), ItemOutcome.done(l.sku()));
      }
    }
    if (!offers.isEmpty()) {
      edit(s, offers.keySet(), stored -> stored.putAll(offers));
    }
    return result(items, out);
  }

  /** Sets each offer's stock; the feed has one stock per offer, so a location is not used. */
  @Override
  public BatchResult updateStock(Connection c, List<StockLevel> items) {
    checkBatch(items.size());
    TrovaprezziSettings s = TrovaprezziSettings.of(c);
    Map<String, ItemOutcome> out = new LinkedHashMap<>();
    edit(s, items.stream().map(StockLevel::sku).toList(), stored -> {
      for (StockLevel level : items) {
        TrovaprezziOffer offer = stored.get(level.sku());
        if (offer == null) {
          out.put(level.sku(), notFound(level.sku()));
        } else {
          stored.put(level.sku(), offer.withStock(Math.max(0, level.quantity() == null ? 0 : level.quantity())));
          out.put(level.sku(), ItemOutcome.done(level.sku()));
        }
      }
    });
    return result(items, out);
  }

  /** Sets each offer's price; the compare-at price becomes the offer's original price, or clears it. */
  @Override
  public BatchResult updatePrices(Connection c, List<PriceChange> items) {
    checkBatch(items.size());
    TrovaprezziSettings s = TrovaprezziSettings.of(c);
    Map<String, ItemOutcome> out = new LinkedHashMap<>();
    edit(s, items.stream().map(PriceChange::sku).toList(), stored -> {
      for (PriceChange p : items) {
        Violation v = TrovaprezziRules.check(p);
        TrovaprezziOffer offer = stored.get(p.sku());
        if (v != null) {
          out.put(p.sku(), ItemOutcome.failed(p.sku(), v.rule(), v.message()));
        } else if (offer == null) {
          out.put(p.sku(), notFound(p.sku()));
        } else {
          stored.put(p.sku(), offer.withPrice(p.amount(), p.compareAt()));
          out.put(p.sku(), ItemOutcome.done(p.sku()));
        }
      }
    });
    return result(items, out);
  }

  /** Removes each offer from the feed; a SKU the feed does not have is done. */
  @Override
  public BatchResult deleteListings(Connection c, List<SkuRef> items) {
    checkBatch(items.size());
    TrovaprezziSettings s = TrovaprezziSettings.of(c);
    List<String> skus = items.stream().map(SkuRef::sku).toList();
    edit(s, skus, stored -> skus.forEach(stored::remove));
    return BatchResult.allDone(items, SkuRef::sku);
  }

  /** Checks that the feed directory exists (or can be made) and takes a write. */
  @Override
  public Health testConnection(Connection c) {
    try {
      TrovaprezziSettings s = TrovaprezziSettings.of(c);
      new TrovaprezziFeedStore(s.feedDir()).checkWritable();
      return new Health(true, s.feedDir().toString(), "feed directory is writable");
    } catch (AuthenticationFailure e) {
      return Health.failed(e.getMessage());
    } catch (IOException e) {
      return Health.failed("the feed directory is not writable: " + e);
    }
  }

  private static void edit(TrovaprezziSettings s, Collection<String> skus,
      Consumer<Map<String, TrovaprezziOffer>> change) {
    try {
      new TrovaprezziFeedStore(s.feedDir()).edit(skus, change);
    } catch (IOException e) {
      throw failure(s, e);
    }
  }

  /**
   * A store failure for the worker: a directory that cannot be used (no permission, not a
   * directory, read-only) pauses the connection until someone fixes it; a damaged store file needs a
   * person too, and buries the batch with its name; anything else (a full disk) may pass.
   */
  private static SyncFailure failure(TrovaprezziSettings s, IOException e) {
    if (e instanceof TrovaprezziFeedStore.UnreadableException) {
      return new PermanentFailure(e.getMessage(), 0, "feed_store_unreadable");
    }
    if (e instanceof AccessDeniedException || e instanceof NotDirectoryException
        || e instanceof FileAlreadyExistsException
        || (e instanceof FileSystemException f && f.getReason() != null && f.getReason().contains("Read-only"))) {
      return new AuthenticationFailure("the feed directory " + s.feedDir() + " cannot be written: " + e, 0,
          "feed_dir_unusable");
    }
    return new TransientFailure("cannot write the feed in " + s.feedDir() + ": " + e, 0, "io", e);
  }

  private static ItemOutcome notFound(String sku) {
    return ItemOutcome.retry(sku, OFFER_NOT_FOUND, "the feed has no offer for this SKU yet; its listing must be "
        + "upserted first", null);
  }

  private static BatchResult result(List<? extends Item> items, Map<String, ItemOutcome> out) {
    return new BatchResult(items.stream().map(i -> out.get(i.sku())).toList());
  }

  private static void checkBatch(int size) {
    if (size > TrovaprezziApi.BATCH) {
      throw new PermanentFailure("a batch of " + size + " items is over the Trovaprezzi batch limit of "
          + TrovaprezziApi.BATCH, 0, "batch_too_large");
    }
  }
}
