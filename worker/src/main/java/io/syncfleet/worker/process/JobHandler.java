package io.syncfleet.worker.process;

import io.syncfleet.producer.job.Envelope;
import io.syncfleet.worker.fetch.Fetched;

/**
 * Runs jobs of one Jesque class. A handler never throws: every way a job can end is expressed as a
 * {@link Settlement}, so nothing is lost to an exception between taking a job and recording it.
 */
@FunctionalInterface
public interface JobHandler {
  /** Runs the job and says how it ended. */
  Settlement handle(Envelope envelope, Fetched fetched);
}
