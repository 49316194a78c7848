package io.syncfleet.dashboard;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The page's files (one HTML page, its script and style, and the sign-in page), read once from the
 * classpath and served as they are: no build step, no template engine, nothing fetched from
 * elsewhere (the Content-Security-Policy forbids it anyway).
 */
final class StaticAssets {
  private static final String BASE = "/io/syncfleet/dashboard/web/";
  private static final List<String> FILES = List.of("index.html", "login.html", "app.js", "app.css");

  private final Map<String, byte[]> files = new HashMap<>();

  StaticAssets() {
    for (String name : FILES) {
      try (InputStream in = StaticAssets.class.getResourceAsStream(BASE + name)) {
        if (in == null) {
          throw new IllegalStateException("dashboard asset missing from the classpath: " + BASE + name);
        }
        files.put(name, in.readAllBytes());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** The file's bytes; the names are fixed, so a missing one is a packaging error. */
  byte[] get(String name) {
    byte[] bytes = files.get(name);
    if (bytes == null) {
      throw new IllegalArgumentException("no dashboard asset " + name);
    }
    return bytes;
  }

  void serve(WebExchange ex, String name) throws IOException {
    ex.send(200, type(name), get(name));
  }

  static String type(String name) {
    if (name.endsWith(".html")) {
      return "text/html; charset=utf-8";
    }
    if (name.endsWith(".js")) {
      return "text/javascript; charset=utf-8";
    }
    return "text/css; charset=utf-8";
  }
}
