package io.levex.core.market.surface;

import java.util.Arrays;

/**
 * One raw-SVI least-squares problem on reusable arrays: the quotes, the box of the reparametrisation, the
 * quasi-explicit initial guess, the weighted residuals with their analytic Jacobian, and the scratch of the
 * Levenberg-Marquardt iteration of {@link SviFitter}. Package-private: the builder keeps one per build and reloads it
 * for every slice, so a fit allocates only its result; the tests wrap {@link #evaluate} in commons-math3's optimiser
 * (the reference implementation).
 * <p>
 * <b>Internal point</b> {@code x = (ln v, logit(bL/2), logit(bR/2), atanh((m - mid)/H), logit((sigma - sMin)/(sMax
 * - sMin)))}: {@code v = a + b sigma sqrt(1 - rho^2)} the minimum total variance, {@code bL = b (1 - rho)} and
 * {@code bR = b (1 + rho)} the wing slopes in (0, 2), {@code mid} the middle of the quoted k range, {@code H = 1.5 D}
 * and {@code (sMin, sMax) = (0.001 D, 2 D)} with {@code D} its width. In these coordinates total variance is
 * {@code w(k) = v + (bR - bL)/2 (k - m) + (bR + bL)/2 R - sigma sqrt(bL bR)}, {@code R = sqrt((k - m)^2 + sigma^2)}.
 * <p>
 * <b>Residuals</b> (vol space) {@code r_i = sqrt(weight_i) (sqrt(w(k_i)/T) - vol_i)}, or (total-variance space)
 * {@code sqrt(weight_i) (w(k_i) - w_i)}; weights normalised to a maximum of 1. Not thread-safe: one per thread.
 */
final class SviProblem {

  /** Lee's moment bound on the asymptotic slopes of total variance: b (1 +/- rho) <= 2. */
  static final double MAX_WING_SLOPE = 2.0;
  /** Number of SVI parameters. */
  static final int PARAMETERS = 5;
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

  // the quotes (first n entries used)
  int n;
  double t;
  boolean volSpace;
  double[] k = new double[0];
  double[] vols = new double[0];
  double[] w = new double[0];
  /** Normalised weights (maximum 1). */
  double[] weights = new double[0];
  double[] sqrtWeights = new double[0];
  /** sqrt(weight_i) x the quote (vol or total variance): what the weighted model values are fitted to. */
  double[] target = new double[0];
  /** Mean of the quotes (vol or total variance, all n): the scale of the absolute RMS tolerance. */
  double meanTarget;

  // the box
  private double mid;
  private double mHalfRange;
  private double sigmaMin;
  private double sigmaMax;

  // initial-guess scratch: the quotes with a positive guess weight, k centred on the middle of their range
  private double[] guessK = new double[0];
  private double[] guessWeight = new double[0];
  private double[] guessWeightW = new double[0];
  private final Candidate best = new Candidate();
  private final Candidate trial = new Candidate();

  // Levenberg-Marquardt scratch (SviFitter)
  final double[] x = new double[PARAMETERS];
  final double[] trialX = new double[PARAMETERS];
  final double[] bestX = new double[PARAMETERS];
  final double[] step = new double[PARAMETERS];
  final double[] scale = new double[PARAMETERS];
  /** J^T J (upper triangle, row-major packed: 00 01 02 03 04 11 12 13 14 22 23 24 33 34 44) at x and at trialX. */
  double[] jtj = new double[15];
  double[] trialJtj = new double[15];
  /** J^T r at x and at trialX. */
  double[] jtr = new double[PARAMETERS];
  double[] trialJtr = new double[PARAMETERS];

  /**
   * Creates an empty problem.
   *
   * @param capacity  the number of quotes to size the arrays for (they grow when needed)
   */
  SviProblem(int capacity) {
    ensure(capacity);
  }

