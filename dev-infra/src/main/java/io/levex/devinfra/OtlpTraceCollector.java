package io.levex.devinfra;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.zip.GZIPInputStream;

/**
 * A minimal OpenTelemetry collector: an OTLP/HTTP (protobuf) endpoint on loopback that keeps the spans it
 * receives in memory.
 * <p>
 * The services export to it with {@code quarkus.otel.exporter.otlp.traces.protocol=http/protobuf}; the levex
 * command line uses it to show a request's path across the three services, and the system tests to assert that
 * one trace id runs through all of them. Accepts {@code POST /v1/traces} (gzip or not).
 */
public final class OtlpTraceCollector implements AutoCloseable {

  private final HttpServer server;
  private final ConcurrentLinkedQueue<CollectedSpan> spans = new ConcurrentLinkedQueue<>();

  private OtlpTraceCollector(HttpServer server) {
    this.server = server;
  }

  /**
   * Starts a collector on a free loopback port.
   *
   * @return the running collector
   */
  public static OtlpTraceCollector start() {
    return start(0);
  }

  /**
   * Starts a collector.
   *
   * @param port  the port, 0 for a free one
   * @return the running collector
   */
  public static OtlpTraceCollector start(int port) {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
      OtlpTraceCollector collector = new OtlpTraceCollector(server);
      server.createContext("/", collector::handle);
      server.setExecutor(Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "otlp-collector");
        t.setDaemon(true);
        return t;
      }));
      server.start();
      return collector;
    } catch (IOException ex) {
      throw new UncheckedIOException("could not start the OTLP collector", ex);
    }
  }

  /**
   * Gets the endpoint to configure exporters with.
   *
   * @return e.g. {@code http://127.0.0.1:4318}
   */
  public String endpoint() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /**
   * Gets every span received so far.
   *
   * @return a copy
   */
  public List<CollectedSpan> spans() {
    return List.copyOf(spans);
  }

  /**
   * Gets the spans of one trace.
   *
   * @param traceId  the trace id, 32 hex digits
   * @return the spans, in arrival order
   */
  public List<CollectedSpan> trace(String traceId) {
    return spans.stream().filter(s -> s.traceId().equals(traceId)).toList();
  }

  /** Forgets every span received so far. */
  public void clear() {
    spans.clear();
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!"POST".equals(exchange.getRequestMethod()) || !exchange.getRequestURI().getPath().endsWith("/v1/traces")) {
        exchange.sendResponseHeaders(404, -1);
        return;
      }
      byte[] body;
      try (InputStream raw = exchange.getRequestBody()) {
        String encoding = exchange.getRequestHeaders().getFirst("Content-Encoding");
        InputStream in = "gzip".equalsIgnoreCase(encoding) ? new GZIPInputStream(raw) : raw;
        body = in.readAllBytes();
      }
      ExportTraceServiceRequest request;
      try {
        request = ExportTraceServiceRequest.parseFrom(body);
      } catch (IOException | RuntimeException ex) {
        exchange.sendResponseHeaders(400, -1);
        return;
      }
      for (ResourceSpans rs : request.getResourceSpansList()) {
        String service = attributes(rs.getResource().getAttributesList()).getOrDefault("service.name", "");
        for (ScopeSpans ss : rs.getScopeSpansList()) {
          for (Span s : ss.getSpansList()) {
            spans.add(new CollectedSpan(service, hex(s.getTraceId().toByteArray()), hex(s.getSpanId().toByteArray()),
                hex(s.getParentSpanId().toByteArray()), s.getName(), s.getKind().name().replace("SPAN_KIND_", ""),
                s.getStartTimeUnixNano(), s.getEndTimeUnixNano(), attributes(s.getAttributesList())));
          }
        }
      }
      byte[] response = ExportTraceServiceResponse.getDefaultInstance().toByteArray();
      exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
      exchange.sendResponseHeaders(200, response.length == 0 ? -1 : response.length);
      if (response.length > 0) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(response);
        }
      }
    }
  }

  private static Map<String, String> attributes(List<KeyValue> list) {
    Map<String, String> map = new HashMap<>();
    for (KeyValue kv : list) {
      AnyValue v = kv.getValue();
      String text = switch (v.getValueCase()) {
        case STRING_VALUE -> v.getStringValue();
        case INT_VALUE -> Long.toString(v.getIntValue());
        case DOUBLE_VALUE -> Double.toString(v.getDoubleValue());
        case BOOL_VALUE -> Boolean.toString(v.getBoolValue());
        default -> v.toString().trim();
      };
      map.put(kv.getKey(), text);
    }
    return map;
  }

  private static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }
}
