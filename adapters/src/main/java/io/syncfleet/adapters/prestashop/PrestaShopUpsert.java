package io.syncfleet.adapters.prestashop;

import com.fasterxml.jackson.databind.JsonNode;
import io.syncfleet.adapters.BatchResult;
import io.syncfleet.adapters.ItemOutcome;
import io.syncfleet.adapters.Violation;
import io.syncfleet.producer.connection.Connection;
import io.syncfleet.producer.job.Listing;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Creates or updates a job's listings, one item at a time (the Webservice has no batch writes). A
 * listing without a {@code group} is a product whose reference is its SKU; the listings of a group
 * are the combinations of one product whose reference is the group id, their options its attribute
 * groups and values. Quantities are set last, through the stock rows PrestaShop made.
 *
 * <p>Running it twice updates rather than duplicates: every SKU and group id is looked up first. A
 * SKU that names several products, or the other kind of thing (a combination sent without its
 * group), is refused rather than guessed at.
 */
final class PrestaShopUpsert {
  private final PrestaShopClient client;
  private final PrestaShopCatalog catalog;
  private final PrestaShopStock stock;

  PrestaShopUpsert(PrestaShopClient client, PrestaShopCatalog catalog, PrestaShopStock stock) {
    this.client = client;
    this.catalog = catalog;
    this.stock = stock;
  }

  /** A quantity to set once its product or combination is saved. */
  private record StockTarget(int index, PrestaShopRef ref, int quantity) {}

  /** A variant group's product once saved: its id and tax-excluded base price. */
  private static final class Parent {
    long id;
    BigDecimal base;
  }

  /** What one job needs to know along the way. */
  private final class Job {
    final Connection connection;
    final List<Listing> items;
    final ItemOutcome[] out;
    final Map<String, List<PrestaShopRef>> found;
    final PrestaShopItemCalls calls = new PrestaShopItemCalls();
    final List<StockTarget> targets = new ArrayList<>();
    final List<String> writeLanguages;
    private List<String> activeLanguages;
    private PrestaShopOptions options;

    Job(Connection connection, List<Listing> items, ItemOutcome[] out, Map<String, List<PrestaShopRef>> found) {
      this.connection = connection;
      this.items = items;
      this.out = out;
      this.found = found;
      this.writeLanguages = connection.setting(PrestaShopApi.LANGUAGE_ID).map(List::of).orElse(List.of());
    }

    /** The shop's active languages, which a new product or attribute is written in. */
    List<String> activeLanguages() {
      if (activeLanguages == null) {
        activeLanguages = client.list(connection, client.jsonUrl(connection, PrestaShopApi.LANGUAGES).newBuilder()
                .addQueryParameter("display", "[id]")
                .addQueryParameter("filter[active]", "[1]").build(), PrestaShopApi.LANGUAGES)
            .stream().map(l -> l.path("id").asText()).toList();
      }
      return activeLanguages;
    }

    PrestaShopOptions options() {
      if (options == null) {
        options = new PrestaShopOptions(client, connection, activeLanguages());
      }
      return options;
    }

    String category() {
      return connection.setting(PrestaShopApi.CATEGORY_ID).orElse(PrestaShopApi.DEFAULT_CATEGORY);
    }
  }

  BatchResult upsert(Connection connection, List<Listing> items) {
    ItemOutcome[] out = new ItemOutcome[items.size()];
    List<Integer> simple = new ArrayList<>();
    Map<String, List<Integer>> groups = new LinkedHashMap<>();
    Set<String> skus = new LinkedHashSet<>();
    for (int i = 0; i < items.size(); i++) {
      Listing l = items.get(i);
      List<Violation> violations = PrestaShopRules.check(l);
      if (!violations.isEmpty()) {
        out[i] = ItemOutcome.failed(l.sku(), PrestaShopApi.INVALID_LISTING,
            violations.stream().map(Violation::toString).collect(Collectors.joining("; ")));
        continue;
      }
      skus.add(l.sku());
      if (l.group() == null || l.group().isBlank()) {
        simple.add(i);
      } else {
        groups.computeIfAbsent(l.group().trim(), k -> new ArrayList<>()).add(i);
        skus.add(l.group().trim());
      }
    }
    if (!skus.isEmpty()) {
      Job job = new Job(connection, items, out, catalog.bySku(connection, skus));
      for (int i : simple) {
        Listing l = items.get(i);
        out[i] = job.calls.run(l.sku(), () -> saveSimple(job, i, l));
      }
      groups.forEach((group, members) -> saveGroup(job, group, members));
      setStock(job);
    }
    return new BatchResult(List.of(out));
  }