  private void ensure(int capacity) {
    if (k.length >= capacity) {
      return;
    }
    int c = Math.max(capacity, 16);
    k = new double[c];
    vols = new double[c];
    w = new double[c];
    weights = new double[c];
    sqrtWeights = new double[c];
    target = new double[c];
    guessK = new double[c];
    guessWeight = new double[c];
    guessWeightW = new double[c];
  }

  //-------------------------------------------------------------------------
  /**
   * Loads implied-vol quotes (residuals in vol). No validation: {@link SviFitter#fit} checks its input; the builder
   * passes distinct k and finite positive vols.
   *
   * @param t  time to expiry, 365-day years, > 0
   * @param logMoneyness  k_i (first n used)
   * @param impliedVols  vol_i, decimal, > 0
   * @param rawWeights  relative weights >= 0, at least 5 positive; null for equal weights
   * @param n  the number of quotes
   */
  void loadVols(double t, double[] logMoneyness, double[] impliedVols, double[] rawWeights, int n) {
    load(t, logMoneyness, impliedVols, rawWeights, n, true);
  }

  /**
   * Loads total-variance quotes (residuals in total variance).
   *
   * @param t  time to expiry, 365-day years, > 0
   * @param logMoneyness  k_i (first n used)
   * @param totalVariances  w_i = vol_i^2 T, > 0
   * @param rawWeights  relative weights >= 0, at least 5 positive; null for equal weights
   * @param n  the number of quotes
   */
  void loadTotalVariances(double t, double[] logMoneyness, double[] totalVariances, double[] rawWeights, int n) {
    load(t, logMoneyness, totalVariances, rawWeights, n, false);
  }

  private void load(double t, double[] logMoneyness, double[] values, double[] rawWeights, int n, boolean volSpace) {
    ensure(n);
    this.n = n;
    this.t = t;
    this.volSpace = volSpace;
    System.arraycopy(logMoneyness, 0, k, 0, n);
    if (volSpace) {
      System.arraycopy(values, 0, vols, 0, n);
      for (int i = 0; i < n; i++) {
        w[i] = vols[i] * vols[i] * t;
      }
    } else {
      System.arraycopy(values, 0, w, 0, n);
      for (int i = 0; i < n; i++) {
        vols[i] = Math.sqrt(w[i] / t);
      }
    }
    if (rawWeights == null) {
      Arrays.fill(weights, 0, n, 1.0);
    } else {
      double max = 0;
      for (int i = 0; i < n; i++) {
        max = Math.max(max, rawWeights[i]);
      }
      for (int i = 0; i < n; i++) {
        weights[i] = rawWeights[i] / max;
      }
    }
    double kMin = Double.POSITIVE_INFINITY;
    double kMax = Double.NEGATIVE_INFINITY;
    double sum = 0;
    for (int i = 0; i < n; i++) {
      if (weights[i] > 0) {
        kMin = Math.min(kMin, k[i]);
        kMax = Math.max(kMax, k[i]);
      }
      sqrtWeights[i] = Math.sqrt(weights[i]);
      double quote = volSpace ? vols[i] : w[i];
      target[i] = sqrtWeights[i] * quote;
      sum += quote;
    }
    meanTarget = sum / n;
    double width = kMax - kMin;
    mid = (kMin + kMax) / 2.0;
    mHalfRange = M_RANGE_FACTOR * width;
    sigmaMin = SIGMA_MIN_FACTOR * width;
    sigmaMax = SIGMA_MAX_FACTOR * width;
  }

