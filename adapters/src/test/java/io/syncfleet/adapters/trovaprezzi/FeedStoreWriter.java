package io.syncfleet.adapters.trovaprezzi;

import java.nio.file.Path;
import java.util.List;

/**
 * A separate worker process for {@link TrovaprezziFeedStoreTest}: {@code FeedStoreWriter <dir>
 * <prefix> <count>} stores {@code count} offers one edit at a time, then raises each one's stock,
 * so its writes interleave with those of the other processes.
 */
public final class FeedStoreWriter {
  private FeedStoreWriter() {}

  public static void main(String[] args) throws Exception {
    TrovaprezziFeedStore store = new TrovaprezziFeedStore(Path.of(args[0]));
    int count = Integer.parseInt(args[2]);
    for (int i = 0; i < count; i++) {
      String sku = args[1] + "-" + i;
      store.edit(List.of(sku), offers -> offers.put(sku, TrovaprezziFeedStoreTest.offer(sku, 0)));
    }
    for (int i = 0; i < count; i++) {
      String sku = args[1] + "-" + i;
      store.edit(List.of(sku), offers -> offers.put(sku, offers.get(sku).withStock(offers.get(sku).stock() + 1)));
    }
  }
}
