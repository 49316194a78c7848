package io.syncfleet.adapters.trovaprezzi;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The lock of one feed store directory, held across threads and processes on the host: first an
 * in-process lock per directory (the JVM refuses two overlapping file locks of its own), then an
 * OS file lock on {@value #LOCK_FILE}, exclusive for writers, shared for readers. Released by
 * closing the {@link Held} it returns; a process that dies releases its file lock with it.
 */
final class FeedLock {
  static final String LOCK_FILE = ".lock";
  private static final ConcurrentMap<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

  private FeedLock() {}

  /** Waits for the exclusive lock of {@code dir}, which must exist. */
  static Held exclusive(Path dir) throws IOException {
    return acquire(dir, false);
  }

  /** Waits for a shared lock of {@code dir}; null when no writer ever made the lock file (nothing to guard). */
  static Held shared(Path dir) throws IOException {
    return Files.exists(dir.resolve(LOCK_FILE)) ? acquire(dir, true) : null;
  }

  private static Held acquire(Path dir, boolean shared) throws IOException {
    Path key = dir.toRealPath();
    ReentrantLock local = IN_PROCESS.computeIfAbsent(key, k -> new ReentrantLock());
    local.lock();
    FileChannel channel = null;
    try {
      channel = shared
          ? FileChannel.open(key.resolve(LOCK_FILE), StandardOpenOption.READ)
          : FileChannel.open(key.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.READ,
              StandardOpenOption.WRITE);
      return new Held(local, channel, channel.lock(0, Long.MAX_VALUE, shared));
    } catch (IOException | RuntimeException e) {
      if (channel != null) {
        channel.close();
      }
      local.unlock();
      throw e;
    }
  }

  /** A held lock; closing releases it. */
  static final class Held implements AutoCloseable {
    private final ReentrantLock local;
    private final FileChannel channel;
    private final FileLock lock;

    private Held(ReentrantLock local, FileChannel channel, FileLock lock) {
      this.local = local;
      this.channel = channel;
      this.lock = lock;
    }

    @Override
    public void close() throws IOException {
      try {
        lock.release();
      } finally {
        try {
          channel.close();
        } finally {
          local.unlock();
        }
      }
    }
  }
}