  //-------------------------------------------------------------------------
  /**
   * Writes the initial guess in internal coordinates, clamped as every evaluated point ({@link #clamp}).
   * <p>
   * Quasi-explicit method (Zeliade Systems 2009): for fixed {@code (m, sigma)} SVI is linear in {@code (a, d, c)},
   * {@code w = a + d y + c sqrt(y^2 + 1)}, {@code y = (k - m)/sigma}; the weighted 3 x 3 normal equations in total
   * variance (vol weights divided by {@code vol_i^2}) are solved on a 7 x 7 grid of {@code (m, sigma)} scaled to
   * the quoted k range, projected onto {@code c > 0}, {@code |d| <= 0.99 c} and a positive minimum variance, then
   * refined on a 3 x 3 grid around the best point. The sums that do not involve {@code sqrt(y^2 + 1)} are
   * moments of k computed once per slice; each grid point costs one pass with one square root per quote.
   *
   * @param out  the internal point, 5 values
   */
  void start(double[] out) {
    double kMin = Double.POSITIVE_INFINITY;
    double kMax = Double.NEGATIVE_INFINITY;
    double wMin = Double.POSITIVE_INFINITY;
    double wMean = 0;
    for (int i = 0; i < n; i++) {
      double gw = guessWeightOf(i);
      if (gw > 0) {
        kMin = Math.min(kMin, k[i]);
        kMax = Math.max(kMax, k[i]);
        wMin = Math.min(wMin, w[i]);
      }
      wMean += w[i];
    }
    wMean /= n;
    double width = kMax - kMin;
    double centre = (kMax + kMin) / 2.0;
    // moments of the centred k over the quotes with a positive guess weight
    int g = 0;
    double s1 = 0;
    double sk = 0;
    double skk = 0;
    double sw = 0;
    double skw = 0;
    double sww = 0;
    for (int i = 0; i < n; i++) {
      double gw = guessWeightOf(i);
      if (gw > 0) {
        double kc = k[i] - centre;
        double gww = gw * w[i];
        guessK[g] = kc;
        guessWeight[g] = gw;
        guessWeightW[g] = gww;
        g++;
        s1 += gw;
        sk += gw * kc;
        skk += gw * kc * kc;
        sw += gww;
        skw += gww * kc;
        sww += gww * w[i];
      }
    }
    Moments mo = new Moments(g, s1, sk, skk, sw, skw, sww, wMin);
    best.cost = Double.POSITIVE_INFINITY;
    for (double mf : M_GRID) {
      for (double sf : SIGMA_GRID) {
        if (linearFit(mo, mf * width, sf * width, trial) && trial.cost < best.cost) {
          best.copy(trial);
        }
      }
    }
    if (Double.isInfinite(best.cost)) {
      // degenerate data: a nearly flat smile at the mean variance
      best.a = wMean;
      best.c = 1e-6 * wMean;
      best.d = 0;
      best.m = 0.0;
      best.sigma = 0.2 * width;
    } else {
      double m0 = best.m;
      double s0 = best.sigma;
      for (int i = -1; i <= 1; i++) {
        for (int j = -1; j <= 1; j++) {
          if ((i != 0 || j != 0)
              && linearFit(mo, m0 + i * 0.125 * width, s0 * Math.pow(2.0, 0.5 * j), trial)
              && trial.cost < best.cost) {
            best.copy(trial);
          }
        }
      }
    }
    toInternal(best, centre + best.m, out);
    clamp(out);
  }

  private double guessWeightOf(int i) {
    return volSpace ? weights[i] / (vols[i] * vols[i]) : weights[i];
  }

  /** The k-only sums of the initial guess (k centred). */
  private record Moments(int count, double s1, double sk, double skk, double sw, double skw, double sww, double wMin) {
  }

