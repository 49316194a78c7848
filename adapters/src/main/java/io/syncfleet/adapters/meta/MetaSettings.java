package io.syncfleet.adapters.meta;

import io.syncfleet.adapters.failure.AuthenticationFailure;
import io.syncfleet.adapters.http.MarketplaceHttp;
import io.syncfleet.producer.connection.Connection;
import io.syncfleet.producer.job.Listing;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;

/**
 * A connection's Meta settings: where to call, which catalog, which Graph version, and how to make
 * a product page link for a listing that names none.
 */
record MetaSettings(HttpUrl base, String catalogId, String graphVersion, String linkTemplate) {
  private static final Pattern CATALOG = Pattern.compile("[0-9]{1,30}");
  private static final Pattern VERSION = Pattern.compile("v[0-9]{1,3}\\.[0-9]{1,2}");

  /**
   * The settings of {@code c}. A missing or malformed catalog id or Graph version is the merchant's
   * to fix, so it pauses the connection rather than failing items.
   */
  static MetaSettings of(Connection c) {
    String catalog = c.setting(MetaApi.CATALOG_ID).map(String::trim).orElse("");
    if (!CATALOG.matcher(catalog).matches()) {
      throw new AuthenticationFailure("connection " + c.id() + " needs the setting '" + MetaApi.CATALOG_ID
          + "': the numeric id of the Meta catalog (Commerce Manager, Catalog, Settings)", 0, "invalid_setting");
    }
    String version = c.setting(MetaApi.GRAPH_VERSION).map(String::trim).orElse(MetaApi.DEFAULT_GRAPH_VERSION);
    if (!VERSION.matcher(version).matches()) {
      throw new AuthenticationFailure("connection " + c.id() + " has the setting '" + MetaApi.GRAPH_VERSION
          + "' = '" + version + "'; expected a Graph version such as " + MetaApi.DEFAULT_GRAPH_VERSION, 0,
          "invalid_setting");
    }
    return new MetaSettings(MarketplaceHttp.baseUrl(c, MetaApi.GRAPH_URL, MetaApi.GRAPH_URL), catalog, version,
        c.setting(MetaApi.LINK_TEMPLATE).map(String::trim).filter(t -> !t.isEmpty()).orElse(null));
  }

  /** The catalog node, {@code /{version}/{catalog_id}}. */
  HttpUrl catalog() {
    return base.newBuilder().addPathSegment(graphVersion).addPathSegment(catalogId).build();
  }

  /** An edge of the catalog, e.g. {@code /{version}/{catalog_id}/items_batch}. */
  HttpUrl edge(String edge) {
    return catalog().newBuilder().addPathSegment(edge).build();
  }

  /**
   * The product page of a listing: its {@value MetaApi#LINK_ATTRIBUTE} attribute, else the link
   * template with the SKU filled in; null when there is neither.
   */
  String link(Listing l) {
    List<String> own = l.attributes().get(MetaApi.LINK_ATTRIBUTE);
    if (own != null && !own.isEmpty() && own.get(0) != null && !own.get(0).isBlank()) {
      return own.get(0).trim();
    }
    if (linkTemplate == null) {
      return null;
    }
    String sku = URLEncoder.encode(l.sku(), StandardCharsets.UTF_8).replace("+", "%20");
    return linkTemplate.replace(MetaApi.SKU_PLACEHOLDER, sku);
  }
}