  private ItemOutcome saveSimple(Job job, int index, Listing l) {
    List<PrestaShopRef> refs = job.found.getOrDefault(l.sku(), List.of());
    if (refs.size() > 1) {
      return ambiguous(l.sku(), refs);
    }
    long productId;
    if (refs.isEmpty()) {
      Document doc = PrestaShopXml.create("product");
      Element p = PrestaShopXml.entity(doc);
      PrestaShopMapper.newProduct(p, l, l.sku(), l.price(), job.activeLanguages(), job.category(), taxRulesGroup(job));
      PrestaShopMapper.identifiers(p, l);
      productId = client.create(job.connection, PrestaShopApi.PRODUCTS, doc);
    } else if (refs.get(0).isCombination()) {
      return ItemOutcome.failed(l.sku(), PrestaShopApi.SKU_CONFLICT, "SKU '" + l.sku() + "' is a combination of "
          + "product " + refs.get(0).productId() + "; send it with its group");
    } else {
      productId = refs.get(0).productId();
      String path = PrestaShopApi.PRODUCTS + "/" + productId;
      Document doc = client.getXml(job.connection, path);
      Element p = PrestaShopXml.entity(doc);
      PrestaShopMapper.updateProduct(p, l, l.price(), job.writeLanguages);
      PrestaShopMapper.identifiers(p, l);
      client.update(job.connection, path, doc);
    }
    if (l.quantity() != null) {
      job.targets.add(new StockTarget(index, new PrestaShopRef(productId, 0), l.quantity()));
    }
    return ItemOutcome.done(l.sku());
  }

  /** The group's product, then each member's combination. */
  private void saveGroup(Job job, String group, List<Integer> members) {
    List<Listing> variants = members.stream().map(job.items::get).toList();
    Parent parent = new Parent();
    ItemOutcome parentOutcome = job.calls.run(group, () -> saveParent(job, group, variants, parent));
    for (int m : members) {
      Listing l = job.items.get(m);
      if (parentOutcome.status() != ItemOutcome.Status.DONE) {
        job.out[m] = new ItemOutcome(l.sku(), parentOutcome.status(), parentOutcome.code(),
            "product of group '" + group + "' not saved: " + parentOutcome.message(), parentOutcome.retryAfter());
      } else {
        job.out[m] = job.calls.run(l.sku(), () -> saveCombination(job, m, l, parent.id, parent.base));
      }
    }
  }

  /**
   * Saves a group's product: the product with the group id as reference, else the product of a
   * combination the group's SKUs already name, else a new one priced at the group's lowest price.
   * Writes its id and base price into {@code parent}.
   */
  private ItemOutcome saveParent(Job job, String group, List<Listing> variants, Parent parent) {
    List<PrestaShopRef> refs = job.found.getOrDefault(group, List.of());
    if (refs.size() > 1) {
      return ambiguous(group, refs);
    }
    if (refs.size() == 1 && refs.get(0).isCombination()) {
      return ItemOutcome.failed(group, PrestaShopApi.SKU_CONFLICT, "group id '" + group + "' is the reference of "
          + "a combination of product " + refs.get(0).productId() + ", not of a product");
    }
    Long productId = refs.isEmpty() ? variants.stream()
        .map(v -> job.found.getOrDefault(v.sku(), List.of()))
        .filter(r -> r.size() == 1 && r.get(0).isCombination())
        .map(r -> r.get(0).productId()).findFirst().orElse(null) : Long.valueOf(refs.get(0).productId());
    Listing first = variants.get(0);
    Listing product = new Listing(first.sku(), first.title(),
        variants.stream().map(Listing::description).filter(Objects::nonNull).findFirst().orElse(null), null, null,
        null, first.condition(), null, null, null, List.of(), first.categoryId(), Map.of(), null, Map.of());
    BigDecimal base;
    if (productId == null) {
      base = variants.stream().map(Listing::price).min(Comparator.naturalOrder()).orElseThrow();
      Document doc = PrestaShopXml.create("product");
      PrestaShopMapper.newProduct(PrestaShopXml.entity(doc), product, group, base, job.activeLanguages(),
          job.category(), taxRulesGroup(job));
      productId = client.create(job.connection, PrestaShopApi.PRODUCTS, doc);
    } else {
      String path = PrestaShopApi.PRODUCTS + "/" + productId;
      Document doc = client.getXml(job.connection, path);
      Element p = PrestaShopXml.entity(doc);
      base = new BigDecimal(Objects.requireNonNullElse(PrestaShopXml.childText(p, "price"), "0"));
      PrestaShopMapper.updateProduct(p, product, null, job.writeLanguages);
      client.update(job.connection, path, doc);
    }
    parent.id = productId;
    parent.base = base;
    return ItemOutcome.done(group);
  }

