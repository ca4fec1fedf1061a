package io.levex.core.market.surface;

import io.levex.core.collect.Checks;
import io.levex.core.collect.InvalidInputException;
import java.util.Arrays;
import org.apache.commons.math3.exception.ConvergenceException;
import org.apache.commons.math3.exception.TooManyEvaluationsException;
import org.apache.commons.math3.exception.TooManyIterationsException;
import org.apache.commons.math3.fitting.leastsquares.EvaluationRmsChecker;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresBuilder;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresOptimizer;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresProblem;
import org.apache.commons.math3.fitting.leastsquares.LevenbergMarquardtOptimizer;
import org.apache.commons.math3.fitting.leastsquares.MultivariateJacobianFunction;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.util.Pair;

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
 * <b>Fit.</b> commons-math3 {@link LevenbergMarquardtOptimizer} with the analytic Jacobian in the internal
 * parameters, stopping when the RMS of the weighted residuals changes by less than 1e-3 relative (or 1e-8 of
 * the mean quote) between iterations, at most {@code maxIterations} iterations.
 * <p>
 * Needs at least 5 quotes with positive weight (SVI has 5 parameters). Stateless and thread-safe.
 */
public final class SviFitter {

  /** Default instance: at most 200 Levenberg-Marquardt iterations. */
  public static final SviFitter DEFAULT = new SviFitter(200);

  /** The minimum number of quotes with positive weight. */
  public static final int MIN_QUOTES = 5;

  /** Lee's moment bound on the asymptotic slopes of total variance: b (1 +/- rho) <= 2. */
  static final double MAX_WING_SLOPE = 2.0;
  private static final double SIGMA_MIN_FACTOR = 1e-3;
  private static final double SIGMA_MAX_FACTOR = 2.0;
  private static final double M_RANGE_FACTOR = 1.5;
  /** Grid of m, as multiples of the quoted k width around its middle. */
  private static final double[] M_GRID = {-0.75, -0.5, -0.25, 0.0, 0.25, 0.5, 0.75};
  /** Grid of sigma, as multiples of the quoted k width. */
  private static final double[] SIGMA_GRID = {0.025, 0.05, 0.1, 0.2, 0.4, 0.8, 1.6};
  private static final double MAX_RHO_GUESS = 0.99;
  private static final double LOG_LIMIT = 50.0;
  private static final double LOGIT_LIMIT = 30.0;
  private static final double RMS_RELATIVE_TOLERANCE = 1e-3;
  private static final double RMS_ABSOLUTE_TOLERANCE = 1e-8;

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
    double[] vols = impliedVols.clone();
    double[] w = new double[n];
    for (int i = 0; i < n; i++) {
      w[i] = vols[i] * vols[i] * t;
    }
    return solve(t, logMoneyness.clone(), vols, w, normalise(weights, n), true);
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
    double[] w = totalVariances.clone();
    double[] vols = new double[n];
    for (int i = 0; i < n; i++) {
      vols[i] = Math.sqrt(w[i] / t);
    }
    return solve(t, logMoneyness.clone(), vols, w, normalise(weights, n), false);
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

  private static double[] normalise(double[] weights, int n) {
    double[] out = new double[n];
    if (weights == null) {
      Arrays.fill(out, 1.0);
      return out;
    }
    double max = 0;
    for (double w : weights) {
      max = Math.max(max, w);
    }
    for (int i = 0; i < n; i++) {
      out[i] = weights[i] / max;
    }
    return out;
  }

