package io.levex.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Test {@link ResultsChecker} on a hand-written JMH JSON file (no benchmark runs).
 */
class ResultsCheckerTest {

  private static String entry(String bench, String subject, String set, String size, double ns, double alloc) {
    return """
        {"benchmark": "io.levex.bench.%s", "mode": "avgt", "params": {"subject": "%s", "set": "%s", "size": "%s"},
         "primaryMetric": {"score": %s, "scoreError": "NaN", "scoreUnit": "ns/op"},
         "secondaryMetrics": {"gc.alloc.rate.norm": {"score": %s, "scoreError": 0.0, "scoreUnit": "B/op"}}}
        """.formatted(bench, subject, set, size, ns, alloc);
  }

  private static String file(String... entries) {
    return "[" + String.join(",", entries) + "]";
  }

  @Test
  void test_check_targetsMet() {
    String json = file(
        entry("PriceGreeksBenchmark.priceGreeks", "levexBatch", "core", "4096", 10.0, 0.001),
        entry("PriceGreeksBenchmark.priceGreeks", "strata5calls", "core", "4096", 150.0, 0.0));
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    ResultsChecker c = new ResultsChecker(new PrintStream(buf, true, StandardCharsets.UTF_8));
    List<ResultsChecker.Result> results = ResultsChecker.read(json);
    assertThat(results).hasSize(2);
    assertThat(c.check(results)).isTrue();
    String text = buf.toString(StandardCharsets.UTF_8);
    assertThat(text).contains("levexBatch vs strata5calls 15.00x").contains("targets: all met")
        .contains("not timed");
  }

  @Test
  void test_check_ratioAndAllocationMissed() {
    String json = file(
        entry("PriceGreeksBenchmark.priceGreeks", "levexBatch", "core", "4096", 50.0, 0.5),
        entry("PriceGreeksBenchmark.priceGreeks", "strata5calls", "core", "4096", 150.0, 0.0));
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    ResultsChecker c = new ResultsChecker(new PrintStream(buf, true, StandardCharsets.UTF_8));
    assertThat(c.check(ResultsChecker.read(json))).isFalse();
    assertThat(buf.toString(StandardCharsets.UTF_8)).contains("MISSED B1 core/4096: levexBatch vs strata5calls 3.00x")
        .contains("short by 70.0%").contains("allocates 0.500 B/op").contains("targets: 2 missed");
  }

  @Test
  void test_check_missingSubjectFails() {
    String json = file(entry("PriceGreeksBenchmark.priceGreeks", "strata5calls", "core", "4096", 150.0, 0.0));
    ResultsChecker c = new ResultsChecker(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    assertThat(c.check(ResultsChecker.read(json))).isFalse();
  }

  @Test
  void test_read_microsecondsConvertedToNanos() {
    String json = file(entry("ImpliedVolBenchmark.impliedVol", "strata", "core", "4096", 0.5, 199.0)
        .replace("ns/op", "us/op"));
    List<ResultsChecker.Result> r = ResultsChecker.read(json);
    assertThat(r.get(0).ns()).isEqualTo(500.0);
    assertThat(r.get(0).allocBytes()).isEqualTo(199.0);
  }

  private static String b3(String subject, String stage, double us) {
    return """
        {"benchmark": "io.levex.bench.SurfaceBuildBenchmark.surfaceBuild", "mode": "avgt",
         "params": {"subject": "%s", "stage": "%s"},
         "primaryMetric": {"score": %s, "scoreError": 1.0, "scoreUnit": "us/op"},
         "secondaryMetrics": {"gc.alloc.rate.norm": {"score": 1000.0, "scoreError": 0.0, "scoreUnit": "B/op"}}}
        """.formatted(subject, stage, us);
  }

  @Test
  void test_check_b3TargetsMet() {
    String json = file(b3("levex", "surface", 500.0), b3("strata", "surface", 10_000.0),
        b3("strataWideNu", "surface", 12_000.0), b3("levex", "iv", 100.0));
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    ResultsChecker c = new ResultsChecker(new PrintStream(buf, true, StandardCharsets.UTF_8));
    List<ResultsChecker.Result> results = ResultsChecker.read(json);
    assertThat(results).hasSize(4);
    assertThat(results.get(0).benchmark()).isEqualTo("B3");
    assertThat(results.get(0).set()).isEqualTo("surface");
    assertThat(results.get(0).ns()).isEqualTo(500_000.0);
    assertThat(c.check(results)).isTrue();
    String text = buf.toString(StandardCharsets.UTF_8);
    assertThat(text).contains("MET    B3 surface: levex 0.500 ms per surface")
        .contains("levex vs strata 20.00x").contains("levex vs strataWideNu 24.00x")
        .contains("MET    B3 fit RMSE: levex").contains("targets: all met")
        .contains("fit RMSE per slice");
  }

  @Test
  void test_check_b3TimeAndRatioMissed() {
    String json = file(b3("levex", "surface", 2_000.0), b3("strata", "surface", 10_000.0));
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    ResultsChecker c = new ResultsChecker(new PrintStream(buf, true, StandardCharsets.UTF_8));
    assertThat(c.check(ResultsChecker.read(json))).isFalse();
    assertThat(buf.toString(StandardCharsets.UTF_8))
        .contains("MISSED B3 surface: levex 2.000 ms per surface (target <= 1.00 ms; over by 1.000 ms = 100%)")
        .contains("MISSED B3 surface: levex vs strata 5.00x (target >= 10.0x; short by 50.0%)")
        .contains("strataWideNu not timed").contains("targets: 2 missed");
  }

  @Test
  void test_merge_concatenatesResultFiles() {
    String a = file(entry("PriceGreeksBenchmark.priceGreeks", "levexBatch", "core", "4096", 10.0, 0.0));
    String b = file(b3("levex", "surface", 500.0), b3("strata", "surface", 10_000.0));
    String merged = ResultsChecker.merge(List.of(a, "[]", b));
    List<ResultsChecker.Result> r = ResultsChecker.read(merged);
    assertThat(r).extracting(ResultsChecker.Result::benchmark).containsExactly("B1", "B3", "B3");
  }

  @Test
  void test_readB4_percentilesAndBookTargets() {
    String json = """
        [{"benchmark": "io.levex.bench.PmAccountBenchmark.account", "mode": "sample", "params": {},
          "primaryMetric": {"score": 5.0, "scoreError": 0.1, "scoreUnit": "us/op",
            "scorePercentiles": {"50.0": 4.5, "99.0": 12.0, "99.9": 30.0}}},
         {"benchmark": "io.levex.bench.PmBookBenchmark.tick", "mode": "avgt", "params": {"book": "1Mx10", "threads": "2"},
          "primaryMetric": {"score": 1200.0, "scoreError": 10.0, "scoreUnit": "ms/op"}}]
        """;
    List<ResultsChecker.B4Result> r = ResultsChecker.readB4(json);
    assertThat(r).hasSize(2);
    assertThat(r.get(0).p99Ns()).isEqualTo(12_000.0);
    assertThat(r.get(1).threads()).isEqualTo(2);
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    ResultsChecker c = new ResultsChecker(new PrintStream(buf, true, StandardCharsets.UTF_8));
    c.b4(r);
    assertThat(c.check(List.of())).isFalse();
    assertThat(buf.toString(StandardCharsets.UTF_8)).contains("MET    B4b: 1,000-position account p99 12.00 us")
        .contains("MISSED B4b: 1,000,000 accounts x 10 positions").contains("targets: 1 missed");
  }
}
