package io.syncfleet.adapters.meta;

import com.fasterxml.jackson.databind.JsonNode;
import io.syncfleet.adapters.failure.SyncFailure;
import io.syncfleet.adapters.http.HttpResult;
import io.syncfleet.adapters.http.MarketplaceHttp;
import okhttp3.HttpUrl;
import okhttp3.MultipartBody;
import okhttp3.Request;

/**
 * Calls to Meta's Graph API with a connection's credentials. Every answer is classified by
 * {@link MetaErrors} (Graph's codes, not HTTP statuses, say what happened); a success comes back as
 * its JSON body, and a body that is not JSON is a transient failure.
 */
final class MetaGraph {
  private final MarketplaceHttp http;

  MetaGraph(MarketplaceHttp http) {
    this.http = http;
  }

  /** {@code GET url} with the credentials in the query. */
  JsonNode get(HttpUrl url, MetaAuth auth) {
    return send(new Request.Builder().url(auth.addTo(url.newBuilder()).build()).get().build());
  }

  /** {@code POST url} with {@code form} and the credentials as multipart form fields, as Meta's samples send them. */
  JsonNode post(HttpUrl url, MultipartBody.Builder form, MetaAuth auth) {
    MultipartBody body = auth.addTo(form.setType(MultipartBody.FORM)).build();
    return send(new Request.Builder().url(url).post(body).build());
  }

  private JsonNode send(Request request) {
    HttpResult r = http.exchange(request, MetaErrors.READER);
    SyncFailure failure = MetaErrors.classify(r, http.clock());
    if (failure != null) {
      throw failure;
    }
    return r.json();
  }
}
