package io.syncfleet.adapters.mirakl;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Mirakl's CSV dialect [V]: cells separated by {@code ;}, every cell in double quotes (a quote inside
 * doubled), a header row of column names, UTF-8. Writes import files and reads error reports, whose
 * cells may hold the separator, quotes and line breaks.
 */
final class MiraklCsv {
  private static final char QUOTE = '"';
  private static final char SEPARATOR = MiraklApi.CSV_SEPARATOR;

  private MiraklCsv() {}

  /** The file bytes of {@code header} and {@code rows}; a null cell is written empty. */
  static byte[] write(List<String> header, List<List<String>> rows) {
    StringBuilder out = new StringBuilder();
    line(out, header);
    for (List<String> row : rows) {
      line(out, row);
    }
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** The rows of a file as maps from column name to cell; the first row names the columns. */
  static List<Map<String, String>> read(byte[] file) {
    String text = new String(file, StandardCharsets.UTF_8);
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    List<List<String>> lines = parse(text);
    List<Map<String, String>> rows = new ArrayList<>();
    if (lines.isEmpty()) {
      return rows;
    }
    List<String> header = lines.get(0);
    for (List<String> cells : lines.subList(1, lines.size())) {
      Map<String, String> row = new HashMap<>();
      for (int i = 0; i < header.size() && i < cells.size(); i++) {
        row.put(header.get(i).trim(), cells.get(i));
      }
      rows.add(row);
    }
    return rows;
  }

  private static void line(StringBuilder out, List<String> cells) {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        out.append(SEPARATOR);
      }
      String cell = cells.get(i) == null ? "" : cells.get(i);
      out.append(QUOTE).append(cell.replace("\"", "\"\"")).append(QUOTE);
    }
    out.append('\n');
  }

  private static List<List<String>> parse(String text) {
    List<List<String>> lines = new ArrayList<>();
    List<String> cells = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    boolean lineHasContent = false;
    for (int i = 0; i < text.length(); i++) {
      char ch = text.charAt(i);
      if (quoted) {
        if (ch == QUOTE && i + 1 < text.length() && text.charAt(i + 1) == QUOTE) {
          cell.append(QUOTE);
          i++;
        } else if (ch == QUOTE) {
          quoted = false;
        } else {
          cell.append(ch);
        }
      } else if (ch == QUOTE) {
        quoted = true;
        lineHasContent = true;
      } else if (ch == SEPARATOR) {
        cells.add(cell.toString());
        cell.setLength(0);
        lineHasContent = true;
      } else if (ch == '\n' || ch == '\r') {
        if (ch == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
          i++;
        }
        if (lineHasContent || cell.length() > 0) {
          cells.add(cell.toString());
          lines.add(cells);
        }
        cells = new ArrayList<>();
        cell.setLength(0);
        lineHasContent = false;
      } else {
        cell.append(ch);
        lineHasContent = true;
      }
    }
    if (lineHasContent || cell.length() > 0) {
      cells.add(cell.toString());
      lines.add(cells);
    }
    return lines;
  }
}
