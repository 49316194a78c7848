package io.syncfleet.dashboard;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.exceptions.JedisConnectionException;

/**
 * The dashboard's one HTTP handler. For each request, in this order: the host check of an open
 * dashboard, the route, authentication, and for an action the read-only switch and the CSRF check;
 * then the route's handler. Failures become JSON errors: the handler's own (400, 404, 409, ...),
 * 503 when Redis is unreachable, and 500 for anything else, which is logged and never echoed.
 */
final class Router implements HttpHandler {
  private static final Logger LOG = LoggerFactory.getLogger(Router.class);

  /** What a route asks of its caller. */
  enum Access {
    /** Anyone: the sign-in page and the style it uses. */
    OPEN,
    /** Signed in; a refused browser is sent to sign in. */
    PAGE,
    /** Signed in. */
    READ,
    /** Signed in, with a valid CSRF token (signing out, allowed when read-only). */
    FORM,
    /** Signed in, with a valid CSRF token, and refused when the dashboard is read-only. */
    ACTION
  }

  /** Answers one route; {@code params} are the path's {@code {placeholders}} in order. */
  @FunctionalInterface
  interface Handler {
    void handle(WebExchange ex, List<String> params) throws IOException;
  }

  private record Route(String method, List<String> pattern, Access access, Handler handler) {}

  private final List<Route> routes = new ArrayList<>();
  private final AccessGuard guard;
  private final CsrfGuard csrf;
  private final boolean readOnly;

  Router(AccessGuard guard, CsrfGuard csrf, boolean readOnly) {
    this.guard = guard;
    this.csrf = csrf;
    this.readOnly = readOnly;
  }

  /** Adds a route; {@code pattern} is a path whose segments may be {@code {name}} placeholders. */
  Router route(String method, String pattern, Access access, Handler handler) {
    List<String> segments = new ArrayList<>();
    for (String s : pattern.split("/")) {
      if (!s.isEmpty()) {
        segments.add(s);
      }
    }
    routes.add(new Route(method, List.copyOf(segments), access, handler));
    return this;
  }

  @Override
  public void handle(HttpExchange exchange) {
    WebExchange ex = new WebExchange(exchange);
    try {
      dispatch(ex);
    } catch (ApiError e) {
      reply(ex, e.status(), e.getMessage());
    } catch (JedisConnectionException e) {
      LOG.warn("Redis is unreachable: {}", e.getMessage());
      reply(ex, 503, "Redis is unreachable; the dashboard shows the fleet again once it answers");
    } catch (IOException e) {
      LOG.debug("client went away: {}", e.getMessage());
    } catch (RuntimeException e) {
      LOG.error("dashboard request {} {} failed", exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(), e);
      reply(ex, 500, "internal error; the dashboard's log has the details");
    } finally {
      exchange.close();
    }
  }

  private void dispatch(WebExchange ex) throws IOException {
    if (!guard.hostAllowed(ex)) {
      throw new ApiError(403, "this dashboard has no credentials configured and answers only to localhost");
    }
    List<String> params = null;
    Route route = null;
    List<String> allowed = new ArrayList<>();
    for (Route r : routes) {
      List<String> match = match(r.pattern(), ex.segments());
      if (match != null) {
        allowed.add(r.method());
        if (r.method().equals(ex.method())) {
          route = r;
          params = match;
          break;
        }
      }
    }
    if (route == null) {
      if (allowed.isEmpty()) {
        throw new ApiError(404, "not found");
      }
      ex.responseHeader("Allow", String.join(", ", allowed));
      throw new ApiError(405, "method not allowed");
    }
    if (route.access() != Access.OPEN) {
      String who = guard.identify(ex);
      if (who == null) {
        refuse(ex, route.access());
        return;
      }
      ex.principal(who);
    }
    if (route.access() == Access.ACTION && readOnly) {
      throw new ApiError(403, "the dashboard is read-only (SYNCFLEET_DASHBOARD_READONLY=true)");
    }
    if (route.access() == Access.ACTION || route.access() == Access.FORM) {
      String refusal = csrf.refusal(ex);
      if (refusal != null) {
        LOG.warn("dashboard: {} {} refused: {}", ex.method(), String.join("/", ex.segments()), refusal);
        throw new ApiError(403, refusal);
      }
    }
    route.handler().handle(ex, params);
  }

  /** A browser asking for the page is sent to sign in; everything else gets 401 with a challenge. */
  private void refuse(WebExchange ex, Access access) throws IOException {
    if (access == Access.PAGE && guard.signInPage() && !guard.basic()) {
      ex.redirect("/login");
      return;
    }
    ex.responseHeader("WWW-Authenticate", guard.challenge());
    if (access == Access.PAGE) {
      String html = "<!doctype html><title>Syncfleet</title><p>Sign-in required."
          + (guard.signInPage() ? " <a href=\"/login\">Sign in with the dashboard token</a>." : "") + "</p>";
      ex.send(401, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8));
    } else {
      ex.sendError(401, "sign-in required: send the dashboard token as \"Authorization: Bearer ...\""
          + " or basic-auth credentials");
    }
  }

  private static List<String> match(List<String> pattern, List<String> path) {
    if (pattern.size() != path.size()) {
      return null;
    }
    List<String> params = new ArrayList<>();
    for (int i = 0; i < pattern.size(); i++) {
      String p = pattern.get(i);
      if (p.startsWith("{")) {
        params.add(path.get(i));
      } else if (!p.equals(path.get(i))) {
        return null;
      }
    }
    return params;
  }

  private static void reply(WebExchange ex, int status, String message) {
    try {
      ex.sendError(status, message);
    } catch (IOException | RuntimeException e) {
      LOG.debug("could not send error {}: {}", status, e.getMessage());
    }
  }
}
