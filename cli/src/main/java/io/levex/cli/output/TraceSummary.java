package io.levex.cli.output;

import io.levex.devinfra.CollectedSpan;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Renders the spans of one trace as an indented tree: which service handled which call, and how long it took.
 */
public final class TraceSummary {

  private TraceSummary() {
  }

  /**
   * Renders a trace.
   *
   * @param traceId  the trace id
   * @param spans  the spans of the trace
   * @return the text, one line per SERVER or CLIENT span
   */
  public static String render(String traceId, List<CollectedSpan> spans) {
    Map<String, List<CollectedSpan>> children = new HashMap<>();
    Map<String, CollectedSpan> byId = new HashMap<>();
    spans.forEach(s -> byId.put(s.spanId(), s));
    List<CollectedSpan> roots = new ArrayList<>();
    for (CollectedSpan s : spans) {
      if (s.parentSpanId().isEmpty() || !byId.containsKey(s.parentSpanId())) {
        roots.add(s);
      } else {
        children.computeIfAbsent(s.parentSpanId(), k -> new ArrayList<>()).add(s);
      }
    }
    StringBuilder out = new StringBuilder("Trace " + traceId + " (" + spans.size() + " spans, "
        + spans.stream().map(CollectedSpan::service).distinct().sorted().toList() + ")\n");
    roots.sort(Comparator.comparingLong(CollectedSpan::startEpochNanos));
    for (CollectedSpan r : roots) {
      append(out, r, children, 1);
    }
    return out.toString();
  }

  private static void append(StringBuilder out, CollectedSpan s, Map<String, List<CollectedSpan>> children, int depth) {
    // Vert.x adds a SERVER span named after the HTTP method next to each gRPC server span: skip it
    boolean httpTwin = s.kind().equals("SERVER") && (s.name().equals("POST") || s.name().equals("GET"));
    boolean shown = !httpTwin && (s.kind().equals("SERVER") || s.kind().equals("CLIENT") || s.kind().equals("INTERNAL"));
    int next = depth;
    if (shown) {
      out.append("  ".repeat(depth)).append(String.format(Locale.ROOT, "%-17s %-6s %-60s %8.1f ms%n",
          s.service(), s.kind(), s.name(), s.durationMillis()));
      next = depth + 1;
    }
    List<CollectedSpan> kids = new ArrayList<>(children.getOrDefault(s.spanId(), List.of()));
    kids.sort(Comparator.comparingLong(CollectedSpan::startEpochNanos));
    for (CollectedSpan k : kids) {
      append(out, k, children, next);
    }
  }
}
