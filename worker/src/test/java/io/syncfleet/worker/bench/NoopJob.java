package io.syncfleet.worker.bench;

/** The no-op job raw Jesque runs in the benchmark. */
public final class NoopJob implements Runnable {
  @Override
  public void run() {
    // Measures the queue, not the work.
  }
}
