package io.syncfleet.adapters.trovaprezzi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.syncfleet.adapters.BatchResult;
import io.syncfleet.adapters.Health;
import io.syncfleet.adapters.ItemOutcome;
import io.syncfleet.adapters.OrderCursor;
import io.syncfleet.adapters.failure.AuthenticationFailure;
import io.syncfleet.adapters.failure.PermanentFailure;
import io.syncfleet.producer.connection.Connection;
import io.syncfleet.producer.job.Listing;
import io.syncfleet.producer.job.Operation;
import io.syncfleet.producer.job.PriceChange;
import io.syncfleet.producer.job.SkuRef;
import io.syncfleet.producer.job.StockLevel;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;

/** Each operation edits the feed store; what Trovaprezzi then reads is checked through the XML. */
class TrovaprezziOperationsTest {
  private final TrovaprezziAdapter adapter = new TrovaprezziAdapter();

  @TempDir
  Path feedDir;

  private Connection connection() {
    return TrovaprezziFixture.connection(feedDir);
  }

  @Test
  void anUpsertThatRunsTwiceLeavesTheSameFeed() {
    List<Listing> listings = List.of(TrovaprezziFixture.full("A"), TrovaprezziFixture.minimal("B"));

    assertEquals(BatchResult.allDone(listings, Listing::sku), adapter.upsertListings(connection(), listings));
    byte[] once = TrovaprezziFixture.feedBytes(feedDir);
    adapter.upsertListings(connection(), listings);

    assertArrayEquals(once, TrovaprezziFixture.feedBytes(feedDir));
  }

  @Test
  void anUpsertReplacesTheWholeOffer() {
    adapter.upsertListings(connection(), List.of(TrovaprezziFixture.full("A")));

    adapter.upsertListings(connection(), List.of(TrovaprezziFixture.minimal("A")));

    Element offer = offer("A");
    assertEquals("Tazzina", text(offer, "Name"));
    assertEquals(0, offer.getElementsByTagName("Brand").getLength());
    assertEquals("4.90", text(offer, "ShippingCost"));
  }

  @Test
  void stockAndPricesChangeOnlyTheirFields() {
    adapter.upsertListings(connection(), List.of(TrovaprezziFixture.full("A")));

    assertEquals(List.of(ItemOutcome.done("A")),
        adapter.updateStock(connection(), List.of(new StockLevel("A", 0, "magazzino-2"))).outcomes());
    assertEquals(List.of(ItemOutcome.done("A")), adapter.updatePrices(connection(),
        List.of(new PriceChange("A", new BigDecimal("19.99"), "EUR", new BigDecimal("24.90")))).outcomes());

    Element offer = offer("A");
    assertEquals("0", text(offer, "Stock"));
    assertEquals("19.99", text(offer, "Price"));
    assertEquals("24.90", text(offer, "OriginalPrice"));
    assertEquals("Caffettiera moka 3 tazze", text(offer, "Name"));

    adapter.updatePrices(connection(), List.of(PriceChange.of("A", new BigDecimal("22"), "EUR")));
    assertEquals(0, offer("A").getElementsByTagName("OriginalPrice").getLength());
  }

  @Test
  void stockOrPriceOfASkuWithoutAnOfferIsRetriedUntilItsListingArrives() {
    BatchResult stock = adapter.updateStock(connection(), List.of(StockLevel.of("NEW", 1)));
    BatchResult price = adapter.updatePrices(connection(), List.of(PriceChange.of("NEW", BigDecimal.TEN, "EUR")));

    assertEquals(ItemOutcome.Status.RETRY, stock.outcomes().get(0).status());
    assertEquals(TrovaprezziAdapter.OFFER_NOT_FOUND, stock.outcomes().get(0).code());
    assertEquals(TrovaprezziAdapter.OFFER_NOT_FOUND, price.outcomes().get(0).code());
  }

  @Test
  void aPriceInAnotherCurrencyFails() {
    adapter.upsertListings(connection(), List.of(TrovaprezziFixture.minimal("A")));

    ItemOutcome outcome = adapter.updatePrices(connection(), List.of(PriceChange.of("A", BigDecimal.ONE, "USD")))
        .outcomes().get(0);

    assertEquals(ItemOutcome.Status.FAILED, outcome.status());
    assertEquals("eur", outcome.code());
    assertEquals("5.00", text(offer("A"), "Price"));
  }

  @Test
  void deleteRemovesTheOfferAndAnUnknownSkuIsDone() {
    adapter.upsertListings(connection(), List.of(TrovaprezziFixture.minimal("A"), TrovaprezziFixture.minimal("B")));

    BatchResult result = adapter.deleteListings(connection(), List.of(new SkuRef("A"), new SkuRef("GONE")));

    assertEquals(List.of(ItemOutcome.done("A"), ItemOutcome.done("GONE")), result.outcomes());
    String xml = new String(TrovaprezziFixture.feedBytes(feedDir), StandardCharsets.UTF_8);
    assertFalse(xml.contains("<Code>A</Code>"));
    assertTrue(xml.contains("<Code>B</Code>"));
  }

