package io.levex.core.market.surface;

import io.levex.core.collect.Checks;
import io.levex.core.collect.InvalidInputException;

/**
 * Fits a raw SVI slice ({@link SviParameters}) to implied-vol or total-variance quotes by weighted least squares.
 * <p>
 * <b>Objective.</b> {@link #fit} minimises {@code sum_i weight_i (sqrt(w(k_i)/T) - vol_i)^2} (residuals in vol,
 * decimal); {@link #fitTotalVariance} minimises {@code sum_i weight_i (w(k_i) - w_i)^2} (residuals in years x
 * vol^2). Weights are relative (any positive scale); use e.g. Black-76 vega to weight by price sensitivity.
 * <p>
 * <b>Constraints</b>, enforced by reparametrisation (every internal point is a valid SVI slice):
 * <ul>
 * <li>minimum total variance {@code v = a + b sigma sqrt(1 - rho^2) > 0}: {@code v = exp(x0)};</li>
 * <li>wing slopes {@code bL = b (1 - rho)}, {@code bR = b (1 + rho)} in (0, 2) (Lee's moment formula bounds
 * the asymptotic slope of total variance by 2; this also gives {@code b > 0}, {@code |rho| < 1}):
 * {@code bL = 2 logistic(x1)}, {@code bR = 2 logistic(x2)};</li>
 * <li>{@code m} within the quoted k range widened by its width {@code D} on each side:
 * {@code m = mid + 1.5 D tanh(x3)};</li>
 * <li>{@code sigma} in {@code (0.001 D, 2 D)}: {@code sigma = 0.001 D + 1.999 D logistic(x4)}. The box keeps
 * the optimiser out of the flat valleys where a few quotes cannot tell a wide parabola from a hyperbola.</li>
 * </ul>
 * <b>Initial guess</b> (quasi-explicit method, Zeliade Systems 2009): for fixed {@code (m, sigma)} SVI is
 * linear in {@code (a, d, c)}, {@code w = a + d y + c sqrt(y^2 + 1)}, {@code y = (k - m)/sigma},
 * {@code c = b sigma}, {@code d = rho b sigma}; the 3x3 weighted normal equations (in total variance; vol
 * weights are divided by {@code vol_i^2} so that the total-variance residuals approximate vol residuals) are
 * solved on a 7 x 7 grid of {@code (m, sigma)} scaled to the quoted k range, projected onto {@code c > 0},
 * {@code |d| <= 0.99 c} and a positive minimum variance, then refined on a 3 x 3 grid around the best point.
 * <p>
 * <b>Fit: a hand-written Levenberg-Marquardt for the 5 internal parameters.</b> This is a hot kernel of the
 * surface build (one SVI fit per expiry on every rebuild), so it is written out here instead of calling a library
 * (the project's rule: libraries first, hand-roll only measured hot kernels). commons-math3's
 * {@code LevenbergMarquardtOptimizer} is the reference implementation: the tests run it on the same problem (same
 * start, residuals, Jacobian, parameter clamping and stopping rule) and require this fitter to reach the same or a
 * lower RMS error on every slice of the recorded chain. The library version spent most of a fit allocating vectors
 * and matrices per evaluation and running a generic pivoted QR of the n x 5 Jacobian per iteration; with 5
 * parameters the normal equations are the cheaper route. Per iteration:
 * <ol>
 * <li>one pass over the quotes evaluates the weighted residuals {@code r} with the analytic Jacobian {@code J} in
 * the internal parameters and accumulates {@code J^T J} (15 values) and {@code J^T r} directly; {@code J} is
 * never stored;</li>
 * <li>the step solves {@code (J^T J + lambda D) delta = -J^T r} by a 5 x 5 LDL^T (square-root-free Cholesky)
 * factorisation, Jacobi-scaled (unit diagonal) for conditioning, with Marquardt's scaling {@code D = diag} of the
 * largest column norms of {@code J} seen so far (MINPACK's rule);</li>
 * <li>the trial point is clamped as the library's parameter validator did ({@code |x0| <= 50}, others
 * {@code <= 30}); it is accepted when the actual reduction of the sum of squares is more than 1e-4 of the
 * reduction the linear model predicts; lambda is then multiplied by {@code max(1/3, 1 - (2 rho - 1)^3)} (rho the
 * gain ratio), else multiplied by 2, 4, 8, ... until a step is accepted (Nielsen's update);</li>
 * <li>stop after an accepted step when the RMS of the weighted residuals changes by less than 1e-6 relative (or
 * 1e-8 of the mean quote), or when the gradient is orthogonal to the residuals to 1e-10, or the step is below
 * 1e-10 of the point (MINPACK's defaults); a fit that cannot lower the cost at machine precision (e.g. an exact
 * fit) stops at its best point, converged; at most {@code maxIterations} iterations (steps from a new point) and
 * 4 x as many evaluations ({@code converged = false} and the best point evaluated).</li>
 * </ol>
 * The stopping rule is the library fit's RMS-change test with a tighter relative tolerance (it used 1e-3): at 1e-3
 * both optimisers stop early in the flat valleys of the short-dated slices (commons-math3 1.6e-4 vol above the
 * minimum on the 0.6-day BTC slice of the recorded chain); at 1e-6 every slice of that chain ends within 1e-8 vol
 * of the minimum (commons-math3 run to 1e-14), never above the library fit, for about 2.3 x the iterations, which
 * now cost well under a microsecond each.
 * <p>
 * All state lives in a reusable {@code SviProblem} (the builder keeps one per build): no allocation per iteration
 * or evaluation; a fit allocates its result only.
 * <p>
 * Needs at least 5 quotes with positive weight (SVI has 5 parameters). Stateless and thread-safe.
 */
