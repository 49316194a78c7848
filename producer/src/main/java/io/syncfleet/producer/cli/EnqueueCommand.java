package io.syncfleet.producer.cli;

import io.syncfleet.producer.EnqueueReceipt;
import io.syncfleet.producer.OfferReceipt;
import io.syncfleet.producer.lane.Lanes;
import io.syncfleet.producer.job.InvalidJobException;
import io.syncfleet.producer.job.Listing;
import io.syncfleet.producer.job.PriceChange;
import io.syncfleet.producer.job.Problem;
import io.syncfleet.producer.job.StockLevel;
import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.BiFunction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code syncfleet enqueue ...}: puts one change on the queues, validated, one job per channel and batch. */
@Command(name = "enqueue", mixinStandardHelpOptions = true,
    description = "Enqueue stock, price, listing, delete or order-pull jobs for a tenant.",
    subcommands = {EnqueueCommand.Stock.class, EnqueueCommand.Price.class, EnqueueCommand.Listings.class,
        EnqueueCommand.Delete.class, EnqueueCommand.Orders.class})
final class EnqueueCommand {
  /** Job ids printed per channel; a large file's receipt is summarized past this. */
  private static final int IDS_SHOWN = 10;

  /** The tenant and the channels a change goes to. */
  static final class Target {
    @Option(names = "--tenant", required = true, description = "The merchant.")
    String tenant;

    @Option(names = "--channels", required = true, split = ",", paramLabel = "CHANNEL",
        description = "Comma-separated channel ids, e.g. ebay,shopify.")
    List<String> channels;
  }

  @Command(name = "stock", mixinStandardHelpOptions = true,
      description = "Set absolute stock levels (urgent queue), e.g.: enqueue stock --tenant acme --channels ebay SKU-1=3")
  static final class Stock extends CliCommand implements Callable<Integer> {
    @Mixin
    Target target;

    @Parameters(arity = "1..*", paramLabel = "SKU=QUANTITY", description = "Stock levels.")
    List<String> levels;

    @Override
    public Integer call() {
      List<StockLevel> items = parseItems(levels, "SKU=QUANTITY", "quantity", "a whole number",
          (sku, quantity) -> new StockLevel(sku, Integer.valueOf(quantity), null));
      return report(this, target.tenant, cli().client().setStock(target.tenant, target.channels, items));
    }
  }

  @Command(name = "price", mixinStandardHelpOptions = true,
      description = "Set prices (urgent queue), e.g.: enqueue price --tenant acme --channels ebay --currency USD SKU-1=19.99")
  static final class Price extends CliCommand implements Callable<Integer> {
    @Mixin
    Target target;

    @Option(names = "--currency", required = true, description = "ISO 4217 code of every price given, e.g. USD.")
    String currency;

    @Parameters(arity = "1..*", paramLabel = "SKU=AMOUNT", description = "Prices.")
    List<String> prices;

    @Override
    public Integer call() {
      List<PriceChange> items = parseItems(prices, "SKU=AMOUNT", "amount", "a number",
          (sku, amount) -> PriceChange.of(sku, new BigDecimal(amount), currency));
      return report(this, target.tenant, cli().client().setPrices(target.tenant, target.channels, items));
    }
  }

  @Command(name = "listings", mixinStandardHelpOptions = true,
      description = "Create or update listings from a file: JSON lines (one listing per line) or a JSON array.")
  static final class Listings extends CliCommand implements Callable<Integer> {
    @Mixin
    Target target;

    @Option(names = "--file", required = true, description = "The listings file.")
    Path file;

    @Option(names = "--bulk", description = "Enqueue as bulk work, behind every other update.")
    boolean bulk;

    @Override
    public Integer call() throws IOException {
      List<Listing> listings = CatalogFile.readAll(file);
      OfferReceipt receipt = bulk
          ? cli().client().bulkUpsertListings(target.tenant, target.channels, listings)
          : cli().client().upsertListings(target.tenant, target.channels, listings);
      return report(this, target.tenant, receipt);
    }
  }

