package io.syncfleet.adapters.shopify;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a mutation whose input is a list (stock quantities, variant prices) and whose
 * {@code userErrors} point into that list. Refused entries fail the items they serve; the others
 * are sent again without them, because Shopify may have rejected the whole call for one bad entry
 * [U], and sending an absolute value twice is harmless. Each round drops at least one entry, so it ends.
 */
final class ShopifyListMutation {
  /** One element of the list input and the positions of the batch items it serves. */
  record Entry(ObjectNode input, List<Integer> owners) {}

  /** Sends one round of entries and returns Shopify's userErrors. */
  @FunctionalInterface
  interface Round {
    List<ShopifyUserError> send(List<ObjectNode> inputs);
  }

  private ShopifyListMutation() {}

  /** Sends {@code entries}, settling their owners in {@code out}; a failed call propagates. */
  static void run(List<Entry> entries, String listName, Round round, BatchOutcomes out) {
    List<Entry> pending = entries;
    while (!pending.isEmpty()) {
      List<ShopifyUserError> errors = round.send(pending.stream().map(Entry::input).toList());
      if (errors.isEmpty()) {
        pending.forEach(e -> e.owners().forEach(out::done));
        return;
      }
      ShopifyUserError[] byEntry = new ShopifyUserError[pending.size()];
      ShopifyUserError unplaced = null;
      for (ShopifyUserError error : errors) {
        int at = error.indexIn(listName);
        if (at >= 0 && at < byEntry.length) {
          byEntry[at] = byEntry[at] == null ? error : byEntry[at];
        } else if (unplaced == null) {
          unplaced = error;
        }
      }
      if (unplaced != null) {
        // An error about the call as a whole: no entry can be told apart from another.
        for (Entry e : pending) {
          for (int owner : e.owners()) {
            out.failed(owner, unplaced.code(), unplaced.describe());
          }
        }
        return;
      }
      List<Entry> next = new ArrayList<>();
      for (int i = 0; i < byEntry.length; i++) {
        if (byEntry[i] == null) {
          next.add(pending.get(i));
        } else {
          for (int owner : pending.get(i).owners()) {
            out.failed(owner, byEntry[i].code(), byEntry[i].describe());
          }
        }
      }
      pending = next;
    }
  }
}