public final class SviFitter {

  /** Default instance: at most 200 Levenberg-Marquardt iterations. */
  public static final SviFitter DEFAULT = new SviFitter(200);

  /** The minimum number of quotes with positive weight. */
  public static final int MIN_QUOTES = 5;

  /**
   * Stop when the RMS of the weighted residuals changes by less than this, relative, between iterations. The
   * commons-math3 fit used 1e-3, which stops early in the flat valleys of short-dated slices (up to 1.6e-4 vol above
   * the minimum on the 0.6-day BTC slice); at 1e-6 every slice of the recorded chain ends within 1e-8 vol of the
   * minimum, for about 2.3 x the (now cheap) iterations (313 against 134 on its 24 slices).
   */
  static final double RMS_RELATIVE_TOLERANCE = 1e-6;
  /** ... or by less than this times the mean quote (vol or total variance). */
  static final double RMS_ABSOLUTE_TOLERANCE = 1e-8;
  /** Model evaluations allowed per allowed iteration (as the commons-math3 fit). */
  static final int EVALUATIONS_PER_ITERATION = 4;
  /** MINPACK's default orthogonality tolerance: max cosine between the residuals and a Jacobian column. */
  private static final double ORTHO_TOLERANCE = 1e-10;
  /** MINPACK's default relative tolerance on the scaled step. */
  private static final double STEP_RELATIVE_TOLERANCE = 1e-10;
  /** Minimum gain ratio of an accepted step (MINPACK's). */
  private static final double MIN_GAIN_RATIO = 1e-4;
  private static final double INITIAL_LAMBDA = 1e-3;
  /** Beyond this damping the step is below machine precision: the point cannot be improved. */
  private static final double MAX_LAMBDA = 1e20;
  private static final double TWO_EPS = 2 * Math.ulp(1.0);

  private final int maxIterations;

  private SviFitter(int maxIterations) {
    this.maxIterations = maxIterations;
  }

  /**
   * Returns a fitter with another iteration limit.
   *
   * @param maxIterations  the Levenberg-Marquardt iteration limit, >= 1
   * @return the fitter
   */
  public SviFitter withMaxIterations(int maxIterations) {
    if (maxIterations < 1) {
      throw InvalidInputException.invalid("max_iterations", maxIterations, "must be >= 1");
    }
    return new SviFitter(maxIterations);
  }

  /**
   * Gets the iteration limit.
   *
   * @return the Levenberg-Marquardt iteration limit
   */
  int maxIterations() {
    return maxIterations;
  }

  //-------------------------------------------------------------------------
  /**
   * Fits implied vols with equal weights.
   *
   * @param t  time to expiry, 365-day years, > 0
   * @param logMoneyness  k_i = ln(K_i/F), at least 5 values, not all equal
   * @param impliedVols  market vols, decimal, > 0
   * @return the fit
   * @throws InvalidInputException INVALID_ARGUMENT naming the field and value on bad input
   */
  public SviFitResult fit(double t, double[] logMoneyness, double[] impliedVols) {
    return fit(t, logMoneyness, impliedVols, null);
  }

