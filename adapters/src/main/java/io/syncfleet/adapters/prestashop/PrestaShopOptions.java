package io.syncfleet.adapters.prestashop;

import com.fasterxml.jackson.databind.JsonNode;
import io.syncfleet.producer.connection.Connection;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * A shop's attribute groups ({@code product_options}, e.g. Size) and their values
 * ({@code product_option_values}, e.g. M), which combinations are made of. Names match in any
 * language, ignoring case; a name the shop lacks is created, in every language given, as a select
 * attribute. One per job: it remembers what it read and created.
 */
final class PrestaShopOptions {
  private final PrestaShopClient client;
  private final Connection connection;
  private final List<String> languages;
  private Map<String, String> groups;
  private final Map<String, Map<String, String>> values = new HashMap<>();

  PrestaShopOptions(PrestaShopClient client, Connection connection, List<String> languages) {
    this.client = client;
    this.connection = connection;
    this.languages = languages;
  }

  /** The option value ids of {@code options} (name to value), creating what the shop lacks. */
  List<String> valueIds(Map<String, String> options) {
    List<String> ids = new ArrayList<>();
    for (Map.Entry<String, String> option : new TreeMap<>(options).entrySet()) {
      String group = groupId(option.getKey());
      Map<String, String> known = valuesOf(group);
      String id = known.get(key(option.getValue()));
      if (id == null) {
        Document doc = PrestaShopXml.create("product_option_value");
        Element value = PrestaShopXml.entity(doc);
        PrestaShopXml.set(value, "id_attribute_group", group);
        PrestaShopXml.setLanguages(value, "name", option.getValue(), languages);
        id = String.valueOf(client.create(connection, PrestaShopApi.OPTION_VALUES, doc));
        known.put(key(option.getValue()), id);
      }
      ids.add(id);
    }
    return ids;
  }

  private String groupId(String name) {
    if (groups == null) {
      groups = new HashMap<>();
      for (JsonNode g : client.list(connection, client.jsonUrl(connection, PrestaShopApi.OPTIONS).newBuilder()
          .addQueryParameter("display", "[id,name]").build(), PrestaShopApi.OPTIONS)) {
        names(g.path("name")).forEach(n -> groups.putIfAbsent(key(n), g.path("id").asText()));
      }
    }
    String id = groups.get(key(name));
    if (id == null) {
      Document doc = PrestaShopXml.create("product_option");
      Element group = PrestaShopXml.entity(doc);
      PrestaShopXml.set(group, "is_color_group", "0");
      PrestaShopXml.set(group, "group_type", "select");
      PrestaShopXml.setLanguages(group, "name", name, languages);
      PrestaShopXml.setLanguages(group, "public_name", name, languages);
      id = String.valueOf(client.create(connection, PrestaShopApi.OPTIONS, doc));
      groups.put(key(name), id);
      values.put(id, new HashMap<>());
    }
    return id;
  }

  private Map<String, String> valuesOf(String group) {
    return values.computeIfAbsent(group, g -> {
      Map<String, String> byName = new HashMap<>();
      for (JsonNode v : client.list(connection, client.jsonUrl(connection, PrestaShopApi.OPTION_VALUES).newBuilder()
          .addQueryParameter("display", "[id,id_attribute_group,name]")
          .addQueryParameter("filter[id_attribute_group]", "[" + g + "]").build(), PrestaShopApi.OPTION_VALUES)) {
        names(v.path("name")).forEach(n -> byName.putIfAbsent(key(n), v.path("id").asText()));
      }
      return byName;
    });
  }

  /** A multilingual field's texts: a plain value with one language, a list of {id, value} with several [V core code]. */
  static Collection<String> names(JsonNode field) {
    List<String> out = new ArrayList<>();
    if (field.isArray()) {
      field.forEach(l -> out.add(l.path("value").asText("")));
    } else if (!field.isMissingNode() && !field.isNull()) {
      out.add(field.asText());
    }
    return out;
  }

  private static String key(String name) {
    return name.trim().toLowerCase(Locale.ROOT);
  }
}
