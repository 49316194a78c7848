package io.syncfleet.producer.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.syncfleet.producer.Json;
import io.syncfleet.producer.job.InvalidJobException;
import io.syncfleet.producer.job.Listing;
import io.syncfleet.producer.job.Problem;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A catalog file of listings, one JSON object per line (JSON lines), read a line at a time so a
 * catalog of any size streams through in constant memory; it counts the bytes read for progress.
 * Blank lines are skipped but still counted in line numbers.
 */
final class CatalogFile implements Closeable {
  private final BufferedReader reader;
  private final CountingStream counter;
  private final long size;
  private long lineNumber;

  /** One non-blank line: the listing, or why it is not one. */
  record Line(long number, Listing listing, String problem) {}

  private CatalogFile(Path path) throws IOException {
    this.size = Files.size(path);
    this.counter = new CountingStream(Files.newInputStream(path));
    this.reader = new BufferedReader(new InputStreamReader(counter, StandardCharsets.UTF_8), 64 * 1024);
  }

  /** Opens a catalog; a missing file is a one-line error. */
  static CatalogFile open(Path path) throws IOException {
    try {
      return new CatalogFile(path);
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException("no such file: " + path);
    }
  }

  /** File size in bytes. */
  long size() {
    return size;
  }

  /** Bytes taken from the file so far (read ahead by up to one buffer). */
  long bytesRead() {
    return counter.count;
  }

  /** The next non-blank line, or null at the end of the file. */
  Line next() throws IOException {
    String text;
    do {
      text = reader.readLine();
      if (text == null) {
        return null;
      }
      lineNumber++;
    } while (text.isBlank());
    try {
      Listing listing = Json.MAPPER.readValue(text, Listing.class);
      return listing == null ? new Line(lineNumber, null, "not a listing: null")
          : new Line(lineNumber, listing, null);
    } catch (JsonProcessingException e) {
      return new Line(lineNumber, null, "not a listing: " + e.getOriginalMessage());
    }
  }

  @Override
  public void close() throws IOException {
    reader.close();
  }

  /**
   * Every listing of a file that is either JSON lines or one JSON array; throws
   * {@link InvalidJobException} naming each line (or array element) that is not a listing.
   */
  static List<Listing> readAll(Path path) throws IOException {
    if (startsWithArray(path)) {
      return readArray(path);
    }
    List<Listing> listings = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    try (CatalogFile file = open(path)) {
      for (Line line = file.next(); line != null; line = file.next()) {
        if (line.problem() != null) {
          problems.add(new Problem("line " + line.number(), line.problem()));
        } else {
          listings.add(line.listing());
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidJobException(problems);
    }
    return listings;
  }

  private static List<Listing> readArray(Path path) throws IOException {
    JsonNode array;
    try {
      array = Json.MAPPER.readTree(path.toFile());
    } catch (JsonProcessingException e) {
      throw new InvalidJobException(List.of(new Problem(path.toString(), "not a JSON array: "
          + e.getOriginalMessage())));
    }
    List<Listing> listings = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      Listing listing = null;
      String problem = "not a listing: null";
      try {
        listing = Json.MAPPER.treeToValue(array.get(i), Listing.class);
      } catch (JsonProcessingException e) {
        problem = "not a listing: " + e.getOriginalMessage();
      }
      if (listing == null) {
        problems.add(new Problem("[" + i + "]", problem));
      } else {
        listings.add(listing);
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidJobException(problems);
    }
    return listings;
  }

  private static boolean startsWithArray(Path path) throws IOException {
    try (Reader in = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
      int c;
      do {
        c = in.read();
      } while (c != -1 && Character.isWhitespace(c));
      return c == '[';
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException("no such file: " + path);
    }
  }

  /** Counts bytes as the reader pulls them, for a progress display that never re-reads the file. */
  private static final class CountingStream extends FilterInputStream {
    private long count;

    CountingStream(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count++;
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        count += n;
      }
      return n;
    }
  }
}
