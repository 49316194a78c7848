package io.syncfleet.adapters.bigcommerce;

import static io.syncfleet.adapters.bigcommerce.BigCommerceErrors.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.syncfleet.adapters.ItemOutcome;
import io.syncfleet.adapters.failure.PermanentFailure;
import io.syncfleet.adapters.failure.TransientFailure;
import io.syncfleet.adapters.http.ItemCalls;
import io.syncfleet.adapters.http.MarketplaceHttp;
import io.syncfleet.producer.Json;
import io.syncfleet.producer.connection.Connection;
import io.syncfleet.producer.job.Listing;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import okhttp3.Request;

/**
 * Saves one product of an upsert batch: a plain listing, or a variant group whose SKU is the
 * product's. A product the store lacks is created with all its variants in one call [V]; an existing
 * one is updated in one call with its known variants, and each new variant is added on its own
 * (BigCommerce creates variants of an existing product one at a time, from option value ids [V]),
 * adding a missing value to an existing option first. A new option on a product that has variants
 * would leave its other variants without a value, so that variant fails instead.
 */
final class BigCommerceProducts {
  /** Item outcome code: the variant names an option its existing product does not have. */
  static final String NEW_OPTION = "NEW_OPTION";

  private final BigCommerceAuth auth;
  private final BigCommerceSkus skus;

  BigCommerceProducts(BigCommerceAuth auth, BigCommerceSkus skus) {
    this.auth = auth;
    this.skus = skus;
  }

  /** One product to save: its SKU, whether it is a variant group, and its listings by batch position. */
  record Product(String sku, boolean grouped, Map<Integer, Listing> listings) {}

  /** The store's products with these SKUs, with their variants and options, by SKU. */
  Map<String, JsonNode> existing(Connection c, BigCommerceSettings s, List<String> productSkus) {
    Map<String, JsonNode> bySku = new HashMap<>();
    if (!productSkus.isEmpty()) {
      for (JsonNode product : skus.products(c, s, productSkus, "variants,options")) {
        String sku = text(product, "sku");
        if (sku != null) {
          bySku.put(sku, product);
        }
      }
    }
    return bySku;
  }

  /** Creates or updates {@code p}, writing each of its listings' outcomes into {@code out}. */
  void save(Connection c, BigCommerceSettings s, Product p, JsonNode existing, ItemCalls calls, ItemOutcome[] out) {
    List<Listing> listings = new ArrayList<>(p.listings().values());
    if (existing == null) {
      ItemOutcome created = calls.run(p.sku(), () -> {
        JsonNode data = auth.send(c, new Request.Builder().url(s.v3(BigCommerceApi.PRODUCTS).build())
            .post(MarketplaceHttp.json(BigCommerceMapper.product(p.sku(), listings, p.grouped(), s, true))).build())
            .requireSuccess().json().path("data");
        rememberVariants(c, data);
        return ItemOutcome.done(p.sku());
      });
      p.listings().forEach((i, l) -> out[i] = as(created, l.sku()));
      return;
    }
    long productId = existing.path("id").asLong();
    Map<String, Long> variantIds = new HashMap<>();
    existing.path("variants").forEach(v -> variantIds.put(text(v, "sku"), v.path("id").asLong()));
    ObjectNode body = BigCommerceMapper.product(p.sku(), listings, p.grouped(), s, false);
    Map<Integer, Listing> added = new LinkedHashMap<>();
    if (p.grouped()) {
      ArrayNode variants = Json.MAPPER.createArrayNode();
      p.listings().forEach((i, l) -> {
        Long variantId = variantIds.get(l.sku());
        if (variantId == null) {
          added.put(i, l);
        } else {
          variants.add(BigCommerceMapper.variantUpdate(l, new BigCommerceSkus.Ref(productId, variantId, false)));
        }
      });
      // Only the variants to change are sent: the product's others are left as they are.
      if (!variants.isEmpty()) {
        body.set("variants", variants);
      }
    }
    ItemOutcome updated = calls.run(p.sku(), () -> {
      auth.send(c, new Request.Builder().url(s.v3(BigCommerceApi.PRODUCTS).addPathSegment(String.valueOf(productId))
          .build()).put(MarketplaceHttp.json(body)).build()).requireSuccess();
      return ItemOutcome.done(p.sku());
    });
    p.listings().forEach((i, l) -> out[i] = as(updated, l.sku()));
    if (updated.status() != ItemOutcome.Status.DONE) {
      return;
    }
    Options options = new Options(existing.path("options"));
    added.forEach((i, l) -> out[i] = calls.run(l.sku(), () -> addVariant(c, s, productId, l, options)));
  }

