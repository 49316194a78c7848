package io.syncfleet.adapters.trovaprezzi;

import io.syncfleet.adapters.failure.AuthenticationFailure;
import io.syncfleet.producer.connection.Connection;
import io.syncfleet.producer.job.Listing;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * A connection's Trovaprezzi settings: where its feed store lives, and the product page link and
 * shipping cost for listings that do not carry their own.
 */
record TrovaprezziSettings(Path feedDir, String linkTemplate, BigDecimal shippingCost) {

  /**
   * The settings of {@code c}. A missing or malformed setting is the merchant's to fix, so it pauses
   * the connection rather than failing items.
   */
  static TrovaprezziSettings of(Connection c) {
    String dir = c.setting(TrovaprezziApi.FEED_DIR).map(String::trim).orElse("");
    Path feedDir;
    try {
      feedDir = dir.isEmpty() ? null : Path.of(dir);
    } catch (InvalidPathException e) {
      feedDir = null;
    }
    if (feedDir == null || !feedDir.isAbsolute()) {
      throw invalid(c, TrovaprezziApi.FEED_DIR, "an absolute directory for this connection's feed, e.g. "
          + "/var/lib/syncfleet/feeds/" + c.tenant());
    }
    String template = c.setting(TrovaprezziApi.LINK_TEMPLATE).map(String::trim).filter(t -> !t.isEmpty())
        .orElse(null);
    BigDecimal shipping = null;
    String cost = c.setting(TrovaprezziApi.SHIPPING_COST_SETTING).map(String::trim).orElse("");
    if (!cost.isEmpty()) {
      shipping = TrovaprezziRules.decimal(cost);
      if (shipping == null || shipping.signum() < 0) {
        throw invalid(c, TrovaprezziApi.SHIPPING_COST_SETTING, "a shipping cost in euros such as 4.90");
      }
    }
    return new TrovaprezziSettings(feedDir.normalize(), template, shipping);
  }

  /** The listing's product page: its link attribute, else the template with the SKU filled in, else null. */
  String link(Listing l) {
    String own = TrovaprezziRules.attribute(l, TrovaprezziApi.LINK_ATTRIBUTE);
    if (own != null) {
      return own;
    }
    if (linkTemplate == null) {
      return null;
    }
    return linkTemplate.replace(TrovaprezziApi.SKU_PLACEHOLDER,
        URLEncoder.encode(l.sku(), StandardCharsets.UTF_8).replace("+", "%20"));
  }

  /** The listing's shipping cost: its own attribute, else the connection's, else null. */
  BigDecimal shippingCost(Listing l) {
    String own = TrovaprezziRules.attribute(l, TrovaprezziApi.SHIPPING_COST_ATTRIBUTE);
    return own != null ? TrovaprezziRules.decimal(own) : shippingCost;
  }

  private static AuthenticationFailure invalid(Connection c, String setting, String expected) {
    return new AuthenticationFailure("connection " + c.id() + " needs the setting '" + setting + "': " + expected,
        0, "invalid_setting");
  }
}