  private SviFitResult solve(double t, double[] k, double[] vols, double[] w, double[] weights, boolean volSpace) {
    int n = k.length;
    Bounds bounds = Bounds.of(k, weights);
    double[] guessWeights = new double[n];
    double meanTarget = 0;
    for (int i = 0; i < n; i++) {
      guessWeights[i] = volSpace ? weights[i] / (vols[i] * vols[i]) : weights[i];
      meanTarget += volSpace ? vols[i] : w[i];
    }
    meanTarget /= n;
    double[] x0 = bounds.toInternal(initialGuess(k, w, guessWeights));
    Objective objective = new Objective(t, k, weights, volSpace, bounds);
    double[] target = new double[n];
    for (int i = 0; i < n; i++) {
      target[i] = objective.sqrtWeights[i] * (volSpace ? vols[i] : w[i]);
    }
    objective.target = target;
    LeastSquaresProblem problem = new LeastSquaresBuilder()
        .start(x0)
        .model(objective)
        .target(target)
        .parameterValidator(SviFitter::clampInternal)
        .checker(new EvaluationRmsChecker(RMS_RELATIVE_TOLERANCE, RMS_ABSOLUTE_TOLERANCE * meanTarget))
        .lazyEvaluation(false)
        .maxIterations(maxIterations)
        .maxEvaluations(maxIterations * 4)
        .build();
    int iterations;
    int evaluations;
    boolean converged = true;
    try {
      LeastSquaresOptimizer.Optimum optimum = new LevenbergMarquardtOptimizer().optimize(problem);
      iterations = optimum.getIterations();
      evaluations = optimum.getEvaluations();
    } catch (TooManyEvaluationsException | TooManyIterationsException ex) {
      iterations = maxIterations;
      evaluations = objective.evaluations;
      converged = false;
    } catch (ConvergenceException ex) {
      // the cost cannot be reduced any further at machine precision (e.g. an exact fit): the best point stands
      iterations = objective.evaluations;
      evaluations = objective.evaluations;
    }
    SviParameters params = bounds.toParameters(objective.bestX);
    double sum = 0;
    double maxErr = 0;
    int count = 0;
    for (int i = 0; i < n; i++) {
      if (weights[i] > 0) {
        double e = params.impliedVol(k[i], t) - vols[i];
        sum += e * e;
        maxErr = Math.max(maxErr, Math.abs(e));
        count++;
      }
    }
    return new SviFitResult(params, Math.sqrt(sum / count), maxErr, iterations, evaluations, converged);
  }

  private static RealVector clampInternal(RealVector x) {
    double[] v = x.toArray();
    v[0] = clamp(v[0], -LOG_LIMIT, LOG_LIMIT);
    for (int i = 1; i < 5; i++) {
      v[i] = clamp(v[i], -LOGIT_LIMIT, LOGIT_LIMIT);
    }
    return new ArrayRealVector(v, false);
  }

  private static double clamp(double v, double lo, double hi) {
    return Double.isNaN(v) ? 0.0 : Math.max(lo, Math.min(hi, v));
  }

  private static double logistic(double u) {
    return 1.0 / (1.0 + Math.exp(-u));
  }

  private static double logit(double p) {
    return Math.log(p / (1.0 - p));
  }

  //-------------------------------------------------------------------------
  /**
   * Quasi-explicit initial guess: for each (m, sigma) of a grid, the weighted linear least squares in (a, d, c);
   * returns the best feasible candidate.
   */
  private static Candidate initialGuess(double[] k, double[] w, double[] weights) {
    double kMin = Double.POSITIVE_INFINITY;
    double kMax = Double.NEGATIVE_INFINITY;
    double wMin = Double.POSITIVE_INFINITY;
    double wMean = 0;
    for (int i = 0; i < k.length; i++) {
      if (weights[i] > 0) {
        kMin = Math.min(kMin, k[i]);
        kMax = Math.max(kMax, k[i]);
        wMin = Math.min(wMin, w[i]);
      }
      wMean += w[i];
    }
    wMean /= k.length;
    double width = kMax - kMin;
    double mid = (kMax + kMin) / 2.0;
    Candidate best = new Candidate();
    Candidate trial = new Candidate();
    for (double mf : M_GRID) {
      for (double sf : SIGMA_GRID) {
        if (linearFit(k, w, weights, mid + mf * width, sf * width, wMin, trial) && trial.cost < best.cost) {
          best.copy(trial);
        }
      }
    }
    if (Double.isInfinite(best.cost)) {
      // degenerate data: a nearly flat smile at the mean variance
      best.a = wMean;
      best.c = 1e-6 * wMean;
      best.d = 0;
      best.m = mid;
      best.sigma = 0.2 * width;
      return best;
    }
    double m0 = best.m;
    double s0 = best.sigma;
    for (int i = -1; i <= 1; i++) {
      for (int j = -1; j <= 1; j++) {
        if ((i != 0 || j != 0)
            && linearFit(k, w, weights, m0 + i * 0.125 * width, s0 * Math.pow(2.0, 0.5 * j), wMin, trial)
            && trial.cost < best.cost) {
          best.copy(trial);
        }
      }
    }
    return best;
  }

