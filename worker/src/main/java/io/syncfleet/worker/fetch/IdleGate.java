package io.syncfleet.worker.fetch;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import redis.clients.jedis.Jedis;

/**
 * Parks a process's idle worker threads so that only one of them (the watcher) waits on Redis,
 * blocked on the wake list that producers and the scheduler push to. New work then starts within a
 * round trip, while an idle process costs Redis about one command per second rather than one poll
 * per thread. A thread that finds work after idling lets one more thread try, so a burst spreads
 * over the pool quickly.
 */
public final class IdleGate {
  /** Seconds a watcher blocks before looking at the queues anyway (jobs pushed by other tools). */
  static final int WATCH_SECONDS = 2;

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private final int maxPermits;
  private boolean watching;
  private int permits;
  private boolean closed;

  public IdleGate(int threads) {
    this.maxPermits = threads;
  }

  /** Returns when fetching again is worthwhile: work may have arrived, or the watch timed out. */
  public void await(Jedis jedis, String wakeKey) throws InterruptedException {
    lock.lock();
    try {
      while (true) {
        if (closed) {
          return;
        }
        if (permits > 0) {
          permits--;
          return;
        }
        if (!watching) {
          watching = true;
          break;
        }
        changed.await(WATCH_SECONDS * 4L, TimeUnit.SECONDS);
      }
    } finally {
      lock.unlock();
    }
    try {
      jedis.blpop(WATCH_SECONDS, wakeKey);
    } finally {
      lock.lock();
      try {
        watching = false;
        changed.signal();
      } finally {
        lock.unlock();
      }
    }
  }

  /** Lets one more idle thread look for work. */
  public void release() {
    lock.lock();
    try {
      permits = Math.min(permits + 1, maxPermits);
      changed.signal();
    } finally {
      lock.unlock();
    }
  }

  /** Releases every waiting thread for good (shutdown). */
  public void close() {
    lock.lock();
    try {
      closed = true;
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }
}