  @Command(name = "delete", mixinStandardHelpOptions = true, description = "Remove listings by SKU.")
  static final class Delete extends CliCommand implements Callable<Integer> {
    @Mixin
    Target target;

    @Parameters(arity = "1..*", paramLabel = "SKU", description = "SKUs whose listings to remove.")
    List<String> skus;

    @Override
    public Integer call() {
      return report(this, target.tenant, cli().client().deleteListings(target.tenant, target.channels, skus));
    }
  }

  @Command(name = "orders", mixinStandardHelpOptions = true,
      description = "Pull the orders changed on a channel since the last pull.")
  static final class Orders extends CliCommand implements Callable<Integer> {
    @Option(names = "--tenant", required = true, description = "The merchant.")
    String tenant;

    @Option(names = "--channel", required = true, description = "The channel id, e.g. ebay.")
    String channel;

    @Override
    public Integer call() {
      return report(this, tenant, cli().client().pullOrders(tenant, channel));
    }
  }

  /**
   * Turns {@code SKU=VALUE} arguments into items with {@code item}; a value it rejects with
   * NumberFormatException is reported at {@code valueField} as not {@code valueKind}. Every bad
   * argument is reported before failing, so one run shows all the mistakes.
   */
  private static <T> List<T> parseItems(List<String> args, String shape, String valueField, String valueKind,
      BiFunction<String, String, T> item) {
    List<Problem> problems = new ArrayList<>();
    List<T> items = new ArrayList<>();
    for (int i = 0; i < args.size(); i++) {
      String[] pair = split(args.get(i), i, shape, problems);
      if (pair != null) {
        try {
          items.add(item.apply(pair[0], pair[1]));
        } catch (NumberFormatException e) {
          problems.add(new Problem("items[" + i + "]." + valueField, "'" + pair[1] + "' is not " + valueKind));
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidJobException(problems);
    }
    return items;
  }

  /** {@code SKU=VALUE}, split at the last '=' so a SKU may itself contain one. */
  private static String[] split(String arg, int index, String shape, List<Problem> problems) {
    int eq = arg.lastIndexOf('=');
    if (eq <= 0 || eq == arg.length() - 1) {
      problems.add(new Problem("items[" + index + "]", "'" + arg + "' is not " + shape));
      return null;
    }
    return new String[] {arg.substring(0, eq), arg.substring(eq + 1)};
  }

  private static int report(CliCommand command, String tenant, EnqueueReceipt receipt) {
    PrintWriter out = command.out();
    out.println("enqueued " + plural(receipt.jobCount(), "job") + " for " + tenant + " ("
        + plural(receipt.itemCount(), "item") + ")");
    for (Map.Entry<String, List<String>> e : receipt.jobIds().entrySet()) {
      List<String> ids = e.getValue();
      String shown = ids.size() <= IDS_SHOWN ? String.join(" ", ids)
          : String.join(" ", ids.subList(0, IDS_SHOWN)) + " ... (" + HumanFormat.count(ids.size()) + " in all)";
      out.println("  " + e.getKey() + ": " + shown);
    }
    out.flush();
    return 0;
  }

  private static int report(CliCommand command, String tenant, OfferReceipt receipt) {
    PrintWriter out = command.out();
    Lanes.Offered total = receipt.total();
    out.println("offered " + plural(total.offered(), "change") + " for " + tenant
        + (total.coalesced() > 0 ? " (" + HumanFormat.count(total.coalesced()) + " replaced waiting ones)" : "")
        + (total.stale() > 0 ? "; " + plural(total.stale(), "stale change") + " refused" : ""));
    for (Map.Entry<String, Lanes.Offered> e : receipt.byChannel().entrySet()) {
      out.println("  " + e.getKey() + ": " + HumanFormat.count(e.getValue().offered()) + " waiting to be sent");
    }
    out.flush();
    return 0;
  }

  static String plural(long n, String noun) {
    return HumanFormat.count(n) + " " + noun + (n == 1 ? "" : "s");
  }
}
