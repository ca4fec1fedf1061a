package io.levex.bench;

import java.util.Locale;

/**
 * The B4a accuracy gate, run before timing: the grid sums {@code PnL_j = sum_i q_i pnl_ij} (random quantities q,
 * seeded) of a subject against those of the scalar Levex engine ({@code levexScalar}, itself tested against closed
 * forms in risk-core). Error per scenario relative to {@code |PnL_j|} of the reference; a scenario whose reference sum
 * is exactly 0 (the unshocked one) must be exactly 0. Strict (Levex subjects): {@code <= 1e-12}; like-for-like
 * (peers): {@code <= 1e-8} (Strata's {@code F N(d1) - K N(d2)} cancels on out-of-the-money options).
 */
final class PmGridGate {

  /** The strict tolerance. */
  static final double STRICT = 1e-12;
  /** The like-for-like tolerance of peers. */
  static final double LIKE_FOR_LIKE = 1e-8;

  /**
   * One gate result.
   *
   * @param subject  the subject id
   * @param maxRel  the largest relative error of a scenario sum
   * @param worstScenario  where
   * @param zeroExact  whether every zero reference sum is 0 exactly in the subject
   * @param pass  whether it passes its gate
   */
  record Report(String subject, double maxRel, int worstScenario, boolean zeroExact, boolean pass) {
  }

  private static final java.util.Map<PmGridSubject, Report> CACHE = new java.util.concurrent.ConcurrentHashMap<>();
  private static double[] reference;

  private PmGridGate() {
  }

  /**
   * The grid sums of a subject.
   *
   * @param subject  the subject
   * @return PnL per scenario, coin
   */
  static double[] sums(PmGridSubject subject) {
    PmGridSubject.Grid g = PmGridSubject.Grid.get();
    double[] m = new double[g.rows * g.scenarios];
    subject.fill(g, m);
    SplitMix64 rnd = new SplitMix64(4);
    double[] out = new double[g.scenarios];
    for (int i = 0; i < g.rows; i++) {
      double q = Math.round((rnd.nextDouble() - 0.5) * 200) / 10.0;
      for (int j = 0; j < g.scenarios; j++) {
        out[j] += q * m[i * g.scenarios + j];
      }
    }
    return out;
  }

  /**
   * Runs (once) the gate of a subject.
   *
   * @param subject  the subject
   * @return the report
   */
  static synchronized Report report(PmGridSubject subject) {
    return CACHE.computeIfAbsent(subject, PmGridGate::compute);
  }

  private static Report compute(PmGridSubject subject) {
    if (reference == null) {
      reference = sums(PmGridSubject.LEVEX_SCALAR);
    }
    double[] x = sums(subject);
    double max = 0;
    int worst = -1;
    boolean zeroExact = true;
    for (int j = 0; j < x.length; j++) {
      if (reference[j] == 0.0) {
        zeroExact &= x[j] == 0.0;
        continue;
      }
      double rel = Math.abs(x[j] - reference[j]) / Math.abs(reference[j]);
      if (!(rel <= max)) {
        max = rel;
        worst = j;
      }
    }
    double tol = subject.isLevex() || AccuracyGates.peersStrict() ? STRICT : LIKE_FOR_LIKE;
    boolean pass = max <= tol && (zeroExact || !subject.isLevex());
    return new Report(subject.id(), max, worst, zeroExact, pass);
  }

  /**
   * Throws unless the subject passes (or {@code -Dlevex.bench.gate=report}).
   *
   * @param subject  the subject
   * @return the report
   */
  static Report require(PmGridSubject subject) {
    Report r = report(subject);
    if (!r.pass()) {
      String line = format(r);
      if (AccuracyGates.reportOnly()) {
        System.out.println("FAIL accuracy gate, timed anyway (levex.bench.gate=report): " + line);
      } else {
        throw new IllegalStateException("FAIL accuracy gate, not timed: " + line);
      }
    }
    return r;
  }

  static String format(Report r) {
    return String.format(Locale.ROOT,
        "B4a %-12s %d instruments x %d scenarios: max rel error of a scenario sum vs levexScalar %.2e (scenario %d,"
            + " %s); zero sums exact: %s; %s (%s <= %.0e)", r.subject(), PmGridSubject.Grid.get().rows,
        PmGridSubject.Grid.get().scenarios, r.maxRel(), r.worstScenario(),
        r.worstScenario() < 0 ? "-" : PmGridSubject.Grid.get().set.get(r.worstScenario()).label(), r.zeroExact(),
        r.pass() ? "PASS" : "FAIL", PmGridSubject.of(r.subject()).isLevex() ? "strict" : "like-for-like",
        PmGridSubject.of(r.subject()).isLevex() || AccuracyGates.peersStrict() ? STRICT : LIKE_FOR_LIKE);
  }
}
