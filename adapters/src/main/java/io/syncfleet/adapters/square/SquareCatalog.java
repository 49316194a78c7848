package io.syncfleet.adapters.square;

import static io.syncfleet.adapters.square.SquareErrors.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.syncfleet.adapters.http.HttpResult;
import io.syncfleet.adapters.http.MarketplaceHttp;
import io.syncfleet.producer.Json;
import io.syncfleet.producer.connection.Connection;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import okhttp3.Request;

/**
 * The seller's catalog: finds variations by SKU with their items, and writes and deletes catalog
 * objects. Square addresses everything by object id and refuses an update without the object's
 * current {@code version} [V], so every write starts from what a search just returned.
 */
final class SquareCatalog {
  private final SquareAuth auth;

  SquareCatalog(SquareAuth auth) {
    this.auth = auth;
  }

  /** A SKU's variation as Square holds it (id, version, data) and the item it belongs to, when Square sent it. */
  record Variation(String sku, JsonNode object, JsonNode item) {
    String id() {
      return text(object, "id");
    }

    String itemId() {
      return text(object.path("item_variation_data"), "item_id");
    }
  }

  /** What one batch upsert answered: every object saved by id (items and their variations), and the errors. */
  record Upserted(Map<String, JsonNode> saved, Map<String, String> ids, List<SquareErrors.Fault> faults) {
    /** The id an object has now: its temporary id's mapping, or the id itself. */
    String idOf(String clientId) {
      return ids.getOrDefault(clientId, clientId);
    }
  }

  /**
   * The variations carrying {@code skus}, by SKU (the first, when Square has several). Square matches
   * SKUs ignoring case [V SDK]; only an exact match counts.
   */
  Map<String, Variation> find(Connection c, SquareSettings s, Collection<String> skus) {
    Map<String, Variation> found = new HashMap<>();
    List<String> all = new ArrayList<>(new LinkedHashSet<>(skus));
    for (int from = 0; from < all.size(); from += SquareApi.SEARCH_VALUES) {
      List<String> chunk = all.subList(from, Math.min(all.size(), from + SquareApi.SEARCH_VALUES));
      Set<String> wanted = new HashSet<>(chunk);
      String cursor = null;
      do {
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.putArray("object_types").add(SquareApi.ITEM_VARIATION);
        body.put("include_related_objects", true);
        ObjectNode set = body.putObject("query").putObject("set_query").put("attribute_name", "sku");
        ArrayNode values = set.putArray("attribute_values");
        chunk.forEach(values::add);
        body.put("limit", SquareApi.SEARCH_LIMIT);
        if (cursor != null) {
          body.put("cursor", cursor);
        }
        JsonNode answer = post(c, s, SquareApi.CATALOG_SEARCH, body).requireSuccess().json();
        Map<String, JsonNode> items = new HashMap<>();
        answer.path("related_objects").forEach(o -> items.put(text(o, "id"), o));
        for (JsonNode variation : answer.path("objects")) {
          String sku = text(variation.path("item_variation_data"), "sku");
          if (sku != null && wanted.contains(sku) && !found.containsKey(sku)) {
            found.put(sku, new Variation(sku, variation, items.get(text(variation.path("item_variation_data"), "item_id"))));
          }
        }
        cursor = text(answer, "cursor");
      } while (cursor != null && !cursor.isEmpty());
    }
    return found;
  }

  /**
   * Upserts {@code batches} in one call, each batch saved or refused as a whole [V]. A fresh
   * idempotency key per call: a repeat of the same objects is harmless (their versions make a stale
   * one fail), while a reused key would replay an old answer for a different body.
   */
  Upserted upsert(Connection c, SquareSettings s, List<List<ObjectNode>> batches) {
    ObjectNode body = Json.MAPPER.createObjectNode();
    body.put("idempotency_key", UUID.randomUUID().toString());
    ArrayNode list = body.putArray("batches");
    for (List<ObjectNode> batch : batches) {
      list.addObject().putArray("objects").addAll(batch);
    }
    HttpResult r = post(c, s, SquareApi.CATALOG_UPSERT, body);
    // A refused batch comes back as errors, with or without the others' objects [U]; anything else is the call's.
    JsonNode answer = r.isSuccess() ? r.json() : r.jsonOrEmpty();
    List<SquareErrors.Fault> faults = SquareErrors.errors(answer);
    if (!r.isSuccess() && faults.isEmpty()) {
      throw r.permanent();
    }
    Map<String, JsonNode> saved = new LinkedHashMap<>();
    for (JsonNode object : answer.path("objects")) {
      saved.put(text(object, "id"), object);
      object.path("item_data").path("variations").forEach(v -> saved.put(text(v, "id"), v));
    }
    Map<String, String> ids = new HashMap<>();
    answer.path("id_mappings").forEach(m -> ids.put(text(m, "client_object_id"), text(m, "object_id")));
    return new Upserted(saved, ids, faults);
  }

  /** Deletes objects by id; answers the ids Square deleted (deleting an item deletes its variations [V]). */
  Set<String> delete(Connection c, SquareSettings s, Collection<String> ids) {
    ObjectNode body = Json.MAPPER.createObjectNode();
    ArrayNode list = body.putArray("object_ids");
    ids.forEach(list::add);
    Set<String> deleted = new HashSet<>();
    post(c, s, SquareApi.CATALOG_DELETE, body).requireSuccess().json().path("deleted_object_ids")
        .forEach(id -> deleted.add(id.asText()));
    return deleted;
  }

  /** The SKUs of the given variation ids, deleted variations included, by id. */
  Map<String, String> skus(Connection c, SquareSettings s, Collection<String> variationIds) {
    Map<String, String> out = new HashMap<>();
    if (variationIds.isEmpty()) {
      return out;
    }
    ObjectNode body = Json.MAPPER.createObjectNode();
    ArrayNode list = body.putArray("object_ids");
    variationIds.forEach(list::add);
    body.put("include_deleted_objects", true);
    for (JsonNode object : post(c, s, SquareApi.CATALOG_RETRIEVE, body).requireSuccess().json().path("objects")) {
      String sku = text(object.path("item_variation_data"), "sku");
      if (sku != null) {
        out.put(text(object, "id"), sku);
      }
    }
    return out;
  }

  private HttpResult post(Connection c, SquareSettings s, String path, ObjectNode body) {
    return auth.send(c, s, new Request.Builder().url(s.url(path)).post(MarketplaceHttp.json(body)).build());
  }
}
