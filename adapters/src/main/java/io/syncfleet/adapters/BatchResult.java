package io.syncfleet.adapters;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;

/** Per-item outcomes of one batch call; every item sent appears exactly once. */
public record BatchResult(List<ItemOutcome> outcomes) {

  public BatchResult {
    outcomes = List.copyOf(outcomes);
  }

  /** Every item done. */
  public static <T> BatchResult allDone(Collection<T> items, Function<T, String> sku) {
    List<ItemOutcome> out = new ArrayList<>(items.size());
    for (T item : items) {
      out.add(ItemOutcome.done(sku.apply(item)));
    }
    return new BatchResult(out);
  }

  /** Outcomes with the given status. */
  public List<ItemOutcome> withStatus(ItemOutcome.Status status) {
    return outcomes.stream().filter(o -> o.status() == status).toList();
  }
}
