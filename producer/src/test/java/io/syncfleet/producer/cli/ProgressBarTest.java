package io.syncfleet.producer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ProgressBarTest {

  @Test
  void withoutATerminalItPrintsPlainLinesAndAFinalOne() {
    StringWriter text = new StringWriter();
    ProgressBar bar = new ProgressBar("load", 1_000, new PrintWriter(text), false).countItems("jobs");
    bar.update(400, 40);
    bar.message("something to say");
    bar.update(1_000, 100);
    bar.finish();
    bar.finish();

    assertFalse(text.toString().contains("\r"));
    String[] lines = text.toString().split("\n");
    assertEquals("something to say", lines[0]);
    assertEquals(2, lines.length, text.toString());
    assertTrue(lines[1].startsWith("load [##############################] 100%  1,000/1,000  100 jobs  "), lines[1]);
    assertTrue(lines[1].contains(" in 0:"), lines[1]);
  }

  @Test
  void onATerminalItRedrawsInPlaceAndKeepsMessagesOnTheirOwnLines() {
    StringWriter text = new StringWriter();
    ProgressBar bar = new ProgressBar("resync", 4_096, new PrintWriter(text), true).showBytes();
    bar.update(1_024);
    bar.message("line 3: bad");
    bar.update(4_096);
    bar.finish();

    String out = text.toString();
    assertTrue(out.startsWith("\rresync [########----------------------]  25%  1.0 KB/4.0 KB"), out);
    assertTrue(out.contains("\rline 3: bad\n"), out);
    assertTrue(out.contains("\rresync [##############################] 100%  4.0 KB/4.0 KB"), out);
    assertTrue(out.endsWith("\n"), out);
  }
}
