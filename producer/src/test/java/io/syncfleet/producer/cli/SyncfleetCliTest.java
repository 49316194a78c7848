package io.syncfleet.producer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.syncfleet.producer.Json;
import io.syncfleet.producer.job.JobCodec;
import io.syncfleet.producer.job.Operation;
import io.syncfleet.producer.job.Queue;
import io.syncfleet.producer.job.StockLevel;
import io.syncfleet.producer.job.SyncJob;
import io.syncfleet.producer.state.DeadJob;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyncfleetCliTest extends CliTestBase {
  /** The channel list the contract names in its error, whatever adapters exist. */
  private static final String KNOWN = String.join(", ",
      io.syncfleet.producer.job.Channels.all().stream().map(io.syncfleet.producer.job.ChannelSpec::id).toList());

  private static final long NOW = Instant.parse("2025-11-24T10:00:00Z").toEpochMilli();
  private static final Clock CLOCK = Clock.fixed(Instant.ofEpochMilli(NOW), ZoneOffset.UTC);

  private CliRun run(String... args) {
    return CliRun.run(redis, CLOCK, args);
  }

  @Test
  void statusShowsQueuesWorkersAndCounters() throws Exception {
    redis.with(j -> {
      j.sadd(keys.queues(), "urgent");
      j.rpush(keys.queue("urgent"), stockJob(NOW - 90_000), stockJob(NOW - 10_000));
      j.set(keys.processed(), "1234");
      j.zadd(keys.processes(), NOW - 1_000, "web-1:41");
      j.hset(keys.process("web-1:41"), Map.of("host", "web-1", "pid", "41", "heartbeatAt", Long.toString(NOW - 1_000),
          "concurrency", "8", "queues", "urgent,default,bulk", "busy", "0", "threads", "[]"));
      return j.zadd(keys.processes(), NOW - 300_000, "web-2:77");
    });

    CliRun text = run("status");
    assertEquals(0, text.code(), text.err());
    assertTrue(text.out().contains("Processed 1,234"), text.out());
    assertEquals(List.of("urgent", "2", "1m30s", "active"), row(text.out(), "urgent"));
    assertEquals(List.of("default", "0", "-", "active"), row(text.out(), "default"));
    assertTrue(text.out().contains("Workers: 1 live, 1 dead; threads busy 0/8"), text.out());
    assertEquals("live", row(text.out(), "web-1:41").get(5));
    assertEquals("DEAD", row(text.out(), "web-2:77").get(5));

    CliRun json = run("status", "--json");
    assertEquals(0, json.code(), json.err());
    JsonNode status = Json.MAPPER.readTree(json.out());
    assertEquals(2, status.path("stats").path("enqueued").asInt());
    assertEquals(1234, status.path("stats").path("processed").asInt());
    assertEquals("urgent", status.path("queues").path(0).path("name").asText());
    assertEquals(90_000, status.path("queues").path(0).path("latencyMillis").asLong());
    assertFalse(status.path("processes").path(1).path("alive").asBoolean(true));
  }

  @Test
  void deadListShowRetryAndRemove() throws Exception {
    bury("d-old", NOW - 600_000);
    bury("d-new", NOW - 60_000);

    CliRun list = run("dead", "list");
    assertEquals(0, list.code(), list.err());
    String[] lines = list.out().split("\n");
    assertTrue(lines[1].startsWith("d-new"), list.out());
    assertTrue(lines[2].startsWith("d-old"), list.out());
    assertTrue(lines[1].contains("rejected by the marketplace (25002: Invalid quantity)"), list.out());

    CliRun show = run("dead", "show", "d-new");
    assertEquals(0, show.code(), show.err());
    JsonNode record = Json.MAPPER.readTree(show.out());
    assertEquals("SyncJob", record.path("payload").path("class").asText());

    CliRun retry = run("dead", "retry", "d-new");
    assertEquals(0, retry.code(), retry.err());
    assertEquals("retried 1 dead job\n", retry.out());
    SyncJob again = JobCodec.decode(redis.with(j -> j.lindex(keys.queue("urgent"), 0)));
    assertEquals(0, again.attempt());

    CliRun twice = run("dead", "retry", "d-new");
    assertEquals(1, twice.code());
    assertTrue(twice.err().contains("not found (already retried or removed?): d-new"), twice.err());

    assertEquals(2, run("dead", "retry").code());
    assertEquals(2, run("dead", "remove", "d-old", "--all").code());

    CliRun removeAll = run("dead", "remove", "--all");
    assertEquals(0, removeAll.code(), removeAll.err());
    assertEquals("removed 1 dead job\n", removeAll.out());
    assertEquals("no dead jobs\n", run("dead", "list").out());
  }

  @Test
  void enqueueStockReportsEveryValidationErrorAndExitsTwo() {
    CliRun bad = run("enqueue", "stock", "--tenant", "acme", "--channels", "ebay,etsy", "SKU-1=3", "SKU-2=-1");
    assertEquals(2, bad.code());
    assertEquals("channel: unknown channel 'etsy' (known: " + KNOWN + ")\n"
        + "items[1].quantity: must not be negative (was -1)\n", bad.err());
    assertEquals(0L, redis.<Long>with(j -> j.llen(keys.queue("urgent"))));

    CliRun unparsable = run("enqueue", "stock", "--tenant", "acme", "--channels", "ebay", "SKU-1=three", "SKU-2");
    assertEquals(2, unparsable.code());
    assertEquals("items[0].quantity: 'three' is not a whole number\n"
        + "items[1]: 'SKU-2' is not SKU=QUANTITY\n", unparsable.err());

    CliRun good = run("enqueue", "stock", "--tenant", "acme", "--channels", "ebay,shopify", "SKU-1=3", "SKU-2=0");
    assertEquals(0, good.code(), good.err());
    assertEquals("offered 4 changes for acme\n  ebay: 2 waiting to be sent\n  shopify: 2 waiting to be sent\n",
        good.out());
    assertEquals(2L, redis.<Long>with(j -> j.hlen(keys.lanePending("acme", "ebay", "update_stock"))));
  }

  @Test
  void enqueueListingsReadsJsonLinesOrAnArrayAndNamesBadEntries(@TempDir Path dir) throws Exception {
    Path lines = dir.resolve("listings.jsonl");
    Files.writeString(lines, "{\"sku\":\"L-1\",\"title\":\"Lamp\",\"price\":12.50,\"currency\":\"EUR\",\"quantity\":4}\n\n"
        + "{\"sku\":\"L-2\",\"title\":\"Desk\",\"price\":99,\"currency\":\"EUR\",\"quantity\":1}\n");
    CliRun ok = run("enqueue", "listings", "--tenant", "acme", "--channels", "shopify", "--file", lines.toString());
    assertEquals(0, ok.code(), ok.err());
    String pending = keys.lanePending("acme", "shopify", "upsert_listings");
    assertEquals(Set.of("L-1", "L-2"), redis.with(j -> j.hkeys(pending)));

    Path array = dir.resolve("listings.json");
    Files.writeString(array, "[{\"sku\":\"L-3\",\"title\":\"Chair\",\"price\":0,\"currency\":\"EUR\",\"quantity\":1},"
        + " {\"sku\":\"L-4\",\"condition\":\"SHINY\"}]");
    CliRun bad = run("enqueue", "listings", "--tenant", "acme", "--channels", "shopify", "--file", array.toString());
    assertEquals(2, bad.code());
    assertTrue(bad.err().startsWith("[1]: not a listing: "), bad.err());

    Files.writeString(array, "[{\"sku\":\"L-3\",\"title\":\"Chair\",\"price\":0,\"currency\":\"EUR\",\"quantity\":1}]");
    CliRun invalid = run("enqueue", "listings", "--tenant", "acme", "--channels", "shopify", "--bulk", "--file",
        array.toString());
    assertEquals(2, invalid.code());
    assertEquals("items[0].price: must be positive (was 0)\n", invalid.err());
    assertEquals(2L, redis.<Long>with(j -> j.hlen(pending)), "nothing of the invalid file was offered");
    assertEquals(0L, redis.<Long>with(j -> j.llen(keys.queue("bulk"))));
  }

  @Test
  void enqueueOrdersAndDeletes() throws Exception {
    assertEquals(0, run("enqueue", "orders", "--tenant", "acme", "--channel", "ebay").code());
    assertEquals(0, run("enqueue", "delete", "--tenant", "acme", "--channels", "ebay", "SKU-1", "SKU-2").code());
    List<String> queued = redis.with(j -> j.lrange(keys.queue("default"), 0, -1));
    assertEquals(Operation.PULL_ORDERS, JobCodec.decode(queued.get(0)).operation());
    assertEquals(Set.of("SKU-1", "SKU-2"),
        redis.with(j -> j.hkeys(keys.lanePending("acme", "ebay", "delete_listings"))));
  }

  @Test
  void errorsAreOneLineWithoutAStackTrace() {
    CliRun run = CliRun.run(redis, CLOCK, Map.of("REDIS_URL", "redis://127.0.0.1:1"), "", "status");
    assertEquals(1, run.code());
    assertTrue(run.err().startsWith("error: cannot reach Redis at 127.0.0.1:1/0"), run.err());
    assertEquals(1, run.err().lines().count(), run.err());
  }

  @Test
  void everyCommandHasHelp() {
    for (String[] args : List.of(new String[] {"--help"}, new String[] {"enqueue", "price", "--help"},
        new String[] {"connections", "add", "--help"}, new String[] {"dead", "retry", "--help"},
        new String[] {"resync", "--help"}, new String[] {"status", "--help"})) {
      CliRun run = run(args);
      assertEquals(0, run.code(), String.join(" ", args));
      assertTrue(run.out().startsWith("Usage: syncfleet"), run.out());
    }
  }

  /** The cells of the table row whose first cell is {@code first}. */
  private static List<String> row(String table, String first) {
    return table.lines().map(String::trim).filter(l -> l.startsWith(first + " "))
        .map(l -> Arrays.asList(l.split("\\s{2,}"))).findFirst().orElseThrow(() -> new AssertionError(table));
  }

  private static String stockJob(long enqueuedAt) {
    return JobCodec.encode(SyncJob.create("acme", "ebay", Operation.UPDATE_STOCK, Queue.URGENT,
        List.of(StockLevel.of("SKU-1", 1)), enqueuedAt));
  }

  private void bury(String id, long failedAt) throws Exception {
    SyncJob job = SyncJob.create("acme", "ebay", Operation.UPDATE_STOCK, Queue.URGENT,
        List.of(StockLevel.of("SKU-1", 3)), failedAt - 1_000).retry(List.of(StockLevel.of("SKU-1", 3)), "HTTP 400", failedAt);
    String record = Json.MAPPER.writeValueAsString(new DeadJob(id, failedAt, "urgent", "acme", "ebay",
        "update_stock", 2, "rejected by the marketplace", "25002", "Invalid quantity", List.of(), "w-1",
        JobCodec.encode(job)));
    redis.with(j -> {
      j.zadd(keys.dead(), failedAt, id);
      return j.hset(keys.deadRecords(), id, record);
    });
  }
}
