package io.syncfleet.adapters.meta;

import static io.syncfleet.adapters.meta.MetaErrors.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.syncfleet.adapters.ItemOutcome;
import io.syncfleet.adapters.failure.AuthenticationFailure;
import io.syncfleet.adapters.failure.RateLimitedFailure;
import io.syncfleet.adapters.failure.SyncFailure;
import io.syncfleet.producer.Json;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import okhttp3.MultipartBody;

/**
 * One items_batch call and its follow-up: sends the requests, fails at once the items Meta's answer
 * already refuses ({@code validation_status}), then checks the batch's status under
 * {@link MetaPolling} and reads each item's end from it. A failure of the call itself is thrown for
 * the whole batch; once the call went through, a failure while checking its status sends the items
 * back as RETRY (only an authentication failure is still thrown, to pause the connection).
 */
final class MetaBatch {
  /** What a batch does, which decides allow_upsert and what "no such item" means. */
  enum Purpose {
    /** Listings: UPDATE creates missing items. */
    LISTINGS(true),
    /** Stock and prices: only existing items; a missing one may still be on its way, so RETRY. */
    UPDATES(false),
    /** Deletes: an item already gone is done. */
    DELETES(false);

    private final boolean allowUpsert;

    Purpose(boolean allowUpsert) {
      this.allowUpsert = allowUpsert;
    }
  }

  /** One request of the batch and the SKU it is for. */
  record Entry(String sku, ObjectNode request) {}

  private final MetaGraph graph;
  private final MetaPolling polling;

  MetaBatch(MetaGraph graph, MetaPolling polling) {
    this.graph = graph;
    this.polling = polling;
  }

  /** Sends {@code entries} in one call and returns each one's outcome, keyed by SKU in their order. */
  Map<String, ItemOutcome> run(MetaSettings s, MetaAuth auth, List<Entry> entries, Purpose purpose) {
    ArrayNode requests = Json.MAPPER.createArrayNode();
    entries.forEach(e -> requests.add(e.request()));
    MultipartBody.Builder form = new MultipartBody.Builder()
        .addFormDataPart(MetaApi.ITEM_TYPE, MetaApi.PRODUCT_ITEM)
        .addFormDataPart(MetaApi.ALLOW_UPSERT, String.valueOf(purpose.allowUpsert))
        .addFormDataPart(MetaApi.REQUESTS, requests.toString());
    JsonNode answer = graph.post(s.edge(MetaApi.ITEMS_BATCH), form, auth);

    Map<String, ItemOutcome> out = new LinkedHashMap<>();
    Map<String, String> refused = refusedAtOnce(answer);
    List<String> sent = new ArrayList<>();
    for (Entry e : entries) {
      String reason = refused.get(e.sku());
      if (reason != null) {
        out.put(e.sku(), ItemOutcome.failed(e.sku(), MetaApi.ITEM_REJECTED, reason));
      } else {
        sent.add(e.sku());
      }
    }
    if (sent.isEmpty()) {
      return out;
    }
    JsonNode first = answer.path(MetaApi.HANDLES).path(0);
    String handle = first.isTextual() && !first.asText().isEmpty() ? first.asText() : null;
    if (handle == null) {
      sent.forEach(sku -> out.put(sku, ItemOutcome.retry(sku, "no_handle",
          "Meta answered items_batch without a batch handle, so nothing shows the item was taken", null)));
      return out;
    }
    out.putAll(follow(s, auth, handle, sent, purpose));
    return out;
  }

  /** Checks the batch's status until it ends or the polling schedule runs out. */
  private Map<String, ItemOutcome> follow(MetaSettings s, MetaAuth auth, String handle, List<String> skus,
      Purpose purpose) {
    String last = null;
    for (Duration wait : polling.waits()) {
      polling.pause(wait);
      JsonNode status;
      try {
        status = graph.get(s.edge(MetaApi.BATCH_STATUS).newBuilder()
            .addQueryParameter(MetaApi.HANDLE, handle)
            .addQueryParameter(MetaApi.LOAD_INVALID_IDS, "true")
            .build(), auth).path("data").path(0);
      } catch (AuthenticationFailure e) {
        throw e;
      } catch (SyncFailure e) {
        return unknown(skus, handle, e);
      }
      last = text(status, MetaApi.STATUS);
      if (MetaApi.FINISHED.equals(last)) {
        return finished(status, skus, purpose);
      }
      if (last != null && !MetaApi.WORKING.contains(last)) {
        break;
      }
    }
    Map<String, ItemOutcome> out = new LinkedHashMap<>();
    boolean working = last == null || MetaApi.WORKING.contains(last);
    for (String sku : skus) {
      out.put(sku, working
          ? ItemOutcome.retry(sku, "batch_pending", "Meta is still applying batch " + handle
              + "; the item is sent again", polling.stillBusy())
          : ItemOutcome.retry(sku, "batch_" + last, "Meta reports batch " + handle + " as '" + last + "'", null));
    }
    return out;
  }

