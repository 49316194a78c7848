package io.syncfleet.adapters.ebay;

import static io.syncfleet.adapters.ebay.EbayErrors.text;

import com.fasterxml.jackson.databind.JsonNode;
import io.syncfleet.adapters.failure.TransientFailure;
import io.syncfleet.adapters.http.HttpResult;
import io.syncfleet.adapters.http.MarketplaceHttp;
import io.syncfleet.producer.connection.Connection;
import io.syncfleet.producer.job.Listing;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import okhttp3.HttpUrl;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * The eBay offer behind each SKU (what becomes the live listing): finds, creates, replaces and
 * publishes it, one call at a time [U request shapes, see {@link EbayApi#OFFER}]. Offer ids are
 * remembered per connection and site, in memory and bounded, because price and stock updates need
 * them on every call and eBay's bulk update cannot address a SKU without one.
 */
final class EbayOffers {
  private static final int MAX_REMEMBERED = 10_000;

  private final EbayAuth auth;
  private final Map<String, String> offerIds = Collections.synchronizedMap(
      new LinkedHashMap<String, String>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
          return size() > MAX_REMEMBERED;
        }
      });

  EbayOffers(EbayAuth auth) {
    this.auth = auth;
  }

  /** A SKU's offer as getOffers shows it. */
  record Offer(String offerId, boolean published) {}

  /**
   * Makes the listing's offer match it and be live: creates the offer or replaces the existing one,
   * then publishes it unless it already is. Failures are thrown as typed failures for this item.
   */
  void publish(Connection c, EbaySettings s, Listing l) {
    Optional<Offer> existing = find(c, s, l.sku());
    String offerId;
    if (existing.isPresent()) {
      offerId = existing.get().offerId();
      auth.send(c, write(s, s.url(EbayApi.OFFER, offerId), "PUT", EbayMapper.offerDetails(l, s)))
          .requireSuccess();
    } else {
      HttpResult created = auth.send(c, write(s, s.url(EbayApi.OFFER), "POST", EbayMapper.newOffer(l, s)))
          .requireSuccess();
      offerId = text(created.json(), "offerId");
      if (offerId == null) {
        throw new TransientFailure("eBay created an offer for " + l.sku() + " but sent no offerId", created.status());
      }
      offerIds.put(key(c, s, l.sku()), offerId);
    }
    if (existing.isEmpty() || !existing.get().published()) {
      HttpUrl url = s.base().newBuilder().addPathSegments(EbayApi.OFFER).addPathSegment(offerId)
          .addPathSegment(EbayApi.PUBLISH).build();
      auth.send(c, new Request.Builder().url(url).post(RequestBody.create(new byte[0], null))
          .header(EbayApi.CONTENT_LANGUAGE, s.contentLanguage()).build()).requireSuccess();
    }
  }

  /** The SKU's offer id, remembered or looked up; empty when the SKU has no offer on the site. */
  Optional<String> offerId(Connection c, EbaySettings s, String sku) {
    String known = offerIds.get(key(c, s, sku));
    return known != null ? Optional.of(known) : find(c, s, sku).map(Offer::offerId);
  }

  /** Forgets the SKU's offer id, after eBay refused it or the item was deleted. */
  void forget(Connection c, EbaySettings s, String sku) {
    offerIds.remove(key(c, s, sku));
  }

  /** The SKU's fixed-price offer on the connection's site, asking eBay. */
  Optional<Offer> find(Connection c, EbaySettings s, String sku) {
    HttpUrl url = s.url(EbayApi.OFFER).newBuilder()
        .addQueryParameter("sku", sku)
        .addQueryParameter("marketplace_id", s.marketplaceId())
        .build();
    HttpResult r = auth.send(c, new Request.Builder().url(url).get().build());
    if (r.status() == 404) {
      return Optional.empty();
    }
    JsonNode chosen = null;
    for (JsonNode offer : r.requireSuccess().json().path("offers")) {
      if (chosen == null || EbayApi.FIXED_PRICE.equals(text(offer, "format"))) {
        chosen = offer;
      }
    }
    if (chosen == null || text(chosen, "offerId") == null) {
      return Optional.empty();
    }
    Offer offer = new Offer(text(chosen, "offerId"), EbayApi.PUBLISHED.equals(text(chosen, "status")));
    offerIds.put(key(c, s, sku), offer.offerId());
    return Optional.of(offer);
  }

  private static Request write(EbaySettings s, HttpUrl url, String method, JsonNode body) {
    return new Request.Builder().url(url).method(method, MarketplaceHttp.json(body))
        .header(EbayApi.CONTENT_LANGUAGE, s.contentLanguage()).build();
  }

  private static String key(Connection c, EbaySettings s, String sku) {
    return c.id() + '\n' + s.marketplaceId() + '\n' + sku;
  }
}
