package io.syncfleet.producer.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** A plain-text table with a header row, columns padded to their widest cell. */
final class TextTable {
  private final List<String[]> rows = new ArrayList<>();
  private final Set<Integer> rightAligned = new HashSet<>();
  private final int columns;

  TextTable(String... headers) {
    this.columns = headers.length;
    rows.add(headers);
  }

  /** Right-aligns the given columns (numbers). */
  TextTable alignRight(int... columnIndexes) {
    for (int c : columnIndexes) {
      rightAligned.add(c);
    }
    return this;
  }

  /** Adds a row; null cells print as {@code -}. */
  TextTable row(Object... cells) {
    String[] row = new String[columns];
    for (int c = 0; c < columns; c++) {
      Object cell = c < cells.length ? cells[c] : null;
      row[c] = cell == null ? "-" : cell.toString();
    }
    rows.add(row);
    return this;
  }

  void print(PrintWriter out) {
    int[] widths = new int[columns];
    for (String[] row : rows) {
      for (int c = 0; c < columns; c++) {
        widths[c] = Math.max(widths[c], row[c].length());
      }
    }
    for (String[] row : rows) {
      StringBuilder line = new StringBuilder();
      for (int c = 0; c < columns; c++) {
        boolean last = c == columns - 1;
        String pad = " ".repeat(widths[c] - row[c].length());
        if (rightAligned.contains(c)) {
          line.append(pad).append(row[c]);
        } else {
          line.append(row[c]).append(last ? "" : pad);
        }
        if (!last) {
          line.append("  ");
        }
      }
      out.println(line.toString().stripTrailing());
    }
  }
}