  /** Solves the 3x3 weighted least squares of w = a + d y + c z at fixed (m, sigma); false if singular. */
  private static boolean linearFit(
      double[] k, double[] w, double[] weights, double m, double sigma, double wMin, Candidate out) {
    double s1 = 0;
    double sy = 0;
    double sz = 0;
    double syy = 0;
    double syz = 0;
    double sw = 0;
    double syw = 0;
    double szw = 0;
    double sww = 0;
    double inverseSigma = 1.0 / sigma;
    for (int i = 0; i < k.length; i++) {
      double wt = weights[i];
      double y = (k[i] - m) * inverseSigma;
      double z = Math.sqrt(y * y + 1.0);
      double wi = w[i];
      s1 += wt;
      sy += wt * y;
      sz += wt * z;
      syy += wt * y * y;
      syz += wt * y * z;
      sw += wt * wi;
      syw += wt * y * wi;
      szw += wt * z * wi;
      sww += wt * wi * wi;
    }
    double szz = syy + s1;
    // symmetric system [s1 sy sz; sy syy syz; sz syz szz] (a d c)' = (sw syw szw)', solved by cofactors
    double c00 = syy * szz - syz * syz;
    double c01 = sz * syz - sy * szz;
    double c02 = sy * syz - syy * sz;
    double c11 = s1 * szz - sz * sz;
    double c12 = sy * sz - s1 * syz;
    double c22 = s1 * syy - sy * sy;
    double det = s1 * c00 + sy * c01 + sz * c02;
    if (!Double.isFinite(det) || !(Math.abs(det) > 1e-13 * s1 * syy * szz)) {
      return false;
    }
    double a = (c00 * sw + c01 * syw + c02 * szw) / det;
    double d = (c01 * sw + c11 * syw + c12 * szw) / det;
    double c = (c02 * sw + c12 * syw + c22 * szw) / det;
    boolean projected = false;
    if (!(c > 0)) {
      c = 1e-6 * wMin;
      projected = true;
    }
    if (Math.abs(d) > MAX_RHO_GUESS * c) {
      d = Math.copySign(MAX_RHO_GUESS * c, d);
      projected = true;
    }
    if (projected) {
      a = (sw - d * sy - c * sz) / s1;
    }
    double vmin = a + Math.sqrt(c * c - d * d);
    double floor = 1e-3 * wMin;
    if (vmin < floor) {
      a += floor - vmin;
    }
    out.a = a;
    out.d = d;
    out.c = c;
    out.m = m;
    out.sigma = sigma;
    out.cost = sww - 2.0 * (a * sw + d * syw + c * szw)
        + a * a * s1 + d * d * syy + c * c * szz
        + 2.0 * (a * d * sy + a * c * sz + d * c * syz);
    return true;
  }

  /** A candidate (a, d, c, m, sigma) of the initial-guess search; scratch local to one fit. */
  private static final class Candidate {
    double a;
    double d;
    double c;
    double m;
    double sigma;
    double cost = Double.POSITIVE_INFINITY;

    void copy(Candidate o) {
      a = o.a;
      d = o.d;
      c = o.c;
      m = o.m;
      sigma = o.sigma;
      cost = o.cost;
    }
  }

  //-------------------------------------------------------------------------
  /**
   * The box of one fit and the map between raw SVI and the internal unconstrained point
   * {@code x = (ln v, logit(bL/2), logit(bR/2), atanh((m - mid)/H), logit((sigma - sMin)/(sMax - sMin)))}.
   */
  private static final class Bounds {
    final double mid;
    final double mHalfRange;
    final double sigmaMin;
    final double sigmaMax;

    private Bounds(double mid, double mHalfRange, double sigmaMin, double sigmaMax) {
      this.mid = mid;
      this.mHalfRange = mHalfRange;
      this.sigmaMin = sigmaMin;
      this.sigmaMax = sigmaMax;
    }

    static Bounds of(double[] k, double[] weights) {
      double kMin = Double.POSITIVE_INFINITY;
      double kMax = Double.NEGATIVE_INFINITY;
      for (int i = 0; i < k.length; i++) {
        if (weights[i] > 0) {
          kMin = Math.min(kMin, k[i]);
          kMax = Math.max(kMax, k[i]);
        }
      }
      double width = kMax - kMin;
      return new Bounds((kMin + kMax) / 2.0, M_RANGE_FACTOR * width, SIGMA_MIN_FACTOR * width, SIGMA_MAX_FACTOR * width);
    }

    double[] toInternal(Candidate c) {
      double sigma = c.sigma;
      double b = c.c / sigma;
      double rho = c.d / c.c;
      double v = c.a + Math.sqrt(Math.max(c.c * c.c - c.d * c.d, 0.0));
      double eps = 1e-6;
      double pl = clamp(b * (1.0 - rho) / MAX_WING_SLOPE, eps, 1.0 - eps);
      double pr = clamp(b * (1.0 + rho) / MAX_WING_SLOPE, eps, 1.0 - eps);
      double mu = clamp((c.m - mid) / mHalfRange, -0.999, 0.999);
      double ps = clamp((sigma - sigmaMin) / (sigmaMax - sigmaMin), eps, 1.0 - eps);
      return new double[] {Math.log(v), logit(pl), logit(pr), 0.5 * Math.log((1.0 + mu) / (1.0 - mu)), logit(ps)};
    }

