package io.syncfleet.worker.faults;

import java.util.ArrayList;
import java.util.List;

/**
 * Kinds of bad input a queue can receive (from a buggy producer, another tool, a hand-edited entry),
 * each of which must end in the dead set with a reason while the worker keeps running.
 */
final class MalformedInputs {
  /** One bad payload and what is wrong with it. */
  record Input(String kind, String payload) {}

  private MalformedInputs() {}

  static List<Input> all() {
    List<Input> in = new ArrayList<>();
    String good = job("update_stock", "\"tenant\":\"acme\",\"channel\":\"ebay\"", "[{\"sku\":\"S-1\",\"quantity\":3}]");
    // Not JSON at all.
    add(in, "empty string", "");
    add(in, "blank", "   ");
    add(in, "plain text", "update the stock please");
    add(in, "lone brace", "{");
    add(in, "truncated job", good.substring(0, good.length() / 2));
    add(in, "truncated at the end", good.substring(0, good.length() - 2));
    add(in, "single quotes", "{'class':'SyncJob','args':[]}");
    add(in, "control characters", "\u0000\u0001\u0002");
    add(in, "bare NaN", "NaN");
    add(in, "unterminated string", "{\"class\":\"SyncJob");
    add(in, "deeply nested", "[".repeat(5000) + "]".repeat(5000));
    add(in, "oversized payload", "{\"class\":\"SyncJob\",\"args\":[\"" + "x".repeat(1_200_000) + "\"]}");
    // JSON, but not a job envelope.
    add(in, "JSON array", "[]");
    add(in, "JSON number", "42");
    add(in, "JSON string", "\"SyncJob\"");
    add(in, "JSON true", "true");
    add(in, "JSON null", "null");
    add(in, "empty object", "{}");
    add(in, "class missing", "{\"args\":[]}");
    add(in, "class null", "{\"class\":null,\"args\":[]}");
    add(in, "class is a number", "{\"class\":7,\"args\":[]}");
    add(in, "class empty", "{\"class\":\"\",\"args\":[]}");
    add(in, "unknown class", "{\"class\":\"DeleteEverything\",\"args\":[]}");
    add(in, "args is an object", "{\"class\":\"SyncJob\",\"args\":{}}");
    add(in, "args is a string", "{\"class\":\"SyncJob\",\"args\":\"x\"}");
    add(in, "no args", "{\"class\":\"SyncJob\",\"args\":[]}");
    add(in, "arg is a number", "{\"class\":\"SyncJob\",\"args\":[1]}");
    add(in, "arg is null", "{\"class\":\"SyncJob\",\"args\":[null]}");
    add(in, "two args", "{\"class\":\"SyncJob\",\"args\":[{},{}]}");
    // A sync job with broken fields.
    add(in, "version missing", good.replace("\"v\":1,", ""));
    add(in, "version is text", good.replace("\"v\":1", "\"v\":\"one\""));
    add(in, "version 0", good.replace("\"v\":1", "\"v\":0"));
    add(in, "version from the future", good.replace("\"v\":1", "\"v\":99"));
    add(in, "version fractional", good.replace("\"v\":1", "\"v\":1.5"));
    add(in, "operation missing", good.replace("\"op\":\"update_stock\",", ""));
    add(in, "unknown operation", good.replace("update_stock", "teleport"));
    add(in, "operation is a number", good.replace("\"update_stock\"", "5"));
    add(in, "id missing", good.replace("\"id\":\"bad-1\",", ""));
    add(in, "tenant missing", job("update_stock", "\"channel\":\"ebay\"", "[{\"sku\":\"S-1\",\"quantity\":3}]"));
    add(in, "tenant empty", job("update_stock", "\"tenant\":\"\",\"channel\":\"ebay\"", "[{\"sku\":\"S-1\",\"quantity\":3}]"));
    add(in, "tenant with spaces", job("update_stock", "\"tenant\":\"a b\",\"channel\":\"ebay\"", "[{\"sku\":\"S-1\",\"quantity\":3}]"));
    add(in, "channel missing", job("update_stock", "\"tenant\":\"acme\"", "[{\"sku\":\"S-1\",\"quantity\":3}]"));
    add(in, "unknown channel", job("update_stock", "\"tenant\":\"acme\",\"channel\":\"nope\"", "[{\"sku\":\"S-1\",\"quantity\":3}]"));
    add(in, "unknown queue", good.replace("\"queue\":\"urgent\"", "\"queue\":\"someday\""));
    add(in, "items is an object", job("update_stock", "\"tenant\":\"acme\",\"channel\":\"ebay\"", "{\"sku\":\"S-1\"}"));
    add(in, "items is a string", job("update_stock", "\"tenant\":\"acme\",\"channel\":\"ebay\"", "\"S-1=3\""));
    add(in, "item is null", job("update_stock", "\"tenant\":\"acme\",\"channel\":\"ebay\"", "[null]"));
    add(in, "item is a number", job("update_stock", "\"tenant\":\"acme\",\"channel\":\"ebay\"", "[3]"));
    add(in, "quantity is text", job("update_stock", "\"tenant\":\"acme\",\"channel\":\"ebay\"", "[{\"sku\":\"S-1\",\"quantity\":\"lots\"}]"));
    add(in, "quantity is an object", job("update_stock", "\"tenant\":\"acme\",\"channel\":\"ebay\"", "[{\"sku\":\"S-1\",\"quantity\":{}}]"));
    add(in, "negative stock", job("update_stock", "\"tenant\":\"acme\",\"channel\":\"ebay\"", "[{\"sku\":\"S-1\",\"quantity\":-4}]"));
    add(in, "sku missing", job("update_stock", "\"tenant\":\"acme\",\"channel\":\"ebay\"", "[{\"quantity\":3}]"));
    add(in, "same sku twice", job("update_stock", "\"tenant\":\"acme\",\"channel\":\"ebay\"",
        "[{\"sku\":\"S-1\",\"quantity\":3},{\"sku\":\"S-1\",\"quantity\":4}]"));
    add(in, "no items", job("update_stock", "\"tenant\":\"acme\",\"channel\":\"ebay\"", "[]"));
    add(in, "oversize batch", job("update_stock", "\"tenant\":\"acme\",\"channel\":\"ebay\"", manyItems(26)));
    add(in, "price zero", job("update_prices", "\"tenant\":\"acme\",\"channel\":\"ebay\"",
        "[{\"sku\":\"S-1\",\"amount\":0,\"currency\":\"USD\"}]"));
    add(in, "price is text", job("update_prices", "\"tenant\":\"acme\",\"channel\":\"ebay\"",
        "[{\"sku\":\"S-1\",\"amount\":\"cheap\",\"currency\":\"USD\"}]"));
    add(in, "currency lower case", job("update_prices", "\"tenant\":\"acme\",\"channel\":\"ebay\"",
        "[{\"sku\":\"S-1\",\"amount\":9.5,\"currency\":\"usd\"}]"));
    add(in, "listing without title", job("upsert_listings", "\"tenant\":\"acme\",\"channel\":\"ebay\"",
        "[{\"sku\":\"S-1\",\"price\":9.5,\"currency\":\"USD\",\"quantity\":1}]"));
    add(in, "items on an order pull", job("pull_orders", "\"tenant\":\"acme\",\"channel\":\"ebay\"", "[{\"sku\":\"S-1\"}]"));
    add(in, "unknown tenant (no connection)", job("update_stock", "\"tenant\":\"nobody\",\"channel\":\"ebay\"",
        "[{\"sku\":\"S-1\",\"quantity\":3}]"));
    return in;
  }

  private static void add(List<Input> in, String kind, String payload) {
    in.add(new Input(kind, payload));
  }

  private static String job(String op, String who, String items) {
    return "{\"class\":\"SyncJob\",\"args\":[{\"v\":1,\"id\":\"bad-1\"," + who + ",\"op\":\"" + op
        + "\",\"queue\":\"urgent\",\"items\":" + items + ",\"attempt\":0,\"enqueuedAt\":1}]}";
  }

  private static String manyItems(int n) {
    StringBuilder b = new StringBuilder("[");
    for (int i = 0; i < n; i++) {
      b.append(i == 0 ? "" : ",").append("{\"sku\":\"S-").append(i).append("\",\"quantity\":1}");
    }
    return b.append(']').toString();
  }
}
