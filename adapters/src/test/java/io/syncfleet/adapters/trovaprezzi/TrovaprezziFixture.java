package io.syncfleet.adapters.trovaprezzi;

import io.syncfleet.producer.connection.Connection;
import io.syncfleet.producer.connection.Environment;
import io.syncfleet.producer.job.Listing;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.xml.sax.SAXException;

/** Connections to a feed directory, sample listings, and a strict reader of the published XML. */
final class TrovaprezziFixture {
  private TrovaprezziFixture() {}

  /** A connection whose feed lives in {@code feedDir}, with a link template and a default shipping cost. */
  static Connection connection(Path feedDir) {
    return connection(feedDir, Map.of());
  }

  static Connection connection(Path feedDir, Map<String, String> extra) {
    Map<String, String> settings = new HashMap<>();
    settings.put("feed_dir", feedDir.toString());
    settings.put("link_template", "https://shop.example/p/{sku}");
    settings.put("shipping_cost", "4.90");
    settings.putAll(extra);
    return new Connection("acme", "trovaprezzi", Environment.PRODUCTION, settings, null, 1);
  }

  /** A listing with every field the feed carries. */
  static Listing full(String sku) {
    return new Listing(sku, "Caffettiera moka 3 tazze", "Alluminio, manico in bachelite", "Bialetti", "0001162",
        "8006363011624", Listing.Condition.NEW, new BigDecimal("24.9"), "EUR", 12,
        List.of("https://img.example/moka.jpg", "https://img.example/moka-2.jpg"), "Casa > Cucina",
        Map.of("weight", List.of("0.45"), "original_price", List.of("29.90"), "shipping_cost", List.of("3.50")),
        null, Map.of());
  }

  /** A listing with only what the feed requires (link and shipping cost come from the settings). */
  static Listing minimal(String sku) {
    return new Listing(sku, "Tazzina", null, null, null, null, Listing.Condition.NEW, new BigDecimal("5.00"), "EUR",
        3, List.of("https://img.example/tazzina.jpg"), "Casa", Map.of(), null, Map.of());
  }

  /** The feed in {@code feedDir} as published, bytes. */
  static byte[] feedBytes(Path feedDir) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      TrovaprezziXml.render(new TrovaprezziFeedStore(feedDir), out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** Parses XML strictly (no DTDs, no external entities); fails on anything not well-formed. */
  static Document parse(byte[] xml) {
    try {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    } catch (ParserConfigurationException | SAXException e) {
      throw new AssertionError("feed is not well-formed XML: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
