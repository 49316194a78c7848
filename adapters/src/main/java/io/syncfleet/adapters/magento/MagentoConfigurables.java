package io.syncfleet.adapters.magento;

import static io.syncfleet.adapters.magento.MagentoErrors.text;

import com.fasterxml.jackson.databind.JsonNode;
import io.syncfleet.adapters.failure.PermanentFailure;
import io.syncfleet.adapters.failure.TransientFailure;
import io.syncfleet.adapters.http.HttpResult;
import io.syncfleet.adapters.http.MarketplaceHttp;
import io.syncfleet.producer.connection.Connection;
import io.syncfleet.producer.job.Listing;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import okhttp3.Request;

/**
 * Variant groups as Magento configurable products [C shapes]: each variant is a simple product
 * carrying one value of each option attribute, and the group's SKU is a configurable product that
 * offers those attributes and links the variants. An option name is an attribute code
 * ({@code Shoe Size} is {@code shoe_size}) and its value an existing option label of that select
 * attribute: attributes and their options are the merchant's store configuration, so a missing one
 * fails the variant rather than being created.
 */
final class MagentoConfigurables {
  /** Item outcome code: the option names no attribute of the store. */
  static final String UNKNOWN_ATTRIBUTE = "UNKNOWN_ATTRIBUTE";
  /** Item outcome code: the attribute has no option with the variant's value. */
  static final String UNKNOWN_OPTION_VALUE = "UNKNOWN_OPTION_VALUE";
  /** Item outcome code: the group's SKU belongs to a product that is not configurable. */
  static final String GROUP_SKU_TAKEN = "GROUP_SKU_TAKEN";

  private final MagentoAuth auth;

  MagentoConfigurables(MagentoAuth auth) {
    this.auth = auth;
  }

  /** A select attribute: its id, its label, and its option ids by lowercase label. */
  record Attribute(long id, String code, String label, Map<String, String> optionIds) {}

  /** An option of a configurable product: the attribute, its label and the option ids offered. */
  record Option(long attributeId, String label, Set<Long> valueIds) {}

  /** The attributes one batch looked up, so each is asked for once. Not thread-safe; one per batch. */
  final class Attributes {
    private final Map<String, Attribute> byCode = new HashMap<>();

    Attribute get(Connection c, MagentoSettings s, String code) {
      Attribute known = byCode.get(code);
      if (known == null) {
        known = fetch(c, s, code);
        byCode.put(code, known);
      }
      return known;
    }
  }

  /** A fresh attribute cache for one batch. */
  Attributes attributes() {
    return new Attributes();
  }

  /** The variant's option values as attribute code to option id; throws for an unknown attribute or value. */
  Map<String, String> optionValues(Connection c, MagentoSettings s, Listing l, Attributes attributes) {
    Map<String, String> values = new LinkedHashMap<>();
    for (Map.Entry<String, String> option : new TreeMap<>(l.options()).entrySet()) {
      Attribute attribute = attributes.get(c, s, MagentoMapper.attributeCode(option.getKey()));
      String id = attribute.optionIds().get(normal(option.getValue()));
      if (id == null) {
        throw new PermanentFailure("the attribute '" + attribute.code() + "' has no option '" + option.getValue()
            + "'; add it under Stores > Attributes > Product", 0, UNKNOWN_OPTION_VALUE);
      }
      values.put(attribute.code(), id);
    }
    return values;
  }

  /**
   * Makes the group's configurable product offer the variants' options and link them, keeping the
   * variants and option values it already has (Magento replaces both lists on save [C]).
   *
   * @param children the saved variants' product ids with their option values (attribute code to id)
   */
  void link(Connection c, MagentoSettings s, String group, Listing first, Map<Long, Map<String, String>> children,
      Attributes attributes) {
    Map<Long, Set<Long>> valuesByAttribute = new LinkedHashMap<>();
    Map<Long, String> labels = new HashMap<>();
    Set<Long> links = new LinkedHashSet<>();
    HttpResult existing = auth.send(c, new Request.Builder().url(s.url(MagentoApi.PRODUCTS, group)).get().build());
    if (existing.status() != 404) {
      JsonNode product = existing.requireSuccess().json();
      if (!MagentoApi.CONFIGURABLE.equals(text(product, "type_id"))) {
        throw new PermanentFailure("the group SKU '" + group + "' belongs to a " + text(product, "type_id")
            + " product, not a configurable one", existing.status(), GROUP_SKU_TAKEN);
      }
      JsonNode extension = product.path("extension_attributes");
      for (JsonNode option : extension.path("configurable_product_options")) {
        long attributeId = option.path("attribute_id").asLong();
        labels.put(attributeId, text(option, "label"));
        Set<Long> values = valuesByAttribute.computeIfAbsent(attributeId, k -> new TreeSet<>());
        option.path("values").forEach(v -> values.add(v.path("value_index").asLong()));
      }
      extension.path("configurable_product_links").forEach(id -> links.add(id.asLong()));
    }
    for (Map.Entry<Long, Map<String, String>> child : children.entrySet()) {
      links.add(child.getKey());
      for (Map.Entry<String, String> value : child.getValue().entrySet()) {
        Attribute attribute = attributes.get(c, s, value.getKey());
        labels.putIfAbsent(attribute.id(), attribute.label());
        valuesByAttribute.computeIfAbsent(attribute.id(), k -> new TreeSet<>()).add(Long.parseLong(value.getValue()));
      }
    }
    List<Option> options = new ArrayList<>();
    valuesByAttribute.forEach((id, values) -> options.add(new Option(id, labels.get(id), values)));
    auth.send(c, new Request.Builder().url(s.url(MagentoApi.PRODUCTS, group))
        .put(MarketplaceHttp.json(MagentoMapper.configurableProduct(group, first, s, options, new ArrayList<>(links))))
        .build()).requireSuccess();
  }

  private Attribute fetch(Connection c, MagentoSettings s, String code) {
    HttpResult r = auth.send(c, new Request.Builder().url(s.url(MagentoApi.ATTRIBUTES, code)).get().build());
    if (r.status() == 404) {
      throw new PermanentFailure("the store has no product attribute '" + code + "'; create it as a select "
          + "attribute in the product's attribute set", 404, UNKNOWN_ATTRIBUTE);
    }
    JsonNode a = r.requireSuccess().json();
    if (!a.hasNonNull("attribute_id")) {
      throw new TransientFailure("Magento answered the attribute '" + code + "' without its id", r.status());
    }
    Map<String, String> optionIds = new HashMap<>();
    for (JsonNode option : a.path("options")) {
      String label = text(option, "label");
      String value = text(option, "value");
      if (label != null && value != null && !value.isBlank()) {
        optionIds.put(normal(label), value);
      }
    }
    String label = text(a, "default_frontend_label");
    return new Attribute(a.path("attribute_id").asLong(), code, label != null ? label : code, optionIds);
  }

  private static String normal(String label) {
    return label.trim().toLowerCase(Locale.ROOT);
  }
}
