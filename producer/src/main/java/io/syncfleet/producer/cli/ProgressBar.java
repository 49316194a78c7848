package io.syncfleet.producer.cli;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * A one-line progress display for long runs (resync, demo loads): a bar, the share done, the rate
 * and an ETA. On a terminal it redraws in place with {@code '\r'} at most ten times a second; when
 * the stream is not a terminal (a log, a pipe) it prints a plain line every few seconds instead.
 * Configure it before the first {@link #update}; not thread-safe.
 */
public final class ProgressBar {
  private static final long REDRAW_NANOS = 100_000_000L;
  private static final long PLAIN_LINE_NANOS = 5_000_000_000L;
  private static final int BAR_WIDTH = 30;

  private final String label;
  private final long total;
  private final PrintWriter out;
  private final boolean terminal;
  private final long startNanos = System.nanoTime();
  private boolean showBytes;
  private String itemName;
  private String note;
  private long done;
  private long items;
  private long lastDrawNanos;
  private int lastWidth;
  private boolean finished;

  /** A bar on standard error, redrawn in place when standard error is a terminal. */
  public ProgressBar(String label, long total) {
    this(label, total, new PrintWriter(System.err, true), System.console() != null);
  }

  /** A bar on {@code out}; {@code terminal} says whether it may redraw in place. */
  public ProgressBar(String label, long total, PrintWriter out, boolean terminal) {
    this.label = label;
    this.total = total;
    this.out = out;
    this.terminal = terminal;
    this.lastDrawNanos = startNanos - (terminal ? REDRAW_NANOS : 0);
  }

  /** Shows progress as sizes (bytes read of the file size). */
  public ProgressBar showBytes() {
    this.showBytes = true;
    return this;
  }

  /** Also shows a count of things handled and their rate, e.g. {@code "lines"}. */
  public ProgressBar countItems(String name) {
    this.itemName = name;
    return this;
  }

  /** Text shown at the end of the line from the next redraw on (e.g. counts the bar does not show). */
  public void note(String text) {
    this.note = text;
  }

  /** Records progress; redraws when enough time has passed. */
  public void update(long doneSoFar) {
    update(doneSoFar, items);
  }

  /** Records progress and the count of things handled; redraws when enough time has passed. */
  public void update(long doneSoFar, long itemsSoFar) {
    this.done = doneSoFar;
    this.items = itemsSoFar;
    long now = System.nanoTime();
    if (now - lastDrawNanos >= (terminal ? REDRAW_NANOS : PLAIN_LINE_NANOS)) {
      draw(now);
    }
  }

  /** Prints a line of its own (a warning, an error) without tearing the bar. */
  public void message(String line) {
    if (terminal && lastWidth > 0) {
      out.print("\r" + " ".repeat(lastWidth) + "\r");
      lastWidth = 0;
    }
    out.println(line);
    out.flush();
  }

  /** Draws the final state and ends the line; later calls do nothing. */
  public void finish() {
    if (finished) {
      return;
    }
    finished = true;
    draw(System.nanoTime());
    if (terminal) {
      out.println();
    }
    out.flush();
  }

  private void draw(long now) {
    lastDrawNanos = now;
    String line = render(now);
    if (terminal) {
      // Pad over what the previous, longer line left behind.
      out.print("\r" + line + " ".repeat(Math.max(0, lastWidth - line.length())));
      lastWidth = line.length();
    } else {
      out.println(line);
    }
    out.flush();
  }

  private String render(long now) {
    double seconds = Math.max(1e-3, (now - startNanos) / 1e9);
    StringBuilder b = new StringBuilder(label);
    if (total > 0) {
      double share = Math.min(1.0, (double) done / total);
      int filled = (int) Math.round(share * BAR_WIDTH);
      b.append(" [").append("#".repeat(filled)).append("-".repeat(BAR_WIDTH - filled)).append("] ")
          .append(String.format(Locale.ROOT, "%3d%%", Math.round(share * 100)));
    }
    b.append("  ").append(amount(done));
    if (total > 0) {
      b.append('/').append(amount(total));
    }
    if (itemName != null) {
      b.append("  ").append(HumanFormat.count(items)).append(' ').append(itemName)
          .append("  ").append(HumanFormat.rate(items / seconds)).append(' ').append(itemName).append("/s");
    } else {
      double rate = done / seconds;
      b.append("  ").append(showBytes ? HumanFormat.bytes((long) rate) : HumanFormat.rate(rate)).append("/s");
    }
    if (finished) {
      b.append("  in ").append(HumanFormat.clock((long) (seconds * 1000)));
    } else if (total > 0) {
      double rate = done / seconds;
      b.append("  ETA ").append(rate > 0 ? HumanFormat.clock((long) ((total - done) / rate * 1000)) : "--:--");
    }
    if (note != null && !note.isEmpty()) {
      b.append("  ").append(note);
    }
    return b.toString();
  }

  private String amount(long n) {
    return showBytes ? HumanFormat.bytes(n) : HumanFormat.count(n);
  }
}
