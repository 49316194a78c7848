package io.syncfleet.producer.state;

/**
 * A worker thread running a job, as its process last reported it.
 *
 * @param thread  thread name
 * @param jobId   payload id of the job
 * @param tenant  the merchant
 * @param channel the marketplace id
 * @param op      wire name of the operation
 * @param queue   the queue the job came from
 * @param since   when the thread took the job (epoch ms)
 */
public record WorkerThread(String thread, String jobId, String tenant, String channel, String op,
    String queue, long since) {}