  /**
   * Fits implied vols, residuals in vol.
   *
   * @param t  time to expiry, 365-day years, > 0
   * @param logMoneyness  k_i = ln(K_i/F), at least 5 values, not all equal
   * @param impliedVols  market vols, decimal, > 0
   * @param weights  relative weights, >= 0, at least 5 positive; null for equal weights
   * @return the fit
   * @throws InvalidInputException INVALID_ARGUMENT naming the field and value on bad input
   */
  public SviFitResult fit(double t, double[] logMoneyness, double[] impliedVols, double[] weights) {
    Checks.positive("time_to_expiry_years", t);
    int n = checkQuotes(logMoneyness, impliedVols, "implied_vols", weights);
    SviProblem problem = new SviProblem(n);
    problem.loadVols(t, logMoneyness, impliedVols, weights, n);
    return fit(problem);
  }

  /**
   * Fits total implied variances, residuals in total variance.
   *
   * @param t  time to expiry, 365-day years, > 0 (to report the errors in vol)
   * @param logMoneyness  k_i = ln(K_i/F), at least 5 values, not all equal
   * @param totalVariances  market w_i = vol_i^2 T, years x vol^2, > 0
   * @param weights  relative weights, >= 0, at least 5 positive; null for equal weights
   * @return the fit
   * @throws InvalidInputException INVALID_ARGUMENT naming the field and value on bad input
   */
  public SviFitResult fitTotalVariance(double t, double[] logMoneyness, double[] totalVariances, double[] weights) {
    Checks.positive("time_to_expiry_years", t);
    int n = checkQuotes(logMoneyness, totalVariances, "total_variances", weights);
    SviProblem problem = new SviProblem(n);
    problem.loadTotalVariances(t, logMoneyness, totalVariances, weights, n);
    return fit(problem);
  }

  //-------------------------------------------------------------------------
  private static int checkQuotes(double[] k, double[] values, String valuesField, double[] weights) {
    if (k == null) {
      throw InvalidInputException.invalid("log_moneyness", "", "is required");
    }
    if (values == null) {
      throw InvalidInputException.invalid(valuesField, "", "is required");
    }
    int n = k.length;
    if (values.length != n) {
      throw InvalidInputException.invalid(valuesField, values.length + " values",
          "must have one value per log-moneyness (" + n + ")");
    }
    if (weights != null && weights.length != n) {
      throw InvalidInputException.invalid("weights", weights.length + " values",
          "must have one weight per log-moneyness (" + n + ")");
    }
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    int positive = 0;
    for (int i = 0; i < n; i++) {
      if (!Double.isFinite(k[i])) {
        Checks.finite("log_moneyness[" + i + "]", k[i]);
      }
      if (!(values[i] > 0) || !Double.isFinite(values[i])) {
        Checks.positive(valuesField + "[" + i + "]", values[i]);
      }
      if (weights != null && !(weights[i] >= 0 && Double.isFinite(weights[i]))) {
        Checks.nonNegative("weights[" + i + "]", weights[i]);
      }
      if (weights == null || weights[i] > 0) {
        positive++;
        min = Math.min(min, k[i]);
        max = Math.max(max, k[i]);
      }
    }
    if (positive < MIN_QUOTES) {
      throw InvalidInputException.invalid("quotes", positive,
          "must hold at least " + MIN_QUOTES + " quotes with positive weight to fit the 5 SVI parameters");
    }
    if (!(max > min)) {
      throw InvalidInputException.invalid("log_moneyness", Checks.format(min), "must hold at least two distinct values");
    }
    return n;
  }

