package io.syncfleet.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.syncfleet.producer.Json;
import io.syncfleet.producer.job.JobCodec;
import io.syncfleet.producer.redis.Keys;
import io.syncfleet.producer.state.DeadJob;
import io.syncfleet.producer.testing.TestRedis;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The page in a real browser: Debian's headless Chromium, driven through Debian's chromedriver by
 * Selenium, against a seeded namespace. Signs in with the token, checks that each view shows what
 * was seeded, retries a dead job from the page and checks in Redis that it is back on its queue.
 * Under CI ({@code CI=true}) a missing browser fails the test; elsewhere it is skipped with the
 * command that installs one. Leaves screenshots of the views in {@code target/}.
 */
class DashboardBrowserTest {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final String TOKEN = "browser-test-token-0123456789";
  private static final Duration WAIT = Duration.ofSeconds(10);
  /** Held so the level set on it stays set (java.util.logging keeps loggers weakly). */
  private static final Logger SELENIUM_LOG = Logger.getLogger("org.openqa.selenium");

  private static TestRedis redis;
  private static Keys keys;
  private static DashboardServer server;
  private static Path profile;
  private static WebDriver browser;
  private static FleetSeed seed;

  @BeforeAll
  static void start() throws IOException {
    if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
      String missing = "the browser test needs " + CHROMIUM + " and " + CHROMEDRIVER
          + " (Debian: apt-get install chromium chromium-driver)";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        fail(missing + "; .ci/run installs them before the tests");
      }
      Assumptions.abort(missing);
    }
    redis = TestRedis.open();
    keys = redis.keys();
    seed = FleetSeed.into(redis);
    server = DashboardServer.start(new DashboardSettings(redis.settings(), "127.0.0.1", 0, TOKEN, null, null, false));

    // The page is driven over WebDriver only: Selenium's warning that it has no CDP bindings for
    // this Chromium version does not apply.
    SELENIUM_LOG.setLevel(Level.SEVERE);
    profile = Files.createTempDirectory("syncfleet-chromium-");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    // As the machine's notes require: headless as root, and nothing that reaches for the network.
    options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
        "--window-size=1400,1000", "--user-data-dir=" + profile);
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
    browser = new ChromeDriver(service, options);
    browser.manage().timeouts().pageLoadTimeout(WAIT);
  }

  @AfterAll
  static void stop() throws IOException {
    if (browser != null) {
      browser.quit();
    }
    if (server != null) {
      server.close();
    }
    if (redis != null) {
      redis.close();
    }
    if (profile != null) {
      try (var files = Files.walk(profile)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  @Test
  void showsTheSeededFleetAndRetriesADeadJobFromThePage() throws Exception {
    browser.get(server.address().toString());
    assertTrue(browser.getCurrentUrl().endsWith("/login"), browser.getCurrentUrl());
    browser.findElement(By.id("token")).sendKeys(TOKEN);
    browser.findElement(By.cssSelector("button[type=submit]")).click();

    // Overview: queues with their depth, the chart, the counters.
    assertEquals("2", text("table.queues tr[data-queue='urgent'] td.num"));
    assertEquals("paused", text("table.queues tr[data-queue='bulk'] .badge"));
    await(() -> browser.findElements(By.cssSelector("svg.chart polyline.processed")).size() == 1, "the chart");
    assertEquals("3", text("#count-dead"));
    snapshot("overview");

    show("workers");
    assertEquals("live", text("tr[data-process='" + FleetSeed.LIVE_PROCESS + "'] .badge"));
    assertEquals("dead", text("tr[data-process='" + FleetSeed.DEAD_PROCESS + "'] .badge"));
    await(() -> browser.getPageSource().contains("processor-3"), "the busy thread");
    snapshot("workers");

    show("connections");
    assertEquals("healthy", text("tr[data-connection='acme/ebay'] .badge"));
    assertEquals("circuit open", text("tr[data-connection='acme/shopify'] .badge"));
    assertEquals("paused: credentials refused", text("tr[data-connection='globex/ebay'] .badge"));
    snapshot("connections");

    show("orders");
    await(() -> browser.getPageSource().contains("erp"), "the consumer group");
    snapshot("orders");

    show("resyncs");
    await(() -> !browser.findElements(By.cssSelector("tr[data-resync='" + seed.runningResync + "/ebay']")).isEmpty(),
        "the running resync");
    assertEquals("35", text("tr[data-resync='" + seed.runningResync + "/ebay'] td.pending"));
    assertEquals("offering", text("tr[data-resync='" + seed.runningResync + "/shopify'] td.pending"));
    assertEquals("finished", text("tr[data-resync='" + seed.finishedResync + "/ebay'] .badge"));
    snapshot("resyncs");

    show("dead");
    assertEquals("rejected by the marketplace", text("tr[data-id='" + FleetSeed.DEAD_STOCK + "'] td.reason"));
    assertTrue(browser.getPageSource().contains("SKU SKU-404 does not exist"));
    click("tr[data-id='" + FleetSeed.DEAD_UNREADABLE + "'] button.details");
    await(() -> browser.getPageSource().contains("\"api_key\": \"" + SecretRedactor.MASK + "\""), "the masked payload");
    snapshot("dead");
    String traceId = JobCodec.decode(deadPayload(FleetSeed.DEAD_STOCK)).traceId();
    click("tr[data-id='" + FleetSeed.DEAD_STOCK + "'] button.retry");
    await(() -> browser.findElements(By.cssSelector("tr[data-id='" + FleetSeed.DEAD_STOCK + "']")).isEmpty(),
        "the retried job to leave the dead list");

    assertNull(redis.with(j -> j.zscore(keys.dead(), FleetSeed.DEAD_STOCK)));
    List<String> urgent = redis.with(j -> j.lrange(keys.queue("urgent"), 0, -1));
    assertEquals(3, urgent.size());
    assertEquals(traceId, JobCodec.decode(urgent.get(2)).traceId(), "the dead job is back at the tail of its queue");
    assertEquals("2", text("#count-dead"));

    for (String secret : FleetSeed.SECRETS) {
      assertFalse(browser.getPageSource().contains(secret), "the page shows a seeded secret");
    }
  }

  /** Leaves a screenshot of what the browser shows in target/, to look at when something fails. */
  private static void snapshot(String name) throws IOException {
    Files.createDirectories(Path.of("target"));
    Files.write(Path.of("target", "dashboard-" + name + ".png"), ((ChromeDriver) browser).getScreenshotAs(OutputType.BYTES));
  }

  private static void show(String view) {
    browser.findElement(By.cssSelector("#tabs a[data-view='" + view + "']")).click();
    await(() -> "on".equals(browser.findElement(By.cssSelector("#tabs a[data-view='" + view + "']"))
        .getDomAttribute("class")), "the " + view + " tab");
  }

  /** The text of the first element matching {@code css}, once it is there; the page re-renders as it refreshes. */
  private static String text(String css) {
    String[] found = new String[1];
    await(() -> {
      found[0] = browser.findElement(By.cssSelector(css)).getText();
      return !found[0].isEmpty();
    }, css);
    return found[0];
  }

  private static void click(String css) {
    await(() -> {
      browser.findElement(By.cssSelector(css)).click();
      return true;
    }, css);
  }

  /** Polls until {@code condition} holds; an element replaced by a refresh mid-check is simply looked up again. */
  private static void await(Supplier<Boolean> condition, String what) {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (true) {
      try {
        if (condition.get()) {
          return;
        }
      } catch (NoSuchElementException | StaleElementReferenceException e) {
        // Not rendered yet, or re-rendered between finding and reading.
      }
      if (System.nanoTime() > deadline) {
        String shown = browser.findElement(By.tagName("body")).getText();
        fail("waited " + WAIT.toSeconds() + " s for " + what + " on " + browser.getCurrentUrl() + ", which shows:\n"
            + shown.substring(0, Math.min(shown.length(), 2_000)));
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  private static String deadPayload(String id) throws IOException {
    String record = redis.with(j -> j.hget(keys.deadRecords(), id));
    return Json.MAPPER.readValue(record, DeadJob.class).payload();
  }
}