  /**
   * Each item's end in a finished batch. Errors name their item by retailer id [C]; when some cannot
   * be matched to an item (Meta listed no ids and left errors unnamed or unlisted), the items without
   * a named error are sent again rather than reported done.
   */
  private static Map<String, ItemOutcome> finished(JsonNode status, List<String> skus, Purpose purpose) {
    Map<String, List<String>> messages = new LinkedHashMap<>();
    Map<String, String> codes = new LinkedHashMap<>();
    int unnamed = 0;
    JsonNode errors = status.path(MetaApi.ERRORS);
    for (JsonNode error : errors) {
      String id = text(error, "id") != null ? text(error, "id") : text(error, MetaApi.RETAILER_ID);
      if (id == null) {
        unnamed++;
        continue;
      }
      String message = text(error, "message");
      messages.computeIfAbsent(id, k -> new ArrayList<>()).add(message != null ? message : "refused");
      String code = text(error, "code");
      codes.putIfAbsent(id, code != null ? code : MetaApi.ITEM_REJECTED);
    }
    Set<String> invalid = new HashSet<>();
    status.path(MetaApi.INVALID_IDS).forEach(id -> invalid.add(id.asText()));
    int total = status.path(MetaApi.ERRORS_TOTAL).asInt(errors.size());
    boolean unmatched = invalid.isEmpty() && (unnamed > 0 || total > errors.size());

    Map<String, ItemOutcome> out = new LinkedHashMap<>();
    for (String sku : skus) {
      if (messages.containsKey(sku) || invalid.contains(sku)) {
        String message = messages.containsKey(sku) ? String.join("; ", messages.get(sku))
            : "Meta refused the item without saying why here; Commerce Manager lists the reason";
        out.put(sku, refused(sku, codes.getOrDefault(sku, MetaApi.ITEM_REJECTED), message, purpose));
      } else if (unmatched) {
        out.put(sku, ItemOutcome.retry(sku, "errors_unmatched", "Meta reported " + total
            + " errors in the batch without naming every item; the item is sent again", null));
      } else {
        out.put(sku, ItemOutcome.done(sku));
      }
    }
    return out;
  }

  /** A refused item: a delete of an item already gone is done, an update of one not there yet is retried. */
  private static ItemOutcome refused(String sku, String code, String message, Purpose purpose) {
    if (MetaApi.saysItemMissing(message)) {
      if (purpose == Purpose.DELETES) {
        return ItemOutcome.done(sku);
      }
      if (purpose == Purpose.UPDATES) {
        return ItemOutcome.retry(sku, "item_not_found", message + " (its listing may not be in the catalog yet)", null);
      }
    }
    return ItemOutcome.failed(sku, code, message);
  }

  /** The items of a batch that was sent but whose status could not be read. */
  private static Map<String, ItemOutcome> unknown(List<String> skus, String handle, SyncFailure e) {
    Map<String, ItemOutcome> out = new LinkedHashMap<>();
    Duration wait = e instanceof RateLimitedFailure r ? r.retryAfter().orElse(null) : null;
    for (String sku : skus) {
      out.put(sku, ItemOutcome.retry(sku, e.code(), "batch " + handle + " was sent but its status could not be read: "
          + e.getMessage(), wait));
    }
    return out;
  }

  /** The validation errors items_batch answers at once, by retailer id [C]. */
  private static Map<String, String> refusedAtOnce(JsonNode answer) {
    Map<String, String> refused = new LinkedHashMap<>();
    for (JsonNode item : answer.path(MetaApi.VALIDATION_STATUS)) {
      String id = text(item, MetaApi.RETAILER_ID);
      List<String> messages = new ArrayList<>();
      for (JsonNode error : item.path(MetaApi.ERRORS)) {
        String m = error.isTextual() ? error.asText() : text(error, "message");
        if (m != null) {
          messages.add(m);
        }
      }
      if (id != null && !messages.isEmpty()) {
        refused.put(id, String.join("; ", messages));
      }
    }
    return refused;
  }
}
