package io.syncfleet.adapters.trovaprezzi;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves Trovaprezzi feeds over HTTP for Trovaprezzi to fetch: {@code GET /{name}.xml} renders the
 * feed store in {@code {root}/{name}} (a connection's {@code feed_dir}) as XML. Each request renders
 * into a temporary file under the store's shared lock, then sends the file without the lock, so a
 * slow fetch never holds up the workers writing the store. Stop it with {@link #close()} (or, run
 * from {@link #main}, by stopping the process): it finishes requests under way for up to a second.
 */
public final class FeedServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(FeedServer.class);
  /** A feed name: one directory under the root, never a path. */
  private static final Pattern FEED = Pattern.compile("/([A-Za-z0-9][A-Za-z0-9._-]{0,127})\\.xml");
  private static final int DEFAULT_PORT = 8088;

  private final Path root;
  private final HttpServer server;
  private final ExecutorService executor;

  private FeedServer(Path root, HttpServer server, ExecutorService executor) {
    this.root = root;
    this.server = server;
    this.executor = executor;
  }

  /** Starts serving the feed stores under {@code root} on {@code address} (port 0 picks a free one). */
  public static FeedServer start(Path root, InetSocketAddress address) throws IOException {
    HttpServer server = HttpServer.create(address, 0);
    ExecutorService executor = Executors.newFixedThreadPool(4);
    FeedServer feeds = new FeedServer(root.toAbsolutePath().normalize(), server, executor);
    server.createContext("/", feeds::handle);
    server.setExecutor(executor);
    server.start();
    return feeds;
  }

  /** The port it listens on. */
  public int port() {
    return server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(1);
    executor.shutdown();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!"GET".equals(exchange.getRequestMethod())) {
        exchange.getResponseHeaders().set("Allow", "GET");
        exchange.sendResponseHeaders(405, -1);
        return;
      }
      Matcher m = FEED.matcher(exchange.getRequestURI().getPath());
      Path dir = m.matches() ? root.resolve(m.group(1)) : null;
      if (dir == null || !Files.isDirectory(dir)) {
        exchange.sendResponseHeaders(404, -1);
        return;
      }
      Path rendered = Files.createTempFile("trovaprezzi-feed-", ".xml");
      try {
        try (OutputStream file = Files.newOutputStream(rendered)) {
          TrovaprezziXml.render(new TrovaprezziFeedStore(dir), file);
        }
        exchange.getResponseHeaders().set("Content-Type", TrovaprezziApi.CONTENT_TYPE);
        exchange.getResponseHeaders().set("Cache-Control", "no-cache");
        exchange.sendResponseHeaders(200, Files.size(rendered));
        try (OutputStream body = exchange.getResponseBody()) {
          Files.copy(rendered, body);
        }
      } catch (IOException e) {
        LOG.warn("cannot serve feed {}: {}", dir, e.getMessage());
        if (exchange.getResponseCode() == -1) {
          exchange.sendResponseHeaders(503, -1);
        }
      } finally {
        Files.deleteIfExists(rendered);
      }
    }
  }

  /**
   * Runs a feed server: {@code FeedServer <root> [port]}, the root holding one directory per feed
   * (each connection's {@code feed_dir}); the port defaults to {@value #DEFAULT_PORT}. Trovaprezzi is
   * then given {@code http://<host>:<port>/<directory name>.xml}.
   */
  public static void main(String[] args) throws IOException {
    if (args.length < 1 || args.length > 2) {
      System.err.println("usage: FeedServer <root directory of feed stores> [port]");
      System.exit(2);
    }
    Path root = Path.of(args[0]);
    int port = args.length == 2 ? Integer.parseInt(args[1]) : DEFAULT_PORT;
    FeedServer server = start(root, new InetSocketAddress(port));
    Runtime.getRuntime().addShutdownHook(new Thread(server::close, "feed-server-stop"));
    LOG.info("serving Trovaprezzi feeds under {} at http://0.0.0.0:{}/<name>.xml", server.root, server.port());
  }
}
