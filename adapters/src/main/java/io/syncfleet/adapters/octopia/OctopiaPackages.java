package io.syncfleet.adapters.octopia;

import static io.syncfleet.adapters.octopia.OctopiaErrors.text;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.syncfleet.adapters.ItemOutcome;
import io.syncfleet.adapters.failure.TransientFailure;
import io.syncfleet.adapters.http.HttpResult;
import io.syncfleet.adapters.http.MarketplaceHttp;
import io.syncfleet.adapters.http.PendingSubmissions;
import io.syncfleet.producer.Json;
import io.syncfleet.producer.connection.Connection;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;
import okhttp3.Request;

/**
 * Offer packages, which Octopia integrates asynchronously. The first call of a batch creates a
 * package of the right type, uploads its offer requests and submits it; the worker's reruns while
 * Octopia works follow the same package up and, once it is integrated, read each offer's result.
 * Packages are remembered per process by the exact requests sent; another process submits them again,
 * which Upsert (full offers), Update (absolute values) and Delete packages make harmless.
 *
 * <p>While a package is unfinished every item comes back as RETRY ({@value #PENDING}); a refused
 * offer is FAILED with Octopia's result code and message; {@value OctopiaApi#QUOTA_EXCEEDED} on an
 * offer is THROTTLED; an offer the results do not mention is RETRY.
 */
final class OctopiaPackages {
  /** Item outcome code while Octopia has not finished a package. */
  static final String PENDING = "PACKAGE_PENDING";
  /** Item outcome code when Octopia rejects a whole package. */
  static final String REJECTED = "PACKAGE_REJECTED";

  private static final Pattern NEXT_LINK = Pattern.compile("<([^>]+)>\\s*;\\s*rel=\"?next\"?");

  private final OctopiaAuth auth;
  private final PendingSubmissions packages;
  private final Clock clock;

  OctopiaPackages(OctopiaAuth auth, Clock clock) {
    this.auth = auth;
    this.clock = clock;
    this.packages = new PendingSubmissions(clock, OctopiaApi.PACKAGE_MEMORY);
  }

  /** One step of integrating {@code requests} (by SKU, in order) in a package of {@code type}. */
  Map<String, ItemOutcome> run(OctopiaSettings s, String type, Map<String, ObjectNode> requests) {
    Connection c = s.connection();
    ArrayNode all = Json.MAPPER.createArrayNode();
    requests.values().forEach(all::add);
    String fingerprint = PendingSubmissions.fingerprint(type + "/" + s.salesChannelId(), bytes(all));
    Optional<PendingSubmissions.Submission> known = packages.find(c, fingerprint);
    if (known.isEmpty()) {
      String packageId = submit(s, type, all);
      packages.remember(c, fingerprint, packageId);
      return same(requests, ItemOutcome.retry(null, PENDING, "Octopia received package " + packageId
          + " and is integrating it", OctopiaApi.FOLLOW_UP_SOON));
    }
    return followUp(s, requests, fingerprint, known.get());
  }

  private Map<String, ItemOutcome> followUp(OctopiaSettings s, Map<String, ObjectNode> requests,
      String fingerprint, PendingSubmissions.Submission submission) {
    Connection c = s.connection();
    String packageId = submission.handle();
    Duration wait = Duration.between(submission.submittedAt(), clock.instant())
        .compareTo(OctopiaApi.FOLLOW_UP_LATER) < 0 ? OctopiaApi.FOLLOW_UP_SOON : OctopiaApi.FOLLOW_UP_LATER;
    JsonNode pkg = auth.send(s, new Request.Builder().url(s.url(OctopiaApi.OFFER_PACKAGES, packageId, null))
        .get().build()).requireSuccess().json();
    String state = firstText(pkg, "state", "status", "packageState");
    if (OctopiaApi.STATE_REJECTED.equals(state)) {
      packages.forget(c, fingerprint);
      String reason = firstText(pkg, "rejectionReason", "detail", "message");
      return same(requests, ItemOutcome.failed(null, REJECTED, "Octopia rejected package " + packageId
          + (reason == null ? "" : ": " + reason)));
    }
    if (!OctopiaApi.STATE_INTEGRATED.equals(state)) {
      return same(requests, ItemOutcome.retry(null, PENDING, "Octopia package " + packageId + " is " + state,
          wait));
    }
    Map<String, ItemOutcome> out = same(requests, ItemOutcome.retry(null, PENDING,
        "Octopia's results for package " + packageId + " do not mention this offer yet", wait));
    for (JsonNode result : results(s, packageId, requests.size())) {
      String sku = text(result, "sellerExternalReference");
      if (sku != null && out.containsKey(sku)) {
        out.put(sku, outcome(sku, result));
      }
    }
    packages.forget(c, fingerprint);
    return out;
  }

