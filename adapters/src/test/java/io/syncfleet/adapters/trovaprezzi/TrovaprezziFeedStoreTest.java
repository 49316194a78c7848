package io.syncfleet.adapters.trovaprezzi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Several threads and several processes writing one store lose nothing and leave no stray files. */
class TrovaprezziFeedStoreTest {
  @TempDir
  Path dir;

  @TempDir
  Path logs;

  static TrovaprezziOffer offer(String sku, int stock) {
    return new TrovaprezziOffer(sku, "Offer " + sku, null, null, null, new BigDecimal("1.00"),
        "https://shop.example/" + sku, stock, List.of("Casa"), List.of("https://img.example/" + sku + ".jpg"),
        BigDecimal.ZERO, null, null, null);
  }

  @Test
  void concurrentWritersInSeveralProcessesAndThreadsKeepEveryChange() throws Exception {
    int perWriter = 40;
    List<Process> processes = new ArrayList<>();
    for (String prefix : List.of("P1", "P2")) {
      processes.add(new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-cp", System.getProperty("java.class.path"), FeedStoreWriter.class.getName(), dir.toString(), prefix,
          String.valueOf(perWriter)).redirectErrorStream(true).redirectOutput(logs.resolve(prefix + ".log").toFile())
          .start());
    }
    ExecutorService threads = Executors.newFixedThreadPool(2);
    List<Future<?>> writers = new ArrayList<>();
    for (String prefix : List.of("T1", "T2")) {
      writers.add(threads.submit(() -> {
        FeedStoreWriter.main(new String[] {dir.toString(), prefix, String.valueOf(perWriter)});
        return null;
      }));
    }
    for (Future<?> w : writers) {
      w.get(60, TimeUnit.SECONDS);
    }
    threads.shutdown();
    for (Process p : processes) {
      assertTrue(p.waitFor(60, TimeUnit.SECONDS), "writer process did not finish");
      assertEquals(0, p.exitValue(), () -> "writer process failed: " + read(logs));
    }

    Map<String, Integer> stock = new HashMap<>();
    new TrovaprezziFeedStore(dir).forEach(o -> stock.put(o.code(), o.stock()));
    assertEquals(4 * perWriter, stock.size());
    assertTrue(stock.values().stream().allMatch(s -> s == 1), "every offer's stock was raised once: " + stock);
    try (var files = Files.list(dir.resolve(TrovaprezziFeedStore.OFFERS_DIR))) {
      assertTrue(files.map(Path::getFileName).map(Path::toString).allMatch(n -> n.matches("[0-9a-f]{2}\\.json")));
    }
  }

  @Test
  void anEditReplacesOnlyTheShardsWhoseContentChanged() throws Exception {
    TrovaprezziFeedStore store = new TrovaprezziFeedStore(dir);
    String a = "A";
    String b = "B";
    for (int i = 0; TrovaprezziFeedStore.shardOf(b) == TrovaprezziFeedStore.shardOf(a); i++) {
      b = "B" + i;
    }
    String otherSku = b;
    store.edit(List.of(a, b), offers -> {
      offers.put(a, offer(a, 1));
      offers.put(otherSku, offer(otherSku, 1));
    });
    Object inodeA = inode(a);
    Object inodeB = inode(b);

    store.edit(List.of(a), offers -> offers.put(a, offer(a, 2)));
    store.edit(List.of(b), offers -> offers.put(otherSku, offer(otherSku, 1)));

    assertNotEquals(inodeA, inode(a), "a changed shard is a new file renamed into place");
    assertEquals(inodeB, inode(b), "an unchanged shard is left alone");
  }

  private Object inode(String sku) throws Exception {
    return Files.getAttribute(dir.resolve(TrovaprezziFeedStore.OFFERS_DIR)
        .resolve(String.format("%02x.json", TrovaprezziFeedStore.shardOf(sku))), "unix:ino");
  }

  private static String read(Path logs) {
    try (var files = Files.list(logs)) {
      StringBuilder b = new StringBuilder();
      for (Path f : files.toList()) {
        b.append(Files.readString(f));
      }
      return b.toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
