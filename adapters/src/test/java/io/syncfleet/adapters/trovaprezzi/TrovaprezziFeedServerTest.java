package io.syncfleet.adapters.trovaprezzi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The feed server serves each feed directory under its root as XML, and nothing else. */
class TrovaprezziFeedServerTest {
  private final HttpClient client = HttpClient.newHttpClient();

  @TempDir
  Path root;

  private FeedServer server;

  @BeforeEach
  void start() throws IOException {
    server = FeedServer.start(root, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void servesAFeedDirectoryAsUtf8Xml() throws Exception {
    new TrovaprezziAdapter().upsertListings(TrovaprezziFixture.connection(root.resolve("acme")),
        List.of(TrovaprezziFixture.full("MOKA-3")));

    HttpResponse<byte[]> r = get("/acme.xml", "GET");

    assertEquals(200, r.statusCode());
    assertEquals("application/xml; charset=UTF-8", r.headers().firstValue("Content-Type").orElseThrow());
    assertArrayEquals(TrovaprezziFixture.feedBytes(root.resolve("acme")), r.body());
    assertEquals("MOKA-3", TrovaprezziFixture.parse(r.body()).getElementsByTagName("Code").item(0).getTextContent());
  }

  @Test
  void aDirectoryNotYetWrittenIsAnEmptyFeed() throws Exception {
    Files.createDirectories(root.resolve("globex"));

    HttpResponse<byte[]> r = get("/globex.xml", "GET");

    assertEquals(200, r.statusCode());
    assertEquals(0, TrovaprezziFixture.parse(r.body()).getElementsByTagName("Offer").getLength());
  }

  @Test
  void unknownFeedsPathsOutsideTheRootAndOtherMethodsAreRefused() throws Exception {
    assertEquals(404, get("/nobody.xml", "GET").statusCode());
    assertEquals(404, get("/acme/offers/00.json", "GET").statusCode());
    assertEquals(404, get("/%2e%2e.xml", "GET").statusCode());
    assertEquals(404, get("/.lock.xml", "GET").statusCode());
    HttpResponse<byte[]> post = get("/acme.xml", "POST");
    assertEquals(405, post.statusCode());
    assertTrue(post.headers().firstValue("Allow").isPresent());
  }

  private HttpResponse<byte[]> get(String path, String method) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
        .method(method, HttpRequest.BodyPublishers.noBody()).build();
    return client.send(request, HttpResponse.BodyHandlers.ofByteArray());
  }
}
