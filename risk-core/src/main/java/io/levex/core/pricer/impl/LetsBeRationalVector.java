package io.levex.core.pricer.impl;

import io.levex.core.pricer.ImpliedVolFailure;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link LetsBeRational#totalVolatility} on SIMD lanes (the Java Vector API, {@code jdk.incubator.vector}): the same
 * four-branch initial guess and two Householder(3) steps with the branch's objective, for
 * {@link DoubleVector#SPECIES_PREFERRED} options at once (8 on AVX-512, 4 on AVX2).
 * <p>
 * The caller fills a {@link Scratch} with up to {@link #CHUNK} normalised problems ({@code x = -|ln F/K|},
 * {@code beta}, {@code bMax = Math.exp(x/2)}, already checked: {@code MIN_NORMAL <= beta < bMax}), padded to a
 * multiple of {@link #LANES}, and gets back the total volatility per lane, or NaN where the lane must be solved by
 * the scalar {@link LetsBeRational} instead: a bisection step of the scalar iteration (a step that left the bracket,
 * only for extreme |x|), its degenerate-objective fallbacks, or any non-finite or non-positive intermediate guess or
 * result. With those lanes handed back, the vector lanes follow the scalar algorithm branch for branch, so the two
 * agree to a few ulps (the vector exponential, logarithm and cube root round differently from {@link Math}'s, and
 * the initial guess's normal CDF and AS241 use fused multiply-adds), and the failure statuses derived from them
 * are the same.
 * <p>
 * The discipline is that of {@link Black76VectorKernel}: the work is a sequence of short passes over the chunk's
 * scratch arrays (no vector crosses a method boundary, a loop-carried merge or a branch: what a branch computes is
 * written by a masked store and reloaded after it), lane choices are masks made by {@code compare} from double lanes
 * (branch and region codes are stored as doubles, never as booleans), and a formula that no lane of a vector needs
 * is skipped. One normalised-Black evaluation (value and vega on every lane, regions as in {@link NormalisedBlack})
 * is seven passes; the solver makes four: at {@code s_c}, at {@code s_l} or {@code s_h}, and one per Householder
 * step. Not thread-safe: use one {@link Scratch} per thread.
 */
public final class LetsBeRationalVector {

  private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;
  /** Lanes per vector. */
  public static final int LANES = SPECIES.length();
  /**
   * Problems per chunk (a multiple of every lane count). The ~50 working arrays of a chunk take 1 KB each, about an
   * L1 cache: 128 is faster than 256 (whose passes miss L1) and than 64 (more per-chunk overhead).
   */
  public static final int CHUNK = 128;

  private static final double DBL_EPSILON = Math.ulp(1.0);
  private static final double SQRT_DBL_MAX = Math.sqrt(Double.MAX_VALUE);
  private static final double SQRT_THREE = Math.sqrt(3.0);
  private static final double SQRT_ONE_OVER_THREE = Math.sqrt(1.0 / 3.0);
  private static final double TWO_PI = 2.0 * Math.PI;
  private static final double PI_OVER_SIX = Math.PI / 6.0;
  private static final double TWO_PI_OVER_SQRT_TWENTY_SEVEN = 2.0 * Math.PI / Math.sqrt(27.0);
  private static final double SQRT_PI_OVER_TWO = Math.sqrt(Math.PI / 2.0);
  private static final double MIN_RATIONAL_CUBIC_CONTROL = -(1.0 - Math.sqrt(DBL_EPSILON));
  private static final double MAX_RATIONAL_CUBIC_CONTROL = 2.0 / (DBL_EPSILON * DBL_EPSILON);
  private static final double INV_SQRT_2 = NormalDistribution.INV_SQRT_2;
  private static final double INV_SQRT_2PI = NormalDistribution.INV_SQRT_2PI;
  private static final double INV_SQRT_PI = 0.5641895835477562869480794515607725858440506293290;

  // normalised-Black regions (NormalisedBlack): the erfcx formulas, the small-t expansion, the asymptotic expansion
  private static final double REGION_ERFCX = 0.0;
  private static final double REGION_SMALL_T = 1.0;
  private static final double REGION_ASYMPTOTIC = 2.0;
  // the initial-guess branches of LetsBeRational.totalVolatility
  private static final double BRANCH_LOW = 0.0;
  private static final double BRANCH_MIDDLE_LOW = 1.0;
  private static final double BRANCH_MIDDLE_HIGH = 2.0;
  private static final double BRANCH_HIGH = 3.0;
  // the objectives of the Householder steps
  private static final double LOWEST = 0.0;
  private static final double MIDDLE = 1.0;
  private static final double UPPER = 2.0;

  /** Code of a lane that goes on to the iteration. */
  public static final double PENDING = 0.0;
  /** Code of a lane whose status must be decided by the scalar checks (a decision within a few ulps of a bound). */
  public static final double RECHECK = -1.0;
  private static final double INVALID_INPUT = ImpliedVolFailure.INVALID_INPUT.code();
  private static final double BELOW_INTRINSIC = ImpliedVolFailure.BELOW_INTRINSIC.code();
  private static final double NO_TIME_VALUE = ImpliedVolFailure.NO_TIME_VALUE.code();
  private static final double ABOVE_UPPER_BOUND = ImpliedVolFailure.ABOVE_UPPER_BOUND.code();
  /** 2^-48: 16 ulps, the guard band of the vector checks. */
  private static final double GUARD = 0x1p-48;
  /** A well-posed problem for the lanes that are not solved (x, beta, bMax). */
  public static final double PAD_X = -0.25;
  /** See {@link #PAD_X}. */
  public static final double PAD_BETA = 0.05;
  /** See {@link #PAD_X}. */
  public static final double PAD_B_MAX = Math.exp(0.5 * PAD_X);

  private static final DoubleVector ONE = DoubleVector.broadcast(SPECIES, 1.0);
  private static final DoubleVector ZERO = DoubleVector.zero(SPECIES);

  private LetsBeRationalVector() {
  }

  /** Per-thread working arrays of one chunk. */
  public static final class Scratch {
    /** Input: the log-moneyness {@code -|ln(F/K)|}, per lane. */
    public final double[] x = new double[CHUNK];
    /** Input: the normalised time value, per lane. */
    public final double[] beta = new double[CHUNK];
    /** Input: {@code Math.exp(0.5 * x)}, per lane. */
    public final double[] bMax = new double[CHUNK];
    /** Output: the total volatility, or NaN where the scalar solver must be used. */
    public final double[] s = new double[CHUNK];
    /** For the caller: +1 for a call, -1 for a put. */
    public final double[] callSign = new double[CHUNK];
    /**
     * The status of each lane after {@link #normalise}: {@link #PENDING}, a failure code, or {@link #RECHECK}.
     */
    public final double[] code = new double[CHUNK];
    final double[] invU = new double[CHUNK];
    // one evaluation of b and its vega at sEval
    final double[] sEval = new double[CHUNK];
    final double[] h = new double[CHUNK];
    final double[] invS = new double[CHUNK];
    final double[] base = new double[CHUNK];
    final double[] region = new double[CHUNK];
    final double[] argD1 = new double[CHUNK];
    final double[] argD2 = new double[CHUNK];
    final double[] erfcxD1 = new double[CHUNK];
    final double[] erfcxD2 = new double[CHUNK];
    final double[] millsA = new double[CHUNK];
    final double[] smallT = new double[CHUNK];
    final double[] asymptotic = new double[CHUNK];
    final double[] b = new double[CHUNK];
    final double[] vega = new double[CHUNK];
    // the initial guess
    final double[] sC = new double[CHUNK];
    final double[] bC = new double[CHUNK];
    final double[] vC = new double[CHUNK];
    final double[] invVC = new double[CHUNK];
    final double[] lowSide = new double[CHUNK];
    final double[] b2 = new double[CHUNK];
    final double[] branch = new double[CHUNK];
    final double[] tailArg = new double[CHUNK];
    final double[] tailErfc = new double[CHUNK];
    final double[] xL = new double[CHUNK];
    final double[] xR = new double[CHUNK];
    final double[] yL = new double[CHUNK];
    final double[] yR = new double[CHUNK];
    final double[] dL = new double[CHUNK];
    final double[] dR = new double[CHUNK];
    final double[] second = new double[CHUNK];
    final double[] leftControl = new double[CHUNK];
    final double[] preferShape = new double[CHUNK];
    final double[] fAux = new double[CHUNK];
    final double[] fppFinite = new double[CHUNK];
    final double[] f = new double[CHUNK];
    final double[] p = new double[CHUNK];
    final double[] quantile = new double[CHUNK];
    // the Householder steps
    final double[] objective = new double[CHUNK];
    final double[] lnBeta = new double[CHUNK];
    final double[] invLnBeta = new double[CHUNK];
    final double[] sLeft = new double[CHUNK];
    final double[] sRight = new double[CHUNK];
    final double[] active = new double[CHUNK];
    final double[] newton = new double[CHUNK];
    final double[] halley = new double[CHUNK];
    final double[] hh3 = new double[CHUNK];
    final double[] scalar = new double[CHUNK];
  }

  /**
   * Solves lanes {@code 0..n} of the scratch into {@link Scratch#s}.
   *
   * @param sc  the problems, and the working arrays
   * @param n  the number of lanes, a multiple of {@link #LANES}, at most {@link #CHUNK}
   */
  public static void totalVolatilities(Scratch sc, int n) {
    centre(sc, n);
    evaluate(sc, n);
    afterCentre(sc, n);
    evaluate(sc, n);
    branches(sc, n);
    erfcPositive(sc.tailArg, sc.tailErfc, sc.branch, n);
    tailMaps(sc, n);
    rationalCubic(sc, n);
    quantileArguments(sc, n);
    inverseCdf(sc.p, sc.quantile, sc.branch, n);
    initialGuess(sc, n);
    evaluate(sc, n);
    householder(sc, n, false);
    evaluate(sc, n);
    householder(sc, n, true);
  }

  /**
   * The input checks and the normalisation of {@code ImpliedVolatilitySolver} on lanes, for items {@code c..c+n}
   * (calls in {@link Scratch#callSign}): per lane a code ({@link #PENDING} or a failure code) and, for pending lanes,
   * {@code x}, {@code beta} and {@code bMax} (other lanes get a harmless problem). The vector {@code expm1},
   * logarithm and exponential may round differently from {@link Math}'s by an ulp, so a lane whose decision is
   * within {@link #GUARD} of a bound is coded {@link #RECHECK}: the caller decides it with the scalar code. Away
   * from the bounds the decisions are exact (the two-sum and the subtractions are the scalar code's).
   *
   * @param forward  F
   * @param strike  K
   * @param t  times
   * @param rate  rates; null for 0
   * @param price  discounted prices
   * @param c  the first item
   * @param n  the number of items, a multiple of {@link #LANES}, at most {@link #CHUNK}
   * @param sc  the scratch
   * @return whether a lane is {@link #RECHECK}
   */
  public static boolean normalise(double[] forward, double[] strike, double[] t, double[] rate, double[] price, int c,
      int n, Scratch sc) {
    boolean recheck = false;
    for (int j = 0; j < n; j += LANES) {
      DoubleVector f = DoubleVector.fromArray(SPECIES, forward, c + j);
      DoubleVector k = DoubleVector.fromArray(SPECIES, strike, c + j);
      DoubleVector tt = DoubleVector.fromArray(SPECIES, t, c + j);
      DoubleVector r = rate == null ? ZERO : DoubleVector.fromArray(SPECIES, rate, c + j);
      DoubleVector p = DoubleVector.fromArray(SPECIES, price, c + j);
      VectorMask<Double> isCall = DoubleVector.fromArray(SPECIES, sc.callSign, j).compare(VectorOperators.GT, 0.0);
      VectorMask<Double> valid = f.compare(VectorOperators.GT, 0.0).and(f.compare(VectorOperators.LT, Double.POSITIVE_INFINITY))
          .and(k.compare(VectorOperators.GT, 0.0)).and(k.compare(VectorOperators.LT, Double.POSITIVE_INFINITY))
          .and(tt.compare(VectorOperators.GT, 0.0)).and(tt.compare(VectorOperators.LT, Double.POSITIVE_INFINITY))
          .and(p.compare(VectorOperators.GE, 0.0)).and(p.compare(VectorOperators.LT, Double.POSITIVE_INFINITY))
          .and(r.sub(r).compare(VectorOperators.EQ, 0.0));
      // the intrinsic value hi + lo exactly (two-sum of F and -K, or K and -F)
      VectorMask<Double> inTheMoney = f.compare(VectorOperators.GT, k).and(isCall)
          .or(k.compare(VectorOperators.GT, f).andNot(isCall));
      DoubleVector a = k.blend(f, isCall);
      DoubleVector b = f.neg().blend(k.neg(), isCall);
      DoubleVector sum = a.add(b);
      DoubleVector bVirtual = sum.sub(a);
      DoubleVector hi = ZERO.blend(sum, inTheMoney);
      DoubleVector lo = ZERO.blend(a.sub(sum.sub(bVirtual)).add(b.sub(bVirtual)), inTheMoney);
      VectorMask<Double> zeroRate = r.compare(VectorOperators.EQ, 0.0);
      DoubleVector dfMinusOne = r.neg().mul(tt).lanewise(VectorOperators.EXPM1).blend(0.0, zeroRate);
      DoubleVector df = dfMinusOne.add(1.0);
      DoubleVector bound = df.mul(k.blend(f, isCall));
      VectorMask<Double> above = p.compare(VectorOperators.GE, bound);
      DoubleVector discountedTimeValue = p.sub(hi).sub(lo).sub(dfMinusOne.mul(hi)).sub(dfMinusOne.mul(lo));
      VectorMask<Double> below = discountedTimeValue.compare(VectorOperators.LT, 0.0);
      DoubleVector timeValue = discountedTimeValue.div(df).blend(discountedTimeValue, zeroRate);
      VectorMask<Double> noTimeValue = timeValue.compare(VectorOperators.GT, 0.0).not();
      DoubleVector ratio = f.div(k);
      DoubleVector remainder = ratio.neg().fma(k, f);
      DoubleVector x = ratio.lanewise(VectorOperators.LOG).add(remainder.div(f)).abs().neg();
      DoubleVector beta = timeValue.div(f.mul(k).sqrt());
      VectorMask<Double> tiny = beta.compare(VectorOperators.GE, Double.MIN_NORMAL).not();
      DoubleVector bMax = x.mul(0.5).lanewise(VectorOperators.EXP);
      VectorMask<Double> aboveMaximum = beta.compare(VectorOperators.GE, bMax);
      DoubleVector code = DoubleVector.broadcast(SPECIES, PENDING).blend(ABOVE_UPPER_BOUND, aboveMaximum)
          .blend(NO_TIME_VALUE, noTimeValue.or(tiny)).blend(BELOW_INTRINSIC, below).blend(ABOVE_UPPER_BOUND, above);
      // the guard bands: the bound df F (or df K) and the time value depend on the vector expm1 (when r != 0), the
      // test beta < bMax on the vector logarithm and exponential; beta near the smallest normal is left to the scalar
      VectorMask<Double> near = bound.sub(p).abs().compare(VectorOperators.LE, bound.mul(GUARD))
          .or(discountedTimeValue.abs().compare(VectorOperators.LE, p.add(hi).mul(GUARD)))
          .andNot(zeroRate)
          .or(bMax.sub(beta).abs().compare(VectorOperators.LE, bMax.mul(GUARD)))
          .or(beta.compare(VectorOperators.LT, 2.0 * Double.MIN_NORMAL).and(beta.compare(VectorOperators.GT, 0.0)));
      code = code.blend(RECHECK, near).blend(INVALID_INPUT, valid.not());
      VectorMask<Double> pending = code.compare(VectorOperators.EQ, PENDING);
      code.intoArray(sc.code, j);
      DoubleVector.broadcast(SPECIES, PAD_X).blend(x, pending).intoArray(sc.x, j);
      DoubleVector.broadcast(SPECIES, PAD_BETA).blend(beta, pending).intoArray(sc.beta, j);
      DoubleVector.broadcast(SPECIES, PAD_B_MAX).blend(bMax, pending).intoArray(sc.bMax, j);
      recheck |= near.anyTrue();
    }
    return recheck;
  }

  /**
   * The implied vols {@code s / sqrt(t)} of items {@code c..c+n} into {@code volOut}: NaN for the lanes that are not
   * {@link #PENDING} or that the SIMD solver handed back (NaN in {@link Scratch#s}).
   *
   * @param t  times
   * @param c  the first item
   * @param n  the number of items, a multiple of {@link #LANES}
   * @param volOut  the vols
   * @param sc  the scratch
   */
  public static void vols(double[] t, int c, int n, double[] volOut, Scratch sc) {
    for (int j = 0; j < n; j += LANES) {
      DoubleVector s = DoubleVector.fromArray(SPECIES, sc.s, j);
      VectorMask<Double> pending = DoubleVector.fromArray(SPECIES, sc.code, j).compare(VectorOperators.EQ, PENDING);
      s.div(DoubleVector.fromArray(SPECIES, t, c + j).sqrt()).blend(Double.NaN, pending.not()).intoArray(volOut, c + j);
    }
  }

  // b(x, sEval) into sc.b and its vega INV_SQRT_2PI base into sc.vega, on every lane (h and base kept)
  static void evaluate(Scratch sc, int n) {
    sharedTerms(sc, n);
    erfcx(sc.argD1, sc.erfcxD1, sc.region, n);
    erfcx(sc.argD2, sc.erfcxD2, sc.region, n);
    millsRatioDerivative(sc, n);
    smallTSeries(sc, n);
    asymptoticExpansion(sc, n);
    blend(sc, n);
  }

  // ---------------------------------------------------------------------------------------------------------------
  // the normalised Black function (NormalisedBlack.outOfTheMoney with the same order of operations)

  // h = x / s, the compensated Gaussian factor (NormalisedBlack.gaussianBase), the region, the erfcx arguments
  static void sharedTerms(Scratch sc, int n) {
    for (int j = 0; j < n; j += LANES) {
      DoubleVector x = DoubleVector.fromArray(SPECIES, sc.x, j);
      DoubleVector s = DoubleVector.fromArray(SPECIES, sc.sEval, j);
      DoubleVector h = x.div(s);
      DoubleVector invS = ONE.div(s);
      DoubleVector t = s.mul(0.5);
      DoubleVector hLo = h.neg().fma(s, x).mul(invS);
      DoubleVector h2 = h.mul(h);
      DoubleVector h2Lo = h.fma(h, h2.neg()).add(h.mul(2.0).mul(hLo));
      DoubleVector t2 = t.mul(t);
      DoubleVector t2Lo = t.fma(t, t2.neg());
      DoubleVector sum = h2.add(t2);
      DoubleVector bv = sum.sub(h2);
      DoubleVector sumLo = h2.sub(sum.sub(bv)).add(t2.sub(bv)).add(h2Lo).add(t2Lo);
      DoubleVector base = sum.mul(-0.5).lanewise(VectorOperators.EXP).mul(sumLo.mul(-0.5).add(1.0));
      DoubleVector d1 = h.add(t);
      DoubleVector minusH = h.neg();
      VectorMask<Double> asymptotic = h.compare(VectorOperators.LT, NormalisedBlack.ASYMPTOTIC_THRESHOLD)
          .and(d1.compare(VectorOperators.LT, NormalisedBlack.ASYMPTOTIC_BORDER));
      VectorMask<Double> smallT = t.compare(VectorOperators.LT, NormalisedBlack.SMALL_T_THRESHOLD)
          .or(t.mul(9.0).compare(VectorOperators.LT, minusH).and(minusH.mul(t).compare(VectorOperators.LT, 5.0)));
      h.intoArray(sc.h, j);
      invS.intoArray(sc.invS, j);
      base.intoArray(sc.base, j);
      ZERO.blend(REGION_SMALL_T, smallT).blend(REGION_ASYMPTOTIC, asymptotic).intoArray(sc.region, j);
      d1.abs().mul(INV_SQRT_2).intoArray(sc.argD1, j);
      h.sub(t).mul(-INV_SQRT_2).intoArray(sc.argD2, j);
    }
  }

  // Cody's erfcx for arguments >= 0, on the lanes of the erfcx region (NormalDistribution.erfcx)
  static void erfcx(double[] in, double[] out, double[] region, int n) {
    for (int j = 0; j < n; j += LANES) {
      VectorMask<Double> need = DoubleVector.fromArray(SPECIES, region, j).compare(VectorOperators.EQ, REGION_ERFCX);
      if (!need.anyTrue()) {
        continue;
      }
      DoubleVector y = DoubleVector.fromArray(SPECIES, in, j);
      VectorMask<Double> small = y.compare(VectorOperators.LE, 0.46875).and(need);
      VectorMask<Double> large = y.compare(VectorOperators.GT, 4.0).and(need);
      VectorMask<Double> middle = need.andNot(small).andNot(large);
      if (middle.anyTrue()) {
        DoubleVector num = y.fma(2.15311535474403846e-8, 5.64188496988670089e-1);
        DoubleVector den = y.add(1.57449261107098347e01);
        num = num.lanewise(VectorOperators.FMA, y, 8.88314979438837594e00);
        den = den.lanewise(VectorOperators.FMA, y, 1.17693950891312499e02);
        num = num.lanewise(VectorOperators.FMA, y, 6.61191906371416295e01);
        den = den.lanewise(VectorOperators.FMA, y, 5.37181101862009858e02);
        num = num.lanewise(VectorOperators.FMA, y, 2.98635138197400131e02);
        den = den.lanewise(VectorOperators.FMA, y, 1.62138957456669019e03);
        num = num.lanewise(VectorOperators.FMA, y, 8.81952221241769090e02);
        den = den.lanewise(VectorOperators.FMA, y, 3.29079923573345963e03);
        num = num.lanewise(VectorOperators.FMA, y, 1.71204761263407058e03);
        den = den.lanewise(VectorOperators.FMA, y, 4.36261909014324716e03);
        num = num.lanewise(VectorOperators.FMA, y, 2.05107837782607147e03);
        den = den.lanewise(VectorOperators.FMA, y, 3.43936767414372164e03);
        num = num.lanewise(VectorOperators.FMA, y, 1.23033935479799725e03);
        den = den.lanewise(VectorOperators.FMA, y, 1.23033935480374942e03);
        num.div(den).intoArray(out, j, middle);
      }
      if (small.anyTrue()) {
        // the other lanes' arguments zeroed: an exponential that overflows (or a NaN) takes the vector math
        // library's slow special-case path for the whole vector
        DoubleVector z = y.mul(y).blend(0.0, small.not());
        DoubleVector num = z.fma(1.85777706184603153e-1, 3.16112374387056560e00)
            .lanewise(VectorOperators.FMA, z, 1.13864154151050156e02)
            .lanewise(VectorOperators.FMA, z, 3.77485237685302021e02)
            .lanewise(VectorOperators.FMA, z, 3.20937758913846947e03);
        DoubleVector den = z.add(2.36012909523441209e01)
            .lanewise(VectorOperators.FMA, z, 2.44024637934444173e02)
            .lanewise(VectorOperators.FMA, z, 1.28261652607737228e03)
            .lanewise(VectorOperators.FMA, z, 2.84423683343917062e03);
        z.lanewise(VectorOperators.EXP).mul(y.mul(num.div(den)).neg().add(1.0)).intoArray(out, j, small);
      }
      if (large.anyTrue()) {
        DoubleVector z = ONE.div(y.mul(y));
        DoubleVector num = z.fma(1.63153871373020978e-2, 3.05326634961232344e-1)
            .lanewise(VectorOperators.FMA, z, 3.60344899949804439e-1)
            .lanewise(VectorOperators.FMA, z, 1.25781726111229246e-1)
            .lanewise(VectorOperators.FMA, z, 1.60837851487422766e-2)
            .lanewise(VectorOperators.FMA, z, 6.58749161529837803e-4);
        DoubleVector den = z.add(2.56852019228982242e00)
            .lanewise(VectorOperators.FMA, z, 1.87295284992346047e00)
            .lanewise(VectorOperators.FMA, z, 5.27905102951428412e-1)
            .lanewise(VectorOperators.FMA, z, 6.05183413124413191e-2)
            .lanewise(VectorOperators.FMA, z, 2.33520497626869185e-3);
        z.mul(num).div(den).neg().add(INV_SQRT_PI).div(y).intoArray(out, j, large);
      }
    }
  }

  // a(h) = 1 + h Y(h) from the fitted polynomials on [-11, 0] (NormalisedBlack.millsRatioDerivative), on the lanes
  // of the small-t region (all of which have h in [-11, 0]). With 8 lanes (AVX-512), every lane's interval index
  // (the number of interior interval bounds <= h, as in the scalar selection) picks its coefficients from tables
  // of the seven intervals by a lane permutation, and one polynomial is evaluated; otherwise the intervals that a
  // lane of the vector needs are evaluated in turn.
  static void millsRatioDerivative(Scratch sc, int n) {
    if (LANES == 8 && LONG_SPECIES.length() == 8) {
      millsRatioDerivativeByTable(sc, n);
    } else {
      millsRatioDerivativeByInterval(sc, n);
    }
  }

  // the polynomials of NormalisedBlack.aPolynomials as tables: row k (0 the centre, 1 the inverse half-width,
  // 2..19 the coefficients c_17..c_0) holds interval i at index k * 8 + i (i = 0..6; 7 is a zero)
  private static final double[] A_BOUNDS = {-10.0, -7.0, -4.75, -3.0, -1.75, -0.625};
  private static final double[] A_TABLE = aTable();
  private static final long[] A_TABLE_BITS = bits(A_TABLE);
  private static final VectorSpecies<Long> LONG_SPECIES = LongVector.SPECIES_PREFERRED;

  private static long[] bits(double[] a) {
    long[] b = new long[a.length];
    for (int i = 0; i < a.length; i++) {
      b[i] = Double.doubleToRawLongBits(a[i]);
    }
    return b;
  }

  private static double[] aTable() {
    double[][] polys = NormalisedBlack.aPolynomials();
    double[] table = new double[20 * 8];
    for (int i = 0; i < polys.length; i++) {
      double[] p = polys[i];
      table[i] = 0.5 * (p[0] + p[1]);
      table[8 + i] = 2.0 / (p[1] - p[0]);
      for (int k = 2; k < 20; k++) {
        table[k * 8 + i] = p[k];
      }
    }
    if (polys.length != 7 || polys[0][0] != -11.0 || polys[6][1] != 0.0) {
      throw new IllegalStateException("the a(h) intervals changed: update A_BOUNDS");
    }
    for (int i = 0; i < A_BOUNDS.length; i++) {
      if (polys[i][1] != A_BOUNDS[i] || polys[i + 1][0] != A_BOUNDS[i]) {
        throw new IllegalStateException("the a(h) intervals changed: update A_BOUNDS");
      }
    }
    return table;
  }

  static void millsRatioDerivativeByTable(Scratch sc, int n) {
    long[] tb = A_TABLE_BITS;
    for (int j = 0; j < n; j += LANES) {
      VectorMask<Double> need = DoubleVector.fromArray(SPECIES, sc.region, j)
          .compare(VectorOperators.EQ, REGION_SMALL_T);
      if (!need.anyTrue()) {
        continue;
      }
      DoubleVector h = DoubleVector.fromArray(SPECIES, sc.h, j);
      DoubleVector index = ZERO.blend(1.0, h.compare(VectorOperators.GE, -10.0))
          .blend(2.0, h.compare(VectorOperators.GE, -7.0)).blend(3.0, h.compare(VectorOperators.GE, -4.75))
          .blend(4.0, h.compare(VectorOperators.GE, -3.0)).blend(5.0, h.compare(VectorOperators.GE, -1.75))
          .blend(6.0, h.compare(VectorOperators.GE, -0.625));
      // the permutation as a shuffle of long lanes over the tables' raw bits (DoubleVector.selectFrom and a shuffle
      // cast to the double species are not intrinsified here and allocate)
      VectorShuffle<Long> shuffle = ((LongVector) index.convert(VectorOperators.D2L, 0)).toShuffle();
      DoubleVector u = h.sub(LongVector.fromArray(LONG_SPECIES, tb, 0).rearrange(shuffle).reinterpretAsDoubles())
          .mul(LongVector.fromArray(LONG_SPECIES, tb, 8).rearrange(shuffle).reinterpretAsDoubles());
      DoubleVector u2 = u.mul(u);
      DoubleVector odd = LongVector.fromArray(LONG_SPECIES, tb, 16).rearrange(shuffle).reinterpretAsDoubles();
      DoubleVector even = LongVector.fromArray(LONG_SPECIES, tb, 24).rearrange(shuffle).reinterpretAsDoubles();
      odd = odd.fma(u2, LongVector.fromArray(LONG_SPECIES, tb, 32).rearrange(shuffle).reinterpretAsDoubles());
      even = even.fma(u2, LongVector.fromArray(LONG_SPECIES, tb, 40).rearrange(shuffle).reinterpretAsDoubles());
      odd = odd.fma(u2, LongVector.fromArray(LONG_SPECIES, tb, 48).rearrange(shuffle).reinterpretAsDoubles());
      even = even.fma(u2, LongVector.fromArray(LONG_SPECIES, tb, 56).rearrange(shuffle).reinterpretAsDoubles());
      odd = odd.fma(u2, LongVector.fromArray(LONG_SPECIES, tb, 64).rearrange(shuffle).reinterpretAsDoubles());
      even = even.fma(u2, LongVector.fromArray(LONG_SPECIES, tb, 72).rearrange(shuffle).reinterpretAsDoubles());
      odd = odd.fma(u2, LongVector.fromArray(LONG_SPECIES, tb, 80).rearrange(shuffle).reinterpretAsDoubles());
      even = even.fma(u2, LongVector.fromArray(LONG_SPECIES, tb, 88).rearrange(shuffle).reinterpretAsDoubles());
      odd = odd.fma(u2, LongVector.fromArray(LONG_SPECIES, tb, 96).rearrange(shuffle).reinterpretAsDoubles());
      even = even.fma(u2, LongVector.fromArray(LONG_SPECIES, tb, 104).rearrange(shuffle).reinterpretAsDoubles());
      odd = odd.fma(u2, LongVector.fromArray(LONG_SPECIES, tb, 112).rearrange(shuffle).reinterpretAsDoubles());
      even = even.fma(u2, LongVector.fromArray(LONG_SPECIES, tb, 120).rearrange(shuffle).reinterpretAsDoubles());
      odd = odd.fma(u2, LongVector.fromArray(LONG_SPECIES, tb, 128).rearrange(shuffle).reinterpretAsDoubles());
      even = even.fma(u2, LongVector.fromArray(LONG_SPECIES, tb, 136).rearrange(shuffle).reinterpretAsDoubles());
      odd = odd.fma(u2, LongVector.fromArray(LONG_SPECIES, tb, 144).rearrange(shuffle).reinterpretAsDoubles());
      even = even.fma(u2, LongVector.fromArray(LONG_SPECIES, tb, 152).rearrange(shuffle).reinterpretAsDoubles());
      odd.fma(u, even).intoArray(sc.millsA, j, need);
    }
  }

  static void millsRatioDerivativeByInterval(Scratch sc, int n) {
    double[][] polys = NormalisedBlack.aPolynomials();
    int last = polys.length - 1;
    for (int j = 0; j < n; j += LANES) {
      VectorMask<Double> need = DoubleVector.fromArray(SPECIES, sc.region, j)
          .compare(VectorOperators.EQ, REGION_SMALL_T);
      if (!need.anyTrue()) {
        continue;
      }
      DoubleVector h = DoubleVector.fromArray(SPECIES, sc.h, j);
      for (int i = 0; i <= last; i++) {
        double[] p = polys[i];
        // [lo, hi), the last interval closed at 0 (the comparison operator must be a constant to be intrinsified)
        VectorMask<Double> in = h.compare(VectorOperators.GE, p[0])
            .and(h.compare(VectorOperators.LT, i == last ? Math.nextUp(p[1]) : p[1])).and(need);
        if (in.anyTrue()) {
          DoubleVector u = h.sub(0.5 * (p[0] + p[1])).mul(2.0 / (p[1] - p[0]));
          DoubleVector u2 = u.mul(u);
          DoubleVector odd = u2.fma(p[2], p[4]).lanewise(VectorOperators.FMA, u2, p[6])
              .lanewise(VectorOperators.FMA, u2, p[8]).lanewise(VectorOperators.FMA, u2, p[10])
              .lanewise(VectorOperators.FMA, u2, p[12]).lanewise(VectorOperators.FMA, u2, p[14])
              .lanewise(VectorOperators.FMA, u2, p[16]).lanewise(VectorOperators.FMA, u2, p[18]);
          DoubleVector even = u2.fma(p[3], p[5]).lanewise(VectorOperators.FMA, u2, p[7])
              .lanewise(VectorOperators.FMA, u2, p[9]).lanewise(VectorOperators.FMA, u2, p[11])
              .lanewise(VectorOperators.FMA, u2, p[13]).lanewise(VectorOperators.FMA, u2, p[15])
              .lanewise(VectorOperators.FMA, u2, p[17]).lanewise(VectorOperators.FMA, u2, p[19]);
          odd.fma(u, even).intoArray(sc.millsA, j, in);
        }
      }
    }
  }

  // NormalisedBlack.smallTExpansion (same coefficients and order of operations), on the lanes of its region
  static void smallTSeries(Scratch sc, int n) {
    for (int j = 0; j < n; j += LANES) {
      VectorMask<Double> need = DoubleVector.fromArray(SPECIES, sc.region, j)
          .compare(VectorOperators.EQ, REGION_SMALL_T);
      if (!need.anyTrue()) {
        continue;
      }
      DoubleVector h = DoubleVector.fromArray(SPECIES, sc.h, j);
      DoubleVector t = DoubleVector.fromArray(SPECIES, sc.sEval, j).mul(0.5);
      DoubleVector a = DoubleVector.fromArray(SPECIES, sc.millsA, j);
      DoubleVector base = DoubleVector.fromArray(SPECIES, sc.base, j);
      DoubleVector w = t.mul(t);
      DoubleVector h2 = h.mul(h);
      DoubleVector y3 = a.fma(h2, a.fma(3, -1));
      DoubleVector y5 = a.fma(h2, a.fma(10, -1)).fma(h2, a.fma(15, -7));
      DoubleVector y7 = a.fma(h2, a.fma(21, -1)).fma(h2, a.fma(105, -18)).fma(h2, a.fma(105, -57));
      DoubleVector y9 = a.fma(h2, a.fma(36, -1)).fma(h2, a.fma(378, -33)).fma(h2, a.fma(1260, -285))
          .fma(h2, a.fma(945, -561));
      DoubleVector y11 = a.fma(h2, a.fma(55, -1)).fma(h2, a.fma(990, -52)).fma(h2, a.fma(6930, -840))
          .fma(h2, a.fma(17325, -4680)).fma(h2, a.fma(10395, -6555));
      DoubleVector y13 = a.fma(h2, a.fma(78, -1)).fma(h2, a.fma(2145, -75)).fma(h2, a.fma(25740, -1926))
          .fma(h2, a.fma(135135, -20370)).fma(h2, a.fma(270270, -82845)).fma(h2, a.fma(135135, -89055));
      DoubleVector y15 = a.fma(h2, a.fma(105, -1)).fma(h2, a.fma(4095, -102)).fma(h2, a.fma(75075, -3795))
          .fma(h2, a.fma(675675, -64260)).fma(h2, a.fma(2837835, -501795)).fma(h2, a.fma(4729725, -1595790))
          .fma(h2, a.fma(2027025, -1381905));
      DoubleVector y17 = a.fma(h2, a.fma(136, -1)).fma(h2, a.fma(7140, -133)).fma(h2, a.fma(185640, -6747))
          .fma(h2, a.fma(2552550, -166155)).fma(h2, a.fma(18378360, -2089395)).fma(h2, a.fma(64324260, -12873735))
          .fma(h2, a.fma(91891800, -33453945)).fma(h2, a.fma(34459425, -24137505));
      DoubleVector series = y17.mul(1.0 / 355687428096000.0)
          .fma(w, y15.mul(1.0 / 1307674368000.0))
          .fma(w, y13.mul(1.0 / 6227020800.0))
          .fma(w, y11.mul(1.0 / 39916800.0))
          .fma(w, y9.mul(1.0 / 362880.0))
          .fma(w, y7.mul(1.0 / 5040.0))
          .fma(w, y5.mul(1.0 / 120.0))
          .fma(w, y3.mul(1.0 / 6.0))
          .fma(w, a);
      base.mul(INV_SQRT_2PI).mul(t.mul(2.0).mul(series)).max(0.0).intoArray(sc.smallT, j, need);
    }
  }

  // NormalisedBlack.asymptoticExpansion on the lanes of its region, the odd-binomial polynomials by the positive
  // recurrence of Black76VectorKernel.asymptoticExpansion, unrolled
  static void asymptoticExpansion(Scratch sc, int n) {
    for (int j = 0; j < n; j += LANES) {
      VectorMask<Double> asymptotic = DoubleVector.fromArray(SPECIES, sc.region, j)
          .compare(VectorOperators.EQ, REGION_ASYMPTOTIC);
      if (!asymptotic.anyTrue()) {
        continue;
      }
      DoubleVector h = DoubleVector.fromArray(SPECIES, sc.h, j);
      DoubleVector t = DoubleVector.fromArray(SPECIES, sc.sEval, j).mul(0.5);
      DoubleVector th = t.div(h);
      DoubleVector e = th.mul(th);
      DoubleVector onePlusE = e.add(1.0);
      DoubleVector twoE = e.mul(2.0);
      DoubleVector r = h.add(t).mul(h.sub(t));
      DoubleVector hr = h.div(r);
      DoubleVector q = hr.mul(hr);
      DoubleVector e0 = ONE;
      DoubleVector p0 = ONE;
      DoubleVector p1 = onePlusE.fma(p0, e0.mul(2.0));
      DoubleVector e1 = onePlusE.fma(e0, twoE.mul(p0));
      DoubleVector p2 = onePlusE.fma(p1, e1.mul(2.0));
      DoubleVector e2 = onePlusE.fma(e1, twoE.mul(p1));
      DoubleVector p3 = onePlusE.fma(p2, e2.mul(2.0));
      DoubleVector e3 = onePlusE.fma(e2, twoE.mul(p2));
      DoubleVector p4 = onePlusE.fma(p3, e3.mul(2.0));
      DoubleVector e4 = onePlusE.fma(e3, twoE.mul(p3));
      DoubleVector p5 = onePlusE.fma(p4, e4.mul(2.0));
      DoubleVector e5 = onePlusE.fma(e4, twoE.mul(p4));
      DoubleVector p6 = onePlusE.fma(p5, e5.mul(2.0));
      DoubleVector e6 = onePlusE.fma(e5, twoE.mul(p5));
      DoubleVector p7 = onePlusE.fma(p6, e6.mul(2.0));
      DoubleVector e7 = onePlusE.fma(e6, twoE.mul(p6));
      DoubleVector p8 = onePlusE.fma(p7, e7.mul(2.0));
      DoubleVector e8 = onePlusE.fma(e7, twoE.mul(p7));
      DoubleVector p9 = onePlusE.fma(p8, e8.mul(2.0));
      DoubleVector e9 = onePlusE.fma(e8, twoE.mul(p8));
      DoubleVector p10 = onePlusE.fma(p9, e9.mul(2.0));
      DoubleVector e10 = onePlusE.fma(e9, twoE.mul(p9));
      DoubleVector p11 = onePlusE.fma(p10, e10.mul(2.0));
      DoubleVector e11 = onePlusE.fma(e10, twoE.mul(p10));
      DoubleVector p12 = onePlusE.fma(p11, e11.mul(2.0));
      DoubleVector e12 = onePlusE.fma(e11, twoE.mul(p11));
      DoubleVector p13 = onePlusE.fma(p12, e12.mul(2.0));
      DoubleVector e13 = onePlusE.fma(e12, twoE.mul(p12));
      DoubleVector p14 = onePlusE.fma(p13, e13.mul(2.0));
      DoubleVector e14 = onePlusE.fma(e13, twoE.mul(p13));
      DoubleVector p15 = onePlusE.fma(p14, e14.mul(2.0));
      DoubleVector e15 = onePlusE.fma(e14, twoE.mul(p14));
      DoubleVector p16 = onePlusE.fma(p15, e15.mul(2.0));
      DoubleVector e16 = onePlusE.fma(e15, twoE.mul(p15));
      DoubleVector p17 = onePlusE.fma(p16, e16.mul(2.0));
      DoubleVector sum = p17.mul(2.0).mul(q).mul(-33.0);
      sum = p16.mul(2.0).add(sum).mul(q).mul(-31.0);
      sum = p15.mul(2.0).add(sum).mul(q).mul(-29.0);
      sum = p14.mul(2.0).add(sum).mul(q).mul(-27.0);
      sum = p13.mul(2.0).add(sum).mul(q).mul(-25.0);
      sum = p12.mul(2.0).add(sum).mul(q).mul(-23.0);
      sum = p11.mul(2.0).add(sum).mul(q).mul(-21.0);
      sum = p10.mul(2.0).add(sum).mul(q).mul(-19.0);
      sum = p9.mul(2.0).add(sum).mul(q).mul(-17.0);
      sum = p8.mul(2.0).add(sum).mul(q).mul(-15.0);
      sum = p7.mul(2.0).add(sum).mul(q).mul(-13.0);
      sum = p6.mul(2.0).add(sum).mul(q).mul(-11.0);
      sum = p5.mul(2.0).add(sum).mul(q).mul(-9.0);
      sum = p4.mul(2.0).add(sum).mul(q).mul(-7.0);
      sum = p3.mul(2.0).add(sum).mul(q).mul(-5.0);
      sum = p2.mul(2.0).add(sum).mul(q).mul(-3.0);
      sum = p1.mul(2.0).add(sum).mul(q).mul(-1.0);
      sum = sum.add(2.0);
      DoubleVector base = DoubleVector.fromArray(SPECIES, sc.base, j);
      base.mul(INV_SQRT_2PI).mul(t.div(r)).mul(sum).max(0.0).intoArray(sc.asymptotic, j, asymptotic);
    }
  }

  // the value from its region, and the vega
  static void blend(Scratch sc, int n) {
    for (int j = 0; j < n; j += LANES) {
      DoubleVector region = DoubleVector.fromArray(SPECIES, sc.region, j);
      DoubleVector h = DoubleVector.fromArray(SPECIES, sc.h, j);
      DoubleVector t = DoubleVector.fromArray(SPECIES, sc.sEval, j).mul(0.5);
      DoubleVector base = DoubleVector.fromArray(SPECIES, sc.base, j);
      DoubleVector u = DoubleVector.fromArray(SPECIES, sc.bMax, j);
      DoubleVector invU = DoubleVector.fromArray(SPECIES, sc.invU, j);
      DoubleVector e1 = DoubleVector.fromArray(SPECIES, sc.erfcxD1, j);
      DoubleVector e2 = DoubleVector.fromArray(SPECIES, sc.erfcxD2, j);
      DoubleVector halfBase = base.mul(0.5);
      VectorMask<Double> d1Positive = h.add(t).compare(VectorOperators.GT, 0.0);
      DoubleVector fromTails = halfBase.mul(e1.sub(e2));
      DoubleVector fromCdfs = u.mul(halfBase.mul(invU).mul(e1).neg().add(1.0)).sub(halfBase.mul(u).mul(e2).mul(invU));
      DoubleVector b = fromTails.blend(fromCdfs, d1Positive).max(0.0);
      b = b.blend(DoubleVector.fromArray(SPECIES, sc.smallT, j), region.compare(VectorOperators.EQ, REGION_SMALL_T));
      b = b.blend(DoubleVector.fromArray(SPECIES, sc.asymptotic, j),
          region.compare(VectorOperators.EQ, REGION_ASYMPTOTIC));
      b.intoArray(sc.b, j);
      base.mul(INV_SQRT_2PI).intoArray(sc.vega, j);
    }
  }

  // ---------------------------------------------------------------------------------------------------------------
  // the initial guess (LetsBeRational.totalVolatility)

  // s_c = sqrt(2 |x|), exp(-x/2), no lane handed to the scalar solver yet
  static void centre(Scratch sc, int n) {
    for (int j = 0; j < n; j += LANES) {
      DoubleVector x = DoubleVector.fromArray(SPECIES, sc.x, j);
      x.mul(2.0).abs().sqrt().intoArray(sc.sEval, j);
      x.mul(-0.5).lanewise(VectorOperators.EXP).intoArray(sc.invU, j);
      ZERO.intoArray(sc.scalar, j);
    }
  }

  // b_c, v_c (NormalisedBlack.call and vega with their special cases; vega's s <= |x| MIN_NORMAL as
  // s 2^1022 <= |x|, which makes no subnormal number: a subnormal result costs a microcode assist per instruction),
  // the side of beta, and s_l or s_h
  static void afterCentre(Scratch sc, int n) {
    for (int j = 0; j < n; j += LANES) {
      DoubleVector x = DoubleVector.fromArray(SPECIES, sc.x, j);
      DoubleVector beta = DoubleVector.fromArray(SPECIES, sc.beta, j);
      DoubleVector bMax = DoubleVector.fromArray(SPECIES, sc.bMax, j);
      DoubleVector sC = DoubleVector.fromArray(SPECIES, sc.sEval, j);
      DoubleVector ax = x.abs();
      DoubleVector bC = DoubleVector.fromArray(SPECIES, sc.b, j).blend(0.0, sC.compare(VectorOperators.GT, 0.0).not());
      DoubleVector v = DoubleVector.fromArray(SPECIES, sc.vega, j)
          .blend(0.0, sC.compare(VectorOperators.LE, 0.0).or(sC.mul(0x1p1022).compare(VectorOperators.LE, ax)));
      v.intoArray(sc.vC, j);
      VectorMask<Double> atTheMoney = ax.compare(VectorOperators.LE, 0.0);
      if (atTheMoney.anyTrue()) {
        sC.mul(-0.125).mul(sC).lanewise(VectorOperators.EXP).mul(INV_SQRT_2PI).intoArray(sc.vC, j, atTheMoney);
      }
      DoubleVector vC = DoubleVector.fromArray(SPECIES, sc.vC, j);
      DoubleVector invVC = ONE.div(vC);
      VectorMask<Double> lowSide = beta.compare(VectorOperators.LT, bC);
      DoubleVector sL = sC.sub(bC.mul(invVC));
      DoubleVector sH = sC.add(bMax.sub(bC).mul(invVC)).blend(sC, vC.compare(VectorOperators.GT, Double.MIN_NORMAL).not());
      invVC.intoArray(sc.invVC, j);
      sC.intoArray(sc.sC, j);
      bC.intoArray(sc.bC, j);
      ZERO.blend(1.0, lowSide).intoArray(sc.lowSide, j);
      sH.blend(sL, lowSide).intoArray(sc.sEval, j);
    }
  }

  // b_l or b_h, the branch, the bracket, the rational-cubic data of the two middle branches, and the argument of
  // the normal CDF of the two outer ones
  static void branches(Scratch sc, int n) {
    for (int j = 0; j < n; j += LANES) {
      DoubleVector x = DoubleVector.fromArray(SPECIES, sc.x, j);
      DoubleVector beta = DoubleVector.fromArray(SPECIES, sc.beta, j);
      DoubleVector s2 = DoubleVector.fromArray(SPECIES, sc.sEval, j);
      DoubleVector ax = x.abs();
      DoubleVector b2 = DoubleVector.fromArray(SPECIES, sc.b, j).blend(0.0, s2.compare(VectorOperators.GT, 0.0).not());
      DoubleVector v = DoubleVector.fromArray(SPECIES, sc.vega, j)
          .blend(0.0, s2.compare(VectorOperators.LE, 0.0).or(s2.mul(0x1p1022).compare(VectorOperators.LE, ax)));
      v.intoArray(sc.vega, j);
      VectorMask<Double> atTheMoney = ax.compare(VectorOperators.LE, 0.0);
      if (atTheMoney.anyTrue()) {
        s2.mul(-0.125).mul(s2).lanewise(VectorOperators.EXP).mul(INV_SQRT_2PI).intoArray(sc.vega, j, atTheMoney);
      }
      DoubleVector v2 = DoubleVector.fromArray(SPECIES, sc.vega, j);
      DoubleVector sC = DoubleVector.fromArray(SPECIES, sc.sC, j);
      DoubleVector bC = DoubleVector.fromArray(SPECIES, sc.bC, j);
      VectorMask<Double> lowSide = DoubleVector.fromArray(SPECIES, sc.lowSide, j).compare(VectorOperators.GT, 0.0);
      VectorMask<Double> low = lowSide.and(beta.compare(VectorOperators.LT, b2));
      VectorMask<Double> middleLow = lowSide.andNot(low);
      VectorMask<Double> middleHigh = lowSide.not().and(beta.compare(VectorOperators.LE, b2));
      VectorMask<Double> high = lowSide.not().andNot(middleHigh);
      DoubleVector.broadcast(SPECIES, BRANCH_LOW).blend(BRANCH_MIDDLE_LOW, middleLow)
          .blend(BRANCH_MIDDLE_HIGH, middleHigh).blend(BRANCH_HIGH, high).intoArray(sc.branch, j);
      b2.intoArray(sc.b2, j);
      // middle branches: rational cubic through (b_l, s_l), (b_c, s_c) or (b_c, s_c), (b_h, s_h) with slopes 1/v
      DoubleVector inverseV2 = ONE.div(v2);
      DoubleVector inverseVC = DoubleVector.fromArray(SPECIES, sc.invVC, j);
      bC.blend(b2, middleLow).intoArray(sc.xL, j);
      b2.blend(bC, middleLow).intoArray(sc.xR, j);
      sC.blend(s2, middleLow).intoArray(sc.yL, j);
      s2.blend(sC, middleLow).intoArray(sc.yR, j);
      inverseVC.blend(inverseV2, middleLow).intoArray(sc.dL, j);
      inverseV2.blend(inverseVC, middleLow).intoArray(sc.dR, j);
      ZERO.intoArray(sc.second, j);
      ONE.blend(-1.0, middleLow).intoArray(sc.leftControl, j);
      DoubleVector.broadcast(SPECIES, -1.0).intoArray(sc.preferShape, j);
      // brackets: low (MIN_VALUE, s_l), middle low (s_l, s_c), middle high (s_c, s_h), high (s_h, MAX_VALUE)
      s2.blend(Double.MIN_VALUE, low).blend(sC, middleHigh).intoArray(sc.sLeft, j);
      s2.blend(sC, middleLow).blend(Double.MAX_VALUE, high).intoArray(sc.sRight, j);
      // N(-z) with z = |x| / (sqrt 3 s_l) (low), N(-s_h / 2) (high), as erfc(arg) / 2
      ax.mul(SQRT_ONE_OVER_THREE).mul(DoubleVector.fromArray(SPECIES, sc.invS, j)).mul(INV_SQRT_2)
          .blend(s2.mul(0.5).mul(INV_SQRT_2), high)
          .intoArray(sc.tailArg, j);
    }
  }

  // Cody's erfc for arguments >= 0 (NormalDistribution.erfc, exp(-y^2) as exp(-p)(1 - e) with y^2 = p + e
  // exactly), on the lanes of the low and high branches
  static void erfcPositive(double[] in, double[] out, double[] branch, int n) {
    for (int j = 0; j < n; j += LANES) {
      DoubleVector br = DoubleVector.fromArray(SPECIES, branch, j);
      VectorMask<Double> need = br.compare(VectorOperators.EQ, BRANCH_LOW).or(br.compare(VectorOperators.EQ, BRANCH_HIGH));
      if (!need.anyTrue()) {
        continue;
      }
      DoubleVector y = DoubleVector.fromArray(SPECIES, in, j);
      VectorMask<Double> small = y.compare(VectorOperators.LE, 0.46875).and(need);
      VectorMask<Double> rest = need.andNot(small);
      if (small.anyTrue()) {
        DoubleVector z = y.mul(y);
        DoubleVector num = z.fma(1.85777706184603153e-1, 3.16112374387056560e00)
            .lanewise(VectorOperators.FMA, z, 1.13864154151050156e02)
            .lanewise(VectorOperators.FMA, z, 3.77485237685302021e02)
            .lanewise(VectorOperators.FMA, z, 3.20937758913846947e03);
        DoubleVector den = z.add(2.36012909523441209e01)
            .lanewise(VectorOperators.FMA, z, 2.44024637934444173e02)
            .lanewise(VectorOperators.FMA, z, 1.28261652607737228e03)
            .lanewise(VectorOperators.FMA, z, 2.84423683343917062e03);
        y.mul(num.div(den)).neg().add(1.0).intoArray(out, j, small);
      }
      if (rest.anyTrue()) {
        VectorMask<Double> large = y.compare(VectorOperators.GT, 4.0).and(rest);
        VectorMask<Double> middle = rest.andNot(large);
        if (middle.anyTrue()) {
          DoubleVector num = y.fma(2.15311535474403846e-8, 5.64188496988670089e-1);
          DoubleVector den = y.add(1.57449261107098347e01);
          num = num.lanewise(VectorOperators.FMA, y, 8.88314979438837594e00);
          den = den.lanewise(VectorOperators.FMA, y, 1.17693950891312499e02);
          num = num.lanewise(VectorOperators.FMA, y, 6.61191906371416295e01);
          den = den.lanewise(VectorOperators.FMA, y, 5.37181101862009858e02);
          num = num.lanewise(VectorOperators.FMA, y, 2.98635138197400131e02);
          den = den.lanewise(VectorOperators.FMA, y, 1.62138957456669019e03);
          num = num.lanewise(VectorOperators.FMA, y, 8.81952221241769090e02);
          den = den.lanewise(VectorOperators.FMA, y, 3.29079923573345963e03);
          num = num.lanewise(VectorOperators.FMA, y, 1.71204761263407058e03);
          den = den.lanewise(VectorOperators.FMA, y, 4.36261909014324716e03);
          num = num.lanewise(VectorOperators.FMA, y, 2.05107837782607147e03);
          den = den.lanewise(VectorOperators.FMA, y, 3.43936767414372164e03);
          num = num.lanewise(VectorOperators.FMA, y, 1.23033935479799725e03);
          den = den.lanewise(VectorOperators.FMA, y, 1.23033935480374942e03);
          num.div(den).intoArray(out, j, middle);
        }
        if (large.anyTrue()) {
          DoubleVector z = ONE.div(y.mul(y));
          DoubleVector num = z.fma(1.63153871373020978e-2, 3.05326634961232344e-1)
              .lanewise(VectorOperators.FMA, z, 3.60344899949804439e-1)
              .lanewise(VectorOperators.FMA, z, 1.25781726111229246e-1)
              .lanewise(VectorOperators.FMA, z, 1.60837851487422766e-2)
              .lanewise(VectorOperators.FMA, z, 6.58749161529837803e-4);
          DoubleVector den = z.add(2.56852019228982242e00)
              .lanewise(VectorOperators.FMA, z, 1.87295284992346047e00)
              .lanewise(VectorOperators.FMA, z, 5.27905102951428412e-1)
              .lanewise(VectorOperators.FMA, z, 6.05183413124413191e-2)
              .lanewise(VectorOperators.FMA, z, 2.33520497626869185e-3);
          z.mul(num).div(den).neg().add(INV_SQRT_PI).div(y).intoArray(out, j, large);
        }
        DoubleVector scaled = DoubleVector.fromArray(SPECIES, out, j);
        // exp(-y^2) on the lanes that use it only (no underflowing or NaN argument: see erfcx)
        VectorMask<Double> underflow = y.compare(VectorOperators.GE, 26.543);
        DoubleVector ye = y.blend(0.0, rest.andNot(underflow).not());
        DoubleVector y2 = ye.mul(ye);
        DoubleVector y2Lo = ye.fma(ye, y2.neg());
        DoubleVector erfc = y2.neg().lanewise(VectorOperators.EXP).mul(y2Lo.neg().add(1.0)).mul(scaled);
        erfc.blend(0.0, underflow).intoArray(out, j, rest);
      }
    }
  }

  // the low branch's map f_lower(s) = 2 pi |x| / sqrt(27) N(-|x| / (sqrt(3) s))^3 and the high branch's
  // f_upper(s) = N(-s/2), with their first two derivatives in beta at s_l or s_h, as rational-cubic data
  static void tailMaps(Scratch sc, int n) {
    for (int j = 0; j < n; j += LANES) {
      DoubleVector br = DoubleVector.fromArray(SPECIES, sc.branch, j);
      VectorMask<Double> low = br.compare(VectorOperators.EQ, BRANCH_LOW);
      VectorMask<Double> high = br.compare(VectorOperators.EQ, BRANCH_HIGH);
      if (!low.or(high).anyTrue()) {
        continue;
      }
      DoubleVector x = DoubleVector.fromArray(SPECIES, sc.x, j);
      DoubleVector ax = x.abs();
      DoubleVector s = DoubleVector.fromArray(SPECIES, sc.sEval, j);
      DoubleVector cdf = DoubleVector.fromArray(SPECIES, sc.tailErfc, j).mul(0.5);
      DoubleVector b2 = DoubleVector.fromArray(SPECIES, sc.b2, j);
      DoubleVector invS = DoubleVector.fromArray(SPECIES, sc.invS, j);
      DoubleVector z = ax.mul(SQRT_ONE_OVER_THREE).mul(invS);
      DoubleVector y = z.mul(z);
      DoubleVector s2 = s.mul(s);
      DoubleVector xs = x.mul(invS);
      DoubleVector w = xs.mul(xs);
      // the exponentials: low exp(-z^2/2), exp(y + s^2/8) and its square exp(2y + s^2/4) (an ulp apart from the
      // scalar code's, in the guess's control parameter only); high exp(w/2), exp(w + s^2/8)
      DoubleVector exp1 = z.mul(-0.5).mul(z).blend(w.mul(0.5), high).lanewise(VectorOperators.EXP);
      DoubleVector exp3 = y.add(s2.mul(0.125)).blend(w.add(s.mul(0.125).mul(s)), high).lanewise(VectorOperators.EXP);
      DoubleVector exp2 = exp3.mul(exp3).blend(exp3, high);
      // low
      DoubleVector phi = exp1.mul(INV_SQRT_2PI);
      DoubleVector bracket = s.mul(8.0 * SQRT_THREE).mul(ax)
          .add(s2.mul(3.0).mul(s2.sub(8.0)).sub(x.mul(8.0).mul(x)).mul(cdf).div(phi));
      DoubleVector fppLow = y.mul(PI_OVER_SIX).mul(invS.mul(invS).mul(invS)).mul(cdf).mul(bracket).mul(exp2);
      DoubleVector phi2 = cdf.mul(cdf);
      DoubleVector fpLow = y.mul(TWO_PI).mul(phi2).mul(exp3);
      DoubleVector fL = ax.mul(TWO_PI_OVER_SQRT_TWENTY_SEVEN).mul(phi2.mul(cdf));
      // high
      DoubleVector fpHigh = exp1.mul(-0.5);
      DoubleVector fppHigh = exp2.mul(SQRT_PI_OVER_TWO).mul(w).mul(invS);
      VectorMask<Double> finite = fppHigh.compare(VectorOperators.GT, -SQRT_DBL_MAX)
          .and(fppHigh.compare(VectorOperators.LT, SQRT_DBL_MAX));
      DoubleVector bMax = DoubleVector.fromArray(SPECIES, sc.bMax, j);
      // low: (0, 0) to (b_l, f_l), slopes 1 and f', f'' on the right; high: (b_h, f_h) to (bMax, 0), slopes f' and
      // -1/2, f'' on the left
      ZERO.blend(b2, high).intoArray(sc.xL, j, low.or(high));
      b2.blend(bMax, high).intoArray(sc.xR, j, low.or(high));
      ZERO.blend(cdf, high).intoArray(sc.yL, j, low.or(high));
      fL.blend(0.0, high).intoArray(sc.yR, j, low.or(high));
      ONE.blend(fpHigh, high).intoArray(sc.dL, j, low.or(high));
      fpLow.blend(-0.5, high).intoArray(sc.dR, j, low.or(high));
      fppLow.blend(fppHigh, high).intoArray(sc.second, j, low.or(high));
      ONE.blend(-1.0, low).intoArray(sc.leftControl, j, low.or(high));
      ONE.intoArray(sc.preferShape, j, low.or(high));
      fL.blend(cdf, high).intoArray(sc.fAux, j, low.or(high));
      ZERO.blend(1.0, finite).intoArray(sc.fppFinite, j, high);
    }
  }

  // LetsBeRational's convexControlLeft / convexControlRight and rationalCubic at beta, on every lane
  static void rationalCubic(Scratch sc, int n) {
    for (int j = 0; j < n; j += LANES) {
      DoubleVector xL = DoubleVector.fromArray(SPECIES, sc.xL, j);
      DoubleVector xR = DoubleVector.fromArray(SPECIES, sc.xR, j);
      DoubleVector yL = DoubleVector.fromArray(SPECIES, sc.yL, j);
      DoubleVector yR = DoubleVector.fromArray(SPECIES, sc.yR, j);
      DoubleVector dL = DoubleVector.fromArray(SPECIES, sc.dL, j);
      DoubleVector dR = DoubleVector.fromArray(SPECIES, sc.dR, j);
      DoubleVector second = DoubleVector.fromArray(SPECIES, sc.second, j);
      VectorMask<Double> left = DoubleVector.fromArray(SPECIES, sc.leftControl, j).compare(VectorOperators.GT, 0.0);
      VectorMask<Double> prefer = DoubleVector.fromArray(SPECIES, sc.preferShape, j).compare(VectorOperators.GT, 0.0);
      DoubleVector h = xR.sub(xL);
      DoubleVector invH = ONE.div(h);
      // controlLeft / controlRight
      DoubleVector numerator = h.mul(0.5).mul(second).add(dR.sub(dL));
      DoubleVector slope = yR.sub(yL).mul(invH);
      DoubleVector denominator = dR.sub(slope).blend(slope.sub(dL), left);
      DoubleVector control = numerator.div(denominator)
          .blend(MIN_RATIONAL_CUBIC_CONTROL, denominator.abs().compare(VectorOperators.LT, Double.MIN_NORMAL))
          .blend(MAX_RATIONAL_CUBIC_CONTROL, denominator.abs().compare(VectorOperators.LT, Double.MIN_NORMAL)
              .and(numerator.compare(VectorOperators.GT, 0.0)))
          .blend(0.0, numerator.abs().compare(VectorOperators.LT, Double.MIN_NORMAL));
      // minimumControl
      VectorMask<Double> monotonic = dL.mul(slope).compare(VectorOperators.GE, 0.0)
          .and(dR.mul(slope).compare(VectorOperators.GE, 0.0));
      VectorMask<Double> convex = dL.compare(VectorOperators.LE, slope).and(slope.compare(VectorOperators.LE, dR));
      VectorMask<Double> concave = dL.compare(VectorOperators.GE, slope).and(slope.compare(VectorOperators.GE, dR));
      VectorMask<Double> shaped = convex.or(concave);
      DoubleVector dRmdL = dR.sub(dL);
      DoubleVector dRms = dR.sub(slope);
      DoubleVector smdL = slope.sub(dL);
      DoubleVector negativeMax = DoubleVector.broadcast(SPECIES, -Double.MAX_VALUE);
      DoubleVector preferred = negativeMax.blend(MAX_RATIONAL_CUBIC_CONTROL, prefer);
      DoubleVector r1 = dR.add(dL).div(slope).blend(preferred, slope.abs().compare(VectorOperators.LT, Double.MIN_NORMAL))
          .blend(negativeMax, monotonic.not());
      DoubleVector r2 = dRmdL.div(dRms).abs().max(dRmdL.div(smdL).abs())
          .blend(preferred, smdL.abs().compare(VectorOperators.LT, Double.MIN_NORMAL)
              .or(dRms.abs().compare(VectorOperators.LT, Double.MIN_NORMAL)))
          .blend(negativeMax.blend(preferred, monotonic), shaped.not());
      DoubleVector minimum = r1.max(r2).max(MIN_RATIONAL_CUBIC_CONTROL)
          .blend(MIN_RATIONAL_CUBIC_CONTROL, monotonic.or(shaped).not());
      DoubleVector r = control.max(minimum);
      // rationalCubic(beta, xL, xR, yL, yR, dL, dR, r)
      DoubleVector beta = DoubleVector.fromArray(SPECIES, sc.beta, j);
      DoubleVector t = beta.sub(xL).mul(invH);
      DoubleVector omt = ONE.sub(t);
      DoubleVector t2 = t.mul(t);
      DoubleVector omt2 = omt.mul(omt);
      DoubleVector cubic = yR.mul(t2).mul(t)
          .add(r.mul(yR).sub(h.mul(dR)).mul(t2).mul(omt))
          .add(r.mul(yL).add(h.mul(dL)).mul(t).mul(omt2))
          .add(yL.mul(omt2).mul(omt))
          .div(r.sub(3.0).mul(t).mul(omt).add(1.0));
      DoubleVector linear = yR.mul(t).add(yL.mul(omt));
      cubic.blend(linear, r.compare(VectorOperators.GE, MAX_RATIONAL_CUBIC_CONTROL))
          .blend(yL.add(yR).mul(0.5), h.abs().compare(VectorOperators.LE, 0.0))
          .intoArray(sc.f, j);
    }
  }

  // the fallbacks of the outer branches when the interpolation is not positive, and the argument of AS241
  static void quantileArguments(Scratch sc, int n) {
    for (int j = 0; j < n; j += LANES) {
      DoubleVector br = DoubleVector.fromArray(SPECIES, sc.branch, j);
      VectorMask<Double> low = br.compare(VectorOperators.EQ, BRANCH_LOW);
      VectorMask<Double> high = br.compare(VectorOperators.EQ, BRANCH_HIGH);
      if (!low.or(high).anyTrue()) {
        continue;
      }
      DoubleVector beta = DoubleVector.fromArray(SPECIES, sc.beta, j);
      DoubleVector b2 = DoubleVector.fromArray(SPECIES, sc.b2, j);
      DoubleVector fAux = DoubleVector.fromArray(SPECIES, sc.fAux, j);
      DoubleVector f = DoubleVector.fromArray(SPECIES, sc.f, j);
      // low: f = (f_l tt + b_l (1 - tt)) tt with tt = beta / b_l where !(f > 0)
      DoubleVector ttLow = beta.div(b2);
      DoubleVector fLow = f.blend(fAux.mul(ttLow).add(b2.mul(ONE.sub(ttLow))).mul(ttLow),
          f.compare(VectorOperators.GT, 0.0).not());
      // high: f = -MAX_VALUE where f'' is not finite, then (f_h (1 - tt) + hh tt / 2)(1 - tt) where f <= 0
      DoubleVector bMax = DoubleVector.fromArray(SPECIES, sc.bMax, j);
      VectorMask<Double> finite = DoubleVector.fromArray(SPECIES, sc.fppFinite, j).compare(VectorOperators.GT, 0.0);
      DoubleVector fHigh = f.blend(-Double.MAX_VALUE, finite.not());
      DoubleVector hh = bMax.sub(b2);
      DoubleVector ttHigh = beta.sub(b2).div(hh);
      DoubleVector omtHigh = ONE.sub(ttHigh);
      fHigh = fHigh.blend(fAux.mul(omtHigh).add(hh.mul(0.5).mul(ttHigh)).mul(omtHigh),
          fHigh.compare(VectorOperators.LE, 0.0));
      fHigh.intoArray(sc.p, j, high);
      if (low.anyTrue()) {
        DoubleVector ax = DoubleVector.fromArray(SPECIES, sc.x, j).abs();
        fLow.div(ax.mul(TWO_PI_OVER_SQRT_TWENTY_SEVEN)).lanewise(VectorOperators.CBRT).intoArray(sc.p, j, low);
      }
    }
  }

  // Wichura's AS241 (NormalDistribution.inverseCdf, by fused multiply-adds), on the lanes of the outer branches
  static void inverseCdf(double[] in, double[] out, double[] branch, int n) {
    for (int j = 0; j < n; j += LANES) {
      DoubleVector br = DoubleVector.fromArray(SPECIES, branch, j);
      VectorMask<Double> need = br.compare(VectorOperators.EQ, BRANCH_LOW).or(br.compare(VectorOperators.EQ, BRANCH_HIGH));
      if (!need.anyTrue()) {
        continue;
      }
      // p = 1/2 on the other lanes (their values are stale, possibly 0: a logarithm of 0 takes the vector math
      // library's slow special-case path for the whole vector)
      DoubleVector p = DoubleVector.fromArray(SPECIES, in, j).blend(0.5, need.not());
      DoubleVector q = p.sub(0.5);
      VectorMask<Double> central = q.abs().compare(VectorOperators.LE, 0.425).and(need);
      VectorMask<Double> tail = need.andNot(central);
      if (central.anyTrue()) {
        DoubleVector r = q.mul(q).neg().add(0.180625);
        DoubleVector num = r.fma(2.5090809287301226727e+3, 3.3430575583588128105e+4)
            .lanewise(VectorOperators.FMA, r, 6.7265770927008700853e+4)
            .lanewise(VectorOperators.FMA, r, 4.5921953931549871457e+4)
            .lanewise(VectorOperators.FMA, r, 1.3731693765509461125e+4)
            .lanewise(VectorOperators.FMA, r, 1.9715909503065514427e+3)
            .lanewise(VectorOperators.FMA, r, 1.3314166789178437745e+2)
            .lanewise(VectorOperators.FMA, r, 3.3871328727963666080e0);
        DoubleVector den = r.fma(5.2264952788528545610e+3, 2.8729085735721942674e+4)
            .lanewise(VectorOperators.FMA, r, 3.9307895800092710610e+4)
            .lanewise(VectorOperators.FMA, r, 2.1213794301586595867e+4)
            .lanewise(VectorOperators.FMA, r, 5.3941960214247511077e+3)
            .lanewise(VectorOperators.FMA, r, 6.8718700749205790830e+2)
            .lanewise(VectorOperators.FMA, r, 4.2313330701600911252e+1)
            .lanewise(VectorOperators.FMA, r, 1.0);
        q.mul(num).div(den).intoArray(out, j, central);
      }
      if (tail.anyTrue()) {
        VectorMask<Double> negative = q.compare(VectorOperators.LT, 0.0);
        DoubleVector r = ONE.sub(p).blend(p, negative).lanewise(VectorOperators.LOG).neg().sqrt();
        VectorMask<Double> near = r.compare(VectorOperators.LE, 5.0).and(tail);
        VectorMask<Double> far = tail.andNot(near);
        if (near.anyTrue()) {
          DoubleVector u = r.sub(1.6);
          DoubleVector num = u.fma(7.74545014278341407640e-4, 2.27238449892691845833e-2)
              .lanewise(VectorOperators.FMA, u, 2.41780725177450611770e-1)
              .lanewise(VectorOperators.FMA, u, 1.27045825245236838258e0)
              .lanewise(VectorOperators.FMA, u, 3.64784832476320460504e0)
              .lanewise(VectorOperators.FMA, u, 5.76949722146069140550e0)
              .lanewise(VectorOperators.FMA, u, 4.63033784615654529590e0)
              .lanewise(VectorOperators.FMA, u, 1.42343711074968357734e0);
          DoubleVector den = u.fma(1.05075007164441684324e-9, 5.47593808499534494600e-4)
              .lanewise(VectorOperators.FMA, u, 1.51986665636164571966e-2)
              .lanewise(VectorOperators.FMA, u, 1.48103976427480074590e-1)
              .lanewise(VectorOperators.FMA, u, 6.89767334985100004550e-1)
              .lanewise(VectorOperators.FMA, u, 1.67638483018380384940e0)
              .lanewise(VectorOperators.FMA, u, 2.05319162663775882187e0)
              .lanewise(VectorOperators.FMA, u, 1.0);
          DoubleVector v = num.div(den);
          v.blend(v.neg(), negative).intoArray(out, j, near);
        }
        if (far.anyTrue()) {
          DoubleVector u = r.sub(5.0);
          DoubleVector num = u.fma(2.01033439929228813265e-7, 2.71155556874348757815e-5)
              .lanewise(VectorOperators.FMA, u, 1.24266094738807843860e-3)
              .lanewise(VectorOperators.FMA, u, 2.65321895265761230930e-2)
              .lanewise(VectorOperators.FMA, u, 2.96560571828504891230e-1)
              .lanewise(VectorOperators.FMA, u, 1.78482653991729133580e0)
              .lanewise(VectorOperators.FMA, u, 5.46378491116411436990e0)
              .lanewise(VectorOperators.FMA, u, 6.65790464350110377720e0);
          DoubleVector den = u.fma(2.04426310338993978564e-15, 1.42151175831644588870e-7)
              .lanewise(VectorOperators.FMA, u, 1.84631831751005468180e-5)
              .lanewise(VectorOperators.FMA, u, 7.86869131145613259100e-4)
              .lanewise(VectorOperators.FMA, u, 1.48753612908506148525e-2)
              .lanewise(VectorOperators.FMA, u, 1.36929880922735805310e-1)
              .lanewise(VectorOperators.FMA, u, 5.99832206555887937690e-1)
              .lanewise(VectorOperators.FMA, u, 1.0);
          DoubleVector v = num.div(den);
          v.blend(v.neg(), negative).intoArray(out, j, far);
        }
      }
    }
  }

  // the initial guess per branch, its objective, ln(beta) for the lowest one, and the lanes handed to the scalar
  // solver because the guess is not a positive finite number
  static void initialGuess(Scratch sc, int n) {
    for (int j = 0; j < n; j += LANES) {
      DoubleVector br = DoubleVector.fromArray(SPECIES, sc.branch, j);
      VectorMask<Double> low = br.compare(VectorOperators.EQ, BRANCH_LOW);
      VectorMask<Double> high = br.compare(VectorOperators.EQ, BRANCH_HIGH);
      DoubleVector x = DoubleVector.fromArray(SPECIES, sc.x, j);
      DoubleVector beta = DoubleVector.fromArray(SPECIES, sc.beta, j);
      DoubleVector bMax = DoubleVector.fromArray(SPECIES, sc.bMax, j);
      DoubleVector quantile = DoubleVector.fromArray(SPECIES, sc.quantile, j);
      DoubleVector s = DoubleVector.fromArray(SPECIES, sc.f, j)
          .blend(x.div(quantile.mul(SQRT_THREE)).abs(), low)
          .blend(quantile.mul(-2.0), high);
      VectorMask<Double> upper = high.and(beta.compare(VectorOperators.GT, bMax.mul(0.5)));
      DoubleVector.broadcast(SPECIES, MIDDLE).blend(LOWEST, low).blend(UPPER, upper).intoArray(sc.objective, j);
      VectorMask<Double> usable = s.compare(VectorOperators.GT, 0.0)
          .and(s.compare(VectorOperators.LT, Double.POSITIVE_INFINITY));
      ONE.blend(0.0, usable).intoArray(sc.scalar, j);
      s.blend(1.0, usable.not()).intoArray(sc.s, j);
      s.blend(1.0, usable.not()).intoArray(sc.sEval, j);
      if (low.anyTrue()) {
        DoubleVector lnBeta = beta.lanewise(VectorOperators.LOG);
        lnBeta.intoArray(sc.lnBeta, j, low);
        ONE.div(lnBeta).intoArray(sc.invLnBeta, j, low);
      }
    }
  }

  // ---------------------------------------------------------------------------------------------------------------
  // the Householder(3) steps (LetsBeRational.iterate)

  // one step from s (b and its vega at s in sc.b, sc.vega): the bracket, the branch's objective, the step limited to
  // -s/2. The first step is taken on every lane; the second only where the first moved s by more than
  // DBL_EPSILON s. Before the second, a lane whose s left the bracket (the scalar iteration would bisect) is handed
  // to the scalar solver, as is a lane at a degenerate objective; after it, unusable lanes become NaN.
  static void householder(Scratch sc, int n, boolean second) {
    for (int j = 0; j < n; j += LANES) {
      DoubleVector s = DoubleVector.fromArray(SPECIES, sc.s, j);
      DoubleVector beta = DoubleVector.fromArray(SPECIES, sc.beta, j);
      DoubleVector bMax = DoubleVector.fromArray(SPECIES, sc.bMax, j);
      DoubleVector b = DoubleVector.fromArray(SPECIES, sc.b, j);
      DoubleVector bp = DoubleVector.fromArray(SPECIES, sc.vega, j);
      DoubleVector h = DoubleVector.fromArray(SPECIES, sc.h, j);
      DoubleVector objective = DoubleVector.fromArray(SPECIES, sc.objective, j);
      DoubleVector sLeft = DoubleVector.fromArray(SPECIES, sc.sLeft, j);
      DoubleVector sRight = DoubleVector.fromArray(SPECIES, sc.sRight, j);
      VectorMask<Double> lowest = objective.compare(VectorOperators.EQ, LOWEST);
      VectorMask<Double> upper = objective.compare(VectorOperators.EQ, UPPER);
      VectorMask<Double> active = second
          ? DoubleVector.fromArray(SPECIES, sc.active, j).compare(VectorOperators.GT, 0.0)
          : s.compare(VectorOperators.EQ, s);
      // the bracket
      VectorMask<Double> above = b.compare(VectorOperators.GT, beta).and(s.compare(VectorOperators.LT, sRight));
      VectorMask<Double> below = above.not().and(b.compare(VectorOperators.LT, beta))
          .and(s.compare(VectorOperators.GT, sLeft));
      sRight = sRight.blend(s, above);
      sLeft = sLeft.blend(s, below);
      // the objective MIDDLE: g = b - beta. The step's terms with fewer divisions than the scalar code (1 / s from
      // the evaluation, 1 / b', 1 / ln(b) and 1 / (bMax - b) once, 1 / ln(beta) from the initial guess): they round
      // differently by an ulp or so, a relative change of the step of that order, which the next step (or the
      // step's own smallness) absorbs
      DoubleVector hs = h.mul(DoubleVector.fromArray(SPECIES, sc.invS, j));
      DoubleVector bHalley = h.mul(hs).sub(s.mul(0.25));
      DoubleVector bHh3 = bHalley.mul(bHalley).sub(hs.mul(3.0).mul(hs)).sub(0.25);
      DoubleVector invBp = ONE.div(bp);
      beta.sub(b).mul(invBp).intoArray(sc.newton, j);
      bHalley.intoArray(sc.halley, j);
      bHh3.intoArray(sc.hh3, j);
      VectorMask<Double> degenerate = lowest.and(b.compare(VectorOperators.LE, 0.0).or(bp.compare(VectorOperators.LE, 0.0)))
          .or(upper.and(b.compare(VectorOperators.GE, bMax).or(bp.compare(VectorOperators.LE, Double.MIN_NORMAL))));
      if (lowest.anyTrue()) {
        // LOWEST: g = 1/ln(b) - 1/ln(beta)
        DoubleVector lnBeta = DoubleVector.fromArray(SPECIES, sc.lnBeta, j);
        DoubleVector invLnBeta = DoubleVector.fromArray(SPECIES, sc.invLnBeta, j);
        DoubleVector lnB = b.lanewise(VectorOperators.LOG);
        DoubleVector invLnB = ONE.div(lnB);
        DoubleVector bpob = bp.div(b);
        DoubleVector onePlusTwoOverLnB = invLnB.mul(2.0).add(1.0);
        lnBeta.sub(lnB).mul(lnB).mul(invLnBeta).mul(b).mul(invBp).intoArray(sc.newton, j, lowest);
        bHalley.sub(bpob.mul(onePlusTwoOverLnB)).intoArray(sc.halley, j, lowest);
        bHh3.add(bpob.mul(2.0).mul(bpob).mul(invLnB.mul(3.0).mul(invLnB.add(1.0)).add(1.0)))
            .sub(bHalley.mul(3.0).mul(bpob).mul(onePlusTwoOverLnB)).intoArray(sc.hh3, j, lowest);
      }
      if (upper.anyTrue()) {
        // UPPER: g = ln((bMax - beta) / (bMax - b))
        DoubleVector bMaxMinusB = bMax.sub(b);
        DoubleVector invBMaxMinusB = ONE.div(bMaxMinusB);
        DoubleVector g = bMax.sub(beta).mul(invBMaxMinusB).lanewise(VectorOperators.LOG);
        DoubleVector gp = bp.mul(invBMaxMinusB);
        g.neg().mul(bMaxMinusB).mul(invBp).intoArray(sc.newton, j, upper);
        bHalley.add(gp).intoArray(sc.halley, j, upper);
        bHh3.add(gp.mul(gp.mul(2.0).add(bHalley.mul(3.0)))).intoArray(sc.hh3, j, upper);
      }
      DoubleVector newton = DoubleVector.fromArray(SPECIES, sc.newton, j);
      DoubleVector halley = DoubleVector.fromArray(SPECIES, sc.halley, j);
      DoubleVector hh3 = DoubleVector.fromArray(SPECIES, sc.hh3, j);
      DoubleVector factor = halley.mul(0.5).mul(newton).add(1.0)
          .div(newton.mul(halley.add(hh3.mul(newton).mul(1.0 / 6.0))).add(1.0));
      DoubleVector ds = newton.mul(factor).max(s.mul(-0.5));
      DoubleVector next = s.add(ds);
      DoubleVector scalar = DoubleVector.fromArray(SPECIES, sc.scalar, j).blend(1.0, degenerate.and(active));
      if (!second) {
        // the loop condition and the bracket test of the scalar iteration before its second step
        VectorMask<Double> again = ds.abs().compare(VectorOperators.GT, next.mul(DBL_EPSILON));
        VectorMask<Double> outside = next.compare(VectorOperators.GT, sLeft).and(next.compare(VectorOperators.LT, sRight))
            .not().and(again);
        scalar = scalar.blend(1.0, outside);
        next.intoArray(sc.s, j);
        next.intoArray(sc.sEval, j);
        sLeft.intoArray(sc.sLeft, j);
        sRight.intoArray(sc.sRight, j);
        ZERO.blend(1.0, again).intoArray(sc.active, j);
        scalar.intoArray(sc.scalar, j);
      } else {
        DoubleVector result = s.blend(next, active);
        VectorMask<Double> usable = result.compare(VectorOperators.GT, 0.0)
            .and(result.compare(VectorOperators.LT, Double.POSITIVE_INFINITY))
            .and(scalar.compare(VectorOperators.EQ, 0.0));
        result.blend(Double.NaN, usable.not()).intoArray(sc.s, j);
      }
    }
  }
}
