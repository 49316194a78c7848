package io.syncfleet.adapters.woocommerce;

import io.syncfleet.adapters.BatchResult;
import io.syncfleet.adapters.ItemOutcome;
import io.syncfleet.adapters.Violation;
import io.syncfleet.adapters.failure.PermanentFailure;
import io.syncfleet.adapters.failure.RateLimitedFailure;
import io.syncfleet.adapters.failure.TransientFailure;
import io.syncfleet.producer.connection.Connection;
import io.syncfleet.producer.job.Listing;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Creates or updates a job's listings. A listing without a {@code group} is a simple product; the
 * listings of a group are the variations of one variable product whose SKU is the group id. One
 * products batch saves the simple products and the variable products, then one variations batch per
 * variable product saves its variations.
 *
 * <p>Running it twice updates rather than duplicates: every SKU and group id is looked up first, and
 * a create that loses a race for its SKU comes back for a retry, which then finds and updates it. A
 * SKU that exists as the other kind of product (a variation sent without its group, a simple product
 * sent as a variant) is refused rather than converted, since converting would delete shop data.
 */
final class WooCommerceUpsert {
  private final WooCommerceCatalog catalog;
  private final WooCommerceBatch batch;

  WooCommerceUpsert(WooCommerceCatalog catalog, WooCommerceBatch batch) {
    this.catalog = catalog;
    this.batch = batch;
  }

  /** A variant group: its variable product (null until found or saved) and its listings' positions. */
  private static final class Group {
    final String id;
    final List<Integer> members = new ArrayList<>();
    WooCommerceProduct parent;

    Group(String id) {
      this.id = id;
    }
  }

  BatchResult upsert(Connection connection, List<Listing> items) {
    WooCommerceOutcomes out = new WooCommerceOutcomes(items);
    List<Integer> simple = new ArrayList<>();
    Map<String, Group> groups = new LinkedHashMap<>();
    Set<String> skus = new LinkedHashSet<>();
    for (int i = 0; i < items.size(); i++) {
      Listing l = items.get(i);
      List<Violation> violations = WooCommerceRules.check(l);
      if (!violations.isEmpty()) {
        out.failed(i, WooCommerceApi.INVALID_LISTING,
            violations.stream().map(Violation::toString).collect(Collectors.joining("; ")));
        continue;
      }
      skus.add(l.sku());
      if (l.group() == null || l.group().isBlank()) {
        simple.add(i);
      } else {
        String group = l.group().trim();
        groups.computeIfAbsent(group, Group::new).members.add(i);
        skus.add(group);
      }
    }
    if (skus.isEmpty()) {
      return out.result();
    }
    try {
      Map<String, WooCommerceProduct> found = catalog.bySku(connection, skus);
      saveProducts(connection, items, simple, groups, found, out);
      for (Group g : groups.values()) {
        if (g.parent != null) {
          saveVariations(connection, items, g, found, out);
        }
      }
    } catch (RateLimitedFailure | TransientFailure e) {
      out.interrupt(e);
    }
    return out.result();
  }

  /** The products batch: simple products and the groups' variable products. */
  private void saveProducts(Connection connection, List<Listing> items, List<Integer> simple,
      Map<String, Group> groups, Map<String, WooCommerceProduct> found, WooCommerceOutcomes out) {
    List<WooCommerceBatch.Entry> entries = new ArrayList<>();
    List<Integer> simpleOwners = new ArrayList<>();
    List<Group> groupOwners = new ArrayList<>();
    for (int i : simple) {
      Listing l = items.get(i);
      WooCommerceProduct existing = found.get(l.sku());
      if (existing != null && (existing.isVariation() || existing.isVariable())) {
        out.failed(i, WooCommerceApi.SKU_CONFLICT, "SKU '" + l.sku() + "' is a " + existing.type()
            + " in the shop; send it with its group, or delete it first");
        continue;
      }
      entries.add(existing == null
          ? WooCommerceBatch.Entry.create(WooCommerceMapper.simpleProduct(l, null))
          : WooCommerceBatch.Entry.update(existing.id(), WooCommerceMapper.simpleProduct(l, existing)));
      simpleOwners.add(i);
      groupOwners.add(null);
    }
    for (Group g : groups.values()) {
      if (!admit(connection, items, g, found, out)) {
        continue;
      }
      List<Listing> variants = g.members.stream().map(items::get).toList();
      entries.add(g.parent == null
          ? WooCommerceBatch.Entry.create(WooCommerceMapper.variableProduct(variants, g.id, null))
          : WooCommerceBatch.Entry.update(g.parent.id(), WooCommerceMapper.variableProduct(variants, g.id, g.parent)));
      simpleOwners.add(null);
      groupOwners.add(g);
    }
    if (entries.isEmpty()) {
      return;
    }
    List<WooCommerceBatch.Answer> answers;
    try {
      answers = batch.send(connection, WooCommerceApi.PRODUCTS, entries);
    } catch (PermanentFailure e) {
      simpleOwners.stream().filter(Objects::nonNull).forEach(i -> out.failed(i, e.code(), e.getMessage()));
      groupOwners.stream().filter(Objects::nonNull).forEach(g -> {
        g.members.forEach(i -> out.failed(i, e.code(), e.getMessage()));
        g.parent = null;
      });
      return;
    }
    for (int k = 0; k < entries.size(); k++) {
      WooCommerceBatch.Kind kind = entries.get(k).kind();
      WooCommerceBatch.Answer answer = answers.get(k);
      Integer i = simpleOwners.get(k);
      if (i != null) {
        out.set(i, WooCommerceBatch.outcome(out.sku(i), kind, answer));
        continue;
      }
      Group g = groupOwners.get(k);
      if (answer != null && answer.ok()) {
        g.parent = WooCommerceProduct.from(answer.object());
      } else {
        g.parent = null;
        for (int m : g.members) {
          ItemOutcome o = WooCommerceBatch.outcome(out.sku(m), kind, answer);
          out.set(m, new ItemOutcome(o.sku(), o.status(), o.code(),
              "variable product '" + g.id + "' not saved: " + o.message(), o.retryAfter()));
        }
      }
    }
  }