  /**
   * Solves the 3 x 3 weighted least squares of w = a + d y + c z at fixed (m, sigma), m relative to the centre of
   * the k range; false if singular.
   */
  private boolean linearFit(Moments mo, double m, double sigma, Candidate out) {
    double inverseSigma = 1.0 / sigma;
    double s1 = mo.s1;
    // sums of y = (k - m)/sigma and y^2 from the moments of k
    double sy = (mo.sk - m * s1) * inverseSigma;
    double syy = (mo.skk - 2.0 * m * mo.sk + m * m * s1) * inverseSigma * inverseSigma;
    double sw = mo.sw;
    double syw = (mo.skw - m * sw) * inverseSigma;
    double sww = mo.sww;
    double sz = 0;
    double syz = 0;
    double szw = 0;
    double[] gk = guessK;
    double[] gwt = guessWeight;
    double[] gww = guessWeightW;
    for (int i = 0; i < mo.count; i++) {
      double y = (gk[i] - m) * inverseSigma;
      double z = Math.sqrt(Math.fma(y, y, 1.0));
      double wz = gwt[i] * z;
      sz += wz;
      syz = Math.fma(wz, y, syz);
      szw = Math.fma(gww[i], z, szw);
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
    double inverseDet = 1.0 / det;
    double a = (c00 * sw + c01 * syw + c02 * szw) * inverseDet;
    double d = (c01 * sw + c11 * syw + c12 * szw) * inverseDet;
    double c = (c02 * sw + c12 * syw + c22 * szw) * inverseDet;
    boolean projected = false;
    if (!(c > 0)) {
      c = 1e-6 * mo.wMin;
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
    double floor = 1e-3 * mo.wMin;
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

  private void toInternal(Candidate c, double m, double[] out) {
    double sigma = c.sigma;
    double b = c.c / sigma;
    double rho = c.d / c.c;
    double v = c.a + Math.sqrt(Math.max(c.c * c.c - c.d * c.d, 0.0));
    double eps = 1e-6;
    double pl = clamp(b * (1.0 - rho) / MAX_WING_SLOPE, eps, 1.0 - eps);
    double pr = clamp(b * (1.0 + rho) / MAX_WING_SLOPE, eps, 1.0 - eps);
    double mu = clamp((m - mid) / mHalfRange, -0.999, 0.999);
    double ps = clamp((sigma - sigmaMin) / (sigmaMax - sigmaMin), eps, 1.0 - eps);
    out[0] = Math.log(v);
    out[1] = logit(pl);
    out[2] = logit(pr);
    out[3] = 0.5 * Math.log((1.0 + mu) / (1.0 - mu));
    out[4] = logit(ps);
  }

  /** A candidate (a, d, c, m, sigma) of the initial-guess search. */
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
   * Keeps an internal point where the model is finite: {@code |x0| <= 50}, {@code |x1..x4| <= 30}, NaN to 0 (the
   * optimiser's parameter validator).
   *
   * @param x  the point, modified in place
   */
  static void clamp(double[] x) {
    x[0] = clamp(x[0], -LOG_LIMIT, LOG_LIMIT);
    for (int i = 1; i < PARAMETERS; i++) {
      x[i] = clamp(x[i], -LOGIT_LIMIT, LOGIT_LIMIT);
    }
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
   * Evaluates the weighted model values and the Jacobian in the internal parameters (the form commons-math3's
   * optimisers take).
   *
   * @param x  the internal point
   * @param values  out: the weighted model values, n
   * @param jacobian  out: n rows of 5 partial derivatives
   * @return the sum of squared residuals, sum_i (values_i - target_i)^2
   */
  double evaluate(double[] x, double[] values, double[][] jacobian) {
    double v = Math.exp(x[0]);
    double pl = logistic(x[1]);
    double pr = logistic(x[2]);
    double bl = MAX_WING_SLOPE * pl;
    double br = MAX_WING_SLOPE * pr;
    double th = Math.tanh(x[3]);
    double m = mid + mHalfRange * th;
    double ps = logistic(x[4]);
    double span = sigmaMax - sigmaMin;
    double sigma = sigmaMin + span * ps;
    // chain-rule factors d(natural)/d(internal)
    double dbl = bl * (1.0 - pl);
    double dbr = br * (1.0 - pr);
    double dm = mHalfRange * (1.0 - th * th);
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
      double wi = v + half * dx + b * r - sigma * bs;
      double value;
      double s;
      if (volSpace) {
        double sq = Math.sqrt(wi * t);
        value = sqrtWeights[i] * sq / t;
        s = sqrtWeights[i] / (2.0 * sq);
      } else {
        value = sqrtWeights[i] * wi;
        s = sqrtWeights[i];
      }
      values[i] = value;
      double[] row = jacobian[i];
      row[0] = s * v;
      row[1] = s * dbl * 0.5 * (-dx + r - sigma * ratioRl);
      row[2] = s * dbr * 0.5 * (dx + r - sigma * ratioLr);
      row[3] = s * dm * (-half - b * dx / r);
      row[4] = s * dsigma * (b * sigma / r - bs);
      double e = value - target[i];
      cost += e * e;
    }
    return cost;
  }

  /**
   * Evaluates the residuals and accumulates the normal equations in one pass, without storing the Jacobian: the
   * same model and derivatives as {@link #evaluate}. The chain-rule factors that do not depend on the quote
   * ({@code v}, {@code dbL/dx1}, ...) are applied to the 20 sums once at the end: {@code J = J0 C},
   * {@code C = diag(c)}, so {@code J^T J = C (J0^T J0) C} and {@code J^T r = C J0^T r}.
   *
   * @param x  the internal point
   * @param normal  out: J^T J, upper triangle packed row-major (15 values)
   * @param gradient  out: J^T r (5 values), r = model - target
   * @return the sum of squared residuals
   */
  double normalEquations(double[] x, double[] normal, double[] gradient) {
    double v = Math.exp(x[0]);
    double pl = logistic(x[1]);
    double pr = logistic(x[2]);
    double bl = MAX_WING_SLOPE * pl;
    double br = MAX_WING_SLOPE * pr;
    double th = Math.tanh(x[3]);
    double m = mid + mHalfRange * th;
    double ps = logistic(x[4]);
    double span = sigmaMax - sigmaMin;
    double sigma = sigmaMin + span * ps;
    double half = 0.5 * (br - bl);
    double b = 0.5 * (br + bl);
    double bs = Math.sqrt(bl * br);
    double sigmaRatioLr = sigma * Math.sqrt(bl / br);
    double sigmaRatioRl = sigma * Math.sqrt(br / bl);
    double sigma2 = sigma * sigma;
    double bSigma = b * sigma;
    double level = v - sigma * bs;
    double a00 = 0;
    double a01 = 0;
    double a02 = 0;
    double a03 = 0;
    double a04 = 0;
    double a11 = 0;
    double a12 = 0;
    double a13 = 0;
    double a14 = 0;
    double a22 = 0;
    double a23 = 0;
    double a24 = 0;
    double a33 = 0;
    double a34 = 0;
    double a44 = 0;
    double g0 = 0;
    double g1 = 0;
    double g2 = 0;
    double g3 = 0;
    double g4 = 0;
    double cost = 0;
    double sqrtT = Math.sqrt(t);
    double inverseSqrtT = 1.0 / sqrtT;
    double[] kk = k;
    double[] sqw = sqrtWeights;
    double[] tg = target;
    boolean vs = volSpace;
    for (int i = 0; i < n; i++) {
      double sw = sqw[i];
      double dx = kk[i] - m;
      double r = Math.sqrt(Math.fma(dx, dx, sigma2));
      double wi = Math.fma(b, r, Math.fma(half, dx, level));
      double value;
      double s;
      double inverseR;
      if (vs) {
        // vol sqrt(w/T) and its derivative 1/(2 sqrt(wT)) in w; one division for 1/sqrt(w) and 1/r
        double sq = Math.sqrt(wi);
        double inverse = 1.0 / (sq * r);
        value = sw * sq * inverseSqrtT;
        s = sw * r * inverse;
        inverseR = sq * inverse;
      } else {
        value = sw * wi;
        s = sw;
        inverseR = 1.0 / r;
      }
      // the Jacobian row without the constant chain-rule factors
      double j0 = s;
      double j1 = s * (r - dx - sigmaRatioRl);
      double j2 = s * (r + dx - sigmaRatioLr);
      double j3 = s * Math.fma(b * dx, inverseR, half);
      double j4 = s * Math.fma(bSigma, inverseR, -bs);
      double e = value - tg[i];
      cost = Math.fma(e, e, cost);
      a00 = Math.fma(j0, j0, a00);
      a01 = Math.fma(j0, j1, a01);
      a02 = Math.fma(j0, j2, a02);
      a03 = Math.fma(j0, j3, a03);
      a04 = Math.fma(j0, j4, a04);
      a11 = Math.fma(j1, j1, a11);
      a12 = Math.fma(j1, j2, a12);
      a13 = Math.fma(j1, j3, a13);
      a14 = Math.fma(j1, j4, a14);
      a22 = Math.fma(j2, j2, a22);
      a23 = Math.fma(j2, j3, a23);
      a24 = Math.fma(j2, j4, a24);
      a33 = Math.fma(j3, j3, a33);
      a34 = Math.fma(j3, j4, a34);
      a44 = Math.fma(j4, j4, a44);
      g0 = Math.fma(j0, e, g0);
      g1 = Math.fma(j1, e, g1);
      g2 = Math.fma(j2, e, g2);
      g3 = Math.fma(j3, e, g3);
      g4 = Math.fma(j4, e, g4);
    }
    // chain-rule factors d(w-model)/d(internal), with vol space's 1/(2 sqrt(T))
    double f = vs ? 0.5 * inverseSqrtT : 1.0;
    double c0 = f * v;
    double c1 = f * 0.5 * bl * (1.0 - pl);
    double c2 = f * 0.5 * br * (1.0 - pr);
    double c3 = -f * mHalfRange * (1.0 - th * th);
    double c4 = f * span * ps * (1.0 - ps);
    normal[0] = c0 * c0 * a00;
    normal[1] = c0 * c1 * a01;
    normal[2] = c0 * c2 * a02;
    normal[3] = c0 * c3 * a03;
    normal[4] = c0 * c4 * a04;
    normal[5] = c1 * c1 * a11;
    normal[6] = c1 * c2 * a12;
    normal[7] = c1 * c3 * a13;
    normal[8] = c1 * c4 * a14;
    normal[9] = c2 * c2 * a22;
    normal[10] = c2 * c3 * a23;
    normal[11] = c2 * c4 * a24;
    normal[12] = c3 * c3 * a33;
    normal[13] = c3 * c4 * a34;
    normal[14] = c4 * c4 * a44;
    gradient[0] = c0 * g0;
    gradient[1] = c1 * g1;
    gradient[2] = c2 * g2;
    gradient[3] = c3 * g3;
    gradient[4] = c4 * g4;
    return cost;
  }

  /** The indices of the diagonal of J^T J in the packed upper triangle. */
  static final int[] DIAGONAL = {0, 5, 9, 12, 14};

  //-------------------------------------------------------------------------
  /**
   * Maps an internal point to raw SVI.
   *
   * @param x  the internal point
   * @return the parameters
   */
  SviParameters parameters(double[] x) {
    double v = Math.exp(x[0]);
    double bl = MAX_WING_SLOPE * logistic(x[1]);
    double br = MAX_WING_SLOPE * logistic(x[2]);
    double m = mid + mHalfRange * Math.tanh(x[3]);
    double sigma = sigmaMin + (sigmaMax - sigmaMin) * logistic(x[4]);
    double b = 0.5 * (bl + br);
    double rho = (br - bl) / (br + bl);
    double bsr = b * Math.sqrt(1.0 - rho * rho);
    double a = v - sigma * Math.sqrt(bl * br);
    if (a + sigma * bsr < 0) {
      a = -sigma * bsr;
    }
    return new SviParameters(a, b, rho, m, sigma);
  }

  /**
   * The fit result at an internal point: the parameters, and the RMS and largest |fitted - market| vol over the
   * quotes with positive weight (unweighted).
   *
   * @param point  the internal point
   * @param iterations  optimiser iterations
   * @param evaluations  model evaluations
   * @param converged  whether the optimiser converged
   * @return the result
   */
  SviFitResult result(double[] point, int iterations, int evaluations, boolean converged) {
    SviParameters params = parameters(point);
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
}
