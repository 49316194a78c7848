package io.syncfleet.adapters.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.syncfleet.adapters.failure.PermanentFailure;
import io.syncfleet.adapters.failure.TransientFailure;
import io.syncfleet.producer.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import okhttp3.Headers;

/** A complete answer from a marketplace: status, headers and the body bytes, already read. */
public final class HttpResult {
  private final int status;
  private final Headers headers;
  private final byte[] body;
  private final ErrorReader errorReader;

  HttpResult(int status, Headers headers, byte[] body, ErrorReader errorReader) {
    this.status = status;
    this.headers = headers;
    this.body = body;
    this.errorReader = errorReader;
  }

  public int status() {
    return status;
  }

  public boolean isSuccess() {
    return status >= 200 && status < 300;
  }

  public String header(String name) {
    return headers.get(name);
  }

  public byte[] bodyBytes() {
    return body;
  }

  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }

  /** The body as JSON; an empty body is an empty object; garbage is a transient failure. */
  public JsonNode json() {
    if (body.length == 0) {
      return Json.MAPPER.createObjectNode();
    }
    try {
      return Json.MAPPER.readTree(body);
    } catch (IOException e) {
      throw new TransientFailure("marketplace answered HTTP " + status + " with a body that is not JSON",
          status, null, e);
    }
  }

  /** The body as JSON, or an empty object when it is empty or not JSON (an error page, a proxy). */
  public JsonNode jsonOrEmpty() {
    try {
      JsonNode node = body.length == 0 ? null : Json.MAPPER.readTree(body);
      return node == null ? Json.MAPPER.createObjectNode() : node;
    } catch (IOException e) {
      return Json.MAPPER.createObjectNode();
    }
  }

  /** The marketplace's error code and message in this response. */
  public ErrorDetail error() {
    return errorReader.read(this);
  }

  /** This (error) response as a permanent failure carrying the marketplace's code and message. */
  public PermanentFailure permanent() {
    ErrorDetail e = error();
    return new PermanentFailure(e.message(), status, e.code());
  }

  /** Returns this response when it is a success, otherwise throws it as a permanent failure. */
  public HttpResult requireSuccess() {
    if (!isSuccess()) {
      throw permanent();
    }
    return this;
  }
}
