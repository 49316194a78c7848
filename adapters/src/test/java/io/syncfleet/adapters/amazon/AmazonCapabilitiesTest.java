package io.syncfleet.adapters.amazon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.syncfleet.adapters.AdapterRegistry;
import io.syncfleet.adapters.Health;
import io.syncfleet.adapters.MarketplaceAdapter;
import io.syncfleet.adapters.RatePlan;
import io.syncfleet.adapters.failure.AuthenticationFailure;
import io.syncfleet.adapters.http.MarketplaceHttp;
import io.syncfleet.producer.connection.Connection;
import io.syncfleet.producer.connection.Environment;
import io.syncfleet.producer.connection.Secrets;
import io.syncfleet.producer.job.Channels;
import io.syncfleet.producer.job.Operation;
import java.time.Clock;
import java.util.Map;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The channel's declared operations, limits and rate plans; where it calls; the connection test. */
class AmazonCapabilitiesTest {
  @RegisterExtension
  final AmazonFixture amazon = new AmazonFixture();

  private final MarketplaceAdapter registered = AdapterRegistry.standard(MarketplaceHttp.create(Clock.systemUTC()))
      .find("amazon").orElseThrow();

  @Test
  void theJobContractsLimitsAreTheAdapters() {
    assertEquals(Channels.AMAZON, registered.capabilities().spec());
    assertEquals(AmazonApi.UPSERT_BATCH, Channels.AMAZON.batchLimit(Operation.UPSERT_LISTINGS).orElseThrow());
    for (Operation op : new Operation[] {Operation.UPDATE_STOCK, Operation.UPDATE_PRICES, Operation.DELETE_LISTINGS}) {
      assertEquals(AmazonApi.ITEM_CALL_BATCH, Channels.AMAZON.batchLimit(op).orElseThrow(), op.wireName());
    }
    assertTrue(Channels.AMAZON.supports(Operation.PULL_ORDERS));
    assertTrue(Channels.AMAZON.supports(Operation.TEST_CONNECTION));
  }

  @Test
  void everyOperationHasAPublishedRatePlan() {
    for (Operation op : Channels.AMAZON.operations()) {
      RatePlan plan = registered.capabilities().ratePlan(op).orElseThrow();
      assertTrue(plan.permitsPerSecond() > 0 && plan.burst() >= 1, op.wireName());
      assertTrue(plan.source().startsWith("[V]"), plan.source());
    }
    assertEquals(0.0167, registered.capabilities().ratePlan(Operation.PULL_ORDERS).orElseThrow().permitsPerSecond());
  }

  @ParameterizedTest
  @CsvSource({
      "na,PRODUCTION,https://sellingpartnerapi-na.amazon.com/",
      "eu,PRODUCTION,https://sellingpartnerapi-eu.amazon.com/",
      "FE,PRODUCTION,https://sellingpartnerapi-fe.amazon.com/",
      "eu,SANDBOX,https://sandbox.sellingpartnerapi-eu.amazon.com/"})
  void theRegionAndEnvironmentChooseTheHostAndTokensComeFromLoginWithAmazon(String region, Environment env,
      String host) {
    AmazonSettings s = AmazonSettings.of(new Connection("acme", "amazon", env,
        Map.of("region", region, "seller_id", "S", "marketplace_id", "M"), Secrets.none(), 1));

    assertEquals(host, s.base().toString());
    assertEquals("https://api.amazon.com/auth/o2/token", s.tokenUrl().toString());
  }

  @Test
  void anUnknownRegionPausesTheConnection() {
    Connection c = new Connection("acme", "amazon", Environment.PRODUCTION,
        Map.of("region", "us", "seller_id", "S", "marketplace_id", "M"), Secrets.none(), 1);

    assertEquals("bad_setting", assertThrows(AuthenticationFailure.class, () -> AmazonSettings.of(c)).code());
  }

  @Test
  void theConnectionTestFindsTheMarketplaceAndNamesTheStore() {
    amazon.token("tok-1");
    amazon.reply(200, """
        {"payload":[
          {"marketplace":{"id":"ATVPDKIKX0DER","name":"Amazon.com","countryCode":"US"},
           "participation":{"isParticipating":true,"hasSuspendedListings":false},"storeName":"Acme US"},
          {"marketplace":{"id":"A1PA6795UKMFR9","name":"Amazon.de","countryCode":"DE"},
           "participation":{"isParticipating":true,"hasSuspendedListings":false},"storeName":"Acme DE"}]}
        """);

    Health health = amazon.adapter.testConnection(amazon.connection());

    assertEquals(Health.ok("Acme DE"), health);
    RecordedRequest call = amazon.takeAfterToken();
    assertEquals("GET", call.getMethod());
    assertEquals("/sellers/v1/marketplaceParticipations", call.getPath());
    assertEquals("tok-1", call.getHeader("x-amz-access-token"));
  }

  @Test
  void theConnectionTestReportsAMarketplaceTheSellerIsNotIn() {
    amazon.token("tok-1");
    amazon.reply(200, "{\"payload\":[{\"marketplace\":{\"id\":\"ATVPDKIKX0DER\"},"
        + "\"participation\":{\"isParticipating\":true},\"storeName\":\"Acme US\"}]}");

    Health health = amazon.adapter.testConnection(amazon.connection());

    assertFalse(health.ok());
    assertTrue(health.message().contains("A1PA6795UKMFR9"), health.message());
  }

  @Test
  void theConnectionTestReportsRefusedCredentials() {
    amazon.reply(400, "{\"error\":\"invalid_grant\",\"error_description\":\"The request has an invalid grant "
        + "parameter : refresh_token\"}");

    Health health = amazon.adapter.testConnection(amazon.connection());

    assertFalse(health.ok());
    assertTrue(health.message().contains("invalid grant"), health.message());
  }
}
