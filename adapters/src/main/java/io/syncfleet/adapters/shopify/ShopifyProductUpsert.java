package io.syncfleet.adapters.shopify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.syncfleet.adapters.BatchResult;
import io.syncfleet.adapters.Violation;
import io.syncfleet.adapters.failure.PermanentFailure;
import io.syncfleet.adapters.failure.RateLimitedFailure;
import io.syncfleet.adapters.failure.TransientFailure;
import io.syncfleet.producer.Json;
import io.syncfleet.producer.connection.Connection;
import io.syncfleet.producer.job.Listing;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Creates or updates the products of a batch of listings, one {@code productSet} per product.
 * Listings sharing a {@code group} are the variants of one product; a listing without one is a
 * product of its own.
 *
 * <p>Running it twice must update, not duplicate, so the product is found first: the one already
 * carrying one of the listings' SKUs, or, for a group whose SKUs are all new, the one created for
 * the group under the handle {@link ShopifyMapper#handle} derives from the group id. productSet
 * deletes the variants it is not given [V], so the product's other variants are sent back as they are.
 */
final class ShopifyProductUpsert {
  private final ShopifyGraphql graphql;
  private final ShopifyVariantLookup variants;
  private final ShopifyLocations locations;

  ShopifyProductUpsert(ShopifyGraphql graphql, ShopifyVariantLookup variants, ShopifyLocations locations) {
    this.graphql = graphql;
    this.variants = variants;
    this.locations = locations;
  }

  /** Upserts {@code items}; those {@code rules} object to fail without a call. */
  BatchResult upsert(Connection connection, List<Listing> items, Function<Listing, List<Violation>> rules) {
    BatchOutcomes out = new BatchOutcomes(items);
    Map<String, List<Integer>> products = new LinkedHashMap<>();
    Set<String> skus = new LinkedHashSet<>();
    boolean anyQuantity = false;
    for (int i = 0; i < items.size(); i++) {
      Listing listing = items.get(i);
      List<Violation> violations = rules.apply(listing);
      if (violations.isEmpty()) {
        products.computeIfAbsent(productKey(listing), k -> new ArrayList<>()).add(i);
        skus.add(listing.sku());
        anyQuantity |= listing.quantity() != null;
      } else {
        out.failed(i, ShopifyAdapter.INVALID_LISTING,
            violations.stream().map(Violation::toString).collect(Collectors.joining("; ")));
      }
    }
    if (products.isEmpty()) {
      return out.result();
    }
    Map<String, List<ShopifyVariant>> found = variants.bySku(connection, skus);
    String locationId = anyQuantity ? locations.defaultLocation(connection) : null;
    for (List<Integer> product : products.values()) {
      try {
        upsertProduct(connection, items, product, found, locationId, out);
      } catch (PermanentFailure e) {
        product.forEach(i -> out.failed(i, e.code(), e.getMessage()));
      } catch (RateLimitedFailure | TransientFailure e) {
        out.interrupt(e);
        break;
      }
    }
    return out.result();
  }

  private static String productKey(Listing listing) {
    return isGrouped(listing) ? "group:" + listing.group() : "sku:" + listing.sku();
  }

  private static boolean isGrouped(Listing listing) {
    return listing.group() != null && !listing.group().isBlank();
  }

  private void upsertProduct(Connection connection, List<Listing> items, List<Integer> positions,
      Map<String, List<ShopifyVariant>> found, String locationId, BatchOutcomes out) {
    List<Listing> listings = positions.stream().map(items::get).toList();
    String handle = isGrouped(listings.get(0)) ? ShopifyMapper.handle(listings.get(0).group()) : null;
    String productId = listings.stream()
        .flatMap(l -> found.getOrDefault(l.sku(), List.of()).stream())
        .map(ShopifyVariant::productId).findFirst().orElse(null);
    Map<String, ShopifyVariant> existing = new HashMap<>();
    List<ShopifyVariant> kept = List.of();
    if (productId != null) {
      for (Listing l : listings) {
        found.getOrDefault(l.sku(), List.of()).stream().filter(v -> v.productId().equals(productId))
            .findFirst().ifPresent(v -> existing.put(l.sku(), v));
      }
      if (existing.values().iterator().next().productVariantCount() > existing.size()) {
        Set<String> ours = existing.values().stream().map(ShopifyVariant::id).collect(Collectors.toSet());
        kept = variants.ofProduct(connection, "id", productId).stream()
            .filter(v -> !ours.contains(v.id())).toList();
      }
    } else if (handle != null) {
      kept = variants.ofProduct(connection, "handle", handle);
    }
    String targetId = productId != null ? productId : kept.isEmpty() ? null : kept.get(0).productId();
    int variantTotal = kept.size() + listings.size();
    if (variantTotal > ShopifyApi.MAX_VARIANTS) {
      positions.forEach(i -> out.failed(i, ShopifyAdapter.TOO_MANY_VARIANTS, "the product would have "
          + variantTotal + " variants; Shopify allows " + ShopifyApi.MAX_VARIANTS));
      return;
    }

    ObjectNode variables = Json.MAPPER.createObjectNode();
    if (targetId == null) {
      variables.putNull("identifier");
    } else {
      variables.putObject("identifier").put("id", targetId);
    }
    variables.set("input", ShopifyMapper.productSetInput(listings, existing, kept, locationId,
        targetId == null ? handle : null));
    JsonNode payload = graphql.execute(connection, ShopifyQueries.PRODUCT_SET, variables).path("productSet");
    List<ShopifyUserError> errors = ShopifyUserError.list(payload.path("userErrors"));
    if (errors.isEmpty()) {
      positions.forEach(out::done);
      return;
    }
    // productSet saves a product whole or not at all: each listing fails, with its own error if it has one.
    ShopifyUserError whole = errors.stream().filter(e -> e.indexIn("variants") < 0).findFirst()
        .orElse(errors.get(0));
    for (int p = 0; p < positions.size(); p++) {
      ShopifyUserError own = null;
      for (ShopifyUserError e : errors) {
        if (own == null && e.indexIn("variants") == p) {
          own = e;
        }
      }
      if (own != null) {
        out.failed(positions.get(p), own.code(), own.describe());
      } else {
        out.failed(positions.get(p), whole.code(), "product not saved: " + whole.describe());
      }
    }
  }
}
