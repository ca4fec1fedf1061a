package io.levex.devinfra;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * Test {@link OtlpTraceCollector} with a hand-built OTLP/HTTP export request.
 */
class OtlpTraceCollectorTest {

  @Test
  void test_handle_storesSpansWithServiceName() throws Exception {
    byte[] traceId = HexFormat.of().parseHex("0af7651916cd43dd8448eb211c80319c");
    ExportTraceServiceRequest req = ExportTraceServiceRequest.newBuilder()
        .addResourceSpans(ResourceSpans.newBuilder()
            .setResource(Resource.newBuilder().addAttributes(KeyValue.newBuilder().setKey("service.name")
                .setValue(AnyValue.newBuilder().setStringValue("pricing-service"))))
            .addScopeSpans(ScopeSpans.newBuilder().addSpans(Span.newBuilder()
                .setTraceId(ByteString.copyFrom(traceId))
                .setSpanId(ByteString.copyFrom(HexFormat.of().parseHex("b7ad6b7169203331")))
                .setName("levex.v1.PricingService/PriceInstruments")
                .setKind(Span.SpanKind.SPAN_KIND_SERVER))))
        .build();
    try (OtlpTraceCollector c = OtlpTraceCollector.start()) {
      HttpResponse<Void> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(c.endpoint() + "/v1/traces"))
          .header("Content-Type", "application/x-protobuf")
          .POST(HttpRequest.BodyPublishers.ofByteArray(req.toByteArray())).build(), HttpResponse.BodyHandlers.discarding());
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(c.trace("0af7651916cd43dd8448eb211c80319c")).singleElement().satisfies(s -> {
        assertThat(s.service()).isEqualTo("pricing-service");
        assertThat(s.kind()).isEqualTo("SERVER");
        assertThat(s.spanId()).isEqualTo("b7ad6b7169203331");
        assertThat(s.parentSpanId()).isEmpty();
      });
    }
  }
}
