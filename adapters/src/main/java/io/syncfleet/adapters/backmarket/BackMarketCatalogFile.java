package io.syncfleet.adapters.backmarket;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.syncfleet.producer.Json;
import io.syncfleet.producer.job.Listing;
import java.util.List;

/**
 * The catalog file of {@code POST /ws/listings}: CSV in a JSON envelope that names its quote,
 * delimiter and encoding [V]. One row per listing, keyed by SKU; a row creates the listing or
 * updates the one with that SKU (case-insensitively) [V], so sending the same file twice is safe.
 */
final class BackMarketCatalogFile {
  private static final String QUOTE = String.valueOf(BackMarketApi.CSV_QUOTE);

  private BackMarketCatalogFile() {}

  /** The row of a valid listing; equal rows mean the same change, which is how a pending task is recognized. */
  static String row(Listing l, BackMarketSettings s) {
    String productId = BackMarketRules.attribute(l, BackMarketApi.PRODUCT_ID);
    String warranty = BackMarketRules.attribute(l, BackMarketApi.WARRANTY_MONTHS);
    return line(List.of(
        l.sku().trim(),
        productId == null ? "" : productId,
        l.gtin() == null ? "" : l.gtin().trim(),
        String.valueOf(l.quantity()),
        l.price().toPlainString(),
        String.valueOf(BackMarketApi.GRADES.get(BackMarketRules.grade(l))),
        warranty == null ? String.valueOf(s.warrantyMonths()) : warranty));
  }

  /** The request body carrying {@code rows} under the header line. */
  static ObjectNode body(List<String> rows) {
    StringBuilder csv = new StringBuilder(line(BackMarketApi.CATALOG_COLUMNS));
    for (String row : rows) {
      csv.append('\n').append(row);
    }
    return Json.MAPPER.createObjectNode()
        .put("catalog", csv.toString())
        .put("quotechar", QUOTE)
        .put("delimiter", String.valueOf(BackMarketApi.CSV_DELIMITER))
        .put("encoding", BackMarketApi.CSV_ENCODING);
  }

  private static String line(List<String> fields) {
    StringBuilder out = new StringBuilder();
    for (String field : fields) {
      if (out.length() > 0) {
        out.append(BackMarketApi.CSV_DELIMITER);
      }
      // Every field quoted, quotes inside doubled: the delimiter or a quote in a SKU cannot split a row.
      out.append(QUOTE).append(field.replace(QUOTE, QUOTE + QUOTE)).append(QUOTE);
    }
    return out.toString();
  }
}
