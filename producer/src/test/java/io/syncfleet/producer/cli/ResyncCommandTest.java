package io.syncfleet.producer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.syncfleet.producer.job.Channels;
import io.syncfleet.producer.job.ChannelSpec;
import io.syncfleet.producer.job.Listing;
import io.syncfleet.producer.job.Operation;
import io.syncfleet.producer.lane.Change;
import io.syncfleet.producer.state.ResyncChannelView;
import io.syncfleet.producer.state.ResyncView;
import io.syncfleet.producer.state.ResyncsView;
import io.syncfleet.producer.testing.ResyncCounts;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code syncfleet resync} against a real Redis: streaming into lanes, the record, refusals, failures. */
class ResyncCommandTest extends CliTestBase {
  private static final String KNOWN = String.join(", ", Channels.all().stream().map(ChannelSpec::id).toList());
  private static final Pattern ID = Pattern.compile("resync (\\S+) of acme");

  private CliRun run(String... args) {
    return CliRun.run(redis, Clock.systemUTC(), args);
  }

  /** {@code listings} good lines, then a bad price, a line that is not JSON and a SKU seen before. */
  private static Path catalog(Path dir, int listings) throws IOException {
    Path file = dir.resolve("catalog.jsonl");
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (int line = 1; line <= listings; line++) {
        w.write("{\"sku\":\"SKU-" + line + "\",\"title\":\"Thing " + line
            + "\",\"price\":9.99,\"currency\":\"USD\",\"quantity\":" + (line % 7) + "}");
        w.newLine();
      }
      w.write("{\"sku\":\"SKU-BAD\",\"title\":\"Lamp\",\"price\":-1,\"currency\":\"USD\",\"quantity\":1}");
      w.newLine();
      w.write("{\"sku\": \"SKU-X\", oops");
      w.newLine();
      w.write("{\"sku\":\"SKU-1\",\"title\":\"Again\",\"price\":1.00,\"currency\":\"USD\",\"quantity\":1}");
      w.newLine();
    }
    return file;
  }

  private static String id(CliRun run) {
    Matcher m = ID.matcher(run.out());
    assertTrue(m.find(), run.out());
    return m.group(1);
  }

  private ResyncView record(String id) {
    return new ResyncsView(redis.pool(), keys, Clock.systemUTC()).get(id).orElseThrow();
  }

  @Test
  void streamsACatalogIntoTheLanesOfTwoChannelsWithARecordOfItsTotal(@TempDir Path dir) throws Exception {
    Path file = catalog(dir, 5_000);

    CliRun run = run("resync", "--file", file.toString(), "--tenant", "acme", "--channels", "ebay,shopify");

    assertEquals(2, run.code(), run.err());
    assertTrue(run.err().contains("line 5001: price: must be positive (was -1)\n"), run.err());
    assertTrue(run.err().contains("line 5002: not a listing: "), run.err());
    assertTrue(run.err().contains("line 5003: SKU 'SKU-1' already on line 1\n"), run.err());
    String id = id(run);
    assertTrue(run.out().startsWith("resync " + id + " of acme: 5,000 listings from 5,003 lines, 3 bad lines skipped;"
        + " offered as bulk work (ebay 5,000, shopify 5,000) in "), run.out());

    ResyncView r = record(id);
    assertEquals("draining", r.state());
    assertEquals(file.toString(), r.source());
    for (ResyncChannelView c : r.channels()) {
      assertEquals(5_000, c.total(), c.channel());
      assertEquals((Long) 5_000L, c.pending(), c.channel());
      assertEquals(id, redis.with(j -> j.get(keys.resyncRunning("acme", c.channel()))));
    }
    for (String channel : List.of("ebay", "shopify")) {
      Map<String, String> pending = redis.with(j -> j.hgetAll(keys.lanePending("acme", channel, "upsert_listings")));
      assertEquals(5_000, pending.size(), channel);
      Change change = Change.fromJson(pending.get("SKU-42"), Operation.UPSERT_LISTINGS);
      assertEquals(id, change.resync());
      assertEquals("Thing 42", ((Listing) change.item()).title());
    }
  }

  @Test
  void aSecondResyncOfARunningChannelIsRefusedWithExitCodeThree(@TempDir Path dir) throws Exception {
    Path file = catalog(dir, 20);
    String first = id(run("resync", "--file", file.toString(), "--tenant", "acme", "--channels", "ebay,shopify"));

    CliRun again = run("resync", "--file", file.toString(), "--tenant", "acme", "--channels", "shopify");

    assertEquals(SyncfleetCli.REFUSED, again.code(), again.err());
    assertTrue(again.err().startsWith("refused: resync " + first + " is still running for acme on shopify (draining:"
        + " 20 pending of 20, 0 done, 0 failed, 0 superseded; started "), again.err());
    assertEquals(1, again.err().lines().count(), again.err());
    assertEquals("", again.out());
    assertEquals(1L, redis.<Long>with(j -> j.zcard(keys.resyncs())), "a refused resync leaves no record");

    ResyncCounts.settle(redis, first, "acme", "shopify", "done", 20);
    ResyncCounts.settle(redis, first, "acme", "ebay", "done", 19);
    ResyncCounts.settle(redis, first, "acme", "ebay", "failed", 1);
    CliRun after = run("resync", "--file", file.toString(), "--tenant", "acme", "--channels", "shopify");
    assertEquals(2, after.code(), after.err());
    assertEquals("draining", record(id(after)).state());
  }

  @Test
  void waitFollowsTheRecordUntilEveryChannelFinished(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("small.jsonl");
    Files.writeString(file, "{\"sku\":\"A\",\"title\":\"A\",\"price\":1,\"currency\":\"EUR\",\"quantity\":1}\n"
        + "{\"sku\":\"B\",\"title\":\"B\",\"price\":2,\"currency\":\"EUR\",\"quantity\":2}\n");
    CompletableFuture<CliRun> waiting = CompletableFuture.supplyAsync(() -> run("resync", "--file", file.toString(),
        "--tenant", "acme", "--channels", "ebay,shopify", "--wait", "--poll-millis", "20"));

    // Stands in for the workers: once both channels are draining, count their items.
    String id = null;
    long deadline = System.currentTimeMillis() + 10_000;
    while (System.currentTimeMillis() < deadline) {
      List<String> ids = redis.<List<String>>with(j -> new ArrayList<>(j.zrange(keys.resyncs(), 0, -1)));
      if (!ids.isEmpty() && record(ids.get(0)).channels().stream().allMatch(c -> "draining".equals(c.state()))) {
        id = ids.get(0);
        break;
      }
      Thread.sleep(10);
    }
    assertTrue(id != null, "the resync never drained");
    ResyncCounts.settle(redis, id, "acme", "ebay", "done", 2);
    ResyncCounts.settle(redis, id, "acme", "shopify", "done", 1);
    ResyncCounts.settle(redis, id, "acme", "shopify", "failed", 1);

    CliRun run = waiting.get(10, TimeUnit.SECONDS);
    assertEquals(0, run.code(), run.err());
    assertTrue(run.out().contains("  ebay: finished, done 2 failed 0 pending 0\n"), run.out());
    assertTrue(run.out().contains("  shopify: finished, done 1 failed 1 pending 0\n"), run.out());
    assertTrue(run.out().contains("syncfleet dead list"), run.out());
    assertTrue(run.err().contains("sending ["), run.err());
  }

  @Test
  void offeringThatFailsPartWayAbandonsTheRecordAndReleasesTheChannels(@TempDir Path dir) throws Exception {
    Path file = catalog(dir, 1_200);
    // A key of the wrong type makes the offer script fail for shopify after ebay's first chunk went in.
    redis.with(j -> j.set(keys.lanePending("acme", "shopify", "upsert_listings"), "not a hash"));

    CliRun run = run("resync", "--file", file.toString(), "--tenant", "acme", "--channels", "ebay,shopify");

    assertEquals(1, run.code(), run.err());
    assertTrue(run.err().contains("error: could not offer"), run.err());
    String id = redis.<List<String>>with(j -> new ArrayList<>(j.zrange(keys.resyncs(), 0, -1))).get(0);
    ResyncView r = record(id);
    assertEquals("abandoned", r.state());
    assertTrue(r.error().startsWith("offering stopped: could not offer"), r.error());
    assertEquals(List.of("abandoned", "abandoned"), r.channels().stream().map(ResyncChannelView::state).toList());
    assertNull(redis.with(j -> j.get(keys.resyncRunning("acme", "ebay"))));
    assertNull(redis.with(j -> j.get(keys.resyncRunning("acme", "shopify"))));

    redis.with(j -> j.del(keys.lanePending("acme", "shopify", "upsert_listings")));
    assertEquals(2, run("resync", "--file", file.toString(), "--tenant", "acme", "--channels", "ebay,shopify").code());
  }

  @Test
  void refusesAnUnknownChannelBeforeReadingTheFile(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("catalog.jsonl");
    Files.writeString(file, "{}\n");
    CliRun run = run("resync", "--file", file.toString(), "--tenant", "acme", "--channels", "ebay,etsy");
    assertEquals(2, run.code());
    assertEquals("channel: unknown channel 'etsy' (known: " + KNOWN + ")\n", run.err());
    assertEquals(0L, redis.<Long>with(j -> j.zcard(keys.resyncs())));
  }

  @Test
  void aMissingFileStartsNoResync(@TempDir Path dir) {
    CliRun run = run("resync", "--file", dir.resolve("nope.jsonl").toString(), "--tenant", "acme", "--channels", "ebay");
    assertEquals(1, run.code());
    assertTrue(run.err().startsWith("error: no such file: "), run.err());
    assertEquals(0L, redis.<Long>with(j -> j.zcard(keys.resyncs())));
  }
}
