package io.levex.core.market.surface;

import io.levex.core.collect.Checks;
import io.levex.core.collect.InvalidInputException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.DoubleUnaryOperator;
import org.apache.commons.math3.analysis.solvers.BrentSolver;
import org.apache.commons.math3.exception.MathIllegalStateException;

/**
 * Static-arbitrage checks of SVI slices on a grid of log-moneyness; violations are returned, never thrown.
 * <ul>
 * <li><b>butterfly</b>: Gatheral's density function {@link SviParameters#g(double)} below {@code -1e-12} at a
 * grid point (negative risk-neutral density);</li>
 * <li><b>calendar</b>: {@code w_later(k) < w_earlier(k)} by more than {@code 1e-12 (1 + w_earlier(k))} at a
 * grid point (total variance decreasing with expiry at fixed log-moneyness).</li>
 * </ul>
 * The grid has {@value #GRID_POINTS} equally spaced points over the requested range; each contiguous run of
 * failing points is one {@link ArbitrageViolation}, its ends refined with commons-math3 {@link BrentSolver}.
 * A violation narrower than the grid spacing can be missed. Stateless and thread-safe.
 */
public final class ArbitrageChecks {

  /** Default instance. */
  public static final ArbitrageChecks DEFAULT = new ArbitrageChecks();

  /** The number of grid points per check. */
  public static final int GRID_POINTS = 201;

  private static final double G_TOLERANCE = 1e-12;
  private static final double W_TOLERANCE = 1e-12;
  private static final double ROOT_ACCURACY = 1e-10;

  private ArbitrageChecks() {
  }

  //-------------------------------------------------------------------------
  /**
   * Checks one slice for butterfly arbitrage, {@code g(k) < 0}.
   *
   * @param expiry  the slice's expiry, for the report
   * @param parameters  the SVI parameters
   * @param kMin  the start of the range, log-moneyness
   * @param kMax  the end of the range, log-moneyness, > kMin
   * @return the violations, in increasing k; empty if none
   */
  public List<ArbitrageViolation> butterfly(Instant expiry, SviParameters parameters, double kMin, double kMax) {
    Objects.requireNonNull(expiry, "expiry");
    Objects.requireNonNull(parameters, "parameters");
    checkRange(kMin, kMax);
    DoubleUnaryOperator g = k -> parameters.g(k) + G_TOLERANCE;
    List<ArbitrageViolation> out = new ArrayList<>();
    for (double[] run : negativeRuns(g, kMin, kMax)) {
      double worstK = run[2];
      double worst = parameters.g(worstK);
      out.add(new ArbitrageViolation(ArbitrageViolation.Kind.BUTTERFLY, expiry, worstK, run[0], run[1], worst,
          String.format(Locale.ROOT,
              "butterfly arbitrage on the %s slice: g(k) < 0 (negative density) for k in [%.4f, %.4f], minimum %.6g at k = %.4f",
              expiry, run[0], run[1], worst, worstK)));
    }
    return out;
  }

  /**
   * Checks two slices for calendar arbitrage, {@code w_later(k) < w_earlier(k)}.
   *
   * @param earlierExpiry  the earlier expiry
   * @param earlier  the earlier slice's parameters
   * @param laterExpiry  the later expiry
   * @param later  the later slice's parameters
   * @param kMin  the start of the range, log-moneyness
   * @param kMax  the end of the range, log-moneyness, > kMin
   * @return the violations, reported on the later expiry, in increasing k; empty if none
   */
  public List<ArbitrageViolation> calendar(
      Instant earlierExpiry, SviParameters earlier, Instant laterExpiry, SviParameters later, double kMin, double kMax) {
    Objects.requireNonNull(earlierExpiry, "earlierExpiry");
    Objects.requireNonNull(earlier, "earlier");
    Objects.requireNonNull(laterExpiry, "laterExpiry");
    Objects.requireNonNull(later, "later");
    checkRange(kMin, kMax);
    DoubleUnaryOperator diff = k -> {
      double w0 = earlier.totalVariance(k);
      return later.totalVariance(k) - w0 + W_TOLERANCE * (1.0 + w0);
    };
    List<ArbitrageViolation> out = new ArrayList<>();
    for (double[] run : negativeRuns(diff, kMin, kMax)) {
      double worstK = run[2];
      double worst = later.totalVariance(worstK) - earlier.totalVariance(worstK);
      out.add(new ArbitrageViolation(ArbitrageViolation.Kind.CALENDAR, laterExpiry, worstK, run[0], run[1], worst,
          String.format(Locale.ROOT,
              "calendar arbitrage: total variance of %s is below that of %s for k in [%.4f, %.4f], by up to %.6g at k = %.4f",
              laterExpiry, earlierExpiry, run[0], run[1], -worst, worstK)));
    }
    return out;
  }

