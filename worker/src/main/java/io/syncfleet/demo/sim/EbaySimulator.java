package io.syncfleet.demo.sim;

import static io.syncfleet.demo.sim.EbaySimJson.errorList;
import static io.syncfleet.demo.sim.EbaySimJson.errors;
import static io.syncfleet.demo.sim.EbaySimJson.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.syncfleet.producer.Json;
import io.syncfleet.producer.connection.Connection;
import io.syncfleet.producer.connection.Environment;
import io.syncfleet.producer.connection.Secrets;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A simulated eBay speaking the subset of the Sell APIs the eBay adapter uses: the OAuth token
 * endpoint (refresh-token grant), bulk inventory item upsert, offers (find, create, replace,
 * publish), bulk price and quantity, item delete, and getOrders with offset paging. State lives in
 * memory behind one lock; {@link #listings()} and {@link #orders()} return snapshots for checks.
 *
 * <p>It enforces the per-item rules that make bulk answers interesting (title at most 80
 * characters, SKU at most 50, a known condition, no negative quantity) and what publishing needs
 * (price, category, business policies, location, an https image). Error ids follow eBay's style;
 * callers are expected to pass them on, not to interpret them. Latency, throttling and failures
 * come from {@link SimulatedMarketplace}.
 */
public final class EbaySimulator extends SimulatedMarketplace {
  public static final String CLIENT_ID = "sim-ebay-client";
  public static final String CLIENT_SECRET = "sim-ebay-secret";
  public static final String REFRESH_TOKEN = "sim-ebay-refresh";

  private static final String INVENTORY = "/sell/inventory/v1/";
  private static final String ITEM = INVENTORY + "inventory_item";
  private static final String OFFER = INVENTORY + "offer";
  private static final String PUBLISH = "/publish";
  private static final int BULK_LIMIT = 25;
  private static final int MAX_SKU = 50;
  private static final int MAX_TITLE = 80;
  private static final Set<String> CONDITIONS = Set.of("NEW", "LIKE_NEW", "NEW_OTHER", "NEW_WITH_DEFECTS",
      "MANUFACTURER_REFURBISHED", "CERTIFIED_REFURBISHED", "EXCELLENT_REFURBISHED", "VERY_GOOD_REFURBISHED",
      "GOOD_REFURBISHED", "SELLER_REFURBISHED", "USED_EXCELLENT", "USED_VERY_GOOD", "USED_GOOD",
      "USED_ACCEPTABLE", "FOR_PARTS_OR_NOT_WORKING");
  private static final Refusal NO_OFFER = new Refusal(404, 25713, "This Offer is not available.");

  private final EbaySimTokens tokens;
  private final EbaySimOrders orders;
  private final Clock clock;
  private final AtomicLong ids = new AtomicLong(1000);
  private final Object lock = new Object();
  private final Map<String, Item> items = new LinkedHashMap<>();
  private final Map<String, Offer> offers = new HashMap<>();
  /** Offers by SKU, so lookups stay cheap with tens of thousands of listings (fault suite). */
  private final Map<String, List<Offer>> offersBySku = new HashMap<>();

  /** Told of every stock level written, in the order the simulator applies them. */
  @FunctionalInterface
  public interface QuantityWatcher {
    void written(String sku, int quantity);
  }

  private volatile QuantityWatcher quantityWatcher = (sku, quantity) -> { };

  /** Watches stock writes (tests and benchmarks check their order and timing). */
  public void watchQuantities(QuantityWatcher watcher) {
    this.quantityWatcher = watcher;
  }

  /** A simulator accepting {@link #CLIENT_ID}, {@link #CLIENT_SECRET} and {@link #REFRESH_TOKEN}. */
  public EbaySimulator() {
    this(CLIENT_ID, CLIENT_SECRET, REFRESH_TOKEN, Clock.systemUTC());
  }

  public EbaySimulator(String clientId, String clientSecret, String refreshToken, Clock clock) {
    super("ebay");
    this.tokens = new EbaySimTokens(clientId, clientSecret, refreshToken);
    this.orders = new EbaySimOrders(clock);
    this.clock = clock;
  }

  /** A connection of {@code tenant} to this simulator with every setting publishing needs. */
  public Connection connection(String tenant) {
    return new Connection(tenant, "ebay", Environment.SANDBOX, Map.of(
        Connection.BASE_URL, baseUrl(),
        "merchant_location_key", "sim-warehouse",
        "fulfillment_policy_id", "sim-fulfillment",
        "payment_policy_id", "sim-payment",
        "return_policy_id", "sim-return",
        "category_id", "9355"),
        Secrets.of(Map.of("client_id", CLIENT_ID, "client_secret", CLIENT_SECRET, "refresh_token", REFRESH_TOKEN)),
        1);
  }

  /** Every SKU's inventory item and offer, by SKU in the order first stored. */
  public Map<String, EbaySimListing> listings() {
    synchronized (lock) {
      Map<String, EbaySimListing> out = new LinkedHashMap<>();
      items.values().forEach(item -> out.put(item.sku, snapshot(item)));
      return out;
    }
  }

  /** One SKU's listing, if the simulator holds its inventory item. */
  public Optional<EbaySimListing> listing(String sku) {
    return Optional.ofNullable(listings().get(sku));
  }

  /** Adds an order, or replaces the one with the same id (a change the next pull sees). */
  public void addOrder(EbaySimOrder order) {
    orders.put(order);
  }

  /**
   * Adds {@code n} paid orders for the SKUs held (made-up SKUs when there are none), changed one
   * second apart, the last a second ago.
   */
  public List<EbaySimOrder> seedOrders(int n) {
    List<EbaySimListing> known = new ArrayList<>(listings().values());
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    List<EbaySimOrder> added = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      EbaySimListing l = known.isEmpty() ? null : known.get(i % known.size());
      String sku = l != null ? l.sku() : "SIM-SKU-" + (i % 10);
      String title = l != null ? l.title() : "Simulated item " + (i % 10);
      BigDecimal price = l != null && l.price() != null ? l.price() : new BigDecimal("10.00");
      String currency = l != null && l.currency() != null ? l.currency() : "USD";
      EbaySimOrder order = EbaySimOrder.paid(nextOrderId(), now.minusSeconds(n - i), currency,
          List.of(new EbaySimOrder.Line(sku, title, 1 + i % 3, price)));
      orders.put(order);
      added.add(order);
    }
    return added;
  }

  /** Every order held, oldest change first. */
  public List<EbaySimOrder> orders() {
    return orders.all();
  }

  /** Drops every access token issued, so the next API call is answered 401. */
  public void revokeTokens() {
    tokens.revokeAll();
  }

  /** Access tokens minted since start. */
  public int tokensMinted() {
    return tokens.minted();
  }

  @Override
  protected void handle(SimExchange ex) throws IOException {
    String path = ex.path();
    String method = ex.method();
    if (method.equals("POST") && path.equals("/identity/v1/oauth2/token")) {
      tokens.mint(ex);
      return;
    }
    if (!tokens.authorized(ex)) {
      ex.respond(401, errors(1001, "Invalid access token. Check the value of the Authorization HTTP request header."));
      return;
    }
    try {
      route(ex, method, path);
    } catch (IllegalArgumentException e) {
      ex.respond(400, errors(2004, "The request has errors: " + e.getMessage()));
    }
  }

  private void route(SimExchange ex, String method, String path) throws IOException {
    String offerTail = path.startsWith(OFFER + "/") ? path.substring(OFFER.length() + 1) : null;
    if (method.equals("POST") && path.equals(INVENTORY + "bulk_create_or_replace_inventory_item")) {
      bulkUpsert(ex);
    } else if (method.equals("POST") && path.equals(INVENTORY + "bulk_update_price_quantity")) {
      bulkPriceQuantity(ex);
    } else if (method.equals("GET") && path.equals(ITEM)) {
      listItems(ex);
    } else if (method.equals("DELETE") && path.startsWith(ITEM + "/")) {
      deleteItem(ex, path.substring(ITEM.length() + 1));
    } else if (method.equals("GET") && path.equals(OFFER)) {
      findOffers(ex);
    } else if (method.equals("POST") && path.equals(OFFER)) {
      createOffer(ex);
    } else if (method.equals("POST") && offerTail != null && offerTail.endsWith(PUBLISH)) {
      publish(ex, offerTail.substring(0, offerTail.length() - PUBLISH.length()));
    } else if (method.equals("PUT") && offerTail != null && !offerTail.contains("/")) {
      replaceOffer(ex, offerTail);
    } else if (method.equals("GET") && path.equals(EbaySimOrders.PATH)) {
      orders.find(ex, baseUrl());
    } else {
      ex.respond(404, errors(2002, "Resource not found: " + method + " " + path));
    }
  }

  private void bulkUpsert(SimExchange ex) throws IOException {
    if (refuseWithoutLanguage(ex)) {
      return;
    }
    JsonNode requests = bulkRequests(ex);
    if (requests == null) {
      return;
    }
    ArrayNode responses = Json.MAPPER.createArrayNode();
    int failed = 0;
    synchronized (lock) {
      for (JsonNode r : requests) {
        ObjectNode response = responses.addObject().put("sku", text(r, "sku")).put("locale", text(r, "locale"));
        String problem = itemProblem(r);
        if (problem != null) {
          failed++;
          response.put("statusCode", 400).set("errors", errorList(25002, problem));
          continue;
        }
        Item item = items.computeIfAbsent(text(r, "sku"), Item::new);
        JsonNode product = r.path("product");
        item.title = text(product, "title");
        item.condition = text(r, "condition");
        item.quantity = r.path("availability").path("shipToLocationAvailability").path("quantity").asInt(0);
        item.imageUrls = new ArrayList<>();
        product.path("imageUrls").forEach(u -> item.imageUrls.add(u.asText()));
        response.put("statusCode", 200);
      }
    }
    ex.respond(status(failed, requests.size()), Json.MAPPER.createObjectNode().set("responses", responses));
  }

  private static String itemProblem(JsonNode r) {
    String sku = text(r, "sku");
    if (sku == null || sku.isBlank() || sku.length() > MAX_SKU) {
      return "The SKU is missing or longer than " + MAX_SKU + " characters.";
    }
    String title = text(r.path("product"), "title");
    if (title == null || title.isBlank()) {
      return "The title is missing.";
    }
    if (title.length() > MAX_TITLE) {
      return "The title is longer than " + MAX_TITLE + " characters.";
    }
    if (!CONDITIONS.contains(String.valueOf(text(r, "condition")))) {
      return "The condition value '" + text(r, "condition") + "' is invalid.";
    }
    if (r.path("availability").path("shipToLocationAvailability").path("quantity").asInt(0) < 0) {
      return "The quantity must not be negative.";
    }
    return null;
  }

  private void bulkPriceQuantity(SimExchange ex) throws IOException {
    JsonNode requests = bulkRequests(ex);
    if (requests == null) {
      return;
    }
    ArrayNode responses = Json.MAPPER.createArrayNode();
    int failed = 0;
    synchronized (lock) {
      for (JsonNode r : requests) {
        Refusal refusal = priceQuantityRefusal(r);
        if (refusal == null) {
          applyPriceQuantity(r);
        } else {
          failed++;
        }
        // One answer per offer addressed, or one for the SKU when the entry names no offer.
        List<String> offerIds = new ArrayList<>();
        r.path("offers").forEach(o -> offerIds.add(text(o, "offerId")));
        if (offerIds.isEmpty()) {
          offerIds.add(null);
        }
        for (String offerId : offerIds) {
          ObjectNode response = responses.addObject().put("sku", text(r, "sku"));
          if (offerId != null) {
            response.put("offerId", offerId);
          }
          if (refusal == null) {
            response.put("statusCode", 200);
          } else {
            response.put("statusCode", refusal.status()).set("errors", errorList(refusal.errorId(), refusal.message()));
          }
        }
      }
    }
    ex.respond(status(failed, requests.size()), Json.MAPPER.createObjectNode().set("responses", responses));
  }

  private Refusal priceQuantityRefusal(JsonNode r) {
    String sku = text(r, "sku");
    if (sku == null || !items.containsKey(sku)) {
      return new Refusal(404, 25702, "The SKU " + sku + " was not found.");
    }
    if (r.path("shipToLocationAvailability").path("quantity").asInt(0) < 0) {
      return new Refusal(400, 25002, "The quantity must not be negative.");
    }
    for (JsonNode o : r.path("offers")) {
      Offer offer = offers.get(String.valueOf(text(o, "offerId")));
      if (offer == null || !offer.sku.equals(sku)) {
        return NO_OFFER;
      }
      if (!offer.published) {
        return new Refusal(400, 25002, "The offer " + offer.offerId + " is not published; use updateOffer.");
      }
      if (o.path("availableQuantity").asInt(0) < 0) {
        return new Refusal(400, 25002, "The available quantity must not be negative.");
      }
      BigDecimal price = EbaySimJson.value(o.path("price"));
      if (o.has("price") && (price == null || price.signum() <= 0)) {
        return new Refusal(400, 25002, "The price must be above zero.");
      }
    }
    return null;
  }

  private void applyPriceQuantity(JsonNode r) {
    JsonNode quantity = r.path("shipToLocationAvailability").path("quantity");
    if (quantity.isNumber()) {
      items.get(text(r, "sku")).quantity = quantity.asInt();
      quantityWatcher.written(text(r, "sku"), quantity.asInt());
    }
    for (JsonNode o : r.path("offers")) {
      Offer offer = offers.get(text(o, "offerId"));
      if (o.path("availableQuantity").isNumber()) {
        offer.availableQuantity = o.path("availableQuantity").asInt();
      }
      if (o.has("price")) {
        offer.price = EbaySimJson.value(o.path("price"));
        offer.currency = text(o.path("price"), "currency");
      }
    }
  }

  private void listItems(SimExchange ex) throws IOException {
    int limit = intQuery(ex, "limit", 25);
    int offset = intQuery(ex, "offset", 0);
    ObjectNode body = Json.MAPPER.createObjectNode();
    synchronized (lock) {
      List<Item> all = new ArrayList<>(items.values());
      body.put("total", all.size()).put("limit", limit).put("offset", offset);
      ArrayNode page = body.putArray("inventoryItems");
      for (Item item : all.subList(Math.min(offset, all.size()), Math.min(offset + limit, all.size()))) {
        ObjectNode node = page.addObject().put("sku", item.sku).put("condition", item.condition);
        node.putObject("product").put("title", item.title);
        node.putObject("availability").putObject("shipToLocationAvailability").put("quantity", item.quantity);
      }
      body.put("size", page.size());
    }
    ex.respond(200, body);
  }

  private void deleteItem(SimExchange ex, String sku) throws IOException {
    boolean removed;
    synchronized (lock) {
      removed = items.remove(sku) != null;
      for (Offer o : offersBySku.getOrDefault(sku, List.of())) {
        offers.remove(o.offerId);
      }
      offersBySku.remove(sku);
    }
    if (removed) {
      ex.respond(204, null);
    } else {
      ex.respond(404, errors(25710, "We didn't find the entity you are requesting."));
    }
  }

  private void findOffers(SimExchange ex) throws IOException {
    String sku = ex.query("sku");
    if (sku == null || sku.isBlank()) {
      ex.respond(400, errors(25707, "The sku query parameter is required."));
      return;
    }
    String marketplace = ex.query("marketplace_id");
    ArrayNode found = Json.MAPPER.createArrayNode();
    synchronized (lock) {
      for (Offer o : offersBySku.getOrDefault(sku, List.of())) {
        if (marketplace == null || marketplace.equals(o.marketplaceId)) {
          found.add(o.json());
        }
      }
    }
    if (found.isEmpty()) {
      respond(ex, NO_OFFER);
      return;
    }
    ObjectNode body = Json.MAPPER.createObjectNode().put("total", found.size()).put("size", found.size());
    ex.respond(200, body.set("offers", found));
  }

  private void createOffer(SimExchange ex) throws IOException {
    if (refuseWithoutLanguage(ex)) {
      return;
    }
    JsonNode body = ex.json();
    String sku = text(body, "sku");
    String marketplace = text(body, "marketplaceId");
    Refusal refusal = null;
    String offerId = null;
    synchronized (lock) {
      if (sku == null || !items.containsKey(sku)) {
        refusal = new Refusal(400, 25702, "The SKU " + sku + " was not found.");
      } else if (marketplace == null || !"FIXED_PRICE".equals(text(body, "format"))) {
        refusal = new Refusal(400, 25002, "The marketplaceId and a FIXED_PRICE format are required.");
      } else if (offersBySku.getOrDefault(sku, List.of()).stream().anyMatch(o -> o.marketplaceId.equals(marketplace))) {
        refusal = new Refusal(400, 25002, "Offer entity already exists.");
      } else {
        Offer offer = new Offer("O" + ids.incrementAndGet(), sku, marketplace);
        offer.replace(body);
        offers.put(offer.offerId, offer);
        offersBySku.computeIfAbsent(offer.sku, k -> new ArrayList<>()).add(offer);
        offerId = offer.offerId;
      }
    }
    if (refusal != null) {
      respond(ex, refusal);
    } else {
      ex.respond(201, Map.of("offerId", offerId));
    }
  }

  private void replaceOffer(SimExchange ex, String offerId) throws IOException {
    if (refuseWithoutLanguage(ex)) {
      return;
    }
    JsonNode body = ex.json();
    boolean found;
    synchronized (lock) {
      Offer offer = offers.get(offerId);
      found = offer != null;
      if (found) {
        offer.replace(body);
      }
    }
    if (found) {
      ex.respond(204, null);
    } else {
      respond(ex, NO_OFFER);
    }
  }

  private void publish(SimExchange ex, String offerId) throws IOException {
    Refusal refusal;
    String listingId = null;
    synchronized (lock) {
      Offer offer = offers.get(offerId);
      refusal = offer == null ? NO_OFFER : publishRefusal(offer, items.get(offer.sku));
      if (refusal == null) {
        offer.published = true;
        if (offer.listingId == null) {
          offer.listingId = "11" + ids.incrementAndGet();
        }
        listingId = offer.listingId;
      }
    }
    if (refusal != null) {
      respond(ex, refusal);
    } else {
      ex.respond(200, Map.of("listingId", listingId, "warnings", List.of()));
    }
  }

  private static Refusal publishRefusal(Offer offer, Item item) {
    String problem = null;
    if (offer.price == null || offer.price.signum() <= 0) {
      problem = "A price above zero is required to publish.";
    } else if (offer.categoryId == null) {
      problem = "A category is required to publish.";
    } else if (!offer.hasPolicies) {
      problem = "Fulfillment, payment and return policies are required to publish.";
    } else if (offer.merchantLocationKey == null) {
      problem = "An inventory location is required to publish.";
    } else if (item.imageUrls.isEmpty() || item.imageUrls.stream().anyMatch(u -> !u.startsWith("https://"))) {
      problem = "At least one image is required, and every image URL must use https.";
    }
    return problem == null ? null : new Refusal(400, 25007, problem);
  }

  private EbaySimListing snapshot(Item item) {
    Offer offer = offersBySku.getOrDefault(item.sku, List.of()).stream().findFirst().orElse(null);
    if (offer == null) {
      return new EbaySimListing(item.sku, item.title, item.condition, item.quantity, null, null, null, null, false);
    }
    return new EbaySimListing(item.sku, item.title, item.condition, item.quantity, offer.offerId, offer.price,
        offer.currency, offer.availableQuantity, offer.published);
  }

  private static boolean refuseWithoutLanguage(SimExchange ex) throws IOException {
    if (ex.header("Content-Language") != null) {
      return false;
    }
    ex.respond(400, errors(25709, "Invalid value for header Content-Language."));
    return true;
  }

  /** The {@code requests} of a bulk body, or null after answering 400 when there are none or too many. */
  private static JsonNode bulkRequests(SimExchange ex) throws IOException {
    JsonNode requests = ex.json().path("requests");
    if (!requests.isArray() || requests.isEmpty() || requests.size() > BULK_LIMIT) {
      ex.respond(400, errors(25002, "The request must hold 1 to " + BULK_LIMIT + " entries."));
      return null;
    }
    return requests;
  }

  /** A bulk answer's status: all done, some failed (multi-status), or all failed. */
  private static int status(int failed, int total) {
    return failed == 0 ? 200 : failed == total ? 400 : 207;
  }

  private static void respond(SimExchange ex, Refusal refusal) throws IOException {
    ex.respond(refusal.status(), errors(refusal.errorId(), refusal.message()));
  }

  private static int intQuery(SimExchange ex, String name, int dflt) {
    String v = ex.query(name);
    try {
      return v == null ? dflt : Integer.parseInt(v);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("'" + name + "' is not a number");
    }
  }

  /** An id in eBay's order id shape, e.g. {@code 10-00000-01001}. */
  private String nextOrderId() {
    long k = ids.incrementAndGet();
    return String.format("%02d-%05d-%05d", 10 + k / 10_000_000_000L % 90, k / 100_000 % 100_000, k % 100_000);
  }

  /** Why a call or a bulk entry is refused: HTTP status, eBay-style error id, message. */
  private record Refusal(int status, int errorId, String message) {}

  /** One inventory item; guarded by the simulator's lock. */
  private static final class Item {
    private final String sku;
    private String title;
    private String condition;
    private int quantity;
    private List<String> imageUrls = new ArrayList<>();

    Item(String sku) {
      this.sku = sku;
    }
  }

  /** One offer; guarded by the simulator's lock. */
  private static final class Offer {
    private final String offerId;
    private final String sku;
    private final String marketplaceId;
    private Integer availableQuantity;
    private String categoryId;
    private BigDecimal price;
    private String currency;
    private boolean hasPolicies;
    private String merchantLocationKey;
    private boolean published;
    private String listingId;

    Offer(String offerId, String sku, String marketplaceId) {
      this.offerId = offerId;
      this.sku = sku;
      this.marketplaceId = marketplaceId;
    }

    /** Takes every field an offer body sets: an offer update replaces the whole offer. */
    void replace(JsonNode body) {
      JsonNode q = body.path("availableQuantity");
      availableQuantity = q.isNumber() ? q.asInt() : null;
      categoryId = text(body, "categoryId");
      JsonNode p = body.path("pricingSummary").path("price");
      price = EbaySimJson.value(p);
      currency = text(p, "currency");
      JsonNode policies = body.path("listingPolicies");
      hasPolicies = policies.hasNonNull("fulfillmentPolicyId") && policies.hasNonNull("paymentPolicyId")
          && policies.hasNonNull("returnPolicyId");
      merchantLocationKey = text(body, "merchantLocationKey");
    }

    /** The offer as getOffers shows it. */
    ObjectNode json() {
      ObjectNode node = Json.MAPPER.createObjectNode()
          .put("offerId", offerId).put("sku", sku).put("marketplaceId", marketplaceId)
          .put("format", "FIXED_PRICE").put("status", published ? "PUBLISHED" : "UNPUBLISHED");
      if (availableQuantity != null) {
        node.put("availableQuantity", availableQuantity);
      }
      if (categoryId != null) {
        node.put("categoryId", categoryId);
      }
      if (price != null) {
        node.putObject("pricingSummary").set("price", EbaySimJson.amount(price, currency));
      }
      if (listingId != null) {
        node.putObject("listing").put("listingId", listingId);
      }
      return node;
    }
  }
}