  /**
   * Drops the group's listings whose SKU is taken by something else than one of its variations, and
   * finds its variable product: the product with the group id as SKU, else the parent of a variation
   * the group's SKUs already name. False when nothing of the group is left to save.
   */
  private boolean admit(Connection connection, List<Listing> items, Group g, Map<String, WooCommerceProduct> found,
      WooCommerceOutcomes out) {
    WooCommerceProduct parent = found.get(g.id);
    if (parent != null && !parent.isVariable()) {
      String message = "group id '" + g.id + "' is the SKU of a " + parent.type()
          + " product in the shop, not of a variable product";
      g.members.forEach(i -> out.failed(i, WooCommerceApi.SKU_CONFLICT, message));
      return false;
    }
    List<Integer> admitted = new ArrayList<>();
    for (int i : g.members) {
      WooCommerceProduct existing = found.get(items.get(i).sku());
      if (existing != null && !existing.isVariation()) {
        out.failed(i, WooCommerceApi.SKU_CONFLICT, "SKU '" + items.get(i).sku() + "' is a " + existing.type()
            + " product in the shop, not a variation; delete it first to make it a variant");
      } else if (existing != null && parent != null && existing.parentId() != parent.id()) {
        out.failed(i, WooCommerceApi.SKU_CONFLICT, "SKU '" + items.get(i).sku() + "' is a variation of product "
            + existing.parentId() + ", not of group '" + g.id + "' (product " + parent.id() + ")");
      } else {
        admitted.add(i);
      }
    }
    g.members.retainAll(admitted);
    if (g.members.isEmpty()) {
      return false;
    }
    if (parent == null) {
      Long parentId = g.members.stream().map(i -> found.get(items.get(i).sku())).filter(Objects::nonNull)
          .map(WooCommerceProduct::parentId).findFirst().orElse(null);
      if (parentId != null) {
        parent = catalog.byId(connection, parentId);
      }
    }
    g.parent = parent;
    return true;
  }

  /** The variations batch of one saved variable product. */
  private void saveVariations(Connection connection, List<Listing> items, Group g,
      Map<String, WooCommerceProduct> found, WooCommerceOutcomes out) {
    List<WooCommerceProduct.Attribute> attributes = g.parent.attributes().stream()
        .filter(WooCommerceProduct.Attribute::variation).toList();
    List<WooCommerceBatch.Entry> entries = new ArrayList<>();
    for (int i : g.members) {
      Listing l = items.get(i);
      WooCommerceProduct existing = found.get(l.sku());
      entries.add(existing == null
          ? WooCommerceBatch.Entry.create(WooCommerceMapper.variation(l, attributes, null))
          : WooCommerceBatch.Entry.update(existing.id(), WooCommerceMapper.variation(l, attributes, existing)));
    }
    List<WooCommerceBatch.Answer> answers;
    try {
      answers = batch.send(connection, WooCommerceProduct.variationsOf(g.parent.id()), entries);
    } catch (PermanentFailure e) {
      g.members.forEach(i -> out.failed(i, e.code(), e.getMessage()));
      return;
    }
    for (int k = 0; k < entries.size(); k++) {
      int i = g.members.get(k);
      out.set(i, WooCommerceBatch.outcome(out.sku(i), entries.get(k).kind(), answers.get(k)));
    }
  }
}