    SviParameters toParameters(double[] x) {
      double v = Math.exp(x[0]);
      double bl = MAX_WING_SLOPE * logistic(x[1]);
      double br = MAX_WING_SLOPE * logistic(x[2]);
      double m = mid + mHalfRange * Math.tanh(x[3]);
      double sigma = sigmaMin + (sigmaMax - sigmaMin) * logistic(x[4]);
      double b = 0.5 * (bl + br);
      double rho = (br - bl) / (br + bl);
      double bs = b * Math.sqrt(1.0 - rho * rho);
      double a = v - sigma * Math.sqrt(bl * br);
      if (a + sigma * bs < 0) {
        a = -sigma * bs;
      }
      return new SviParameters(a, b, rho, m, sigma);
    }
  }

  //-------------------------------------------------------------------------
  /**
   * Weighted model values and analytic Jacobian in the internal parameters; remembers the best point evaluated.
   * Local to one fit.
   */
  private static final class Objective implements MultivariateJacobianFunction {
    private final double t;
    private final double[] k;
    private final double[] sqrtWeights;
    private final boolean volSpace;
    private final Bounds bounds;
    private double[] target;
    private double[] bestX;
    private double bestCost = Double.POSITIVE_INFINITY;
    private int evaluations;

    Objective(double t, double[] k, double[] weights, boolean volSpace, Bounds bounds) {
      this.t = t;
      this.k = k;
      this.volSpace = volSpace;
      this.bounds = bounds;
      this.sqrtWeights = new double[k.length];
      for (int i = 0; i < k.length; i++) {
        sqrtWeights[i] = Math.sqrt(weights[i]);
      }
    }

    @Override
    public Pair<RealVector, RealMatrix> value(RealVector point) {
      evaluations++;
      double[] x = point.toArray();
      int n = k.length;
      double[] values = new double[n];
      double[][] jac = new double[n][5];
      // w = v + (bR - bL)/2 (k - m) + (bR + bL)/2 R - sigma sqrt(bL bR),  R = sqrt((k - m)^2 + sigma^2)
      double v = Math.exp(x[0]);
      double pl = logistic(x[1]);
      double pr = logistic(x[2]);
      double bl = MAX_WING_SLOPE * pl;
      double br = MAX_WING_SLOPE * pr;
      double th = Math.tanh(x[3]);
      double m = bounds.mid + bounds.mHalfRange * th;
      double ps = logistic(x[4]);
      double span = bounds.sigmaMax - bounds.sigmaMin;
      double sigma = bounds.sigmaMin + span * ps;
      // chain-rule factors d(natural)/d(internal)
      double dbl = bl * (1.0 - pl);
      double dbr = br * (1.0 - pr);
      double dm = bounds.mHalfRange * (1.0 - th * th);
      double dsigma = span * ps * (1.0 - ps);
      double half = 0.5 * (br - bl);
      double b = 0.5 * (br + bl);
      double bs = Math.sqrt(bl * br);
      double ratioLr = Math.sqrt(bl / br);
      double ratioRl = Math.sqrt(br / bl);
      double cost = 0;
      for (int i = 0; i < n; i++) {
        double dx = k[i] - m;
        double r = Math.sqrt(dx * dx + sigma * sigma);
        double w = v + half * dx + b * r - sigma * bs;
        double value;
        double scale;
        if (volSpace) {
          double sq = Math.sqrt(w * t);
          value = sqrtWeights[i] * sq / t;
          scale = sqrtWeights[i] / (2.0 * sq);
        } else {
          value = sqrtWeights[i] * w;
          scale = sqrtWeights[i];
        }
        values[i] = value;
        double[] row = jac[i];
        row[0] = scale * v;
        row[1] = scale * dbl * 0.5 * (-dx + r - sigma * ratioRl);
        row[2] = scale * dbr * 0.5 * (dx + r - sigma * ratioLr);
        row[3] = scale * dm * (-half - b * dx / r);
        row[4] = scale * dsigma * (b * sigma / r - bs);
        double e = value - target[i];
        cost += e * e;
      }
      if (cost < bestCost) {
        bestCost = cost;
        bestX = x;
      }
      return new Pair<>(new ArrayRealVector(values, false), new Array2DRowRealMatrix(jac, false));
    }
  }
}
