package io.syncfleet.producer;

import io.syncfleet.producer.job.Channels;
import io.syncfleet.producer.job.InvalidJobException;
import io.syncfleet.producer.job.Item;
import io.syncfleet.producer.job.JobValidator;
import io.syncfleet.producer.job.Operation;
import io.syncfleet.producer.job.Problem;
import io.syncfleet.producer.job.Queue;
import io.syncfleet.producer.job.SyncJob;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns one request (a tenant's items for one operation on several channels) into jobs no larger
 * than each channel's batch limit, after checking every job with {@link JobValidator}. Problems are
 * reported once each, with item paths pointing into the caller's list rather than into a batch.
 */
final class BatchPlanner {
  private BatchPlanner() {}

  /** One job per channel and batch; throws {@link InvalidJobException} listing every problem. */
  static List<SyncJob> plan(String tenant, Collection<String> channels, Operation op, Queue queue,
      List<? extends Item> items, long now) {
    Set<Problem> problems = new LinkedHashSet<>();
    if (channels == null || channels.isEmpty()) {
      problems.add(new Problem("channels", "at least one channel is needed"));
    }
    List<? extends Item> given = items == null ? List.of() : items;
    // Null items cannot enter a SyncJob; plan the rest and keep each one's index in the caller's list.
    List<Item> present = new ArrayList<>();
    List<Integer> positions = new ArrayList<>();
    for (int i = 0; i < given.size(); i++) {
      if (given.get(i) == null) {
        problems.add(new Problem("items[" + i + "]", "is null"));
      } else {
        present.add(given.get(i));
        positions.add(i);
      }
    }
    // The validator sees duplicates only inside one batch; a SKU twice in one request would race
    // itself across batches, so it is checked over the whole list here.
    Set<String> duplicateFields = duplicateSkus(present, positions, problems);

    List<SyncJob> jobs = new ArrayList<>();
    for (String channel : new LinkedHashSet<>(channels == null ? List.<String>of() : channels)) {
      int limit = Channels.find(channel).flatMap(spec -> spec.batchLimit(op)).filter(l -> l > 0)
          .orElse(Math.max(1, present.size()));
      int offset = 0;
      do {
        List<Item> batch = present.subList(offset, Math.min(present.size(), offset + limit));
        SyncJob job = SyncJob.create(tenant, channel, op, queue, batch, now);
        for (Problem p : JobValidator.validate(job)) {
          Problem mapped = toCallerIndex(p, offset, positions);
          if (!duplicateFields.contains(mapped.field())) {
            problems.add(mapped);
          }
        }
        jobs.add(job);
        offset += limit;
      } while (offset < present.size());
    }
    if (!problems.isEmpty()) {
      List<Problem> sorted = new ArrayList<>(problems);
      sorted.sort(Comparator.comparingInt(BatchPlanner::itemIndex));
      throw new InvalidJobException(sorted);
    }
    return jobs;
  }

  private static Set<String> duplicateSkus(List<Item> present, List<Integer> positions,
      Set<Problem> problems) {
    Map<String, Integer> first = new HashMap<>();
    Set<String> fields = new HashSet<>();
    for (int i = 0; i < present.size(); i++) {
      String sku = present.get(i).sku();
      if (sku == null || sku.isBlank()) {
        continue;
      }
      Integer earlier = first.putIfAbsent(sku, positions.get(i));
      if (earlier != null) {
        String field = "items[" + positions.get(i) + "].sku";
        problems.add(new Problem(field, "SKU '" + sku + "' appears twice (first at items[" + earlier + "])"));
        fields.add(field);
      }
    }
    return fields;
  }

  private static Problem toCallerIndex(Problem p, int offset, List<Integer> positions) {
    String field = p.field();
    if (!field.startsWith("items[")) {
      return p;
    }
    int close = field.indexOf(']');
    int inBatch = Integer.parseInt(field.substring("items[".length(), close));
    return new Problem("items[" + positions.get(offset + inBatch) + field.substring(close), p.message());
  }

  /** Problems about the request as a whole first, then by the item they concern. */
  private static int itemIndex(Problem p) {
    String field = p.field();
    if (!field.startsWith("items[")) {
      return -1;
    }
    return Integer.parseInt(field.substring("items[".length(), field.indexOf(']')));
  }
}
