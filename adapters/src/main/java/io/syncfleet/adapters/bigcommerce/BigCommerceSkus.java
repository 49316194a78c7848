package io.syncfleet.adapters.bigcommerce;

import static io.syncfleet.adapters.bigcommerce.BigCommerceErrors.text;

import com.fasterxml.jackson.databind.JsonNode;
import io.syncfleet.producer.connection.Connection;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import okhttp3.HttpUrl;
import okhttp3.Request;

/**
 * Where each SKU lives in a store: its product and variant ids. BigCommerce finds a product's own
 * (base variant) SKU only through the products search and any other variant's only through the
 * variants search, one SKU per call [V], so a batch first asks for all its SKUs as products in one
 * call, then asks for each one still unknown as a variant. What is found is remembered per
 * connection, in memory and bounded, since price and delete calls address variants by id.
 */
final class BigCommerceSkus {
  private static final int MAX_REMEMBERED = 10_000;

  private final BigCommerceAuth auth;
  private final Map<String, Ref> known = Collections.synchronizedMap(new LinkedHashMap<String, Ref>(256, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Ref> eldest) {
      return size() > MAX_REMEMBERED;
    }
  });

  BigCommerceSkus(BigCommerceAuth auth) {
    this.auth = auth;
  }

  /** A SKU's product and variant; {@code base} when the SKU is the product's own. */
  record Ref(long productId, long variantId, boolean base) {}

  /** The SKUs of {@code skus} the store has; a SKU it lacks is absent. Lookups throw typed failures. */
  Map<String, Ref> find(Connection c, BigCommerceSettings s, Collection<String> skus) {
    Map<String, Ref> found = new HashMap<>();
    Set<String> unknown = new LinkedHashSet<>();
    for (String sku : skus) {
      Ref ref = known.get(key(c, sku));
      if (ref != null) {
        found.put(sku, ref);
      } else {
        unknown.add(sku);
      }
    }
    // A comma would split the sku:in list, so such SKUs are only asked for one by one.
    List<String> listable = unknown.stream().filter(k -> k.indexOf(',') < 0).toList();
    if (!listable.isEmpty()) {
      for (JsonNode product : products(c, s, listable, "variants")) {
        long productId = product.path("id").asLong();
        long baseId = product.path("base_variant_id").asLong();
        for (JsonNode variant : product.path("variants")) {
          String sku = text(variant, "sku");
          if (sku != null && unknown.contains(sku)) {
            long id = variant.path("id").asLong();
            found.put(sku, remember(c, sku, new Ref(productId, id, id == baseId)));
          }
        }
      }
    }
    for (String sku : unknown) {
      if (!found.containsKey(sku)) {
        HttpUrl url = s.v3(BigCommerceApi.VARIANTS).addQueryParameter("sku", sku).build();
        for (JsonNode variant : auth.send(c, new Request.Builder().url(url).get().build()).requireSuccess().json()
            .path("data")) {
          if (sku.equals(text(variant, "sku"))) {
            boolean base = variant.path("option_values").isEmpty();
            found.put(sku, remember(c, sku, new Ref(variant.path("product_id").asLong(), variant.path("id").asLong(), base)));
            break;
          }
        }
      }
    }
    return found;
  }

  /** Products whose own SKU is one of {@code productSkus}, with the sub-resources {@code include} names. */
  List<JsonNode> products(Connection c, BigCommerceSettings s, Collection<String> productSkus, String include) {
    HttpUrl url = s.v3(BigCommerceApi.PRODUCTS)
        .addQueryParameter("sku:in", String.join(",", productSkus))
        .addQueryParameter("include", include)
        .addQueryParameter("limit", String.valueOf(Math.max(productSkus.size(), 1)))
        .build();
    List<JsonNode> out = new ArrayList<>();
    auth.send(c, new Request.Builder().url(url).get().build()).requireSuccess().json().path("data").forEach(out::add);
    return out;
  }

  /** Remembers where a SKU was just created or found. */
  Ref remember(Connection c, String sku, Ref ref) {
    known.put(key(c, sku), ref);
    return ref;
  }

  /** Forgets a SKU, after BigCommerce refused a call about it or it was deleted. */
  void forget(Connection c, String sku) {
    known.remove(key(c, sku));
  }

  private static String key(Connection c, String sku) {
    return c.id() + '\n' + sku;
  }
}