  private ItemOutcome addVariant(Connection c, BigCommerceSettings s, long productId, Listing l, Options options) {
    Map<Long, Long> values = new LinkedHashMap<>();
    for (Map.Entry<String, String> option : new TreeMap<>(l.options()).entrySet()) {
      Option o = options.byName.get(normal(option.getKey()));
      if (o == null) {
        throw new PermanentFailure("the product " + l.group() + " has no option '" + option.getKey()
            + "'; add the option to every variant in BigCommerce first", 0, NEW_OPTION);
      }
      Long value = o.values.get(normal(option.getValue()));
      if (value == null) {
        ObjectNode label = Json.MAPPER.createObjectNode().put("label", option.getValue()).put("sort_order", o.values.size());
        value = id(auth.send(c, new Request.Builder().url(s.v3(BigCommerceApi.PRODUCTS)
            .addPathSegment(String.valueOf(productId)).addPathSegment(BigCommerceApi.OPTIONS_OF_PRODUCT)
            .addPathSegment(String.valueOf(o.id)).addPathSegment(BigCommerceApi.VALUES_OF_OPTION).build())
            .post(MarketplaceHttp.json(label)).build()).requireSuccess().json());
        o.values.put(normal(option.getValue()), value);
      }
      values.put(o.id, value);
    }
    long variantId = id(auth.send(c, new Request.Builder().url(s.v3(BigCommerceApi.PRODUCTS)
        .addPathSegment(String.valueOf(productId)).addPathSegment(BigCommerceApi.VARIANTS_OF_PRODUCT).build())
        .post(MarketplaceHttp.json(BigCommerceMapper.newVariant(l, values))).build()).requireSuccess().json());
    skus.remember(c, l.sku(), new BigCommerceSkus.Ref(productId, variantId, false));
    return ItemOutcome.done(l.sku());
  }

  private void rememberVariants(Connection c, JsonNode product) {
    long productId = product.path("id").asLong();
    long baseId = product.path("base_variant_id").asLong();
    for (JsonNode v : product.path("variants")) {
      String sku = text(v, "sku");
      if (sku != null) {
        long id = v.path("id").asLong();
        skus.remember(c, sku, new BigCommerceSkus.Ref(productId, id, id == baseId));
      }
    }
  }

  /** The product-level outcome as one listing's. */
  private static ItemOutcome as(ItemOutcome o, String sku) {
    return new ItemOutcome(sku, o.status(), o.code(), o.message(), o.retryAfter());
  }

  private static long id(JsonNode answer) {
    long id = answer.path("data").path("id").asLong(0);
    if (id == 0) {
      throw new TransientFailure("BigCommerce answered without the id of what it created", 200);
    }
    return id;
  }

  private static String normal(String s) {
    return s.trim().toLowerCase(Locale.ROOT);
  }

  /** An existing product's options by lowercase display name, as they grow during one save. */
  private static final class Options {
    private final Map<String, Option> byName = new HashMap<>();

    Options(JsonNode options) {
      for (JsonNode o : options) {
        Option option = new Option(o.path("id").asLong());
        o.path("option_values").forEach(v -> option.values.put(normal(v.path("label").asText()), v.path("id").asLong()));
        byName.put(normal(o.path("display_name").asText()), option);
      }
    }
  }

  /** An option's id and its value ids by lowercase label. */
  private static final class Option {
    private final long id;
    private final Map<String, Long> values = new HashMap<>();

    Option(long id) {
      this.id = id;
    }
  }
}
