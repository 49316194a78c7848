package io.syncfleet.demo.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.syncfleet.producer.Json;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Shopify-like shop speaking the Admin GraphQL API at {@code POST /admin/api/{version}/graphql.json}
 * with the {@code X-Shopify-Access-Token} header. It answers the named operations the Shopify
 * adapter sends, told apart by the operation name in the document (it is not a GraphQL engine: the
 * fields it returns are fixed per operation). It keeps products, variants, stock at one location,
 * prices and orders in memory, behind one lock.
 *
 * <p>As Shopify does, it refuses bad input with {@code userErrors} and saves nothing of a refused
 * mutation, answers every call with an {@code extensions.cost} report, signals throttling with HTTP
 * 200 and a {@code THROTTLED} error, and requires the {@code @idempotent} key and an explicit
 * {@code changeFromQuantity} on stock changes. Closing stops the server.
 */
public final class ShopifySimulator extends SimulatedMarketplace {
  /** The access token a simulator built without one accepts. */
  public static final String DEFAULT_TOKEN = "shpat_simulated";
  /** The shop's one location. */
  public static final String LOCATION_ID = "gid://shopify/Location/1";

  private static final Pattern GRAPHQL_PATH = Pattern.compile("/admin/api/\\d{4}-\\d{2}/graphql\\.json");
  private static final Pattern OPERATION = Pattern.compile("^\\s*(query|mutation)\\s+(\\w+)");
  private static final Pattern SKU_TERM = Pattern.compile("sku:\"((?:[^\"\\\\]|\\\\.)*)\"");
  private static final Pattern UPDATED_SINCE = Pattern.compile("updated_at:(>=?)'([^']+)'");
  private static final Pattern IDEMPOTENT = Pattern.compile("@idempotent\\(key:\\s*(?:\\$(\\w+)|\"([^\"]+)\")\\)");
  private static final String SHOP_NAME = "Simulated Shop";
  /** Financial status, fulfillment status, and a third entry when the order is cancelled. */
  private static final String[][] ORDER_STATES = {
      {"PAID", "UNFULFILLED"}, {"PENDING", "UNFULFILLED"}, {"PAID", "FULFILLED"},
      {"PAID", "PARTIALLY_FULFILLED"}, {"REFUNDED", "UNFULFILLED", "cancelled"}};

  private final String accessToken;
  private final Object lock = new Object();
  private final ShopifySimCost cost = new ShopifySimCost();
  private final Map<String, ShopifySimProduct> products = new LinkedHashMap<>();
  // Indexes, so lookups stay cheap with a hundred thousand products (the flow benchmark).
  private final Map<String, ShopifySimProduct> byHandle = new HashMap<>();
  private final Map<String, Set<ShopifySimProduct>> bySku = new HashMap<>();
  private final List<ShopifySimOrder> orders = new ArrayList<>();
  private final Set<String> idempotencyKeys = new HashSet<>();
  private volatile double callsPerSecond;
  private volatile int callBurst;
  private long nextId = 1000;
  private Instant lastOrderChange = Instant.EPOCH;

  /** A shop accepting {@link #DEFAULT_TOKEN}. */
  public ShopifySimulator() {
    this(DEFAULT_TOKEN);
  }

  /** A shop accepting {@code accessToken}. */
  public ShopifySimulator(String accessToken) {
    super("shopify");
    this.accessToken = accessToken;
  }

  // ---- what tests and the demo read and seed -------------------------------------------------

  /** Every variant by SKU, as a snapshot. */
  public Map<String, ShopifySimVariant> variantsBySku() {
    synchronized (lock) {
      Map<String, ShopifySimVariant> out = new LinkedHashMap<>();
      for (ShopifySimProduct p : products.values()) {
        for (ShopifySimProduct.Variant v : p.variants) {
          out.put(v.sku, new ShopifySimVariant(v.sku, p.title, v.price, v.compareAtPrice, v.quantity(), v.tracked,
              v.options, p.id, v.id));
        }
      }
      return out;
    }
  }

  /** How many products the shop has. */
  public int productCount() {
    synchronized (lock) {
      return products.size();
    }
  }

  /** The image URLs of the product carrying {@code sku}, or an empty list. */
  public List<String> imagesOf(String sku) {
    synchronized (lock) {
      return products.values().stream().filter(p -> p.variants.stream().anyMatch(v -> v.sku.equals(sku)))
          .findFirst().map(p -> List.copyOf(p.images)).orElse(List.of());
    }
  }