  //-------------------------------------------------------------------------
  /**
   * Checks a surface's slices: butterfly on each slice over its check range, calendar on each pair of
   * neighbouring slices over the overlap of their check ranges.
   *
   * @param slices  the slices, by increasing expiry
   * @return the violations, by slice then k
   */
  public List<ArbitrageViolation> check(List<SviSlice> slices) {
    List<ArbitrageViolation> out = new ArrayList<>();
    double[][] ranges = new double[slices.size()][];
    for (int i = 0; i < slices.size(); i++) {
      SviSlice s = slices.get(i);
      ranges[i] = checkRange(s);
      out.addAll(butterfly(s.expiry(), s.parameters(), ranges[i][0], ranges[i][1]));
      if (i > 0) {
        double lo = Math.max(ranges[i - 1][0], ranges[i][0]);
        double hi = Math.min(ranges[i - 1][1], ranges[i][1]);
        if (hi > lo) {
          SviSlice prev = slices.get(i - 1);
          out.addAll(calendar(prev.expiry(), prev.parameters(), s.expiry(), s.parameters(), lo, hi));
        }
      }
    }
    return List.copyOf(out);
  }

  /**
   * Gets the log-moneyness range a slice is checked on: the quoted range widened by half its width on each
   * side, extended to at least 4 ATM standard deviations {@code +/- 4 sqrt(w(0))}.
   *
   * @param slice  the slice
   * @return {kMin, kMax}
   */
  public static double[] checkRange(SviSlice slice) {
    double sd = 4.0 * Math.sqrt(slice.parameters().totalVariance(0.0));
    double lo = -sd;
    double hi = sd;
    if (!slice.quotes().isEmpty()) {
      double qMin = Double.POSITIVE_INFINITY;
      double qMax = Double.NEGATIVE_INFINITY;
      for (SliceQuote q : slice.quotes()) {
        qMin = Math.min(qMin, q.logMoneyness());
        qMax = Math.max(qMax, q.logMoneyness());
      }
      double margin = 0.5 * (qMax - qMin);
      lo = Math.min(lo, qMin - margin);
      hi = Math.max(hi, qMax + margin);
    }
    return new double[] {lo, hi};
  }

  private static void checkRange(double kMin, double kMax) {
    Checks.finite("k_min", kMin);
    Checks.finite("k_max", kMax);
    if (!(kMax > kMin)) {
      throw InvalidInputException.invalid("k_max", Checks.format(kMax), "must be > k_min " + Checks.format(kMin));
    }
  }

  /** Finds the runs of grid points where f < 0: {from, to, worst k} each, ends refined by Brent. */
  private static List<double[]> negativeRuns(DoubleUnaryOperator f, double kMin, double kMax) {
    int n = GRID_POINTS;
    double h = (kMax - kMin) / (n - 1);
    double[] values = new double[n];
    for (int i = 0; i < n; i++) {
      values[i] = f.applyAsDouble(kMin + i * h);
    }
    List<double[]> runs = new ArrayList<>();
    int i = 0;
    while (i < n) {
      if (!(values[i] < 0)) {
        i++;
        continue;
      }
      int start = i;
      int worst = i;
      while (i < n && values[i] < 0) {
        if (values[i] < values[worst]) {
          worst = i;
        }
        i++;
      }
      int end = i - 1;
      double from = start == 0 ? kMin : root(f, kMin + (start - 1) * h, kMin + start * h);
      double to = end == n - 1 ? kMax : root(f, kMin + end * h, kMin + (end + 1) * h);
      runs.add(new double[] {from, to, kMin + worst * h});
    }
    return runs;
  }

  private static double root(DoubleUnaryOperator f, double lo, double hi) {
    try {
      return new BrentSolver(ROOT_ACCURACY).solve(100, f::applyAsDouble, lo, hi);
    } catch (MathIllegalStateException | IllegalArgumentException ex) {
      return 0.5 * (lo + hi);
    }
  }
}
