package io.syncfleet.adapters.lazada;

import io.syncfleet.adapters.http.Hmac;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.Request;

/**
 * Lazada request signatures [V]: every parameter but {@code sign} (system and business ones alike),
 * sorted by name in ASCII order, concatenated as name and raw value without separators, prefixed with
 * the API path, then HMAC-SHA256 under the app secret in UPPERCASE hex. Empty parameters are never
 * sent, so Lazada's SDKs (which skip them) and the server agree on what was signed.
 */
final class LazadaSigner {
  private LazadaSigner() {}

  /** The sign of a call to {@code apiPath} with {@code params} (without {@code sign}). */
  static String sign(String apiPath, Map<String, String> params, String appSecret) {
    StringBuilder base = new StringBuilder(apiPath);
    new TreeMap<>(params).forEach((name, value) -> base.append(name).append(value));
    return Hmac.sha256HexUpper(appSecret, base.toString());
  }

  /**
   * A signed request. GET carries every parameter in the query; POST carries the system parameters
   * and the sign in the query and the business parameters as a form body [C, as Lazada's SDKs do],
   * keeping large payloads out of the URL [V].
   */
  static Request request(HttpUrl url, String method, String apiPath, Map<String, String> system,
      Map<String, String> business, String appSecret) {
    Map<String, String> sent = new LinkedHashMap<>();
    system.forEach((k, v) -> putIfPresent(sent, k, v));
    Map<String, String> form = new LinkedHashMap<>();
    business.forEach((k, v) -> putIfPresent(form, k, v));
    Map<String, String> signed = new TreeMap<>(sent);
    signed.putAll(form);
    HttpUrl.Builder query = url.newBuilder();
    sent.forEach(query::addQueryParameter);
    if ("GET".equals(method)) {
      form.forEach(query::addQueryParameter);
      query.addQueryParameter("sign", sign(apiPath, signed, appSecret));
      return new Request.Builder().url(query.build()).get().build();
    }
    query.addQueryParameter("sign", sign(apiPath, signed, appSecret));
    FormBody.Builder body = new FormBody.Builder();
    form.forEach(body::add);
    return new Request.Builder().url(query.build()).post(body.build()).build();
  }

  private static void putIfPresent(Map<String, String> params, String name, String value) {
    if (value != null && !value.isEmpty()) {
      params.put(name, value);
    }
  }
}
