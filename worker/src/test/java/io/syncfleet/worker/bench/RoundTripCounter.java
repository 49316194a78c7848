package io.syncfleet.worker.bench;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.util.concurrent.atomic.LongAdder;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.DefaultJedisSocketFactory;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;

/**
 * Counts round trips a Jedis connection makes: Jedis flushes its buffer exactly once before it
 * waits for replies (once per command, once per pipeline), so flushes are round trips.
 */
final class RoundTripCounter {
  private final LongAdder flushes = new LongAdder();

  long count() {
    return flushes.sum();
  }

  /** A connection whose round trips this counter sees. */
  Jedis connect(String host, int port, int timeoutMillis) {
    DefaultJedisClientConfig cfg = DefaultJedisClientConfig.builder()
        .connectionTimeoutMillis(timeoutMillis).socketTimeoutMillis(timeoutMillis).build();
    return new Jedis(new DefaultJedisSocketFactory(new HostAndPort(host, port), cfg) {
      @Override
      public Socket createSocket() {
        return new CountingSocket(super.createSocket(), flushes);
      }
    }, cfg);
  }

  private static final class CountingSocket extends Socket {
    private final Socket s;
    private final LongAdder flushes;

    CountingSocket(Socket s, LongAdder flushes) {
      this.s = s;
      this.flushes = flushes;
    }

    @Override
    public InputStream getInputStream() throws IOException {
      return s.getInputStream();
    }

    @Override
    public OutputStream getOutputStream() throws IOException {
      return new FilterOutputStream(s.getOutputStream()) {
        @Override
        public void write(byte[] b, int off, int len) throws IOException {
          out.write(b, off, len);
        }

        @Override
        public void flush() throws IOException {
          flushes.increment();
          out.flush();
        }
      };
    }

    @Override
    public void setSoTimeout(int timeout) throws SocketException {
      s.setSoTimeout(timeout);
    }

    @Override
    public int getSoTimeout() throws SocketException {
      return s.getSoTimeout();
    }

    @Override
    public boolean isConnected() {
      return s.isConnected();
    }

    @Override
    public boolean isBound() {
      return s.isBound();
    }

    @Override
    public boolean isClosed() {
      return s.isClosed();
    }

    @Override
    public boolean isInputShutdown() {
      return s.isInputShutdown();
    }

    @Override
    public boolean isOutputShutdown() {
      return s.isOutputShutdown();
    }

    @Override
    public synchronized void close() throws IOException {
      s.close();
    }
  }
}