  /**
   * Places {@code count} orders, each changed one second after the last, cycling through payment and
   * fulfillment states; lines use the shop's SKUs when it has any. Returns their numeric ids.
   */
  public List<String> seedOrders(int count) {
    synchronized (lock) {
      List<ShopifySimProduct.Variant> stock = products.values().stream().flatMap(p -> p.variants.stream()).toList();
      List<String> ids = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        lastOrderChange = now.isAfter(lastOrderChange) ? now : lastOrderChange.plusSeconds(1);
        long number = nextId++;
        List<ShopifySimOrder.Line> lines = new ArrayList<>();
        for (int l = 0; l <= orders.size() % 3; l++) {
          ShopifySimProduct.Variant v = stock.isEmpty() ? null : stock.get((orders.size() + l) % stock.size());
          lines.add(new ShopifySimOrder.Line(v == null ? "SIM-" + l : v.sku, "Item " + (l + 1), 1 + l,
              v == null ? new BigDecimal("10.00") : v.price));
        }
        BigDecimal total = lines.stream().map(x -> x.unitPrice().multiply(BigDecimal.valueOf(x.quantity())))
            .reduce(BigDecimal.ZERO, BigDecimal::add);
        String[] state = ORDER_STATES[orders.size() % ORDER_STATES.length];
        orders.add(new ShopifySimOrder("gid://shopify/Order/" + number, "#" + number, lastOrderChange,
            lastOrderChange, state.length > 2 ? lastOrderChange : null, state[0], state[1], "EUR", total, lines));
        ids.add(Long.toString(number));
      }
      return ids;
    }
  }

  // ---- protocol ------------------------------------------------------------------------------

  @Override
  protected void handle(SimExchange ex) throws IOException {
    if (!"POST".equals(ex.method()) || !GRAPHQL_PATH.matcher(ex.path()).matches()) {
      ex.respond(404, Map.of("errors", "Not Found"));
      return;
    }
    if (!accessToken.equals(ex.header("X-Shopify-Access-Token"))) {
      ex.respond(401, Map.of("errors",
          "[API] Invalid API key or access token (unrecognized login or wrong password)"));
      return;
    }
    JsonNode body;
    try {
      body = ex.json();
    } catch (IllegalArgumentException e) {
      ex.respond(400, Map.of("errors", "body is not JSON"));
      return;
    }
    String query = body.path("query").asText("");
    JsonNode variables = body.path("variables");
    String operation = operation(query);
    ObjectNode answer = Json.MAPPER.createObjectNode();
    JsonNode data;
    synchronized (lock) {
      data = answer(operation, query, variables, answer);
    }
    if (data != null) {
      answer.set("data", data);
      answer.set("extensions", cost.charge(ShopifySimCost.requested(operation, variables), data,
          query.trim().startsWith("mutation")));
    }
    ex.respond(200, answer);
  }

  /** Remembers the limit too, so throttled answers can state it in Shopify's terms. */
  @Override
  public void setRateLimit(double perSecond, int burst) {
    callsPerSecond = perSecond;
    callBurst = burst;
    super.setRateLimit(perSecond, burst);
  }

  /** Shopify's throttle signal: HTTP 200, a THROTTLED error, and a bucket that lacks {@code wait}'s worth. */
  @Override
  protected void respondThrottled(SimExchange ex, Duration wait) throws IOException {
    int requested = 1;
    try {
      JsonNode body = ex.json();
      requested = ShopifySimCost.requested(operation(body.path("query").asText("")), body.path("variables"));
    } catch (IllegalArgumentException notJson) {
      // The throttle answer does not depend on a readable body.
    }
    ObjectNode answer = Json.MAPPER.createObjectNode();
    answer.putArray("errors").addObject().put("message", "Throttled")
        .putObject("extensions").put("code", "THROTTLED")
        .put("documentation", "https://shopify.dev/api/usage/rate-limits");
    answer.set("extensions",
        ShopifySimCost.throttled(requested, wait.toMillis() / 1000.0, callsPerSecond, callBurst));
    ex.respond(200, answer);
  }

  private static String operation(String query) {
    Matcher m = OPERATION.matcher(query);
    return m.find() ? m.group(2) : "";
  }

  /** The {@code data} of an operation, or null after putting top-level errors on {@code answer}. */
  private JsonNode answer(String operation, String query, JsonNode vars, ObjectNode answer) {
    ObjectNode data = Json.MAPPER.createObjectNode();
    switch (operation) {
      case "ShopInfo" -> data.putObject("shop").put("name", SHOP_NAME)
          .put("myshopifyDomain", "simulated.myshopify.com");
      case "DefaultLocation" -> data.putObject("locations").putArray("nodes").addObject()
          .put("id", LOCATION_ID).put("name", "Simulated warehouse");
      case "VariantsBySku" -> data.set("productVariants", variantsBySku(vars));
      case "ProductVariants" -> data.set("productByIdentifier", productVariants(vars));
      case "ProductSet" -> data.set("productSet", productSet(vars));
      case "InventorySet" -> {
        String key = idempotencyKey(query, vars);
        if (key == null) {
          topLevelError(answer, "inventorySetQuantities requires the @idempotent directive with a key",
              "BAD_REQUEST");
          return null;
        }
        data.set("inventorySetQuantities", inventorySet(vars, key));
      }
      case "VariantPrices" -> data.set("productVariantsBulkUpdate", variantPrices(vars));
      case "VariantsDelete" -> data.set("productVariantsBulkDelete", variantsDelete(vars));
      case "ProductDelete" -> data.set("productDelete", productDelete(vars));
      case "OrdersUpdatedSince" -> data.set("orders", orders(vars));
      case "OrderLineItems" -> data.set("order", orderLineItems(vars));
      default -> {
        topLevelError(answer, "the simulator does not know operation '" + operation + "'", "undefinedField");
        return null;
      }
    }
    return data;
  }

  private static void topLevelError(ObjectNode answer, String message, String code) {
    answer.putArray("errors").addObject().put("message", message).putObject("extensions").put("code", code);
  }

  // ---- catalog -------------------------------------------------------------------------------

  private JsonNode variantsBySku(JsonNode vars) {
    Set<String> skus = new LinkedHashSet<>();
    Matcher m = SKU_TERM.matcher(vars.path("query").asText(""));
    while (m.find()) {
      skus.add(m.group(1).replaceAll("\\\\(.)", "$1"));
    }
    Set<ShopifySimProduct> carrying = new TreeSet<>(Comparator.comparingLong(
        (ShopifySimProduct p) -> Long.parseLong(p.id.substring(p.id.lastIndexOf('/') + 1))));
    for (String sku : skus) {
      carrying.addAll(bySku.getOrDefault(sku, Set.of()));
    }
    List<ObjectNode> nodes = new ArrayList<>();
    for (ShopifySimProduct p : carrying) {
      for (ShopifySimProduct.Variant v : p.variants) {
        if (skus.contains(v.sku)) {
          ObjectNode node = variantNode(v);
          node.putObject("product").put("id", p.id).putObject("variantsCount").put("count", p.variants.size());
          nodes.add(node);
        }
      }
    }
    return page(nodes, vars);
  }

  private JsonNode productVariants(JsonNode vars) {
    JsonNode identifier = vars.path("identifier");
    ShopifySimProduct p = identifier.has("handle")
        ? byHandle(identifier.path("handle").asText())
        : products.get(identifier.path("id").asText());
    if (p == null) {
      return null;
    }
    ObjectNode product = Json.MAPPER.createObjectNode().put("id", p.id);
    product.putObject("variantsCount").put("count", p.variants.size());
    product.set("variants", page(p.variants.stream().map(ShopifySimulator::variantNode).toList(), vars));
    return product;
  }

  private static ObjectNode variantNode(ShopifySimProduct.Variant v) {
    ObjectNode node = Json.MAPPER.createObjectNode().put("id", v.id).put("sku", v.sku);
    ArrayNode options = node.putArray("selectedOptions");
    v.options.forEach((name, value) -> options.addObject().put("name", name).put("value", value));
    node.putObject("inventoryItem").put("id", v.inventoryItemId);
    return node;
  }

  private JsonNode productSet(JsonNode vars) {
    JsonNode identifier = vars.path("identifier");
    JsonNode input = vars.path("input");
    List<ObjectNode> errors = new ArrayList<>();
    ShopifySimProduct product = null;
    if (identifier.hasNonNull("id")) {
      product = products.get(identifier.path("id").asText());
      if (product == null) {
        errors.add(userError("Product does not exist", "PRODUCT_DOES_NOT_EXIST", "identifier", "id"));
      }
    } else if (identifier.hasNonNull("handle")) {
      product = byHandle(identifier.path("handle").asText());
    }
    boolean creating = product == null;
    if (creating && input.path("title").asText("").isBlank()) {
      errors.add(userError("Title can't be blank", "BLANK", "input", "title"));
    }
    List<String> optionNames = new ArrayList<>();
    input.path("productOptions").forEach(o -> optionNames.add(o.path("name").asText()));
    if (optionNames.isEmpty() && product != null) {
      optionNames.addAll(product.optionNames);
    }
    JsonNode variantInputs = input.path("variants");
    Set<String> combinations = new HashSet<>();
    for (int i = 0; i < variantInputs.size(); i++) {
      JsonNode v = variantInputs.get(i);
      String at = Integer.toString(i);
      if (v.has("id") && (product == null || product.variant(v.path("id").asText()) == null)) {
        errors.add(userError("Product variant does not exist", "PRODUCT_VARIANT_DOES_NOT_EXIST",
            "input", "variants", at, "id"));
      }
      String priceProblem = moneyProblem(v.path("price"));
      if (priceProblem != null) {
        errors.add(userError(priceProblem, "INVALID_VARIANT", "input", "variants", at, "price"));
      }
      Map<String, String> options = options(v.path("optionValues"));
      if (!optionNames.containsAll(options.keySet()) || options.size() != optionNames.size()) {
        errors.add(userError("Option values must name each of the product's options " + optionNames,
            "INVALID_VARIANT", "input", "variants", at, "optionValues"));
      } else if (!combinations.add(options.toString())) {
        errors.add(userError("The variant '" + String.join(" / ", options.values()) + "' already exists.",
            "DUPLICATED_OPTION_VALUE", "input", "variants", at, "optionValues"));
      }
      for (JsonNode q : v.path("inventoryQuantities")) {
        if (!LOCATION_ID.equals(q.path("locationId").asText())) {
          errors.add(userError("The specified location could not be found.", "INVALID_LOCATION",
              "input", "variants", at, "inventoryQuantities"));
        }
      }
    }
    ObjectNode payload = Json.MAPPER.createObjectNode();
    if (!errors.isEmpty()) {
      payload.putNull("product");
      payload.putArray("userErrors").addAll(errors);
      return payload;
    }
    if (creating) {
      String handle = identifier.path("handle").asText(input.path("handle").asText(input.path("title").asText()));
      product = new ShopifySimProduct(gid("Product"), uniqueHandle(handle));
      products.put(product.id, product);
      byHandle.put(product.handle, product);
    }
    unindex(product);
    apply(product, input, optionNames);
    index(product);
    payload.putObject("product").put("id", product.id);
    payload.putArray("userErrors");
    return payload;
  }

  private void apply(ShopifySimProduct product, JsonNode input, List<String> optionNames) {
    if (input.has("title")) {
      product.title = input.path("title").asText();
    }
    if (input.has("descriptionHtml")) {
      product.descriptionHtml = input.path("descriptionHtml").asText(null);
    }
    if (input.has("vendor")) {
      product.vendor = input.path("vendor").asText(null);
    }
    if (input.has("files")) {
      product.images = new ArrayList<>();
      input.path("files").forEach(f -> product.images.add(f.path("originalSource").asText()));
    }
    product.optionNames = optionNames;
    if (!input.has("variants")) {
      return;
    }
    // A list field: what the input does not name is deleted.
    List<ShopifySimProduct.Variant> next = new ArrayList<>();
    for (JsonNode v : input.path("variants")) {
      ShopifySimProduct.Variant variant = v.has("id") ? product.variant(v.path("id").asText())
          : new ShopifySimProduct.Variant(gid("ProductVariant"), gid("InventoryItem"));
      if (v.has("sku")) {
        variant.sku = v.path("sku").asText("");
      }
      if (v.has("price")) {
        variant.price = new BigDecimal(v.path("price").asText());
      }
      if (v.has("compareAtPrice")) {
        variant.compareAtPrice = decimalOrNull(v.path("compareAtPrice"));
      }
      if (v.has("barcode")) {
        variant.barcode = v.path("barcode").asText(null);
      }
      if (v.path("inventoryItem").has("tracked")) {
        variant.tracked = v.path("inventoryItem").path("tracked").asBoolean();
      }
      variant.options = options(v.path("optionValues"));
      for (JsonNode q : v.path("inventoryQuantities")) {
        variant.quantities.put(q.path("locationId").asText(), q.path("quantity").asInt());
      }
      next.add(variant);
    }
    product.variants = next;
  }

  private JsonNode inventorySet(JsonNode vars, String key) {
    ObjectNode payload = Json.MAPPER.createObjectNode();
    if (!idempotencyKeys.add(key)) {
      // A repeated key is the same request again: answer as before, change nothing.
      payload.putObject("inventoryAdjustmentGroup").put("id", "gid://shopify/InventoryAdjustmentGroup/" + key);
      payload.putArray("userErrors");
      return payload;
    }
    JsonNode input = vars.path("input");
    List<ObjectNode> errors = new ArrayList<>();
    if (!"available".equals(input.path("name").asText())) {
      errors.add(userError("The quantity name must be available or on_hand", "INVALID_NAME", "input", "name"));
    }
    JsonNode quantities = input.path("quantities");
    List<ShopifySimProduct.Variant> targets = new ArrayList<>();
    for (int i = 0; i < quantities.size(); i++) {
      JsonNode q = quantities.get(i);
      String at = Integer.toString(i);
      ShopifySimProduct.Variant v = byInventoryItem(q.path("inventoryItemId").asText());
      targets.add(v);
      if (v == null) {
        errors.add(userError("The specified inventory item could not be found.", "INVALID_INVENTORY_ITEM",
            "input", "quantities", at, "inventoryItemId"));
      }
      if (!LOCATION_ID.equals(q.path("locationId").asText())) {
        errors.add(userError("The specified location could not be found.", "INVALID_LOCATION",
            "input", "quantities", at, "locationId"));
      }
      if (!q.has("changeFromQuantity")) {
        errors.add(userError("changeFromQuantity must be given, null to skip the check",
            "CHANGE_FROM_QUANTITY_REQUIRED", "input", "quantities", at, "changeFromQuantity"));
      } else if (v != null && !q.path("changeFromQuantity").isNull()
          && q.path("changeFromQuantity").asInt() != v.quantities.getOrDefault(LOCATION_ID, 0)) {
        errors.add(userError("The quantity changed since it was read", "CHANGE_FROM_QUANTITY_STALE",
            "input", "quantities", at, "changeFromQuantity"));
      }
    }
    if (!errors.isEmpty()) {
      payload.putNull("inventoryAdjustmentGroup");
      payload.putArray("userErrors").addAll(errors);
      return payload;
    }
    for (int i = 0; i < quantities.size(); i++) {
      targets.get(i).quantities.put(LOCATION_ID, quantities.get(i).path("quantity").asInt());
    }
    payload.putObject("inventoryAdjustmentGroup").put("id", "gid://shopify/InventoryAdjustmentGroup/" + key);
    payload.putArray("userErrors");
    return payload;
  }

  private JsonNode variantPrices(JsonNode vars) {
    ObjectNode payload = Json.MAPPER.createObjectNode();
    ShopifySimProduct product = products.get(vars.path("productId").asText());
    List<ObjectNode> errors = new ArrayList<>();
    JsonNode inputs = vars.path("variants");
    if (product == null) {
      errors.add(userError("Product does not exist", "PRODUCT_DOES_NOT_EXIST", "productId"));
    } else {
      for (int i = 0; i < inputs.size(); i++) {
        String at = Integer.toString(i);
        if (product.variant(inputs.get(i).path("id").asText()) == null) {
          errors.add(userError("Product variant does not exist", "PRODUCT_VARIANT_DOES_NOT_EXIST",
              "variants", at, "id"));
        }
        String problem = moneyProblem(inputs.get(i).path("price"));
        if (problem != null) {
          errors.add(userError(problem, "INVALID_INPUT", "variants", at, "price"));
        }
      }
    }
    ArrayNode updated = payload.putArray("productVariants");
    if (errors.isEmpty()) {
      for (JsonNode in : inputs) {
        ShopifySimProduct.Variant v = product.variant(in.path("id").asText());
        if (in.has("price")) {
          v.price = new BigDecimal(in.path("price").asText());
        }
        if (in.has("compareAtPrice")) {
          v.compareAtPrice = decimalOrNull(in.path("compareAtPrice"));
        }
        updated.addObject().put("id", v.id);
      }
    }
    payload.putArray("userErrors").addAll(errors);
    return payload;
  }

  private JsonNode variantsDelete(JsonNode vars) {
    ObjectNode payload = Json.MAPPER.createObjectNode();
    ShopifySimProduct product = products.get(vars.path("productId").asText());
    List<ObjectNode> errors = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    vars.path("variantsIds").forEach(id -> ids.add(id.asText()));
    if (product == null) {
      errors.add(userError("Product does not exist", "PRODUCT_DOES_NOT_EXIST", "productId"));
    } else if (!ids.stream().allMatch(id -> product.variant(id) != null)) {
      errors.add(userError("Product variant does not exist", "PRODUCT_VARIANT_DOES_NOT_EXIST", "variantsIds"));
    } else if (ids.size() >= product.variants.size()) {
      errors.add(userError("Cannot delete the last variant of a product", "CANNOT_DELETE_LAST_VARIANT",
          "variantsIds"));
    }
    if (errors.isEmpty()) {
      unindex(product);
      product.variants.removeIf(v -> ids.contains(v.id));
      index(product);
      payload.putObject("product").put("id", product.id);
    } else {
      payload.putNull("product");
    }
    payload.putArray("userErrors").addAll(errors);
    return payload;
  }

  private JsonNode productDelete(JsonNode vars) {
    ObjectNode payload = Json.MAPPER.createObjectNode();
    String id = vars.path("input").path("id").asText();
    ShopifySimProduct removed = products.remove(id);
    if (removed != null) {
      byHandle.remove(removed.handle);
      unindex(removed);
    }
    if (removed == null) {
      payload.putNull("deletedProductId");
      payload.putArray("userErrors").addObject().put("message", "Product does not exist").putArray("field").add("id");
    } else {
      payload.put("deletedProductId", id);
      payload.putArray("userErrors");
    }
    return payload;
  }

  // ---- orders --------------------------------------------------------------------------------

  private JsonNode orders(JsonNode vars) {
    Matcher since = UPDATED_SINCE.matcher(vars.path("query").asText(""));
    List<ShopifySimOrder> matching = new ArrayList<>(orders);
    if (since.find()) {
      Instant mark = Instant.parse(since.group(2));
      boolean inclusive = since.group(1).equals(">=");
      matching.removeIf(o -> inclusive ? o.updatedAt().isBefore(mark) : !o.updatedAt().isAfter(mark));
    }
    matching.sort(Comparator.comparing(ShopifySimOrder::updatedAt).thenComparing(ShopifySimOrder::id));
    int lines = vars.path("lines").asInt(10);
    return page(matching.stream().map(o -> orderNode(o, lines)).toList(), vars);
  }

  private static ObjectNode orderNode(ShopifySimOrder o, int linesFirst) {
    ObjectNode node = Json.MAPPER.createObjectNode()
        .put("id", o.id()).put("name", o.name())
        .put("createdAt", o.createdAt().toString()).put("updatedAt", o.updatedAt().toString())
        .put("cancelledAt", o.cancelledAt() == null ? null : o.cancelledAt().toString())
        .put("displayFinancialStatus", o.financial()).put("displayFulfillmentStatus", o.fulfillment());
    money(node.putObject("totalPriceSet"), o.total(), o.currency());
    ObjectNode first = Json.MAPPER.createObjectNode().put("first", linesFirst);
    node.set("lineItems", page(o.lines().stream().map(l -> lineNode(l, o.currency())).toList(), first));
    return node;
  }

  private JsonNode orderLineItems(JsonNode vars) {
    String id = vars.path("id").asText();
    ShopifySimOrder o = orders.stream().filter(x -> x.id().equals(id)).findFirst().orElse(null);
    if (o == null) {
      return null;
    }
    ObjectNode order = Json.MAPPER.createObjectNode();
    order.set("lineItems", page(o.lines().stream().map(l -> lineNode(l, o.currency())).toList(), vars));
    return order;
  }

  private static ObjectNode lineNode(ShopifySimOrder.Line line, String currency) {
    ObjectNode node = Json.MAPPER.createObjectNode()
        .put("sku", line.sku()).put("title", line.title()).put("quantity", line.quantity());
    money(node.putObject("originalUnitPriceSet"), line.unitPrice(), currency);
    return node;
  }

  private static void money(ObjectNode set, BigDecimal amount, String currency) {
    set.putObject("shopMoney").put("amount", amount.toPlainString()).put("currencyCode", currency);
  }

  // ---- helpers -------------------------------------------------------------------------------

  /** A GraphQL connection page of {@code all} at the {@code after} cursor, {@code first} long. */
  private static ObjectNode page(List<ObjectNode> all, JsonNode vars) {
    int start = vars.hasNonNull("after") ? offset(vars.path("after").asText()) : 0;
    int first = Math.max(1, vars.path("first").asInt(all.size()));
    int end = Math.min(all.size(), start + first);
    ObjectNode page = Json.MAPPER.createObjectNode();
    ArrayNode nodes = page.putArray("nodes");
    for (int i = start; i < end; i++) {
      nodes.add(all.get(i));
    }
    page.putObject("pageInfo").put("hasNextPage", end < all.size())
        .put("endCursor", end > start ? cursor(end) : null);
    return page;
  }

  private static String cursor(int offset) {
    return Base64.getEncoder().encodeToString(("offset:" + offset).getBytes(StandardCharsets.UTF_8));
  }

  private static int offset(String cursor) {
    try {
      String text = new String(Base64.getDecoder().decode(cursor), StandardCharsets.UTF_8);
      return Integer.parseInt(text.substring(text.indexOf(':') + 1));
    } catch (IllegalArgumentException badCursor) {
      return 0;
    }
  }

  private static Map<String, String> options(JsonNode optionValues) {
    Map<String, String> options = new LinkedHashMap<>();
    optionValues.forEach(o -> options.put(o.path("optionName").asText(), o.path("name").asText()));
    return options;
  }

  private static BigDecimal decimalOrNull(JsonNode money) {
    return money.isNull() ? null : new BigDecimal(money.asText());
  }

  /** What is wrong with a Money input, or null when it is absent or fine. */
  private static String moneyProblem(JsonNode money) {
    if (money.isMissingNode() || money.isNull()) {
      return null;
    }
    try {
      return new BigDecimal(money.asText()).signum() < 0 ? "Price must be greater than or equal to 0" : null;
    } catch (NumberFormatException e) {
      return "Price is not a valid amount";
    }
  }

  private static ObjectNode userError(String message, String code, String... field) {
    ObjectNode error = Json.MAPPER.createObjectNode();
    ArrayNode path = error.putArray("field");
    for (String part : field) {
      path.add(part);
    }
    return error.put("message", message).put("code", code);
  }

  private ShopifySimProduct.Variant byInventoryItem(String inventoryItemId) {
    return products.values().stream().flatMap(p -> p.variants.stream())
        .filter(v -> v.inventoryItemId.equals(inventoryItemId)).findFirst().orElse(null);
  }

  private static String idempotencyKey(String query, JsonNode vars) {
    Matcher m = IDEMPOTENT.matcher(query);
    if (!m.find()) {
      return null;
    }
    String key = m.group(1) != null ? vars.path(m.group(1)).asText("") : m.group(2);
    return key.isBlank() ? null : key;
  }

  private String gid(String type) {
    return "gid://shopify/" + type + "/" + nextId++;
  }

  private String uniqueHandle(String title) {
    String slug = title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    String root = slug.isEmpty() ? "product" : slug;
    String handle = root;
    for (int n = 1; handleTaken(handle); n++) {
      handle = root + "-" + n;
    }
    return handle;
  }

  private boolean handleTaken(String handle) {
    return byHandle(handle) != null;
  }

  private ShopifySimProduct byHandle(String handle) {
    return byHandle.get(handle);
  }

  private void index(ShopifySimProduct p) {
    for (ShopifySimProduct.Variant v : p.variants) {
      bySku.computeIfAbsent(v.sku, k -> new HashSet<>()).add(p);
    }
  }

  private void unindex(ShopifySimProduct p) {
    for (ShopifySimProduct.Variant v : p.variants) {
      Set<ShopifySimProduct> set = bySku.get(v.sku);
      if (set != null) {
        set.remove(p);
        if (set.isEmpty()) {
          bySku.remove(v.sku);
        }
      }
    }
  }
}