  //-------------------------------------------------------------------------
  /**
   * Fits a loaded problem: the initial guess, then the Levenberg-Marquardt iteration (see the class comment).
   * Allocates only the result.
   *
   * @param p  the problem, loaded with valid quotes
   * @return the fit at the best point evaluated
   */
  SviFitResult fit(SviProblem p) {
    double[] x = p.x;
    double[] trial = p.trialX;
    double[] bestX = p.bestX;
    double[] step = p.step;
    double[] d = p.scale;
    p.start(x);
    int n = p.n;
    int maxEvaluations = maxIterations * EVALUATIONS_PER_ITERATION;
    double absoluteRmsTolerance = RMS_ABSOLUTE_TOLERANCE * p.meanTarget;
    double cost = p.normalEquations(x, p.jtj, p.jtr);
    int evaluations = 1;
    System.arraycopy(x, 0, bestX, 0, SviProblem.PARAMETERS);
    double bestCost = cost;
    java.util.Arrays.fill(d, 0.0);
    double lambda = INITIAL_LAMBDA;
    double nu = 2.0;
    int iterations = 0;
    boolean converged;
    outer:
    while (true) {
      if (iterations == maxIterations) {
        converged = false;
        break;
      }
      iterations++;
      double[] a = p.jtj;
      double[] g = p.jtr;
      // scaling: the largest column norms of J so far (MINPACK), 1 for a column that was always zero
      // orthogonality: the largest cosine |g_j| / (|J_j| |r|) at most the tolerance
      boolean orthogonal = true;
      double cosineBound = ORTHO_TOLERANCE * Math.sqrt(cost);
      for (int j = 0; j < SviProblem.PARAMETERS; j++) {
        double norm = Math.sqrt(a[SviProblem.DIAGONAL[j]]);
        d[j] = Math.max(d[j], norm);
        orthogonal &= Math.abs(g[j]) <= cosineBound * norm;
      }
      if (!(cost > 0) || orthogonal) {
        converged = true;
        break;
      }
      // inner loop: damp until a step is accepted
      while (true) {
        if (!solveStep(p, lambda, step)) {
          lambda *= nu;
          nu *= 2.0;
          if (lambda > MAX_LAMBDA) {
            converged = true;
            break outer;
          }
          continue;
        }
        double stepNorm = 0;
        double pointNorm = 0;
        double predicted = 0;
        for (int j = 0; j < SviProblem.PARAMETERS; j++) {
          double dj = d[j] == 0 ? 1.0 : d[j];
          double sj = dj * step[j];
          double xj = dj * x[j];
          stepNorm += sj * sj;
          pointNorm += xj * xj;
          // predicted reduction of the sum of squares: -2 g.step - step' A step = -g.step + lambda step' D step
          predicted += -g[j] * step[j] + lambda * sj * sj;
          trial[j] = x[j] + step[j];
        }
        SviProblem.clamp(trial);
        if (evaluations == maxEvaluations) {
          converged = false;
          break outer;
        }
        double trialCost = p.normalEquations(trial, p.trialJtj, p.trialJtr);
        evaluations++;
        if (trialCost < bestCost) {
          bestCost = trialCost;
          System.arraycopy(trial, 0, bestX, 0, SviProblem.PARAMETERS);
        }
        double actual = cost - trialCost;
        double ratio = predicted > 0 ? actual / predicted : 0.0;
        if (ratio > MIN_GAIN_RATIO) {
          // accept: the trial point and its normal equations become current
          double previousRms = Math.sqrt(cost / n);
          System.arraycopy(trial, 0, x, 0, SviProblem.PARAMETERS);
          double[] swap = p.jtj;
          p.jtj = p.trialJtj;
          p.trialJtj = swap;
          swap = p.jtr;
          p.jtr = p.trialJtr;
          p.trialJtr = swap;
          cost = trialCost;
          double u = 2.0 * ratio - 1.0;
          lambda *= Math.max(1.0 / 3.0, 1.0 - u * u * u);
          nu = 2.0;
          double rms = Math.sqrt(cost / n);
          double change = Math.abs(previousRms - rms);
          if (change <= absoluteRmsTolerance || change <= RMS_RELATIVE_TOLERANCE * Math.max(previousRms, rms)
              || stepNorm <= STEP_RELATIVE_TOLERANCE * STEP_RELATIVE_TOLERANCE * pointNorm) {
            converged = true;
            break outer;
          }
          continue outer;
        }
        // reject: more damping, unless the model cannot predict any reduction at machine precision
        if ((Math.abs(actual) <= TWO_EPS * cost && predicted <= TWO_EPS * cost)
            || stepNorm <= TWO_EPS * TWO_EPS * pointNorm) {
          converged = true;
          break outer;
        }
        lambda *= nu;
        nu *= 2.0;
        if (lambda > MAX_LAMBDA) {
          converged = true;
          break outer;
        }
      }
    }
    return p.result(bestX, iterations, evaluations, converged);
  }

