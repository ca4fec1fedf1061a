package io.levex.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * Reads a JMH JSON result file ({@code -rf json}, with {@code -prof gc}) of {@link PriceGreeksBenchmark},
 * {@link ImpliedVolBenchmark} and {@link SurfaceBuildBenchmark}, prints per subject ns/op, options/s/core (1e9 / ns/op: one benchmark thread on one
 * core), allocated bytes per op ({@code gc.alloc.rate.norm}) and the ratios to Strata, and checks the targets:
 * <ul>
 * <li>B1: {@code levexBatch} at least {@code --min-b1-ratio} (10) times faster than {@code strata5calls} on every
 * set and size that ran;</li>
 * <li>B1 and B2: {@code levexBatch} allocates at most {@code --max-alloc} (0) bytes per option, within
 * {@code --alloc-epsilon} (0.01 B/op: JMH's own per-iteration bookkeeping spread over millions of ops);</li>
 * <li>B2: {@code levexBatch} at most {@code --max-iv-ns} (100) ns per solve on every set and size that ran, and at
 * most {@code --max-silent} (0) silent failures on the 4,096 hard-IV inputs (computed here by
 * {@link AccuracyGates}, the same gate that runs before timing);</li>
 * <li>B3 ({@link SurfaceBuildBenchmark}, stage {@code surface}): {@code --b3-subject} ({@code levex}) at most
 * {@code --max-b3-ms} (1.0) ms per surface, at least {@code --min-b3-ratio} (10) times faster than each Strata
 * subject that ran ({@code strata}, {@code strataWideNu}), its B3 gate passed, and its pooled fit RMSE no worse than
 * each Strata subject's (computed here by {@link SurfaceGate}, the gate that runs before timing). The stages
 * {@code iv}, {@code fit} and {@code grid} are printed for information.</li>
 * </ul>
 * Subjects missing from the file (for instance because their accuracy gate failed, so they were not timed) are
 * reported as "not timed"; a missing target subject fails the check. Exit status 0 when every target is met, 1
 * otherwise, 2 on bad usage.
 * <p>
 * Usage: {@code java -cp benchmarks.jar io.levex.bench.ResultsChecker --merge OUT.json IN.json...} concatenates
 * result files; otherwise {@code java -cp benchmarks.jar io.levex.bench.ResultsChecker [results.json] [--min-b1-ratio X]
 * [--max-alloc B] [--alloc-epsilon B] [--max-iv-ns N] [--max-silent N] [--b1-subject S] [--b2-subject S]
 * [--max-b3-ms X] [--min-b3-ratio X] [--b3-subject S] [--markdown]}.
 */
public final class ResultsChecker {

  /** One benchmark result. */
  record Result(String benchmark, String subject, String set, int size, double ns, double nsError, double allocBytes) {
  }

  /**
   * One B4 result: {@code kind} B4a (subject), account (SampleTime, percentiles) or book (book, threads).
   */
  record B4Result(String kind, String subject, int threads, double ns, double nsError, double allocBytes, double p50Ns,
      double p99Ns, double p999Ns) {
  }

  private final PrintStream out;
  private List<B4Result> b4 = List.of();
  private double maxB4aNs = 10;
  private double minB4aRatio = 6;
  private double maxB4bP99Us = 20;
  private double maxB4bBookMs = 1000;
  private double maxB4bZipfMs = 50;
  private double maxB4bLiqUs = 50;
  private double minB1Ratio = 10;
  private double maxAlloc = 0;
  private double allocEpsilon = 0.01;
  private double maxIvNs = 100;
  private int maxSilent = 0;
  private String b1Subject = "levexBatch";
  private String b2Subject = "levexBatch";
  private double maxB3Ms = 1.0;
  private double minB3Ratio = 10;
  private String b3Subject = "levex";
  private boolean markdown;
  private final List<String> failures = new ArrayList<>();
  private final Map<String, String> gates = new LinkedHashMap<>();
  private final Map<String, Boolean> gatePasses = new LinkedHashMap<>();

  ResultsChecker(PrintStream out) {
    this.out = out;
  }

  /**
   * Entry point.
   *
   * @param args  see the class description
   * @throws IOException if the file cannot be read
   */
  public static void main(String[] args) throws IOException {
    if (args.length > 0 && args[0].equals("--merge")) {
      if (args.length < 3) {
        System.err.println("usage: ResultsChecker --merge OUT.json IN.json...");
        System.exit(2);
      }
      List<String> parts = new ArrayList<>();
      for (int i = 2; i < args.length; i++) {
        parts.add(Files.readString(Path.of(args[i]), StandardCharsets.UTF_8));
      }
      Files.writeString(Path.of(args[1]), merge(parts), StandardCharsets.UTF_8);
      return;
    }
    ResultsChecker c = new ResultsChecker(System.out);
    Path file = Path.of("benchmarks/target/results.json");
    try {
      for (int i = 0; i < args.length; i++) {
        switch (args[i]) {
          case "--min-b1-ratio" -> c.minB1Ratio = Double.parseDouble(args[++i]);
          case "--max-alloc" -> c.maxAlloc = Double.parseDouble(args[++i]);
          case "--alloc-epsilon" -> c.allocEpsilon = Double.parseDouble(args[++i]);
          case "--max-iv-ns" -> c.maxIvNs = Double.parseDouble(args[++i]);
          case "--max-silent" -> c.maxSilent = Integer.parseInt(args[++i]);
          case "--b1-subject" -> c.b1Subject = args[++i];
          case "--b2-subject" -> c.b2Subject = args[++i];
          case "--max-b3-ms" -> c.maxB3Ms = Double.parseDouble(args[++i]);
          case "--min-b3-ratio" -> c.minB3Ratio = Double.parseDouble(args[++i]);
          case "--b3-subject" -> c.b3Subject = args[++i];
          case "--max-b4a-ns" -> c.maxB4aNs = Double.parseDouble(args[++i]);
          case "--min-b4a-ratio" -> c.minB4aRatio = Double.parseDouble(args[++i]);
          case "--max-b4b-p99-us" -> c.maxB4bP99Us = Double.parseDouble(args[++i]);
          case "--max-b4b-book-ms" -> c.maxB4bBookMs = Double.parseDouble(args[++i]);
          case "--max-b4b-zipf-ms" -> c.maxB4bZipfMs = Double.parseDouble(args[++i]);
          case "--max-b4b-liq-us" -> c.maxB4bLiqUs = Double.parseDouble(args[++i]);
          case "--markdown" -> c.markdown = true;
          case "-h", "--help" -> {
            System.out.println("usage: ResultsChecker [results.json] [--min-b1-ratio 10] [--max-alloc 0]"
                + " [--alloc-epsilon 0.01] [--max-iv-ns 100] [--max-silent 0] [--b1-subject levexBatch]"
                + " [--b2-subject levexBatch] [--max-b3-ms 1.0] [--min-b3-ratio 10] [--b3-subject levex]"
                + " [--markdown]");
            System.exit(0);
          }
          default -> {
            if (args[i].startsWith("--")) {
              throw new IllegalArgumentException("unknown option " + args[i]);
            }
            file = Path.of(args[i]);
          }
        }
      }
    } catch (RuntimeException ex) {
      System.err.println("ResultsChecker: " + ex.getMessage());
      System.exit(2);
    }
    String json = Files.readString(file, StandardCharsets.UTF_8);
    List<Result> results = read(json);
    c.b4 = readB4(json);
    System.exit(c.check(results) ? 0 : 1);
  }

  /**
   * Concatenates JMH JSON result files (each a JSON array) into one array, for a run made of several JMH
   * invocations ({@code run.sh} runs B3 separately, with a longer warm-up).
   *
   * @param parts  the files' texts
   * @return the merged array
   */
  static String merge(List<String> parts) {
    StringBuilder b = new StringBuilder("[\n");
    boolean first = true;
    for (String p : parts) {
      if (!(Json.parse(p) instanceof List<?> list)) {
        throw new IllegalArgumentException("not a JMH JSON result file (not an array)");
      }
      if (list.isEmpty()) {
        continue;
      }
      String body = p.strip();
      body = body.substring(1, body.length() - 1).strip();
      b.append(first ? "" : ",\n").append(body);
      first = false;
    }
    return b.append("\n]\n").toString();
  }

  /**
   * Reads JMH JSON results.
   *
   * @param json  the file's text
   * @return the results of the three benchmarks (B3: {@code set} = the stage, {@code size} = 0)
   */
  @SuppressWarnings("unchecked")
  static List<Result> read(String json) {
    List<Result> out = new ArrayList<>();
    for (Object o : (List<Object>) Json.parse(json)) {
      Map<String, Object> b = (Map<String, Object>) o;
      String name = (String) b.get("benchmark");
      String bench = name.contains("PriceGreeksBenchmark") ? "B1" : name.contains("ImpliedVolBenchmark") ? "B2"
          : name.contains("SurfaceBuildBenchmark") ? "B3" : null;
      if (bench == null) {
        continue;
      }
      Map<String, Object> params = (Map<String, Object>) b.get("params");
      Map<String, Object> primary = (Map<String, Object>) b.get("primaryMetric");
      double ns = toNanos(num(primary.get("score")), (String) primary.get("scoreUnit"));
      double err = toNanos(num(primary.get("scoreError")), (String) primary.get("scoreUnit"));
      double alloc = Double.NaN;
      Map<String, Object> secondary = (Map<String, Object>) b.get("secondaryMetrics");
      if (secondary != null && secondary.get("gc.alloc.rate.norm") != null) {
        alloc = num(((Map<String, Object>) secondary.get("gc.alloc.rate.norm")).get("score"));
      }
      boolean b3 = bench.equals("B3");
      out.add(new Result(bench, (String) params.get("subject"), (String) params.get(b3 ? "stage" : "set"),
          b3 ? 0 : Integer.parseInt((String) params.get("size")), ns, err, alloc));
    }
    return out;
  }

  /**
   * Reads the B4 results ({@link PmGridBenchmark}, {@link PmAccountBenchmark}, {@link PmBookBenchmark}).
   *
   * @param json  the file's text
   * @return the results
   */
  @SuppressWarnings("unchecked")
  static List<B4Result> readB4(String json) {
    List<B4Result> out = new ArrayList<>();
    for (Object o : (List<Object>) Json.parse(json)) {
      Map<String, Object> b = (Map<String, Object>) o;
      String name = (String) b.get("benchmark");
      String kind = name.contains("PmGridBenchmark") ? "B4a" : name.contains("PmAccountBenchmark") ? "account"
          : name.contains("PmBookBenchmark") ? "book" : name.contains("PmLiquidationBenchmark") ? "liquidation" : null;
      if (kind == null) {
        continue;
      }
      Map<String, Object> params = (Map<String, Object>) b.getOrDefault("params", Map.of());
      Map<String, Object> primary = (Map<String, Object>) b.get("primaryMetric");
      String unit = (String) primary.get("scoreUnit");
      double ns = toNanos(num(primary.get("score")), unit);
      double err = toNanos(num(primary.get("scoreError")), unit);
      double p50 = Double.NaN;
      double p99 = Double.NaN;
      double p999 = Double.NaN;
      if (primary.get("scorePercentiles") instanceof Map<?, ?> pct) {
        p50 = toNanos(num(pct.get("50.0")), unit);
        p99 = toNanos(num(pct.get("99.0")), unit);
        p999 = toNanos(num(pct.get("99.9")), unit);
      }
      double alloc = Double.NaN;
      if (b.get("secondaryMetrics") instanceof Map<?, ?> secondary
          && secondary.get("gc.alloc.rate.norm") instanceof Map<?, ?> g) {
        alloc = num(g.get("score"));
      }
      String subject = kind.equals("book") || kind.equals("liquidation") ? (String) params.get("book") : (String) params.getOrDefault("subject", "levex");
      int threads = params.get("threads") == null ? 1 : Integer.parseInt((String) params.get("threads"));
      out.add(new B4Result(kind, subject, threads, ns, err, alloc, p50, p99, p999));
    }
    return out;
  }

  void b4(List<B4Result> results) {
    this.b4 = results;
  }

  private void b4Section() {
    if (b4.isEmpty()) {
      return;
    }
    String pre = markdown ? "- " : "  ";
    out.println();
    out.println(markdown ? "#### B4a PMGrid (ns per instrument x scenario revaluation; 1,600 x 35)"
        : "== B4a PMGrid (ns per instrument x scenario revaluation; 1,600 x 35)");
    B4Result vector = null;
    B4Result strata = null;
    for (B4Result r : b4) {
      if (r.kind().equals("B4a")) {
        if (r.subject().equals("levexVector")) {
          vector = r;
        } else if (r.subject().equals("strata")) {
          strata = r;
        }
      }
    }
    if (markdown) {
      out.println("| subject | ns/op | ± (99.9%) | revaluations/s/core | B/op | vs strata | accuracy gate |");
      out.println("|---|---:|---:|---:|---:|---:|---|");
    }
    for (PmGridSubject s : PmGridSubject.values()) {
      PmGridGate.Report g = PmGridGate.report(s);
      String gate = String.format(Locale.ROOT, "%s (max rel %.1e)", g.pass() ? "PASS" : "FAIL", g.maxRel());
      B4Result r = b4.stream().filter(x -> x.kind().equals("B4a") && x.subject().equals(s.id())).findFirst().orElse(null);
      if (r == null) {
        out.println(markdown ? "| " + s.id() + " | not timed | | | | | " + gate + " |" : pre + s.id() + " not timed; gate " + gate);
        continue;
      }
      String ratio = strata == null ? "-" : String.format(Locale.ROOT, "%.2fx", strata.ns() / r.ns());
      out.println(markdown
          ? String.format(Locale.ROOT, "| %s | %.2f | %.2f | %s | %s | %s | %s |", s.id(), r.ns(), r.nsError(),
              millions(1e9 / r.ns()), bytes(r.allocBytes()), ratio, gate)
          : String.format(Locale.ROOT, "%s%-12s %8.2f ns +- %6.2f  %s/s/core  %s B/op  vs strata %s  gate %s", pre,
              s.id(), r.ns(), r.nsError(), millions(1e9 / r.ns()), bytes(r.allocBytes()), ratio, gate));
    }
    out.println();
    out.println(markdown ? "#### B4b PMAccount" : "== B4b PMAccount");
    B4Result account = null;
    for (B4Result r : b4) {
      if (r.kind().equals("account")) {
        account = r;
        out.println(pre + String.format(Locale.ROOT,
            "1,000-position account: mean %.2f us, p50 %.2f us, p99 %.2f us, p99.9 %.2f us, %s B/op", r.ns() / 1e3,
            r.p50Ns() / 1e3, r.p99Ns() / 1e3, r.p999Ns() / 1e3, bytes(r.allocBytes())));
        if (strata != null) {
          out.println(pre + String.format(Locale.ROOT,
              "info: naive per-position Strata revaluation of that account (B4a strata x 35 x 1,000): %.0f us",
              strata.ns() * 35 * 1000 / 1e3));
        }
      }
    }
    for (B4Result r : b4) {
      if (r.kind().equals("book")) {
        out.println(pre + String.format(Locale.ROOT,
            "book %s, %d thread(s): %.1f ms per tick (+- %.1f), %.1f core-ms per tick", r.subject(), r.threads(),
            r.ns() / 1e6, r.nsError() / 1e6, r.ns() / 1e6 * r.threads()));
      }
    }
    for (B4Result r : b4) {
      if (r.kind().equals("liquidation")) {
        out.println(pre + String.format(Locale.ROOT,
            "liquidation levels, %s: mean %.2f us, p50 %.2f us, p99 %.2f us, p99.9 %.2f us per account, %s B/op",
            r.subject().equals("1000") ? "1,000-position account" : "accounts of the " + r.subject() + " book in turn",
            r.ns() / 1e3, r.p50Ns() / 1e3, r.p99Ns() / 1e3, r.p999Ns() / 1e3, bytes(r.allocBytes())));
      }
    }
    out.println();
    out.println(markdown ? "#### B4 targets" : "== B4 targets");
    if (vector != null || strata != null) {
      PmGridGate.Report g = PmGridGate.report(PmGridSubject.LEVEX_VECTOR);
      report(g.pass(), String.format(Locale.ROOT, "B4a gate: levexVector grid sums vs levexScalar max rel %.2e (target"
          + " <= %.0e, zero sums exact)", g.maxRel(), PmGridGate.STRICT));
      if (vector == null) {
        report(false, "B4a: levexVector not timed");
      } else {
        report(vector.ns() <= maxB4aNs, String.format(Locale.ROOT,
            "B4a: levexVector %.2f ns per revaluation = %s/s/core (target <= %.1f ns = >= %s/s/core)", vector.ns(),
            millions(1e9 / vector.ns()), maxB4aNs, millions(1e9 / maxB4aNs)));
        if (strata != null) {
          double ratio = strata.ns() / vector.ns();
          report(ratio >= minB4aRatio, String.format(Locale.ROOT, "B4a: levexVector vs strata %.2fx (target >= %.1fx)",
              ratio, minB4aRatio));
        }
      }
    }
    if (account != null) {
      report(account.p99Ns() / 1e3 <= maxB4bP99Us, String.format(Locale.ROOT,
          "B4b: 1,000-position account p99 %.2f us (target <= %.1f us)", account.p99Ns() / 1e3, maxB4bP99Us));
    }
    for (B4Result r : b4) {
      if (r.kind().equals("liquidation") && r.subject().equals("zipf10k")) {
        report(r.ns() / 1e3 <= maxB4bLiqUs, String.format(Locale.ROOT,
            "B4b: liquidation levels per account of the Zipf book, mean %.1f us (p50 %.1f us; target <= %.0f us)",
            r.ns() / 1e3, r.p50Ns() / 1e3, maxB4bLiqUs));
      }
    }
    for (B4Result r : b4) {
      if (r.kind().equals("book") && r.subject().equals("1Mx10") && r.threads() == 2) {
        report(r.ns() / 1e6 <= maxB4bBookMs, String.format(Locale.ROOT,
            "B4b: 1,000,000 accounts x 10 positions re-margined after a tick on 2 threads (both cores) %.1f ms (target"
                + " <= %.0f ms)", r.ns() / 1e6, maxB4bBookMs));
      }
      if (r.kind().equals("book") && r.subject().equals("zipf10k") && r.threads() == 1) {
        report(r.ns() / 1e6 <= maxB4bZipfMs, String.format(Locale.ROOT,
            "B4b: 10,000 Zipf accounts re-margined after a tick on 1 core %.1f ms (target <= %.0f ms per core)",
            r.ns() / 1e6, maxB4bZipfMs));
      }
    }
  }

  private static double num(Object o) {
    if (o instanceof Double d) {
      return d;
    }
    return o == null ? Double.NaN : Double.parseDouble(o.toString());
  }

  private static double toNanos(double v, String unit) {
    return switch (unit) {
      case "ns/op" -> v;
      case "us/op" -> v * 1e3;
      case "ms/op" -> v * 1e6;
      case "s/op" -> v * 1e9;
      default -> throw new IllegalArgumentException("run the benchmarks in average-time mode, not " + unit);
    };
  }

  /**
   * Prints the tables and checks the targets.
   *
   * @param results  the results
   * @return true if every target is met
   */
  boolean check(List<Result> results) {
    failures.clear();
    section(results, "B1", "B1 PriceGreeks (ns per option)", "strata5calls", "strataAdjoint",
        new String[] {"levexBatch", "levexBatchScalar", "levexScalar", "strata5calls", "strataAdjoint", "finmath"});
    section(results, "B2", "B2 ImpliedVol (ns per solve)", "strata", null,
        new String[] {"levexBatch", "levexScalar", "strata", "finmath"});
    b3Section(results);
    checkTargets(results);
    checkB3Targets(results);
    b4Section();
    out.println();
    if (failures.isEmpty()) {
      out.println("targets: all met");
      return true;
    }
    out.println("targets: " + failures.size() + " missed");
    failures.forEach(f -> out.println("  MISSED " + f));
    return false;
  }

  private void section(List<Result> results, String bench, String title, String base, String base2,
      String[] subjects) {
    Map<String, Map<String, Result>> byCase = new LinkedHashMap<>();
    TreeSet<String> cases = new TreeSet<>();
    for (Result r : results) {
      if (r.benchmark().equals(bench)) {
        String key = caseKey(r);
        cases.add(key);
        byCase.computeIfAbsent(key, k -> new LinkedHashMap<>()).put(r.subject(), r);
      }
    }
    if (cases.isEmpty()) {
      return;
    }
    out.println();
    out.println(markdown ? "#### " + title : "== " + title);
    String ratioHead = "vs " + base + (base2 == null ? "" : " | vs " + base2);
    if (markdown) {
      out.println("| set | size | subject | ns/op | ± (99.9%) | ops/s/core | B/op | " + ratioHead + " | accuracy gate |");
      out.println("|---|---:|---|---:|---:|---:|---:|---:|" + (base2 == null ? "" : "---:|") + "---|");
    } else {
      out.printf(Locale.ROOT, "%-7s %8s %-14s %10s %9s %12s %9s  %-22s %s%n", "set", "size", "subject", "ns/op", "+-",
          "ops/s/core", "B/op", ratioHead, "accuracy gate");
    }
    for (String key : sortedCases(cases)) {
      Map<String, Result> m = byCase.get(key);
      Result b = m.get(base);
      Result b2 = base2 == null ? null : m.get(base2);
      String[] parts = key.split("/");
      for (String s : subjects) {
        Result r = m.get(s);
        String g = gate(bench, s, parts[0]);
        if (r == null) {
          line(parts[0], parts[1], s, "not timed (" + (gatePasses(bench, s, parts[0]) ? "not selected" : "gate " + g)
              + ")", null, null, null, g, base2 != null);
          continue;
        }
        line(parts[0], parts[1], s, null, r, b, b2, g, base2 != null);
      }
    }
  }

  private void line(String set, String size, String subject, String note, Result r, Result b, Result b2,
      String gate, boolean twoRatios) {
    if (note != null) {
      if (markdown) {
        out.printf(Locale.ROOT, "| %s | %s | %s | %s | | | | |%s %s |%n", set, size, subject, note,
            twoRatios ? " |" : "", gate);
      } else {
        out.printf(Locale.ROOT, "%-7s %8s %-14s %s%n", set, size, subject, note);
      }
      return;
    }
    String ratio = b == null ? "-" : String.format(Locale.ROOT, "%.2fx", b.ns() / r.ns());
    String ratio2 = b2 == null ? "-" : String.format(Locale.ROOT, "%.2fx", b2.ns() / r.ns());
    String rat = ratio + (twoRatios ? (markdown ? " | " : " ") + ratio2 : "");
    double opsPerSecond = 1e9 / r.ns();
    if (markdown) {
      out.printf(Locale.ROOT, "| %s | %s | %s | %.1f | %.1f | %s | %s | %s | %s |%n", set, size, subject, r.ns(),
          r.nsError(), millions(opsPerSecond), bytes(r.allocBytes()), rat, gate);
    } else {
      out.printf(Locale.ROOT, "%-7s %8s %-14s %10.1f %9.1f %12s %9s  %-22s %s%n", set, size, subject, r.ns(),
          r.nsError(), millions(opsPerSecond), bytes(r.allocBytes()), rat, gate);
    }
  }

  /**
   * The accuracy gate of a subject on a set, as run before timing: "strict PASS", "like-for-like PASS (strict
   * FAIL)" or "FAIL (strict)" / "FAIL (like-for-like)".
   */
  private String gate(String bench, String subject, String set) {
    String key = bench + "/" + subject + "/" + set;
    if (!gates.containsKey(key)) {
      boolean strict;
      boolean like;
      boolean pass;
      boolean levex;
      if (bench.equals("B1")) {
        AccuracyGates.PriceGreeksReport r = AccuracyGates.priceGreeks(PriceGreeksSubject.of(subject), set,
            Reference.greeks(InputSet.of(set)));
        strict = r.strict();
        like = r.likeForLike();
        pass = AccuracyGates.passes(r);
        levex = PriceGreeksSubject.of(subject).isLevex();
      } else {
        AccuracyGates.ImpliedVolReport r = AccuracyGates.impliedVol(ImpliedVolSubject.of(subject), set,
            Reference.impliedVols(InputSet.of(set)));
        strict = r.strict();
        like = r.likeForLike();
        pass = AccuracyGates.passes(r);
        levex = ImpliedVolSubject.of(subject).isLevex();
      }
      String label;
      if (strict) {
        label = "strict PASS";
      } else if (pass) {
        label = "like-for-like PASS (strict FAIL)";
      } else {
        label = "FAIL (" + (levex || AccuracyGates.peersStrict() ? "strict" : "like-for-like") + (like ? "" : ", l4l FAIL")
            + ")";
      }
      gates.put(key, label);
      gatePasses.put(key, pass);
    }
    return gates.get(key);
  }

  private boolean gatePasses(String bench, String subject, String set) {
    gate(bench, subject, set);
    return gatePasses.get(bench + "/" + subject + "/" + set);
  }

  private static String millions(double v) {
    return String.format(Locale.ROOT, "%.2f M", v / 1e6);
  }

  private static String bytes(double v) {
    return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.3f", v);
  }

  private static String caseKey(Result r) {
    return r.set() + "/" + r.size();
  }

  private static List<String> sortedCases(TreeSet<String> cases) {
    List<String> order = List.of("core", "wings", "short", "hardIv");
    List<String> l = new ArrayList<>(cases);
    l.sort((a, b) -> {
      String[] x = a.split("/");
      String[] y = b.split("/");
      int c = Integer.compare(order.indexOf(x[0]), order.indexOf(y[0]));
      return c != 0 ? c : Integer.compare(Integer.parseInt(x[1]), Integer.parseInt(y[1]));
    });
    return l;
  }

  private void checkTargets(List<Result> results) {
    out.println();
    out.println(markdown ? "#### Targets" : "== Targets");
    Map<String, Map<String, Result>> b1 = group(results, "B1");
    Map<String, Map<String, Result>> b2 = group(results, "B2");
    for (String key : sortedCases(new TreeSet<>(b1.keySet()))) {
      Map<String, Result> m = b1.get(key);
      Result r = m.get(b1Subject);
      String set1 = key.split("/")[0];
      if (!gatePasses("B1", b1Subject, set1)) {
        report(false, "B1 " + key + ": " + b1Subject + " accuracy gate " + gate("B1", b1Subject, set1));
      }
      Result s = m.get("strata5calls");
      if (r == null || s == null) {
        report(false, "B1 " + key + ": " + b1Subject + " vs strata5calls >= " + minB1Ratio + "x: not measured ("
            + (r == null ? b1Subject : "strata5calls") + " not timed)");
      } else {
        double ratio = s.ns() / r.ns();
        report(ratio >= minB1Ratio, String.format(Locale.ROOT, "B1 %s: %s vs strata5calls %.2fx (target >= %.1fx%s)",
            key, b1Subject, ratio, minB1Ratio, ratio >= minB1Ratio ? ""
                : String.format(Locale.ROOT, "; short by %.1f%%", 100 * (1 - ratio / minB1Ratio))));
      }
      if (r != null) {
        checkAlloc("B1 " + key, r);
      }
    }
    for (String key : sortedCases(new TreeSet<>(b2.keySet()))) {
      Result r = b2.get(key).get(b2Subject);
      String set2 = key.split("/")[0];
      if (!gatePasses("B2", b2Subject, set2)) {
        report(false, "B2 " + key + ": " + b2Subject + " accuracy gate " + gate("B2", b2Subject, set2));
      }
      if (r == null) {
        report(false, "B2 " + key + ": " + b2Subject + " <= " + maxIvNs + " ns: not measured (not timed)");
        continue;
      }
      report(r.ns() <= maxIvNs, String.format(Locale.ROOT, "B2 %s: %s %.1f ns per solve (target <= %.0f ns%s)", key,
          b2Subject, r.ns(), maxIvNs, r.ns() <= maxIvNs ? ""
              : String.format(Locale.ROOT, "; over by %.1f ns = %.0f%%", r.ns() - maxIvNs, 100 * (r.ns() / maxIvNs - 1))));
      checkAlloc("B2 " + key, r);
    }
    if (!b2.isEmpty()) {
      AccuracyGates.ImpliedVolReport g = AccuracyGates.impliedVol(ImpliedVolSubject.of(b2Subject), "hardIv",
          Reference.impliedVols(InputSet.HARD_IV));
      report(g.silentFailures() <= maxSilent, String.format(Locale.ROOT,
          "B2 hardIv: %s silent failures %d on %d hard inputs (target <= %d)", b2Subject, g.silentFailures(), g.n(),
          maxSilent));
      for (InputSet set : new InputSet[] {InputSet.CORE, InputSet.HARD_IV}) {
        Reference.Iv ref = Reference.impliedVols(set);
        StringBuilder b = new StringBuilder();
        for (ImpliedVolSubject s : ImpliedVolSubject.values()) {
          AccuracyGates.ImpliedVolReport r = AccuracyGates.impliedVol(s, set.id(), ref);
          b.append(b.length() == 0 ? "" : ", ").append(s.id()).append(' ').append(r.silentFailures());
        }
        out.printf(Locale.ROOT, "%sinfo: silent failures on the %d %s inputs: %s%n", markdown ? "- " : "  ",
            ref.price().length, set.id(), b);
      }
    }
  }

  /** B3 subjects, in table order. */
  private static final String[] B3_SUBJECTS = {"levex", "strata", "strataWideNu"};
  /** B3 stages, in table order. */
  private static final String[] B3_STAGES = {"surface", "iv", "fit", "grid"};
  /** B3 Strata subjects (the ratio and RMSE baselines). */
  private static final String[] B3_PEERS = {"strata", "strataWideNu"};

  private void b3Section(List<Result> results) {
    Map<String, Map<String, Result>> b3 = group(results, "B3");
    if (b3.isEmpty()) {
      return;
    }
    out.println();
    String title = "B3 SurfaceBuild (per surface: 630 implied vols, 12 fits, 600 grid vols; or one stage)";
    out.println(markdown ? "#### " + title : "== " + title);
    if (markdown) {
      out.println("| stage | subject | ms/op | ± (99.9%) | surfaces/s/core | B/op | vs strata | vs strataWideNu | accuracy"
          + " gate |");
      out.println("|---|---|---:|---:|---:|---:|---:|---:|---|");
    } else {
      out.printf(Locale.ROOT, "%-8s %-13s %10s %9s %15s %12s  %-10s %-15s %s%n", "stage", "subject", "ms/op", "+-",
          "surfaces/s/core", "B/op", "vs strata", "vs strataWideNu", "accuracy gate");
    }
    for (String stage : B3_STAGES) {
      Map<String, Result> m = b3.get(stage + "/0");
      if (m == null) {
        continue;
      }
      for (String s : B3_SUBJECTS) {
        Result r = m.get(s);
        String g = b3Gate(s);
        if (r == null) {
          String note = "not timed (" + (b3GatePasses(s) ? "not selected" : "gate " + g) + ")";
          out.println(markdown ? String.format(Locale.ROOT, "| %s | %s | %s | | | | | | %s |", stage, s, note, g)
              : String.format(Locale.ROOT, "%-8s %-13s %s", stage, s, note));
          continue;
        }
        Result a = m.get("strata");
        Result b = m.get("strataWideNu");
        String ra = a == null ? "-" : String.format(Locale.ROOT, "%.2fx", a.ns() / r.ns());
        String rb = b == null ? "-" : String.format(Locale.ROOT, "%.2fx", b.ns() / r.ns());
        double ms = r.ns() / 1e6;
        double err = r.nsError() / 1e6;
        String perSecond = String.format(Locale.ROOT, "%.0f", 1e9 / r.ns());
        String alloc = Double.isNaN(r.allocBytes()) ? "n/a" : String.format(Locale.ROOT, "%.0f", r.allocBytes());
        out.println(markdown
            ? String.format(Locale.ROOT, "| %s | %s | %.3f | %.3f | %s | %s | %s | %s | %s |", stage, s, ms, err,
                perSecond, alloc, ra, rb, g)
            : String.format(Locale.ROOT, "%-8s %-13s %10.3f %9.3f %15s %12s  %-10s %-15s %s", stage, s, ms, err,
                perSecond, alloc, ra, rb, g));
      }
    }
    out.println();
    out.println(markdown ? "#### B3 fit RMSE per slice (vol, decimal)" : "== B3 fit RMSE per slice (vol, decimal)");
    SurfaceGate.sliceTable(markdown).forEach(out::println);
  }

  private String b3Gate(String subject) {
    String key = "B3/" + subject;
    if (!gates.containsKey(key)) {
      SurfaceGate.SurfaceReport r = SurfaceGate.report(SurfaceBuildSubject.of(subject));
      boolean pass = SurfaceGate.passes(r);
      String label;
      if (r.strict()) {
        label = "strict PASS";
      } else if (pass) {
        label = "like-for-like PASS (strict FAIL)";
      } else {
        label = "FAIL (" + (SurfaceBuildSubject.of(subject).isLevex() || AccuracyGates.peersStrict() ? "strict"
            : "like-for-like") + ")";
      }
      gates.put(key, label);
      gatePasses.put(key, pass);
    }
    return gates.get(key);
  }

  private boolean b3GatePasses(String subject) {
    b3Gate(subject);
    return gatePasses.get("B3/" + subject);
  }

  private void checkB3Targets(List<Result> results) {
    Map<String, Map<String, Result>> b3 = group(results, "B3");
    if (b3.isEmpty()) {
      return;
    }
    if (!b3GatePasses(b3Subject)) {
      report(false, "B3: " + b3Subject + " accuracy gate " + b3Gate(b3Subject) + ": "
          + SurfaceGate.report(SurfaceBuildSubject.of(b3Subject)).failure());
    }
    Map<String, Result> m = b3.getOrDefault("surface/0", Map.of());
    Result r = m.get(b3Subject);
    if (r == null) {
      report(false, "B3 surface: " + b3Subject + " <= " + maxB3Ms + " ms per surface: not measured (stage surface of "
          + b3Subject + " not timed)");
    } else {
      double ms = r.ns() / 1e6;
      report(ms <= maxB3Ms, String.format(Locale.ROOT, "B3 surface: %s %.3f ms per surface (target <= %.2f ms%s)",
          b3Subject, ms, maxB3Ms, ms <= maxB3Ms ? ""
              : String.format(Locale.ROOT, "; over by %.3f ms = %.0f%%", ms - maxB3Ms, 100 * (ms / maxB3Ms - 1))));
    }
    for (String peer : B3_PEERS) {
      Result p = m.get(peer);
      if (r == null || p == null) {
        if (r != null) {
          out.println((markdown ? "- " : "  ") + "info: B3 surface: " + peer + " not timed, no ratio");
        }
        continue;
      }
      double ratio = p.ns() / r.ns();
      report(ratio >= minB3Ratio, String.format(Locale.ROOT, "B3 surface: %s vs %s %.2fx (target >= %.1fx%s)",
          b3Subject, peer, ratio, minB3Ratio, ratio >= minB3Ratio ? ""
              : String.format(Locale.ROOT, "; short by %.1f%%", 100 * (1 - ratio / minB3Ratio))));
    }
    SurfaceGate.SurfaceReport lr = SurfaceGate.report(SurfaceBuildSubject.of(b3Subject));
    for (String peer : B3_PEERS) {
      SurfaceGate.SurfaceReport pr = SurfaceGate.report(SurfaceBuildSubject.of(peer));
      int peerBetter = 0;
      StringBuilder which = new StringBuilder();
      for (SurfaceGate.SliceFit f : lr.fits()) {
        SurfaceGate.SliceFit g = pr.fit(f.expiry());
        if (g != null && g.rmse() < f.rmse()) {
          peerBetter++;
          which.append(which.length() == 0 ? "" : ", ").append(f.expiry().toString(), 0, 10);
        }
      }
      report(lr.rmse() <= pr.rmse(), String.format(Locale.ROOT,
          "B3 fit RMSE: %s %.5f vs %s %.5f pooled over %d quotes (target: no worse); %s fits better on %d of %d"
              + " slices%s", b3Subject, lr.rmse(), peer, pr.rmse(), lr.fits().stream().mapToInt(
                  SurfaceGate.SliceFit::quotes).sum(), peer, peerBetter, lr.fits().size(),
          which.length() == 0 ? "" : " (" + which + ")"));
    }
  }

  private void checkAlloc(String what, Result r) {
    if (Double.isNaN(r.allocBytes())) {
      report(false, what + ": " + r.subject() + " allocation not measured (run with -prof gc)");
      return;
    }
    boolean ok = r.allocBytes() <= maxAlloc + allocEpsilon;
    report(ok, String.format(Locale.ROOT, "%s: %s allocates %.3f B/op (target <= %.0f B/op, epsilon %.2f)", what,
        r.subject(), r.allocBytes(), maxAlloc, allocEpsilon));
  }

  private void report(boolean ok, String line) {
    out.println((markdown ? "- " : "  ") + (ok ? "MET    " : "MISSED ") + line);
    if (!ok) {
      failures.add(line);
    }
  }

  private static Map<String, Map<String, Result>> group(List<Result> results, String bench) {
    Map<String, Map<String, Result>> m = new LinkedHashMap<>();
    for (Result r : results) {
      if (r.benchmark().equals(bench)) {
        m.computeIfAbsent(caseKey(r), k -> new LinkedHashMap<>()).put(r.subject(), r);
      }
    }
    return m;
  }
}
