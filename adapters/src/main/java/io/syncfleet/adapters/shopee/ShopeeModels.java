package io.syncfleet.adapters.shopee;

import static io.syncfleet.adapters.shopee.ShopeeErrors.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An item's variation structure as get_model_list answers it [V]: up to two tiers (e.g. Color,
 * Size), each with its options, and the models, each placed by one option index per tier.
 *
 * @param tierNames   the tiers, in Shopee's order
 * @param tierOptions each tier's options, in Shopee's order
 * @param models      the item's models
 */
record ShopeeModels(List<String> tierNames, List<List<String>> tierOptions, List<Model> models) {

  /** One model: Shopee's id, the seller's SKU and its option index per tier. */
  record Model(long modelId, String sku, List<Integer> tierIndex) {}

  ShopeeModels {
    tierNames = List.copyOf(tierNames);
    tierOptions = tierOptions.stream().map(List::copyOf).toList();
    models = List.copyOf(models);
  }

  /** Reads the {@code response} of get_model_list; standardised variations win over the legacy ones [V]. */
  static ShopeeModels read(JsonNode response) {
    List<String> names = new ArrayList<>();
    List<List<String>> options = new ArrayList<>();
    JsonNode standard = response.path("standardise_tier_variation");
    if (standard.isArray() && !standard.isEmpty()) {
      for (JsonNode tier : standard) {
        names.add(text(tier, "variation_name"));
        List<String> values = new ArrayList<>();
        tier.path("variation_option_list").forEach(o -> values.add(text(o, "variation_option_name")));
        options.add(values);
      }
    } else {
      for (JsonNode tier : response.path("tier_variation")) {
        names.add(text(tier, "name"));
        List<String> values = new ArrayList<>();
        tier.path("option_list").forEach(o -> values.add(text(o, "option")));
        options.add(values);
      }
    }
    List<Model> models = new ArrayList<>();
    for (JsonNode m : response.path("model")) {
      List<Integer> index = new ArrayList<>();
      m.path("tier_index").forEach(i -> index.add(i.asInt()));
      models.add(new Model(m.path("model_id").asLong(), text(m, "model_sku"), index));
    }
    return new ShopeeModels(names, options, models);
  }

  /** The model carrying {@code sku}, if any. */
  Optional<Model> bySku(String sku) {
    return models.stream().filter(m -> sku.equals(m.sku())).findFirst();
  }
}
