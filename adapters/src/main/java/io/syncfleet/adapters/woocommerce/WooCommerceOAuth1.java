package io.syncfleet.adapters.woocommerce;

import io.syncfleet.adapters.http.Hmac;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import okhttp3.HttpUrl;

/**
 * WooCommerce's one-legged OAuth 1.0a signature, as its REST authentication checks it [V core code]:
 * no token, the parameters in the query string, the signing key the consumer secret followed by
 * {@code &}. The string signed is {@code METHOD&enc(base URL)&enc(k1=v1&k2=v2...)}, parameters sorted
 * by name, names and values RFC 3986-encoded from their decoded form.
 */
final class WooCommerceOAuth1 {
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private WooCommerceOAuth1() {}

  /** The base64 signature of a request to {@code url} (its query holds every oauth_ parameter but the signature). */
  static String signature(String method, HttpUrl url, String consumerSecret) {
    return Hmac.sha256Base64(consumerSecret + "&", baseString(method, url).getBytes(StandardCharsets.UTF_8));
  }

  /** The string that is signed. */
  static String baseString(String method, HttpUrl url) {
    // PHP's $_GET keeps the last of repeated names; the sort is strcmp on the decoded names.
    Map<String, String> params = new TreeMap<>();
    for (int i = 0; i < url.querySize(); i++) {
      String value = url.queryParameterValue(i);
      params.put(url.queryParameterName(i), value == null ? "" : value);
    }
    List<String> pairs = new ArrayList<>(params.size());
    params.forEach((name, value) -> pairs.add(encode(encode(name) + "=" + encode(value))));
    return method.toUpperCase(Locale.ROOT) + "&" + encode(baseUri(url)) + "&" + String.join("%26", pairs);
  }

  /** Scheme, host, port when not the scheme's default, and path: the URL as WordPress names itself. */
  static String baseUri(HttpUrl url) {
    boolean defaultPort = url.port() == HttpUrl.defaultPort(url.scheme());
    return url.scheme() + "://" + url.host() + (defaultPort ? "" : ":" + url.port()) + url.encodedPath();
  }

  /** RFC 3986 percent-encoding of the UTF-8 bytes: everything but letters, digits and {@code -._~}. */
  static String encode(String s) {
    StringBuilder out = new StringBuilder(s.length() + 16);
    for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
          || c == '-' || c == '.' || c == '_' || c == '~') {
        out.append((char) c);
      } else {
        out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
      }
    }
    return out.toString();
  }
}
