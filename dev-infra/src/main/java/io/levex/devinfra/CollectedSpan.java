package io.levex.devinfra;

import java.util.Map;

/**
 * A span received by the {@link OtlpTraceCollector}.
 *
 * @param service  the {@code service.name} resource attribute
 * @param traceId  trace id, 32 hex digits
 * @param spanId  span id, 16 hex digits
 * @param parentSpanId  parent span id, 16 hex digits, empty for a root span
 * @param name  span name
 * @param kind  SERVER, CLIENT, INTERNAL, PRODUCER or CONSUMER
 * @param startEpochNanos  start time
 * @param endEpochNanos  end time
 * @param attributes  span attributes as text
 */
public record CollectedSpan(
    String service,
    String traceId,
    String spanId,
    String parentSpanId,
    String name,
    String kind,
    long startEpochNanos,
    long endEpochNanos,
    Map<String, String> attributes) {

  /**
   * Duration in milliseconds.
   *
   * @return the duration
   */
  public double durationMillis() {
    return (endEpochNanos - startEpochNanos) / 1e6;
  }
}
