package io.syncfleet.demo.sim;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A product of the simulated Shopify with its variants; mutable, guarded by the simulator's lock. */
final class ShopifySimProduct {
  final String id;
  final String handle;
  String title = "";
  String descriptionHtml;
  String vendor;
  List<String> optionNames = new ArrayList<>();
  List<String> images = new ArrayList<>();
  List<Variant> variants = new ArrayList<>();

  ShopifySimProduct(String id, String handle) {
    this.id = id;
    this.handle = handle;
  }

  /** The variant with GID {@code variantId}, or null. */
  Variant variant(String variantId) {
    return variants.stream().filter(v -> v.id.equals(variantId)).findFirst().orElse(null);
  }

  /** One variant: its ids, what is sold, and stock per location GID. */
  static final class Variant {
    final String id;
    final String inventoryItemId;
    String sku = "";
    BigDecimal price = BigDecimal.ZERO;
    BigDecimal compareAtPrice;
    String barcode;
    boolean tracked;
    Map<String, String> options = new LinkedHashMap<>();
    final Map<String, Integer> quantities = new HashMap<>();

    Variant(String id, String inventoryItemId) {
      this.id = id;
      this.inventoryItemId = inventoryItemId;
    }

    int quantity() {
      return quantities.values().stream().mapToInt(Integer::intValue).sum();
    }
  }
}