  @Test
  void listingsMissingWhatTheFeedNeedsFailAndTheRestArePublished() {
    Listing usd = new Listing("USD", "Mug", null, null, null, null, Listing.Condition.NEW, BigDecimal.ONE, "USD", 1,
        List.of("https://img.example/a.jpg"), "Casa", Map.of(), null, Map.of());
    Connection bare = TrovaprezziFixture.connection(feedDir, Map.of("link_template", "", "shipping_cost", ""));
    Listing withLink = new Listing("LINKED", "Mug", null, null, null, null, Listing.Condition.NEW, BigDecimal.ONE,
        "EUR", 1, List.of("https://img.example/a.jpg"), "Casa", Map.of("link", List.of("https://shop.example/m")),
        null, Map.of());

    BatchResult result = adapter.upsertListings(bare, List.of(usd, TrovaprezziFixture.minimal("NOLINK"), withLink));

    assertEquals(TrovaprezziAdapter.INVALID_LISTING, result.outcomes().get(0).code());
    assertEquals(TrovaprezziAdapter.LINK_MISSING, result.outcomes().get(1).code());
    assertEquals(TrovaprezziAdapter.SHIPPING_COST_MISSING, result.outcomes().get(2).code());
    assertFalse(Files.exists(feedDir.resolve("offers")));
  }

  @Test
  void aFeedDirThatIsAFilePausesTheConnection() throws IOException {
    Path file = Files.writeString(feedDir.resolve("not-a-dir"), "x");

    AuthenticationFailure e = assertThrows(AuthenticationFailure.class, () -> adapter.upsertListings(
        TrovaprezziFixture.connection(file), List.of(TrovaprezziFixture.minimal("A"))));

    assertEquals("feed_dir_unusable", e.code());
  }

  @Test
  void aMissingOrRelativeFeedDirPausesTheConnection() {
    Connection relative = TrovaprezziFixture.connection(Path.of("feeds/acme"));

    assertEquals("invalid_setting", assertThrows(AuthenticationFailure.class,
        () -> adapter.updateStock(relative, List.of(StockLevel.of("A", 1)))).code());
  }

  @Test
  void aDamagedStoreFileIsPermanentAndNamesTheFile() throws IOException {
    adapter.upsertListings(connection(), List.of(TrovaprezziFixture.minimal("A")));
    Path shard = feedDir.resolve("offers").resolve(String.format("%02x.json", TrovaprezziFeedStore.shardOf("A")));
    Files.writeString(shard, "{not json");

    PermanentFailure e = assertThrows(PermanentFailure.class,
        () -> adapter.updateStock(connection(), List.of(StockLevel.of("A", 1))));

    assertEquals("feed_store_unreadable", e.code());
    assertTrue(e.getMessage().contains(shard.toString()), e.getMessage());
  }

  @Test
  void connectionTestChecksTheDirectoryTakesAWrite() throws IOException {
    Health ok = adapter.testConnection(TrovaprezziFixture.connection(feedDir.resolve("new/feed")));
    Path file = Files.writeString(feedDir.resolve("file"), "x");
    Health notADir = adapter.testConnection(TrovaprezziFixture.connection(file));

    assertTrue(ok.ok());
    assertTrue(Files.isDirectory(feedDir.resolve("new/feed")));
    try (var left = Files.list(feedDir.resolve("new/feed"))) {
      assertEquals(0, left.count());
    }
    assertFalse(notADir.ok());
    assertFalse(adapter.testConnection(TrovaprezziFixture.connection(feedDir, Map.of("feed_dir", ""))).ok());
  }

  @Test
  void capabilitiesOfferNoOrders() {
    assertFalse(adapter.capabilities().supports(Operation.PULL_ORDERS));
    assertThrows(UnsupportedOperationException.class, () -> adapter.fetchOrders(connection(), OrderCursor.START));
    for (Operation op : adapter.capabilities().spec().operations()) {
      assertTrue(adapter.capabilities().ratePlan(op).isPresent(), op.wireName());
      if (op.carriesItems()) {
        assertEquals(TrovaprezziApi.BATCH, adapter.capabilities().spec().batchLimit(op).orElseThrow());
      }
    }
  }

  private Element offer(String code) {
    var offers = TrovaprezziFixture.parse(TrovaprezziFixture.feedBytes(feedDir)).getElementsByTagName("Offer");
    for (int i = 0; i < offers.getLength(); i++) {
      Element offer = (Element) offers.item(i);
      if (code.equals(text(offer, "Code"))) {
        return offer;
      }
    }
    throw new AssertionError("no offer " + code);
  }

  private static String text(Element offer, String name) {
    return offer.getElementsByTagName(name).item(0).getTextContent();
  }
}
