package io.syncfleet.adapters.lazada;

import static io.syncfleet.adapters.lazada.LazadaErrors.text;

import io.syncfleet.adapters.failure.TransientFailure;
import io.syncfleet.producer.connection.Connection;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import okhttp3.HttpUrl;

/**
 * Products on Lazada may only show Lazada-hosted images [V]: each listing image on another host is
 * migrated with {@value LazadaApi#MIGRATE_IMAGE}, which fetches it and answers its Lazada URL [V].
 * The URL is remembered per connection, in memory and bounded, so a repeated upsert does not migrate
 * again; an image already on Lazada's hosts is used as it is.
 */
final class LazadaImages {
  private static final int MAX_REMEMBERED = 20_000;

  private final LazadaClient client;
  private final Map<String, String> migrated = Collections.synchronizedMap(
      new LinkedHashMap<String, String>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
          return size() > MAX_REMEMBERED;
        }
      });

  LazadaImages(LazadaClient client) {
    this.client = client;
  }

  /** The Lazada URLs of {@code urls}, in order; Lazada's refusal of an image is a permanent failure. */
  List<String> urls(Connection c, LazadaSettings s, List<String> urls) {
    List<String> out = new ArrayList<>(urls.size());
    for (String url : urls) {
      if (onLazada(url)) {
        out.add(url);
        continue;
      }
      String key = c.id() + '\n' + url;
      String lazadaUrl = migrated.get(key);
      if (lazadaUrl == null) {
        String payload = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Request><Image><Url>" + escape(url)
            + "</Url></Image></Request>";
        LazadaReply reply = client.post(c, s, LazadaApi.MIGRATE_IMAGE, Map.of("payload", payload)).orThrow();
        lazadaUrl = text(reply.data().path("image"), "url");
        if (lazadaUrl == null || lazadaUrl.isEmpty()) {
          throw new TransientFailure("Lazada migrated image " + url + " but sent no URL", reply.status());
        }
        migrated.put(key, lazadaUrl);
      }
      out.add(lazadaUrl);
    }
    return out;
  }

  private static boolean onLazada(String url) {
    HttpUrl parsed = HttpUrl.parse(url);
    String host = parsed == null ? "" : parsed.host().toLowerCase(Locale.ROOT);
    return LazadaApi.IMAGE_HOST_SUFFIXES.stream().anyMatch(host::endsWith);
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
        .replace("'", "&apos;");
  }
}
