package io.syncfleet.adapters.mirakl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Mirakl's CSV dialect: semicolons, quoted cells, doubled quotes, cells spanning lines. */
class MiraklCsvTest {
  @Test
  void cellsAreQuotedAndQuotesDoubled() {
    byte[] file = MiraklCsv.write(List.of("sku", "description"),
        List.of(Arrays.asList("A;1", "say \"hi\""), Arrays.asList("B", null)));

    assertEquals("\"sku\";\"description\"\n\"A;1\";\"say \"\"hi\"\"\"\n\"B\";\"\"\n",
        new String(file, StandardCharsets.UTF_8));
  }

  @Test
  void readsWhatItWritesAndReportsWithBomCrlfAndLineBreaks() {
    String report = "\uFEFF\"sku\";\"error-message\"\r\n\"A;1\";\"line one\r\nline \"\"two\"\"\"\r\n"
        + "B;unquoted\r\n\r\n";

    List<Map<String, String>> rows = MiraklCsv.read(report.getBytes(StandardCharsets.UTF_8));

    assertEquals(List.of(Map.of("sku", "A;1", "error-message", "line one\r\nline \"two\""),
        Map.of("sku", "B", "error-message", "unquoted")), rows);
  }
}
