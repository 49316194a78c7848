package io.syncfleet.adapters.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.syncfleet.adapters.testing.MockMarketplace;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import okhttp3.Headers;
import org.junit.jupiter.api.Test;

/** Which rate-allowance headers are understood, and that nothing unreadable gets through. */
class AllowanceHeadersTest {
  private static final Clock CLOCK = MockMarketplace.fixedClock(MockMarketplace.NOW);

  private static Optional<Allowance> read(String... namesAndValues) {
    return AllowanceHeaders.read(Headers.of(namesAndValues), CLOCK);
  }

  @Test
  void shopifyRestCallLimitIsUsedOverBucket() {
    Allowance a = read("X-Shopify-Shop-Api-Call-Limit", "32/40").orElseThrow();
    assertEquals(new Allowance(8.0, 40.0, null, null), a);
    assertEquals(0.2, a.fractionLeft().orElseThrow(), 1e-9);
  }

  @Test
  void shopifyOverfullBucketHasNothingLeft() {
    assertEquals(0.0, read("X-Shopify-Shop-Api-Call-Limit", "41/40").orElseThrow().remaining());
  }

  @Test
  void shopifyGarbageIsIgnored() {
    for (String v : new String[] {"32", "/40", "32/", "a/40", "32/0", "-1/40", "32/40/2", "NaN/40", ""}) {
      assertTrue(read("X-Shopify-Shop-Api-Call-Limit", v).isEmpty(), v);
    }
  }

  @Test
  void amazonStatesTheRateApplied() {
    assertEquals(new Allowance(null, null, 0.5, null), read("x-amzn-RateLimit-Limit", "0.5").orElseThrow());
    assertTrue(read("x-amzn-RateLimit-Limit", "0.5").orElseThrow().fractionLeft().isEmpty());
  }

  @Test
  void amazonGarbageIsIgnored() {
    for (String v : new String[] {"fast", "0", "-2", "Infinity", "1e3", "0x10"}) {
      assertTrue(read("x-amzn-RateLimit-Limit", v).isEmpty(), v);
    }
  }

  @Test
  void bigCommerceWindowGivesRemainingQuotaResetAndRate() {
    Allowance a = read("X-Rate-Limit-Requests-Left", "12", "X-Rate-Limit-Requests-Quota", "150",
        "X-Rate-Limit-Time-Reset-Ms", "2500", "X-Rate-Limit-Time-Window-Ms", "30000").orElseThrow();
    assertEquals(new Allowance(12.0, 150.0, 5.0, Duration.ofMillis(2500)), a);
    assertEquals(0.08, a.fractionLeft().orElseThrow(), 1e-9);
  }

  @Test
  void bigCommerceKeepsWhatIsReadable() {
    Allowance a = read("X-Rate-Limit-Requests-Left", "lots", "X-Rate-Limit-Requests-Quota", "150",
        "X-Rate-Limit-Time-Reset-Ms", "soon").orElseThrow();
    assertEquals(new Allowance(null, 150.0, null, null), a);
    assertTrue(a.fractionLeft().isEmpty());
  }

  @Test
  void ietfDraftFieldsWithDeltaReset() {
    assertEquals(new Allowance(50.0, 100.0, null, Duration.ofSeconds(30)),
        read("RateLimit-Remaining", "50", "RateLimit-Limit", "100, 100;w=60", "RateLimit-Reset", "30")
            .orElseThrow());
  }

  @Test
  void xRateLimitWithEpochReset() {
    long inTenSeconds = MockMarketplace.NOW.getEpochSecond() + 10;
    assertEquals(new Allowance(0.0, 60.0, null, Duration.ofSeconds(10)),
        read("X-RateLimit-Remaining", "0", "X-RateLimit-Limit", "60", "X-RateLimit-Reset",
            Long.toString(inTenSeconds)).orElseThrow());
  }

  @Test
  void resetInThePastIsNow() {
    long past = MockMarketplace.NOW.getEpochSecond() - 10;
    assertEquals(Duration.ZERO,
        read("X-RateLimit-Reset", Long.toString(past)).orElseThrow().resetIn());
  }

  @Test
  void epochMillisResetIsReadToo() {
    long inTwoSeconds = MockMarketplace.NOW.toEpochMilli() + 2000;
    assertEquals(Duration.ofSeconds(2),
        read("RateLimit-Reset", Long.toString(inTwoSeconds)).orElseThrow().resetIn());
  }

  @Test
  void vendorFamilyWinsOverGeneric() {
    Allowance a = read("X-Shopify-Shop-Api-Call-Limit", "10/40", "X-RateLimit-Remaining", "1").orElseThrow();
    assertEquals(30.0, a.remaining());
  }

  @Test
  void genericGarbageAndUnrelatedHeadersGiveNothing() {
    assertTrue(read("RateLimit-Remaining", "many", "RateLimit-Limit", "-5", "RateLimit-Reset", "tomorrow",
        "X-RateLimit-Remaining", "", "X-RateLimit-Limit", "12345678901234567890").isEmpty());
    assertTrue(read("Content-Type", "application/json").isEmpty());
    assertTrue(AllowanceHeaders.read(Headers.of()).isEmpty());
    assertTrue(AllowanceHeaders.read(null).isEmpty());
  }

  @Test
  void fractionLeftIsClampedAndNeedsACapacity() {
    assertEquals(1.0, new Allowance(50.0, 40.0, null, null).fractionLeft().orElseThrow());
    assertTrue(new Allowance(5.0, 0.0, null, null).fractionLeft().isEmpty());
    assertTrue(new Allowance(5.0, null, null, null).fractionLeft().isEmpty());
    assertNull(new Allowance(null, 40.0, null, null).remaining());
  }
}
