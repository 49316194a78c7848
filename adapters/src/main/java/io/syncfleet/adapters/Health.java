package io.syncfleet.adapters;

/**
 * The result of testing a connection.
 *
 * @param ok      whether the credentials work
 * @param account what the marketplace says the account is (shop name, user id), or null
 * @param message what went wrong, or a short confirmation
 */
public record Health(boolean ok, String account, String message) {
  public static Health ok(String account) {
    return new Health(true, account, "credentials work");
  }

  public static Health failed(String message) {
    return new Health(false, null, message);
  }
}
