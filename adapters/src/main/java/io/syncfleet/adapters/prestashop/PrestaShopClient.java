package io.syncfleet.adapters.prestashop;

import com.fasterxml.jackson.databind.JsonNode;
import io.syncfleet.adapters.failure.AuthenticationFailure;
import io.syncfleet.adapters.failure.RateLimitedFailure;
import io.syncfleet.adapters.failure.SyncFailure;
import io.syncfleet.adapters.failure.TransientFailure;
import io.syncfleet.adapters.http.ErrorDetail;
import io.syncfleet.adapters.http.HttpResult;
import io.syncfleet.adapters.http.MarketplaceHttp;
import io.syncfleet.adapters.http.RetryAfter;
import io.syncfleet.producer.connection.Connection;
import io.syncfleet.producer.connection.MissingCredentialException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import okhttp3.Credentials;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.w3c.dom.Document;

/**
 * Sends authorized calls to a shop's Webservice and classifies the answers. The key is the Basic
 * auth user with an empty password [V]; answers are asked for as JSON and write bodies are XML.
 * Beyond the common rules of {@link MarketplaceHttp}: a 503 that says the Webservice is switched
 * off, and a 405 that says the key lacks a permission, pause the connection (only the shop's owner
 * fixes them); any other 503, like a 429, is the host throttling, with the Retry-After it sends.
 */
final class PrestaShopClient {
  private static final MediaType XML = MediaType.get("application/xml; charset=utf-8");

  private final MarketplaceHttp http;

  PrestaShopClient(MarketplaceHttp http) {
    this.http = http;
  }

  /** {@code path} under the connection's Webservice, in its shop when the connection names one. */
  HttpUrl url(Connection connection, String path) {
    HttpUrl.Builder url = PrestaShopApi.apiBase(connection).newBuilder().addPathSegments(path);
    connection.setting(PrestaShopApi.SHOP_ID).ifPresent(id -> url.addQueryParameter(PrestaShopApi.ID_SHOP, id));
    return url.build();
  }

  /** {@link #url} answering JSON. */
  HttpUrl jsonUrl(Connection connection, String path) {
    return url(connection, path).newBuilder().addQueryParameter(PrestaShopApi.OUTPUT_FORMAT, PrestaShopApi.JSON).build();
  }

  /** Sends {@code request}; 2xx and the 4xx the caller reads come back, every other answer is thrown. */
  HttpResult send(Connection connection, Request request) {
    String key;
    try {
      key = connection.secrets().require(PrestaShopApi.WEBSERVICE_KEY);
    } catch (MissingCredentialException e) {
      throw new AuthenticationFailure(e.getMessage(), 0, "missing_credential");
    }
    if (key.length() != PrestaShopApi.KEY_LENGTH) {
      throw new AuthenticationFailure("the connection's webservice_key has " + key.length() + " characters; a "
          + "PrestaShop key has " + PrestaShopApi.KEY_LENGTH, 0, "invalid_credential");
    }
    HttpResult r = http.exchange(request.newBuilder()
        .header("Authorization", Credentials.basic(key, "", StandardCharsets.UTF_8)).build(), PrestaShopErrors.READER);
    if (r.status() == 503 || r.status() == 405 || r.status() == 429) {
      ErrorDetail e = r.error();
      if (PrestaShopApi.WEBSERVICE_DISABLED.equals(e.code())) {
        throw new AuthenticationFailure(e.message() + " (Advanced Parameters > Webservice)", r.status(), e.code());
      }
      if (PrestaShopApi.METHOD_NOT_ALLOWED_FOR_KEY.equals(e.code())) {
        throw new AuthenticationFailure(e.message() + "; grant it to the key under Advanced Parameters > Webservice",
            r.status(), e.code());
      }
      if (r.status() != 405) {
        throw new RateLimitedFailure("the shop's server is throttling (HTTP " + r.status() + "): " + e.message(),
            r.status(), e.code(), RetryAfter.parse(r.header("Retry-After"), http.clock()));
      }
    }
    SyncFailure failure = http.failure(r);
    if (failure != null) {
      throw failure;
    }
    return r;
  }

  /** GETs a JSON list of {@code resource}; PrestaShop answers an empty list as {@code []} [V core code]. */
  List<JsonNode> list(Connection connection, HttpUrl url, String resource) {
    HttpResult r = send(connection, new Request.Builder().url(url).get().build()).requireSuccess();
    JsonNode body = r.json();
    List<JsonNode> out = new ArrayList<>();
    if (body.isArray() && body.isEmpty()) {
      return out;
    }
    JsonNode items = body.path(resource);
    if (!items.isArray()) {
      throw new TransientFailure("PrestaShop answered a " + resource + " list without one", r.status());
    }
    items.forEach(out::add);
    return out;
  }

  /** GETs one resource as its XML document, the form a PUT sends back. */
  Document getXml(Connection connection, String path) {
    HttpResult r = send(connection, new Request.Builder().url(url(connection, path)).get().build()).requireSuccess();
    try {
      return PrestaShopXml.parse(r.bodyBytes());
    } catch (IllegalArgumentException e) {
      throw new TransientFailure("PrestaShop answered HTTP " + r.status() + " with a body that is not XML",
          r.status(), null, e);
    }
  }

  /** POSTs a new resource and returns the created one's id. */
  long create(Connection connection, String resource, Document doc) {
    JsonNode created = write(connection, new Request.Builder().url(jsonUrl(connection, resource))
        .post(RequestBody.create(PrestaShopXml.write(doc), XML)).build());
    String entity = PrestaShopXml.entity(doc).getTagName();
    long id = created.path(entity).path("id").asLong(0);
    if (id == 0) {
      throw new TransientFailure("PrestaShop created a " + entity + " without saying its id", 201);
    }
    return id;
  }

  /** PUTs a whole resource back. */
  void update(Connection connection, String path, Document doc) {
    write(connection, new Request.Builder().url(jsonUrl(connection, path))
        .put(RequestBody.create(PrestaShopXml.write(doc), XML)).build());
  }

  /** DELETEs a resource; the answer is returned, a 404 included. */
  HttpResult delete(Connection connection, String path) {
    return send(connection, new Request.Builder().url(jsonUrl(connection, path)).delete().build());
  }

  private JsonNode write(Connection connection, Request request) {
    return send(connection, request).requireSuccess().json();
  }
}
