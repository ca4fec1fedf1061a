package io.levex.api.client;

import io.grpc.ClientInterceptor;
import io.grpc.Metadata;
import io.grpc.stub.MetadataUtils;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * A W3C trace context started by the command line, so that it knows the trace id of the calls it makes and can show
 * their path through the services.
 *
 * @param traceId  32 hex digits
 * @param spanId  16 hex digits
 */
public record TraceContext(String traceId, String spanId) {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Metadata.Key<String> TRACEPARENT = Metadata.Key.of("traceparent", Metadata.ASCII_STRING_MARSHALLER);

  /**
   * Starts a new sampled trace.
   *
   * @return the context
   */
  public static TraceContext random() {
    byte[] trace = new byte[16];
    byte[] span = new byte[8];
    RANDOM.nextBytes(trace);
    RANDOM.nextBytes(span);
    return new TraceContext(HexFormat.of().formatHex(trace), HexFormat.of().formatHex(span));
  }

  /**
   * Gets the {@code traceparent} header value.
   *
   * @return e.g. {@code 00-<trace id>-<span id>-01}
   */
  public String traceparent() {
    return "00-" + traceId + "-" + spanId + "-01";
  }

  /**
   * Gets a client interceptor that sends the {@code traceparent} header.
   *
   * @return the interceptor
   */
  public ClientInterceptor interceptor() {
    Metadata headers = new Metadata();
    headers.put(TRACEPARENT, traceparent());
    return MetadataUtils.newAttachHeadersInterceptor(headers);
  }
}
