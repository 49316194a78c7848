package io.syncfleet.adapters.trovaprezzi;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;

/**
 * Writes the feed as Trovaprezzi reads it [U, see {@link TrovaprezziApi}]: UTF-8 XML, {@code
 * <Products>} with one {@code <Offer>} per offer, its elements in the order of the field list, empty
 * optional ones left out. Text is escaped, and characters XML 1.0 cannot carry (control characters,
 * lone surrogates) are dropped, so a stray byte in a description cannot break the whole feed.
 */
final class TrovaprezziXml {
  private final Writer out;

  private TrovaprezziXml(Writer out) {
    this.out = out;
  }

  /** Writes every offer of {@code store} to {@code target} (not closed), holding the store's shared lock. */
  static void render(TrovaprezziFeedStore store, OutputStream target) throws IOException {
    Writer w = new BufferedWriter(new OutputStreamWriter(target, StandardCharsets.UTF_8));
    TrovaprezziXml xml = new TrovaprezziXml(w);
    xml.begin();
    store.forEach(offer -> {
      try {
        xml.offer(offer);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
    xml.end();
    w.flush();
  }

  private void begin() throws IOException {
    out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<" + TrovaprezziApi.ROOT + ">\n");
  }

  private void end() throws IOException {
    out.write("</" + TrovaprezziApi.ROOT + ">\n");
  }

  private void offer(TrovaprezziOffer o) throws IOException {
    out.write("  <" + TrovaprezziApi.OFFER + ">\n");
    element(TrovaprezziApi.NAME, o.name());
    element(TrovaprezziApi.BRAND, o.brand());
    element(TrovaprezziApi.DESCRIPTION, o.description());
    element(TrovaprezziApi.ORIGINAL_PRICE, price(o.originalPrice()));
    element(TrovaprezziApi.PRICE, price(o.price()));
    element(TrovaprezziApi.CODE, o.code());
    element(TrovaprezziApi.LINK, o.link());
    element(TrovaprezziApi.STOCK, Integer.toString(o.stock()));
    element(TrovaprezziApi.CATEGORIES, String.join(TrovaprezziApi.CATEGORY_SEPARATOR, o.categories()));
    for (int i = 0; i < o.images().size(); i++) {
      element(i == 0 ? TrovaprezziApi.IMAGE : TrovaprezziApi.IMAGE + (i + 1), o.images().get(i));
    }
    element(TrovaprezziApi.SHIPPING_COST, price(o.shippingCost()));
    element(TrovaprezziApi.PART_NUMBER, o.partNumber());
    element(TrovaprezziApi.EAN_CODE, o.eanCode());
    element(TrovaprezziApi.WEIGHT, o.weight() == null ? null : o.weight().stripTrailingZeros().toPlainString());
    out.write("  </" + TrovaprezziApi.OFFER + ">\n");
  }

  private void element(String name, String value) throws IOException {
    if (value == null || value.isEmpty()) {
      return;
    }
    out.write("    <" + name + ">");
    out.write(escape(value));
    out.write("</" + name + ">\n");
  }

  /** [U] Euros with two decimals and {@link TrovaprezziApi#DECIMAL_SEPARATOR}. */
  static String price(BigDecimal amount) {
    if (amount == null) {
      return null;
    }
    String plain = amount.setScale(TrovaprezziApi.PRICE_DECIMALS, RoundingMode.HALF_UP).toPlainString();
    return plain.replace('.', TrovaprezziApi.DECIMAL_SEPARATOR);
  }

  /** Text as XML character data: markup characters escaped, characters XML 1.0 forbids dropped. */
  static String escape(String text) {
    StringBuilder b = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      switch (cp) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        default -> {
          if (allowed(cp)) {
            b.appendCodePoint(cp);
          }
        }
      }
    }
    return b.toString();
  }

  /** XML 1.0's Char production; a lone surrogate arrives here as its own code point and is refused. */
  private static boolean allowed(int cp) {
    return cp == 0x9 || cp == 0xA || cp == 0xD
        || (cp >= 0x20 && cp <= 0xD7FF)
        || (cp >= 0xE000 && cp <= 0xFFFD)
        || (cp >= 0x10000 && cp <= 0x10FFFF);
  }
}
