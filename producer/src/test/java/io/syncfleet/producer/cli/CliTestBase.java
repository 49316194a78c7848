package io.syncfleet.producer.cli;

import io.syncfleet.producer.redis.Keys;
import io.syncfleet.producer.testing.TestRedis;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** CLI tests against a test Redis of their own, opened fresh for each test and emptied after it. */
abstract class CliTestBase {
  TestRedis redis;
  Keys keys;

  @BeforeEach
  void openRedis() {
    redis = TestRedis.open();
    keys = redis.keys();
  }

  @AfterEach
  void closeRedis() {
    redis.close();
  }
}
