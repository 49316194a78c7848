package io.syncfleet.adapters.http;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs each marketplace call at DEBUG as method, host, path, status and time. Query strings and
 * headers are never logged: some marketplaces put tokens and signatures there.
 */
final class RedactingLogInterceptor implements Interceptor {
  private static final Logger LOG = LoggerFactory.getLogger("io.syncfleet.adapters.http");

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    if (!LOG.isDebugEnabled()) {
      return chain.proceed(request);
    }
    long start = System.nanoTime();
    Response response = chain.proceed(request);
    LOG.debug("{} {}{} -> {} in {} ms", request.method(), request.url().host(),
        request.url().encodedPath(), response.code(), (System.nanoTime() - start) / 1_000_000);
    return response;
  }
}
