package io.syncfleet.producer;

import io.syncfleet.producer.job.SyncJob;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one call enqueued: the job ids per channel, in enqueue order, and how many items they carry.
 *
 * @param jobIds    channel id to the ids of the jobs enqueued for it
 * @param itemCount items across all jobs
 */
public record EnqueueReceipt(Map<String, List<String>> jobIds, int itemCount) {

  public EnqueueReceipt {
    Map<String, List<String>> copy = new LinkedHashMap<>();
    jobIds.forEach((channel, ids) -> copy.put(channel, List.copyOf(ids)));
    jobIds = Collections.unmodifiableMap(copy);
  }

  /** The receipt for jobs that were stored. */
  static EnqueueReceipt of(List<SyncJob> jobs) {
    Map<String, List<String>> ids = new LinkedHashMap<>();
    int items = 0;
    for (SyncJob job : jobs) {
      ids.computeIfAbsent(job.channel(), c -> new ArrayList<>()).add(job.id());
      items += job.items().size();
    }
    return new EnqueueReceipt(ids, items);
  }

  /** Jobs enqueued across all channels. */
  public int jobCount() {
    return jobIds.values().stream().mapToInt(List::size).sum();
  }

  /** The ids of the jobs enqueued for {@code channel}; empty when none were. */
  public List<String> jobIds(String channel) {
    return jobIds.getOrDefault(channel, List.of());
  }
}
