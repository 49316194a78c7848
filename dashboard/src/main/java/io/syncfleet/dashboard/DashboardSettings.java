package io.syncfleet.dashboard;

import io.syncfleet.producer.redis.RedisSettings;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;

/**
 * The dashboard's settings, from environment variables; every one is listed in the README.
 * Without credentials the dashboard is open to whoever reaches it, so it then listens on loopback
 * only and refuses to be configured otherwise.
 *
 * @param redis    {@code REDIS_URL}, {@code SYNCFLEET_NAMESPACE}
 * @param host     {@code SYNCFLEET_DASHBOARD_HOST}: address to listen on (default 0.0.0.0 with
 *                 credentials, 127.0.0.1 without)
 * @param port     {@code SYNCFLEET_DASHBOARD_PORT} (default 9300; 0 picks a free port)
 * @param token    {@code SYNCFLEET_DASHBOARD_TOKEN}: bearer token and browser sign-in, or null
 * @param user     {@code SYNCFLEET_DASHBOARD_USER}: basic-auth user, or null
 * @param password {@code SYNCFLEET_DASHBOARD_PASSWORD}: basic-auth password, or null
 * @param readOnly {@code SYNCFLEET_DASHBOARD_READONLY=true}: every action is refused
 */
public record DashboardSettings(RedisSettings redis, String host, int port, String token, String user,
    String password, boolean readOnly) {
  /** The port used when {@code SYNCFLEET_DASHBOARD_PORT} is not set. */
  public static final int DEFAULT_PORT = 9300;
  /** Shortest token accepted: shorter ones can be guessed. */
  static final int MIN_TOKEN_LENGTH = 16;

  public DashboardSettings {
    token = blankToNull(token);
    user = blankToNull(user);
    password = blankToNull(password);
    if ((user == null) != (password == null)) {
      throw new IllegalArgumentException(
          "SYNCFLEET_DASHBOARD_USER and SYNCFLEET_DASHBOARD_PASSWORD must be set together");
    }
    if (token != null && token.length() < MIN_TOKEN_LENGTH) {
      throw new IllegalArgumentException("SYNCFLEET_DASHBOARD_TOKEN must be at least " + MIN_TOKEN_LENGTH
          + " characters; make one with: openssl rand -base64 24");
    }
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("SYNCFLEET_DASHBOARD_PORT must be between 0 and 65535, was " + port);
    }
    if (host == null || host.isBlank()) {
      host = token == null && user == null ? "127.0.0.1" : "0.0.0.0";
    }
    if (token == null && user == null && !isLoopback(host)) {
      throw new IllegalArgumentException("SYNCFLEET_DASHBOARD_HOST is " + host + ", but no credentials are set:"
          + " without SYNCFLEET_DASHBOARD_TOKEN or SYNCFLEET_DASHBOARD_USER/PASSWORD the dashboard"
          + " listens on loopback only");
    }
  }

  /** Settings from the process environment. */
  public static DashboardSettings fromEnv() {
    return fromEnv(System.getenv());
  }

  /** Settings from the given environment; a clear error for a malformed value. */
  public static DashboardSettings fromEnv(Map<String, String> env) {
    String port = env.get("SYNCFLEET_DASHBOARD_PORT");
    int p;
    try {
      p = port == null || port.isBlank() ? DEFAULT_PORT : Integer.parseInt(port.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("SYNCFLEET_DASHBOARD_PORT must be a whole number, was '" + port + "'");
    }
    String readOnly = env.getOrDefault("SYNCFLEET_DASHBOARD_READONLY", "false").trim();
    if (!readOnly.equalsIgnoreCase("true") && !readOnly.equalsIgnoreCase("false") && !readOnly.isEmpty()) {
      throw new IllegalArgumentException("SYNCFLEET_DASHBOARD_READONLY must be true or false, was '" + readOnly + "'");
    }
    return new DashboardSettings(RedisSettings.fromEnv(env), env.get("SYNCFLEET_DASHBOARD_HOST"), p,
        env.get("SYNCFLEET_DASHBOARD_TOKEN"), env.get("SYNCFLEET_DASHBOARD_USER"),
        env.get("SYNCFLEET_DASHBOARD_PASSWORD"), readOnly.equalsIgnoreCase("true"));
  }

  /** Open, writable, on loopback: for a developer's machine and the demo. */
  public static DashboardSettings local(RedisSettings redis, int port) {
    return new DashboardSettings(redis, "127.0.0.1", port, null, null, null, false);
  }

  /** Whether callers must present credentials. */
  public boolean authRequired() {
    return token != null || user != null;
  }

  /** Never shows the token or the password. */
  @Override
  public String toString() {
    return "DashboardSettings[" + redis.describe() + ", " + host + ":" + port
        + (token != null ? ", token" : "") + (user != null ? ", basic user " + user : "")
        + (readOnly ? ", read-only" : "") + "]";
  }

  static boolean isLoopback(String host) {
    try {
      return InetAddress.getByName(host).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
