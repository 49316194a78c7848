package io.syncfleet.adapters.trovaprezzi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.syncfleet.producer.job.Listing;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/** The published XML against Trovaprezzi's field list: names, order, values, escaping, encoding. */
class TrovaprezziFeedTest {
  private final TrovaprezziAdapter adapter = new TrovaprezziAdapter();

  @TempDir
  Path feedDir;

  @Test
  void anOfferCarriesEveryFieldInTheListsOrder() {
    adapter.upsertListings(TrovaprezziFixture.connection(feedDir), List.of(TrovaprezziFixture.full("MOKA-3")));

    assertEquals("""
        <?xml version="1.0" encoding="UTF-8"?>
        <Products>
          <Offer>
            <Name>Caffettiera moka 3 tazze</Name>
            <Brand>Bialetti</Brand>
            <Description>Alluminio, manico in bachelite</Description>
            <OriginalPrice>29.90</OriginalPrice>
            <Price>24.90</Price>
            <Code>MOKA-3</Code>
            <Link>https://shop.example/p/MOKA-3</Link>
            <Stock>12</Stock>
            <Categories>Casa &gt; Cucina</Categories>
            <Image>https://img.example/moka.jpg</Image>
            <Image2>https://img.example/moka-2.jpg</Image2>
            <ShippingCost>3.50</ShippingCost>
            <PartNumber>0001162</PartNumber>
            <EanCode>8006363011624</EanCode>
            <Weight>0.45</Weight>
          </Offer>
        </Products>
        """, new String(TrovaprezziFixture.feedBytes(feedDir), StandardCharsets.UTF_8));
  }

  @Test
  void everyElementIsOnTheFieldListAndInItsOrder() {
    adapter.upsertListings(TrovaprezziFixture.connection(feedDir), List.of(TrovaprezziFixture.full("A"),
        TrovaprezziFixture.minimal("B"), TrovaprezziFixture.full("C").withImages(List.of("https://i.example/1.jpg",
            "https://i.example/2.jpg", "https://i.example/3.jpg"))));

    Document doc = TrovaprezziFixture.parse(TrovaprezziFixture.feedBytes(feedDir));
    assertEquals(TrovaprezziApi.ROOT, doc.getDocumentElement().getTagName());
    NodeList offers = doc.getDocumentElement().getElementsByTagName(TrovaprezziApi.OFFER);
    assertEquals(3, offers.getLength());
    for (int i = 0; i < offers.getLength(); i++) {
      int last = -1;
      List<String> names = children((Element) offers.item(i));
      for (String name : names) {
        String field = name.matches("Image[0-9]+") ? TrovaprezziApi.IMAGE : name;
        int at = TrovaprezziApi.FIELDS.indexOf(field);
        assertTrue(at >= 0, "not on the field list: " + name);
        assertTrue(at >= last, "out of order: " + names);
        last = at;
      }
      assertTrue(names.containsAll(List.of("Name", "Price", "Code", "Link", "Stock", "Categories", "Image",
          "ShippingCost")), names.toString());
    }
    for (int i = 0; i < offers.getLength(); i++) {
      Element offer = (Element) offers.item(i);
      if ("C".equals(text(offer, "Code"))) {
        assertEquals(List.of("Image", "Image2", "Image3"),
            children(offer).stream().filter(n -> n.startsWith("Image")).toList());
      }
    }
  }

  @Test
  void textIsEscapedStaysUtf8AndLosesOnlyWhatXmlCannotCarry() throws CharacterCodingException {
    Listing tricky = new Listing("SKU-<&>", "Tè & caffè <\"premium\"> €5 \u0001\u0007 ☕",
        "Riga 1\nRiga 2 \uD83D\uDE00 ]]> 'x'", "A&B", null, null, Listing.Condition.NEW, new BigDecimal("1"), "EUR",
        1, List.of("https://img.example/a.jpg?x=1&y=2"), "Bar & Caffè", Map.of("link",
            List.of("https://shop.example/p?id=1&lang=it")), null, Map.of());

    adapter.upsertListings(TrovaprezziFixture.connection(feedDir), List.of(tricky));

    byte[] bytes = TrovaprezziFixture.feedBytes(feedDir);
    StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
    Element offer = (Element) TrovaprezziFixture.parse(bytes).getElementsByTagName("Offer").item(0);
    assertEquals("Tè & caffè <\"premium\"> €5  ☕", text(offer, "Name"));
    assertEquals("Riga 1\nRiga 2 \uD83D\uDE00 ]]> 'x'", text(offer, "Description"));
    assertEquals("SKU-<&>", text(offer, "Code"));
    assertEquals("A&B", text(offer, "Brand"));
    assertEquals("https://shop.example/p?id=1&lang=it", text(offer, "Link"));
    assertEquals("https://img.example/a.jpg?x=1&y=2", text(offer, "Image"));
    assertEquals("1.00", text(offer, "Price"));
  }

  @Test
  void anEmptyStoreIsAnEmptyFeed() {
    Document doc = TrovaprezziFixture.parse(TrovaprezziFixture.feedBytes(feedDir.resolve("never-written")));

    assertEquals(TrovaprezziApi.ROOT, doc.getDocumentElement().getTagName());
    assertEquals(0, doc.getDocumentElement().getElementsByTagName(TrovaprezziApi.OFFER).getLength());
  }

  @Test
  void pricesHaveTwoDecimalsAndADot() {
    assertEquals("1234.57", TrovaprezziXml.price(new BigDecimal("1234.567")));
    assertEquals("5.00", TrovaprezziXml.price(new BigDecimal("5")));
    assertEquals("0.10", TrovaprezziXml.price(new BigDecimal("0.1")));
  }

  private static List<String> children(Element e) {
    List<String> names = new ArrayList<>();
    for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element child) {
        names.add(child.getTagName());
      }
    }
    return names;
  }

  private static String text(Element offer, String name) {
    return offer.getElementsByTagName(name).item(0).getTextContent();
  }
}
