package io.syncfleet.adapters;

import static java.util.stream.Collectors.joining;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.syncfleet.adapters.http.MarketplaceHttp;
import io.syncfleet.producer.job.ChannelSpec;
import io.syncfleet.producer.job.Operation;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Checks that the capability table in README.md's Marketplaces section matches the adapters' capabilities. */
class CapabilityTableTest {
  private static final String START = "<!-- capabilities:start -->";
  private static final String END = "<!-- capabilities:end -->";

  // Short labels keep a row's six rate plans readable in one table cell.
  private static final Map<Operation, String> LABELS = new EnumMap<>(Map.of(
      Operation.UPSERT_LISTINGS, "upsert",
      Operation.UPDATE_STOCK, "stock",
      Operation.UPDATE_PRICES, "prices",
      Operation.DELETE_LISTINGS, "delete",
      Operation.PULL_ORDERS, "orders",
      Operation.TEST_CONNECTION, "test"));

  @Test
  void theReadmeTableMatchesTheCode() throws IOException {
    Path root = repositoryRoot();
    String expected = table(root);
    String readme = Files.readString(root.resolve("README.md"));
    int start = readme.indexOf(START);
    int end = readme.indexOf(END);
    assertTrue(start >= 0 && end > start,
        "README.md has no " + START + " ... " + END + " block; the table to put there:\n\n" + expected + "\n");

    assertEquals(expected, readme.substring(start + START.length(), end).strip(),
        "README.md's capability table differs from the code; paste this between the markers:\n\n" + expected + "\n\n");
  }

  private static String table(Path root) {
    StringBuilder out = new StringBuilder("| Channel | Marketplace |");
    for (Operation op : Operation.values()) {
      out.append(" `").append(op.wireName()).append("` |");
    }
    out.append(" Rate plans |\n|---|---|").append("---|".repeat(Operation.values().length)).append("---|\n");
    for (MarketplaceAdapter adapter : AdapterRegistry.standard(MarketplaceHttp.create(Clock.systemUTC())).all()) {
      Capabilities capabilities = adapter.capabilities();
      ChannelSpec spec = capabilities.spec();
      out.append("| ").append(channel(root, adapter.channel())).append(" | ").append(spec.displayName()).append(" |");
      for (Operation op : Operation.values()) {
        String cell = spec.batchLimit(op).map(limit -> op.carriesItems() ? limit.toString() : "✓").orElse("—");
        out.append(' ').append(cell).append(" |");
      }
      String plans = Arrays.stream(Operation.values())
          .flatMap(op -> capabilities.ratePlan(op).stream()
              .map(plan -> LABELS.get(op) + " " + rate(plan.permitsPerSecond()) + " (burst " + plan.burst() + ")"))
          .collect(joining("; "));
      out.append(' ').append(plans).append(" |\n");
    }
    return out.toString().strip();
  }

  // Linked only when the docs page exists, so the README has no dead links and gains one when a page is added.
  private static String channel(Path root, String id) {
    String page = "adapters/docs/" + id + ".md";
    return Files.isRegularFile(root.resolve(page)) ? "[`" + id + "`](" + page + ")" : "`" + id + "`";
  }

  // Slow plans read better as whole numbers per minute or per hour than as fractions per second.
  private static String rate(double perSecond) {
    if (perSecond >= 1) {
      return rounded(perSecond).toPlainString() + "/s";
    }
    BigDecimal perMinute = rounded(perSecond * 60);
    return perMinute.scale() <= 0
        ? perMinute.toPlainString() + "/min"
        : rounded(perSecond * 3600).toPlainString() + "/h";
  }

  // Three significant digits: plans are estimates, and it turns e.g. 0.0167/s (1.002/min) into 1/min.
  private static BigDecimal rounded(double value) {
    return BigDecimal.valueOf(value).round(new MathContext(3)).stripTrailingZeros();
  }

  // Maven runs tests from the module directory, IDEs often from the reactor root: look upwards for it.
  private static Path repositoryRoot() throws IOException {
    for (Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path pom = dir.resolve("pom.xml");
      if (Files.isRegularFile(dir.resolve("README.md")) && Files.isRegularFile(pom)
          && Files.readString(pom).contains("<module>adapters</module>")) {
        return dir;
      }
    }
    throw new IllegalStateException("no reactor root with README.md above " + System.getProperty("user.dir"));
  }
}
