package io.syncfleet.producer.job;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a job against the contract before it is enqueued and says exactly what is wrong.
 * Marketplace-specific listing rules (title lengths, images) are the adapters' {@code validate};
 * the worker applies them per item.
 */
public final class JobValidator {
  /** Longest SKU the contract accepts; marketplaces may allow less (their adapters say so). */
  public static final int MAX_SKU_LENGTH = 100;
  private static final Pattern TENANT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
  private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

  private JobValidator() {}

  /** Throws {@link InvalidJobException} listing every problem, or returns quietly. */
  public static void check(SyncJob job) {
    List<Problem> problems = validate(job);
    if (!problems.isEmpty()) {
      throw new InvalidJobException(problems);
    }
  }

  /** Every problem with the job; empty when it may be enqueued. */
  public static List<Problem> validate(SyncJob job) {
    List<Problem> problems = new ArrayList<>();
    checkTenant(job.tenant(), problems);
    Optional<ChannelSpec> spec = Channels.find(job.channel());
    if (spec.isEmpty()) {
      problems.add(new Problem("channel", "unknown channel '" + job.channel() + "' (known: "
          + String.join(", ", Channels.all().stream().map(ChannelSpec::id).toList()) + ")"));
    } else if (!spec.get().supports(job.operation())) {
      problems.add(new Problem("op", spec.get().displayName() + " does not offer "
          + job.operation().wireName()));
    } else if (job.operation().carriesItems()) {
      int limit = spec.get().batchLimit(job.operation()).orElseThrow();
      if (job.items().size() > limit) {
        problems.add(new Problem("items", "batch of " + job.items().size() + " items exceeds "
            + spec.get().displayName() + "'s limit of " + limit + " for " + job.operation().wireName()));
      }
    }
    if (job.operation().carriesItems() && job.items().isEmpty()) {
      problems.add(new Problem("items", job.operation().wireName() + " needs at least one item"));
    }
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < job.items().size(); i++) {
      Item item = job.items().get(i);
      String at = "items[" + i + "]";
      if (item == null) {
        problems.add(new Problem(at, "is null"));
        continue;
      }
      if (!job.operation().itemType().isInstance(item)) {
        problems.add(new Problem(at, "is a " + item.getClass().getSimpleName() + ", but "
            + job.operation().wireName() + " takes " + job.operation().itemType().getSimpleName()));
        continue;
      }
      if (checkSku(item.sku(), at, problems) && !seen.add(item.sku())) {
        problems.add(new Problem(at + ".sku", "SKU '" + item.sku() + "' appears twice in one batch"));
      }
      checkItem(item, at, problems);
    }
    return problems;
  }

  /** Every problem with a tenant id. */
  public static void checkTenant(String tenant, List<Problem> problems) {
    if (tenant == null || tenant.isBlank()) {
      problems.add(new Problem("tenant", "is missing"));
    } else if (!TENANT.matcher(tenant).matches()) {
      problems.add(new Problem("tenant", "'" + tenant
          + "' must be 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit"));
    }
  }

  private static boolean checkSku(String sku, String at, List<Problem> problems) {
    if (sku == null || sku.isBlank()) {
      problems.add(new Problem(at + ".sku", "is missing"));
      return false;
    }
    if (sku.length() > MAX_SKU_LENGTH) {
      problems.add(new Problem(at + ".sku", "is longer than " + MAX_SKU_LENGTH + " characters"));
      return false;
    }
    return true;
  }

  private static void checkItem(Item item, String at, List<Problem> problems) {
    if (item.version() != null && item.version() < 0) {
      problems.add(new Problem(at + ".version", "must not be negative (was " + item.version() + ")"));
    }
    if (item instanceof StockLevel s) {
      checkQuantity(s.quantity(), at, problems);
    } else if (item instanceof PriceChange p) {
      checkPrice(p.amount(), at + ".amount", problems);
      checkCurrency(p.currency(), at + ".currency", problems);
      if (p.compareAt() != null && p.amount() != null && p.compareAt().compareTo(p.amount()) <= 0) {
        problems.add(new Problem(at + ".compareAt", "must be above the price (was " + p.compareAt() + ")"));
      }
    } else if (item instanceof Listing l) {
      if (l.title() == null || l.title().isBlank()) {
        problems.add(new Problem(at + ".title", "is missing"));
      }
      checkPrice(l.price(), at + ".price", problems);
      checkCurrency(l.currency(), at + ".currency", problems);
      checkQuantity(l.quantity(), at, problems);
    }
  }

  private static void checkQuantity(Integer quantity, String at, List<Problem> problems) {
    if (quantity == null) {
      problems.add(new Problem(at + ".quantity", "is missing"));
    } else if (quantity < 0) {
      problems.add(new Problem(at + ".quantity", "must not be negative (was " + quantity + ")"));
    }
  }

  private static void checkPrice(BigDecimal amount, String field, List<Problem> problems) {
    if (amount == null) {
      problems.add(new Problem(field, "is missing"));
    } else if (amount.signum() <= 0) {
      problems.add(new Problem(field, "must be positive (was " + amount.toPlainString() + ")"));
    } else if (amount.stripTrailingZeros().scale() > 4) {
      problems.add(new Problem(field, "has more than 4 decimal places (was " + amount.toPlainString() + ")"));
    }
  }

  private static void checkCurrency(String currency, String field, List<Problem> problems) {
    if (currency == null || !CURRENCY.matcher(currency).matches()) {
      problems.add(new Problem(field, "must be a 3-letter ISO 4217 code such as USD (was " + currency + ")"));
    }
  }
}
