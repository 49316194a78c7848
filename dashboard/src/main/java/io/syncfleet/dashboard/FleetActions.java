package io.syncfleet.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import io.syncfleet.producer.state.DeadJobs;
import io.syncfleet.producer.state.Queues;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.JedisPool;

/**
 * The actions ops need, and only those: pause and resume a queue (workers stop and start polling
 * it), retry or remove dead jobs (one, a selection, or all). Each goes through the producer's read
 * model and is logged with who asked, as an audit trail.
 */
final class FleetActions {
  private static final Logger LOG = LoggerFactory.getLogger(FleetActions.class);
  /** Most ids one selection may name. */
  static final int MAX_SELECTION = 1_000;
  private static final int MAX_BODY = 64 * 1024;

  private final Queues queues;
  private final DeadJobs dead;

  FleetActions(DashboardSettings settings, JedisPool pool, Clock clock) {
    this.queues = new Queues(pool, settings.redis().keys(), clock);
    this.dead = new DeadJobs(pool, settings.redis().keys(), clock);
  }

  /** POST /api/queues/{name}/pause. */
  void pause(WebExchange ex, List<String> params) throws IOException {
    String name = FleetApi.knownQueue(queues, params.get(0)).name();
    boolean changed = queues.pause(name);
    LOG.info("dashboard: {} paused queue {}{}", ex.principal(), name, changed ? "" : " (already paused)");
    ex.sendJson(200, Map.of("queue", name, "paused", true, "changed", changed));
  }

  /** POST /api/queues/{name}/resume. */
  void resume(WebExchange ex, List<String> params) throws IOException {
    String name = FleetApi.knownQueue(queues, params.get(0)).name();
    boolean changed = queues.resume(name);
    LOG.info("dashboard: {} resumed queue {}{}", ex.principal(), name, changed ? "" : " (was not paused)");
    ex.sendJson(200, Map.of("queue", name, "paused", false, "changed", changed));
  }

  /** POST /api/dead/{id}/retry: back onto its queue with attempts reset. */
  void retryOne(WebExchange ex, List<String> params) throws IOException {
    String id = params.get(0);
    if (!dead.retry(id)) {
      throw dead.get(id).isPresent()
          ? new ApiError(409, "dead job " + id + " holds no payload to run again; remove it instead")
          : new ApiError(404, "no dead job " + id + " (already retried or removed?)");
    }
    LOG.info("dashboard: {} retried dead job {}", ex.principal(), id);
    ex.sendJson(200, Map.of("retried", 1));
  }

  /** POST /api/dead/{id}/remove: deleted for good. */
  void removeOne(WebExchange ex, List<String> params) throws IOException {
    String id = params.get(0);
    if (!dead.remove(id)) {
      throw new ApiError(404, "no dead job " + id + " (already retried or removed?)");
    }
    LOG.info("dashboard: {} removed dead job {}", ex.principal(), id);
    ex.sendJson(200, Map.of("removed", 1));
  }

  /** POST /api/dead/retry with {"ids": [...]} or {"all": true}. */
  void retryMany(WebExchange ex, List<String> params) throws IOException {
    Selection s = selection(ex);
    long retried = s.all() ? dead.retryAll() : dead.retry(s.ids());
    LOG.info("dashboard: {} retried {} dead jobs ({})", ex.principal(), retried, s.describe());
    ex.sendJson(200, Map.of("retried", retried));
  }

  /** POST /api/dead/remove with {"ids": [...]} or {"all": true}. */
  void removeMany(WebExchange ex, List<String> params) throws IOException {
    Selection s = selection(ex);
    long removed = s.all() ? dead.removeAll() : dead.remove(s.ids());
    LOG.info("dashboard: {} removed {} dead jobs ({})", ex.principal(), removed, s.describe());
    ex.sendJson(200, Map.of("removed", removed));
  }

  /** Which dead jobs a bulk action names: a list of ids, or all of them, never by default. */
  private record Selection(boolean all, List<String> ids) {
    String describe() {
      return all ? "all" : ids.size() + " selected";
    }
  }

  private static Selection selection(WebExchange ex) throws IOException {
    JsonNode body = ex.jsonBody(MAX_BODY);
    boolean all = body.path("all").asBoolean(false);
    JsonNode ids = body.get("ids");
    if (all && ids != null) {
      throw new ApiError(400, "send either \"ids\" or \"all\": true, not both");
    }
    if (all) {
      return new Selection(true, List.of());
    }
    if (ids == null || !ids.isArray() || ids.isEmpty()) {
      throw new ApiError(400, "send {\"ids\": [...]} with at least one id, or {\"all\": true}");
    }
    if (ids.size() > MAX_SELECTION) {
      throw new ApiError(400, "at most " + MAX_SELECTION + " ids at once; use {\"all\": true} for everything");
    }
    List<String> out = new ArrayList<>();
    for (JsonNode id : ids) {
      if (!id.isTextual() || id.asText().isEmpty()) {
        throw new ApiError(400, "ids must be non-empty strings");
      }
      out.add(id.asText());
    }
    return new Selection(false, out);
  }
}
