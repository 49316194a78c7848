package io.syncfleet.adapters.woocommerce;

import io.syncfleet.adapters.failure.AuthenticationFailure;
import io.syncfleet.producer.connection.Connection;
import io.syncfleet.producer.connection.MissingCredentialException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.function.Supplier;
import okhttp3.Credentials;
import okhttp3.HttpUrl;
import okhttp3.Request;

/**
 * Puts a connection's consumer key and secret on a request the way WooCommerce reads them [V core
 * code]: over HTTPS as HTTP Basic auth (or, with the {@value WooCommerceApi#QUERY_STRING_AUTH}
 * setting, as {@code consumer_key}/{@code consumer_secret} query parameters, for servers that strip
 * the Authorization header); over plain HTTP as a one-legged OAuth 1.0a signature in the query, so
 * the secret never travels in clear.
 */
final class WooCommerceAuth {
  private static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Clock clock;
  private final Supplier<String> nonces;

  WooCommerceAuth(Clock clock) {
    this(clock, WooCommerceAuth::randomNonce);
  }

  /** With a fixed nonce source, so a test can check a signature against a known value. */
  WooCommerceAuth(Clock clock, Supplier<String> nonces) {
    this.clock = clock;
    this.nonces = nonces;
  }

  /** {@code request} carrying the connection's credentials. */
  Request authorize(Connection connection, Request request) {
    String key;
    String secret;
    try {
      key = connection.secrets().require(WooCommerceApi.CONSUMER_KEY);
      secret = connection.secrets().require(WooCommerceApi.CONSUMER_SECRET);
    } catch (MissingCredentialException e) {
      throw new AuthenticationFailure(e.getMessage(), 0, "missing_credential");
    }
    HttpUrl url = request.url();
    if (url.isHttps()) {
      if (Boolean.parseBoolean(connection.setting(WooCommerceApi.QUERY_STRING_AUTH).orElse("false"))) {
        return request.newBuilder().url(url.newBuilder()
            .addQueryParameter(WooCommerceApi.QUERY_KEY, key)
            .addQueryParameter(WooCommerceApi.QUERY_SECRET, secret)
            .build()).build();
      }
      return request.newBuilder().header("Authorization", Credentials.basic(key, secret, StandardCharsets.UTF_8))
          .build();
    }
    HttpUrl unsigned = url.newBuilder()
        .addQueryParameter("oauth_consumer_key", key)
        .addQueryParameter("oauth_nonce", nonces.get())
        .addQueryParameter("oauth_signature_method", WooCommerceApi.OAUTH_SIGNATURE_METHOD)
        .addQueryParameter("oauth_timestamp", String.valueOf(clock.instant().getEpochSecond()))
        .build();
    String signature = WooCommerceOAuth1.signature(request.method(), unsigned, secret);
    return request.newBuilder()
        .url(unsigned.newBuilder().addQueryParameter("oauth_signature", signature).build())
        .build();
  }

  private static String randomNonce() {
    StringBuilder nonce = new StringBuilder(WooCommerceApi.OAUTH_NONCE_LENGTH);
    for (int i = 0; i < WooCommerceApi.OAUTH_NONCE_LENGTH; i++) {
      nonce.append(ALPHANUMERIC.charAt(RANDOM.nextInt(ALPHANUMERIC.length())));
    }
    return nonce.toString();
  }
}
