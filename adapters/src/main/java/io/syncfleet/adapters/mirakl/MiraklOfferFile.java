package io.syncfleet.adapters.mirakl;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One offer import file (OF01) and what it is for. Each kind has fixed columns, so a file is the same
 * bytes for the same items: a rerun of a batch is recognized by them, and sending it again changes
 * nothing. A SKU appears once (its last row wins).
 *
 * @param kind  what the file does
 * @param skus  the SKUs in the file, in order
 * @param bytes the CSV as uploaded
 */
record MiraklOfferFile(Kind kind, List<String> skus, byte[] bytes) {

  /** The four uses of an import file, each with its mode and columns. */
  enum Kind {
    /** Complete offers, created or replaced: every managed column, filled or deliberately empty. */
    OFFERS(MiraklApi.MODE_NORMAL, List.of(MiraklApi.SKU, MiraklApi.PRODUCT_ID, MiraklApi.PRODUCT_ID_TYPE,
        MiraklApi.DESCRIPTION, MiraklApi.PRICE, MiraklApi.DISCOUNT_PRICE, MiraklApi.QUANTITY, MiraklApi.STATE,
        MiraklApi.LEADTIME_TO_SHIP, MiraklApi.LOGISTIC_CLASS, MiraklApi.UPDATE_DELETE)),
    /** Quantities of existing offers; nothing else is touched. */
    STOCK(MiraklApi.MODE_PARTIAL_UPDATE, List.of(MiraklApi.SKU, MiraklApi.QUANTITY)),
    /** Prices of existing offers: the price, and the discounted price when there is a compare-at. */
    PRICES(MiraklApi.MODE_PARTIAL_UPDATE, List.of(MiraklApi.SKU, MiraklApi.PRICE, MiraklApi.DISCOUNT_PRICE)),
    /** Offers to delete; only the SKU is read [C]. */
    DELETES(MiraklApi.MODE_NORMAL, List.of(MiraklApi.SKU, MiraklApi.UPDATE_DELETE));

    private final String mode;
    private final List<String> columns;

    Kind(String mode, List<String> columns) {
      this.mode = mode;
      this.columns = columns;
    }

    /** The OF01 {@code import_mode}. */
    String mode() {
      return mode;
    }

    List<String> columns() {
      return columns;
    }
  }

  MiraklOfferFile {
    skus = List.copyOf(skus);
  }

  /** Starts a file of {@code kind}. */
  static Builder builder(Kind kind) {
    return new Builder(kind);
  }

  /** What the file is, for recognizing a rerun: its kind and its exact bytes. */
  String fingerprintKind() {
    return kind.name() + "/" + kind.mode();
  }

  /** Collects rows; not thread-safe. */
  static final class Builder {
    private final Kind kind;
    private final Map<String, List<String>> rows = new LinkedHashMap<>();

    private Builder(Kind kind) {
      this.kind = kind;
    }

    /** Adds a row of cells in the kind's column order; a SKU added again replaces its row. */
    Builder add(String sku, List<String> cells) {
      if (cells.size() != kind.columns().size()) {
        throw new IllegalArgumentException(kind + " rows have " + kind.columns().size() + " cells, got "
            + cells.size());
      }
      rows.remove(sku);
      rows.put(sku, cells);
      return this;
    }

    /** Drops the SKU's row: its last item in the batch was refused before sending. */
    Builder remove(String sku) {
      rows.remove(sku);
      return this;
    }

    boolean isEmpty() {
      return rows.isEmpty();
    }

    MiraklOfferFile build() {
      return new MiraklOfferFile(kind, new ArrayList<>(rows.keySet()),
          MiraklCsv.write(kind.columns(), new ArrayList<>(rows.values())));
    }
  }
}
