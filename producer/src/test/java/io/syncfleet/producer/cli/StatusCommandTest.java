package io.syncfleet.producer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.syncfleet.producer.Json;
import io.syncfleet.producer.SyncfleetClient;
import io.syncfleet.producer.job.StockLevel;
import io.syncfleet.producer.resync.Resyncs;
import io.syncfleet.producer.testing.ResyncCounts;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code syncfleet status}: the waiting-changes and resync sections, as text and as JSON. */
class StatusCommandTest extends CliTestBase {

  @Test
  void showsWaitingChangesAndResyncsOneLinePerChannel() throws Exception {
    try (SyncfleetClient client = new SyncfleetClient(redis.pool(), keys, Clock.systemUTC(), Duration.ofSeconds(1))) {
      client.setStock("acme", List.of("ebay"), List.of(StockLevel.of("SKU-1", 3), StockLevel.of("SKU-2", 1)));
      client.setStock("acme", List.of("ebay"), List.of(StockLevel.of("SKU-1", 2)));
    }
    Resyncs resyncs = new Resyncs(redis.pool(), keys, Clock.systemUTC());
    String running = resyncs.start("acme", List.of("ebay", "shopify"), "catalog.jsonl").id();
    resyncs.offered(running, "acme", "ebay", 1_000);
    ResyncCounts.settle(redis, running, "acme", "ebay", "done", 990);
    ResyncCounts.settle(redis, running, "acme", "ebay", "failed", 2);
    String finished = resyncs.start("globex", List.of("ebay"), "other.jsonl").id();
    resyncs.offered(finished, "globex", "ebay", 0);

    CliRun text = CliRun.run(redis, Clock.systemUTC(), "status");

    assertEquals(0, text.code(), text.err());
    assertEquals(List.of("acme", "ebay", "update_stock", "2", "0", "1", "0", "3"), row(text.out(), "acme"));
    assertTrue(text.out().contains("Resyncs: 1 running, most recent first:"), text.out());
    List<String> lines = text.out().lines().filter(l -> l.startsWith(running) || l.startsWith(finished)).toList();
    assertEquals(3, lines.size(), text.out());
    assertEquals(List.of(finished, "globex", "ebay", "finished", "0", "0", "0", "0s ago"), cells(lines.get(0)));
    assertEquals(List.of(running, "acme", "ebay", "draining", "990", "2", "8", "0s ago"), cells(lines.get(1)));
    assertEquals(List.of(running, "acme", "shopify", "offering", "0", "0", "offering", "0s ago"), cells(lines.get(2)));

    CliRun json = CliRun.run(redis, Clock.systemUTC(), "status", "--json");
    assertEquals(0, json.code(), json.err());
    JsonNode status = Json.MAPPER.readTree(json.out());
    assertEquals(2, status.path("lanes").path(0).path("waiting").asInt());
    assertEquals(1, status.path("lanes").path(0).path("coalesced").asInt());
    assertEquals(running, status.path("resyncs").path(1).path("id").asText());
    assertEquals(8, status.path("resyncs").path(1).path("channels").path(0).path("pending").asInt());
    assertTrue(status.path("resyncs").path(1).path("channels").path(1).path("pending").isNull());
  }

  @Test
  void saysSoWhenNothingWaitsAndNoResyncWasRecorded() {
    CliRun text = CliRun.run(redis, Clock.systemUTC(), "status");
    assertEquals(0, text.code(), text.err());
    assertTrue(text.out().contains("Waiting changes: none\n"), text.out());
    assertTrue(text.out().contains("Resyncs: none recorded\n"), text.out());
  }

  private static List<String> row(String table, String first) {
    return table.lines().filter(l -> l.startsWith(first + " ")).map(StatusCommandTest::cells).findFirst()
        .orElseThrow(() -> new AssertionError(table));
  }

  private static List<String> cells(String line) {
    return Arrays.asList(line.trim().split("\\s{2,}"));
  }
}
