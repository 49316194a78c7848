package io.syncfleet.adapters.trovaprezzi;

import io.syncfleet.producer.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.zip.CRC32;

/**
 * The offers of one connection's feed, on disk under its {@code feed_dir}: {@value #SHARDS} shard
 * files {@code offers/00.json} .. {@code offers/3f.json}, each {@code {"version":1,"offers":{sku:
 * offer}}}, a SKU's shard fixed by the CRC-32 of its UTF-8 bytes. Writers hold the directory's
 * exclusive {@link FeedLock} and replace each changed shard by writing a new file beside it and
 * renaming it over the old one atomically; readers hold the shared lock. So any number of threads
 * and worker processes on the host may write, and a reader (the {@link FeedServer}) sees whole
 * batches, never a half-written file. Sharding keeps a small batch (one stock change) from rewriting the whole feed.
 */
final class TrovaprezziFeedStore {
  static final int SHARDS = 64;
  static final String OFFERS_DIR = "offers";
  private static final int FORMAT_VERSION = 1;

  private final Path dir;

  TrovaprezziFeedStore(Path dir) {
    this.dir = dir;
  }

  /**
   * Lets {@code edit} change the offers of {@code skus} in one step under the exclusive lock: it
   * receives a mutable map of those SKUs' stored offers (absent ones missing) and may put, replace or
   * remove entries; only the shards whose content changed are rewritten. Other writers and readers
   * see all of a step or none of it; a crash part-way leaves some shards replaced and the rest as
   * they were, which the rerun of the (idempotent) job completes.
   */
  void edit(Collection<String> skus, Consumer<Map<String, TrovaprezziOffer>> edit) throws IOException {
    ensureDirectory();
    Files.createDirectories(dir.resolve(OFFERS_DIR));
    try (FeedLock.Held held = FeedLock.exclusive(dir)) {
      Map<Integer, TreeMap<String, TrovaprezziOffer>> shards = new HashMap<>();
      Map<String, TrovaprezziOffer> view = new HashMap<>();
      for (String sku : skus) {
        TreeMap<String, TrovaprezziOffer> shard = shards.computeIfAbsent(shardOf(sku), this::readShard);
        TrovaprezziOffer stored = shard.get(sku);
        if (stored != null) {
          view.put(sku, stored);
        }
      }
      edit.accept(view);
      for (Map.Entry<Integer, TreeMap<String, TrovaprezziOffer>> e : shards.entrySet()) {
        TreeMap<String, TrovaprezziOffer> shard = e.getValue();
        boolean changed = false;
        for (String sku : skus) {
          if (shardOf(sku) != e.getKey()) {
            continue;
          }
          TrovaprezziOffer now = view.get(sku);
          TrovaprezziOffer before = now == null ? shard.remove(sku) : shard.put(sku, now);
          changed |= !Objects.equals(before, now);
        }
        if (changed) {
          writeShard(e.getKey(), shard);
        }
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  /** Hands every offer to {@code each} under the shared lock, shard by shard, by code within a shard. */
  void forEach(Consumer<TrovaprezziOffer> each) throws IOException {
    if (!Files.isDirectory(dir.resolve(OFFERS_DIR))) {
      return;
    }
    try (FeedLock.Held held = FeedLock.shared(dir)) {
      for (int i = 0; i < SHARDS; i++) {
        readShard(i).values().forEach(each);
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  /** Proves the directory can take a write: creates it, then writes, renames and removes a probe file. */
  void checkWritable() throws IOException {
    ensureDirectory();
    Path probe = Files.createTempFile(dir, ".probe", ".tmp");
    try {
      Files.write(probe, new byte[] {'o', 'k'});
      Path moved = dir.resolve(probe.getFileName() + ".done");
      Files.move(probe, moved, StandardCopyOption.ATOMIC_MOVE);
      probe = moved;
    } finally {
      Files.deleteIfExists(probe);
    }
  }

  /** Creates the directory if needed; a file in its place is reported as not a directory. */
  private void ensureDirectory() throws IOException {
    if (Files.exists(dir) && !Files.isDirectory(dir)) {
      throw new NotDirectoryException(dir.toString());
    }
    Files.createDirectories(dir);
  }

  /** The shard of a SKU: stable across processes and versions. */
  static int shardOf(String sku) {
    CRC32 crc = new CRC32();
    crc.update(sku.getBytes(StandardCharsets.UTF_8));
    return (int) (crc.getValue() % SHARDS);
  }

  private Path shardFile(int shard) {
    return dir.resolve(OFFERS_DIR).resolve(String.format("%02x.json", shard));
  }

  private TreeMap<String, TrovaprezziOffer> readShard(int shard) {
    Path file = shardFile(shard);
    if (!Files.exists(file)) {
      return new TreeMap<>();
    }
    try {
      ShardFile read = Json.MAPPER.readValue(file.toFile(), ShardFile.class);
      return read.offers() == null ? new TreeMap<>() : read.offers();
    } catch (IOException e) {
      throw new UncheckedIOException(new UnreadableException(file, e));
    }
  }

  private void writeShard(int shard, TreeMap<String, TrovaprezziOffer> offers) throws IOException {
    Path target = shardFile(shard);
    Path temp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
    try {
      try (FileChannel out = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
        ByteBuffer bytes = ByteBuffer.wrap(Json.MAPPER.writeValueAsBytes(new ShardFile(FORMAT_VERSION, offers)));
        while (bytes.hasRemaining()) {
          out.write(bytes);
        }
        out.force(true);
      }
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  /** One shard file; read as typed values so prices keep their exact decimals. */
  private record ShardFile(int version, TreeMap<String, TrovaprezziOffer> offers) {}

  /** A shard file that is not the store's JSON: damaged by hand or by the disk, not by a writer. */
  static final class UnreadableException extends IOException {
    private static final long serialVersionUID = 1L;

    UnreadableException(Path file, IOException cause) {
      super("feed store file " + file + " is unreadable: " + cause.getMessage(), cause);
    }
  }
}