  private ItemOutcome saveCombination(Job job, int index, Listing l, long productId, BigDecimal base) {
    List<PrestaShopRef> refs = job.found.getOrDefault(l.sku(), List.of());
    if (refs.size() > 1) {
      return ambiguous(l.sku(), refs);
    }
    if (refs.size() == 1 && (!refs.get(0).isCombination() || refs.get(0).productId() != productId)) {
      PrestaShopRef ref = refs.get(0);
      return ItemOutcome.failed(l.sku(), PrestaShopApi.SKU_CONFLICT, "SKU '" + l.sku() + "' is "
          + (ref.isCombination() ? "a combination of product " + ref.productId() : "the reference of product "
          + ref.productId()) + ", not of group '" + l.group().trim() + "' (product " + productId + ")");
    }
    List<String> values = job.options().valueIds(l.options());
    BigDecimal impact = l.price().subtract(base);
    long combinationId;
    if (refs.isEmpty()) {
      Document doc = PrestaShopXml.create("combination");
      PrestaShopMapper.combination(PrestaShopXml.entity(doc), l, productId, impact, values, true);
      combinationId = client.create(job.connection, PrestaShopApi.COMBINATIONS, doc);
    } else {
      combinationId = refs.get(0).combinationId();
      String path = PrestaShopApi.COMBINATIONS + "/" + combinationId;
      Document doc = client.getXml(job.connection, path);
      PrestaShopMapper.combination(PrestaShopXml.entity(doc), l, productId, impact, values, false);
      client.update(job.connection, path, doc);
    }
    if (l.quantity() != null) {
      job.targets.add(new StockTarget(index, new PrestaShopRef(productId, combinationId), l.quantity()));
    }
    return ItemOutcome.done(l.sku());
  }

  /** Sets the quantities of the items saved; an item whose stock fails is not done. */
  private void setStock(Job job) {
    if (job.targets.isEmpty()) {
      return;
    }
    Set<Long> productIds = job.targets.stream().map(t -> t.ref().productId()).collect(Collectors.toSet());
    Map<PrestaShopRef, List<JsonNode>> rows = job.calls.shared(() -> stock.rows(job.connection, productIds));
    for (StockTarget t : job.targets) {
      String sku = job.items.get(t.index()).sku();
      job.out[t.index()] = job.calls.run(sku, () -> stock.set(job.connection, sku, t.ref(), t.quantity(), rows));
    }
  }

  private static String taxRulesGroup(Job job) {
    return job.connection.setting(PrestaShopApi.TAX_RULES_GROUP_ID).orElse(null);
  }

  static ItemOutcome ambiguous(String sku, List<PrestaShopRef> refs) {
    return ItemOutcome.failed(sku, PrestaShopApi.SKU_AMBIGUOUS, "reference '" + sku + "' is on " + refs.size()
        + " products or combinations (" + refs.stream().map(r -> r.isCombination()
        ? r.productId() + "/" + r.combinationId() : String.valueOf(r.productId())).collect(Collectors.joining(", "))
        + "); make it unique in the shop");
  }
}
