package io.syncfleet.adapters.mirakl;

import static io.syncfleet.adapters.mirakl.MiraklErrors.text;

import com.fasterxml.jackson.databind.JsonNode;
import io.syncfleet.adapters.ItemOutcome;
import io.syncfleet.adapters.failure.TransientFailure;
import io.syncfleet.adapters.http.HttpResult;
import io.syncfleet.adapters.http.PendingSubmissions;
import io.syncfleet.producer.connection.Connection;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * Offer imports, which Mirakl processes asynchronously: uploads a file (OF01), and on the reruns the
 * worker makes while Mirakl works, follows the same import up (OF02) instead of uploading again, then
 * reads its error report (OF03) for the lines Mirakl refused. Each call of {@link #run} makes one of
 * those steps (a check and its report count as one), so the worker's pacing of the operation is the
 * pacing of Mirakl's calls.
 *
 * <p>While an import is unfinished every item comes back as RETRY with the wait Mirakl's call
 * frequency asks for ({@value #PENDING}). Imports are remembered per process, by the file's exact
 * bytes; another process uploads the file again, which changes nothing since every file kind is
 * idempotent (complete offers, absolute quantities and prices, deletes whose "not found" counts as
 * done).
 */
final class MiraklImports {
  /** Item outcome code while Mirakl has not finished an import. */
  static final String PENDING = "IMPORT_PENDING";
  /** Item outcome code when Mirakl could not process the whole file. */
  static final String FAILED = "IMPORT_FAILED";
  /** Item outcome code for a refused line whose report gives no code of its own. */
  static final String LINE_ERROR = "IMPORT_LINE_ERROR";

  private static final MediaType CSV = MediaType.get("text/csv; charset=utf-8");

  private final MiraklClient client;
  private final PendingSubmissions imports;
  private final Clock clock;

  MiraklImports(MiraklClient client, Clock clock) {
    this.client = client;
    this.clock = clock;
    this.imports = new PendingSubmissions(clock, MiraklApi.IMPORT_MEMORY);
  }

  /** One step of importing {@code file}; the outcome of each of its SKUs. */
  Map<String, ItemOutcome> run(Connection c, MiraklSettings s, MiraklOfferFile file) {
    String fingerprint = PendingSubmissions.fingerprint(file.fingerprintKind(), file.bytes());
    Optional<PendingSubmissions.Submission> known = imports.find(c, fingerprint);
    if (known.isEmpty()) {
      String importId = upload(c, s, file, fingerprint);
      imports.remember(c, fingerprint, importId);
      return all(file, ItemOutcome.retry(null, PENDING, "Mirakl accepted import " + importId
          + " and is processing it", MiraklApi.FOLLOW_UP_SOON));
    }
    return followUp(c, s, file, fingerprint, known.get());
  }

  private String upload(Connection c, MiraklSettings s, MiraklOfferFile file, String fingerprint) {
    RequestBody body = new MultipartBody.Builder().setType(MultipartBody.FORM)
        .addFormDataPart(MiraklApi.FILE_PART, "syncfleet-" + fingerprint.substring(0, 16) + ".csv",
            RequestBody.create(file.bytes(), CSV))
        .addFormDataPart(MiraklApi.IMPORT_MODE, file.kind().mode())
        .addFormDataPart(MiraklApi.WITH_PRODUCTS, "false")
        .build();
    HttpResult r = client.send(c, new Request.Builder().url(s.url(MiraklApi.OFFER_IMPORTS)).post(body).build())
        .requireSuccess();
    String importId = text(r.json(), MiraklApi.IMPORT_ID);
    if (importId == null || importId.isBlank()) {
      throw new TransientFailure("Mirakl accepted the offer file but sent no import_id", r.status());
    }
    return importId;
  }

  private Map<String, ItemOutcome> followUp(Connection c, MiraklSettings s, MiraklOfferFile file,
      String fingerprint, PendingSubmissions.Submission submission) {
    String importId = submission.handle();
    JsonNode status = client.send(c, new Request.Builder()
        .url(s.url(MiraklApi.OFFER_IMPORTS, importId, null)).get().build()).requireSuccess().json();
    String state = text(status, MiraklApi.STATUS);
    if (MiraklApi.STATUS_FAILED.equals(state)) {
      imports.forget(c, fingerprint);
      String reason = text(status, MiraklApi.REASON_STATUS);
      return all(file, ItemOutcome.failed(null, FAILED, "Mirakl could not import the offer file (import "
          + importId + ")" + (reason == null ? "" : ": " + reason)));
    }
    if (!MiraklApi.STATUS_COMPLETE.equals(state)) {
      Duration age = Duration.between(submission.submittedAt(), clock.instant());
      Duration wait = age.compareTo(MiraklApi.FOLLOW_UP_LATER) < 0 ? MiraklApi.FOLLOW_UP_SOON
          : MiraklApi.FOLLOW_UP_LATER;
      return all(file, ItemOutcome.retry(null, PENDING, "Mirakl import " + importId + " is " + state
          + " (" + status.path(MiraklApi.LINES_READ).asInt(0) + " lines read)", wait));
    }
    Map<String, ItemOutcome> out = all(file, ItemOutcome.done(null));
    if (status.path(MiraklApi.LINES_IN_ERROR).asInt(0) > 0 || status.path(MiraklApi.HAS_ERROR_REPORT).asBoolean()) {
      HttpResult report = client.send(c, new Request.Builder()
          .url(s.url(MiraklApi.OFFER_IMPORTS, importId, MiraklApi.ERROR_REPORT)).get().build());
      if (report.status() == 404) {
        // The report is written after the import completes; it is not there yet.
        return all(file, ItemOutcome.retry(null, PENDING, "Mirakl import " + importId
            + " is complete but its error report is not ready", MiraklApi.FOLLOW_UP_SOON));
      }
      report.requireSuccess();
      for (Map<String, String> line : MiraklCsv.read(report.bodyBytes())) {
        String sku = line.get(MiraklApi.SKU);
        if (sku != null && out.containsKey(sku)) {
          out.put(sku, refused(file, sku, line));
        }
      }
    }
    imports.forget(c, fingerprint);
    return out;
  }

  /** The outcome of a line in the error report: refused, except a delete of an offer already gone. */
  private static ItemOutcome refused(MiraklOfferFile file, String sku, Map<String, String> line) {
    String message = line.getOrDefault(MiraklApi.ERROR_MESSAGE_COLUMN, "").trim();
    if (file.kind() == MiraklOfferFile.Kind.DELETES && MiraklApi.OFFER_NOT_FOUND.matcher(message).find()) {
      return ItemOutcome.done(sku);
    }
    String code = line.get(MiraklApi.ERROR_CODE_COLUMN);
    return ItemOutcome.failed(sku, code == null || code.isBlank() ? LINE_ERROR : code.trim(),
        message.isEmpty() ? "Mirakl refused this line without a message" : message);
  }

  /** The same outcome for every SKU of the file, in order. */
  private static Map<String, ItemOutcome> all(MiraklOfferFile file, ItemOutcome template) {
    Map<String, ItemOutcome> out = new LinkedHashMap<>();
    List<String> skus = file.skus();
    for (String sku : skus) {
      out.put(sku, new ItemOutcome(sku, template.status(), template.code(), template.message(),
          template.retryAfter()));
    }
    return out;
  }
}