  private String submit(OctopiaSettings s, String type, ArrayNode requests) {
    ObjectNode create = Json.MAPPER.createObjectNode().put("packageType", type);
    if (s.salesChannelId() != null) {
      create.put("salesChannelId", s.salesChannelId());
    }
    HttpResult created = auth.send(s, new Request.Builder().url(s.url(OctopiaApi.OFFER_PACKAGES))
        .post(MarketplaceHttp.json(create)).build()).requireSuccess();
    String packageId = packageId(created);
    for (int from = 0; from < requests.size(); from += OctopiaApi.REQUESTS_PER_UPLOAD) {
      ArrayNode chunk = Json.MAPPER.createArrayNode();
      for (int i = from; i < Math.min(requests.size(), from + OctopiaApi.REQUESTS_PER_UPLOAD); i++) {
        chunk.add(requests.get(i));
      }
      auth.send(s, new Request.Builder().url(s.url(OctopiaApi.OFFER_PACKAGES, packageId, OctopiaApi.OFFER_REQUESTS))
          .post(MarketplaceHttp.json(chunk)).build()).requireSuccess();
    }
    auth.send(s, new Request.Builder().url(s.url(OctopiaApi.OFFER_PACKAGES, packageId, null))
        .patch(MarketplaceHttp.json(Json.MAPPER.createObjectNode().put("state", OctopiaApi.STATE_READY)))
        .build()).requireSuccess();
    return packageId;
  }

  /** The new package's id: in the body, or as the last segment of its Content-Location [C]. */
  private static String packageId(HttpResult created) {
    String id = created.bodyBytes().length == 0 ? null : firstText(created.json(), "packageId", "id");
    if (id == null) {
      String location = created.header("Content-Location");
      if (location == null) {
        location = created.header("Location");
      }
      if (location != null && !location.isBlank()) {
        String trimmed = location.replaceAll("/+$", "");
        id = trimmed.substring(trimmed.lastIndexOf('/') + 1);
      }
    }
    if (id == null || id.isBlank()) {
      throw new TransientFailure("Octopia created an offer package but named no id", created.status());
    }
    return id;
  }

  /** Every offer result of an integrated package, following the {@code Link} header's next pages. */
  private List<JsonNode> results(OctopiaSettings s, String packageId, int expected) {
    List<JsonNode> all = new ArrayList<>();
    HttpUrl url = s.url(OctopiaApi.OFFER_PACKAGES, packageId, OctopiaApi.OFFER_REQUEST_RESULTS).newBuilder()
        .addQueryParameter("limit", String.valueOf(OctopiaApi.RESULTS_PAGE)).build();
    // Bounded, so a server that keeps linking to itself cannot hold the worker.
    int maxPages = expected / OctopiaApi.RESULTS_PAGE + 2;
    for (int page = 0; url != null && page < maxPages; page++) {
      HttpResult r = auth.send(s, new Request.Builder().url(url).get().build()).requireSuccess();
      JsonNode body = r.json();
      JsonNode items = body.isArray() ? body : body.path("items");
      items.forEach(all::add);
      url = next(url, r.header("Link"));
    }
    return all;
  }

  private static HttpUrl next(HttpUrl current, String link) {
    if (link == null) {
      return null;
    }
    Matcher m = NEXT_LINK.matcher(link);
    return m.find() ? current.resolve(m.group(1)) : null;
  }

  /** One offer's result [V statuses, C field names]. */
  private static ItemOutcome outcome(String sku, JsonNode result) {
    String status = text(result, "integrationStatus");
    if (OctopiaApi.RESULT_INTEGRATED.equals(status)) {
      return ItemOutcome.done(sku);
    }
    String code = null;
    List<String> messages = new ArrayList<>();
    for (JsonNode r : result.path("results")) {
      if (code == null) {
        code = text(r, "resultCode");
      }
      String m = text(r, "message");
      if (m != null) {
        messages.add(m);
      }
    }
    String message = messages.isEmpty() ? "Octopia gave this offer the status " + status : String.join("; ", messages);
    if ((code != null && code.contains(OctopiaApi.QUOTA_EXCEEDED)) || message.contains(OctopiaApi.QUOTA_EXCEEDED)) {
      return ItemOutcome.throttled(sku, OctopiaApi.QUOTA_EXCEEDED, message, null);
    }
    if (OctopiaApi.RESULT_REJECTED.equals(status)) {
      return ItemOutcome.failed(sku, code != null ? code : OctopiaApi.RESULT_REJECTED, message);
    }
    return ItemOutcome.retry(sku, code, message, OctopiaApi.FOLLOW_UP_SOON);
  }

  private static Map<String, ItemOutcome> same(Map<String, ObjectNode> requests, ItemOutcome template) {
    Map<String, ItemOutcome> out = new LinkedHashMap<>();
    for (String sku : requests.keySet()) {
      out.put(sku, new ItemOutcome(sku, template.status(), template.code(), template.message(),
          template.retryAfter()));
    }
    return out;
  }

  private static String firstText(JsonNode node, String... fields) {
    for (String f : fields) {
      String v = text(node, f);
      if (v != null && !v.isBlank()) {
        return v;
      }
    }
    return null;
  }

  private static byte[] bytes(JsonNode node) {
    try {
      return Json.MAPPER.writeValueAsBytes(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialize offer requests", e);
    }
  }
}