  /**
   * Solves {@code (A + lambda D) step = -g} with {@code A = J^T J}, {@code D = diag(d^2)}, on the Jacobi-scaled
   * system {@code (S A S + lambda I) z = -S g}, {@code S = diag(1/d)}, {@code step = S z}, by an LDL^T (square-root
   * free Cholesky) factorisation written out for the 5 x 5 case on locals: one division per pivot, no square roots.
   *
   * @return false if the damped matrix is not numerically positive definite
   */
  private static boolean solveStep(SviProblem p, double lambda, double[] step) {
    double[] a = p.jtj;
    double[] g = p.jtr;
    double[] d = p.scale;
    double s0 = d[0] == 0 ? 1.0 : 1.0 / d[0];
    double s1 = d[1] == 0 ? 1.0 : 1.0 / d[1];
    double s2 = d[2] == 0 ? 1.0 : 1.0 / d[2];
    double s3 = d[3] == 0 ? 1.0 : 1.0 / d[3];
    double s4 = d[4] == 0 ? 1.0 : 1.0 / d[4];
    // the scaled, damped matrix M (upper triangle)
    double m01 = a[1] * s0 * s1;
    double m02 = a[2] * s0 * s2;
    double m03 = a[3] * s0 * s3;
    double m04 = a[4] * s0 * s4;
    double m12 = a[6] * s1 * s2;
    double m13 = a[7] * s1 * s3;
    double m14 = a[8] * s1 * s4;
    double m23 = a[10] * s2 * s3;
    double m24 = a[11] * s2 * s4;
    double m34 = a[13] * s3 * s4;
    // M = L D L^T, L unit lower triangular; u_ij = l_ij d_j
    double d0 = a[0] * s0 * s0 + lambda;
    if (!(d0 > 0)) {
      return false;
    }
    double i0 = 1.0 / d0;
    double l10 = m01 * i0;
    double l20 = m02 * i0;
    double l30 = m03 * i0;
    double l40 = m04 * i0;
    double d1 = a[5] * s1 * s1 + lambda - l10 * m01;
    if (!(d1 > 0)) {
      return false;
    }
    double i1 = 1.0 / d1;
    double u21 = m12 - l20 * m01;
    double u31 = m13 - l30 * m01;
    double u41 = m14 - l40 * m01;
    double l21 = u21 * i1;
    double l31 = u31 * i1;
    double l41 = u41 * i1;
    double d2 = a[9] * s2 * s2 + lambda - l20 * m02 - l21 * u21;
    if (!(d2 > 0)) {
      return false;
    }
    double i2 = 1.0 / d2;
    double u32 = m23 - l30 * m02 - l31 * u21;
    double u42 = m24 - l40 * m02 - l41 * u21;
    double l32 = u32 * i2;
    double l42 = u42 * i2;
    double d3 = a[12] * s3 * s3 + lambda - l30 * m03 - l31 * u31 - l32 * u32;
    if (!(d3 > 0)) {
      return false;
    }
    double i3 = 1.0 / d3;
    double u43 = m34 - l40 * m03 - l41 * u31 - l42 * u32;
    double l43 = u43 * i3;
    double d4 = a[14] * s4 * s4 + lambda - l40 * m04 - l41 * u41 - l42 * u42 - l43 * u43;
    if (!(d4 > 0)) {
      return false;
    }
    double i4 = 1.0 / d4;
    // L y = -S g, then L^T z = D^-1 y, step = S z
    double y0 = -g[0] * s0;
    double y1 = -g[1] * s1 - l10 * y0;
    double y2 = -g[2] * s2 - l20 * y0 - l21 * y1;
    double y3 = -g[3] * s3 - l30 * y0 - l31 * y1 - l32 * y2;
    double y4 = -g[4] * s4 - l40 * y0 - l41 * y1 - l42 * y2 - l43 * y3;
    double z4 = y4 * i4;
    double z3 = y3 * i3 - l43 * z4;
    double z2 = y2 * i2 - l32 * z3 - l42 * z4;
    double z1 = y1 * i1 - l21 * z2 - l31 * z3 - l41 * z4;
    double z0 = y0 * i0 - l10 * z1 - l20 * z2 - l30 * z3 - l40 * z4;
    step[0] = z0 * s0;
    step[1] = z1 * s1;
    step[2] = z2 * s2;
    step[3] = z3 * s3;
    step[4] = z4 * s4;
    return Double.isFinite(z0) && Double.isFinite(z1) && Double.isFinite(z2) && Double.isFinite(z3)
        && Double.isFinite(z4);
  }
}
