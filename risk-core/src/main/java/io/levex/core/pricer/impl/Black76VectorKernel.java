package io.levex.core.pricer.impl;

import io.levex.core.pricer.Black76Results;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The Black-76 price-and-greeks kernel of {@link Black76Formula} on SIMD lanes (the Java Vector API,
 * {@code jdk.incubator.vector}): the same formulas, regions and compensations, evaluated for
 * {@link DoubleVector#SPECIES_PREFERRED} options at once (8 on AVX-512, 4 on AVX2).
 * <p>
 * Options are processed in chunks through a few short passes over scratch arrays (the shared terms; the scaled error
 * functions; the Mills-ratio derivative; the small-t series; the region formulas and greeks), so that no vector crosses a method boundary and the
 * JIT keeps every vector in registers (large fused Vector API kernels are known to box). Region choices become lane
 * masks and blends; the lanes the kernel does not take (at or after expiry, zero vol) and a chunk's tail are priced
 * by the scalar kernel. Results
 * agree with {@link Black76Formula} to a few ulps (the vector exponential and logarithm round differently from
 * {@link Math}'s); both are tested against the same 60-digit references.
 * <p>
 * Loaded only when the {@code jdk.incubator.vector} module is present ({@code --add-modules jdk.incubator.vector});
 * otherwise the batch pricer uses the scalar kernel. Not thread-safe: use one {@link Scratch} per thread.
 */
public final class Black76VectorKernel {

  private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;
  private static final int LANES = SPECIES.length();
  /** Options per chunk: the scratch arrays of one chunk stay in L1. */
  public static final int CHUNK = 256;

  private static final double INV_SQRT_2 = NormalDistribution.INV_SQRT_2;
  private static final double INV_SQRT_2PI = NormalDistribution.INV_SQRT_2PI;
  private static final double INV_SQRT_PI = 0.5641895835477562869480794515607725858440506293290;
  private static final double PER_VOL_POINT = Black76Formula.PER_VOL_POINT;
  private static final double PER_DAY = Black76Formula.PER_DAY;
  private static final DoubleVector ONE = DoubleVector.broadcast(SPECIES, 1.0);
  private static final DoubleVector ZERO = DoubleVector.zero(SPECIES);

  private Black76VectorKernel() {
  }

  /** Per-thread working arrays of one chunk. */
  public static final class Scratch {
    final double[] df = new double[CHUNK];
    final double[] sqrtT = new double[CHUNK];
    final double[] s = new double[CHUNK];
    final double[] lm = new double[CHUNK];
    final double[] h = new double[CHUNK];
    final double[] base = new double[CHUNK];
    final double[] u = new double[CHUNK];
    final double[] invU = new double[CHUNK];
    final double[] invS = new double[CHUNK];
    final double[] invF = new double[CHUNK];
    final double[] argD2 = new double[CHUNK];
    final double[] argD1 = new double[CHUNK];
    final double[] erfcxD2 = new double[CHUNK];
    final double[] erfcxD1 = new double[CHUNK];
    final double[] millsA = new double[CHUNK];
    final double[] smallT = new double[CHUNK];
    final double[] asymptotic = new double[CHUNK];
    final double[] scalar = new double[CHUNK];
    final double[] callSign = new double[CHUNK];
    final double[] out = new double[Black76Formula.SIZE];
  }

  /**
   * Prices options {@code from} to {@code to} (exclusive) into {@code out} at the same indices.
   *
   * @param call  true for calls
   * @param forward  forwards F > 0
   * @param strike  strikes K > 0
   * @param t  times to expiry, years, >= 0
   * @param vol  vols, decimal, >= 0
   * @param rate  continuously compounded rates; null for 0
   * @param from  first index
   * @param to  end index, exclusive
   * @param out  the results
   * @param scratch  working arrays
   */
  public static void priceAndGreeks(boolean[] call, double[] forward, double[] strike, double[] t, double[] vol,
      double[] rate, int from, int to, Black76Results out, Scratch scratch) {
    for (int c = from; c < to; c += CHUNK) {
      int n = Math.min(CHUNK, to - c);
      int vectorEnd = n - n % LANES;
      for (int j = 0; j < vectorEnd; j++) {
        scratch.callSign[j] = call[c + j] ? 1.0 : -1.0;
      }
      sharedTerms(forward, strike, t, vol, rate, c, vectorEnd, scratch);
      erfcx(scratch.argD2, scratch.erfcxD2, vectorEnd);
      erfcx(scratch.argD1, scratch.erfcxD1, vectorEnd);
      millsRatioDerivative(scratch, vectorEnd);
      smallTSeries(scratch, vectorEnd);
      asymptoticExpansion(scratch, vectorEnd);
      regionsAndGreeks(call, forward, strike, t, vol, rate, c, vectorEnd, out, scratch);
      for (int j = 0; j < n; j++) {
        if (j >= vectorEnd || scratch.scalar[j] != 0.0) {
          scalar(call, forward, strike, t, vol, rate, c + j, out, scratch.out);
        }
      }
    }
  }

  // pass 1: df, sqrt T, s, ln(F/K), h, the compensated Gaussian factor, u and the erfcx arguments
  static void sharedTerms(double[] forward, double[] strike, double[] t, double[] vol, double[] rate, int c,
      int n, Scratch sc) {
    for (int j = 0; j < n; j += LANES) {
      DoubleVector f = DoubleVector.fromArray(SPECIES, forward, c + j);
      DoubleVector k = DoubleVector.fromArray(SPECIES, strike, c + j);
      DoubleVector tt = DoubleVector.fromArray(SPECIES, t, c + j);
      DoubleVector v = DoubleVector.fromArray(SPECIES, vol, c + j);
      DoubleVector df = rate == null
          ? DoubleVector.broadcast(SPECIES, 1.0)
          : DoubleVector.fromArray(SPECIES, rate, c + j).neg().mul(tt).lanewise(VectorOperators.EXP);
      DoubleVector sqrtT = tt.sqrt();
      DoubleVector s = v.mul(sqrtT);
      DoubleVector invF = ONE.div(f);
      DoubleVector ratio = f.div(k);
      DoubleVector remainder = ratio.neg().fma(k, f);
      DoubleVector lm = ratio.lanewise(VectorOperators.LOG).add(remainder.mul(invF));
      DoubleVector x = lm.abs().neg();
      DoubleVector invS = ONE.div(s);
      DoubleVector h = x.mul(invS);
      DoubleVector halfS = s.mul(0.5);
      // exp(-(h^2 + t^2)/2) with the rounding of h, the squares and the sum carried (NormalisedBlack.gaussianBase)
      DoubleVector hLo = h.neg().fma(s, x).mul(invS);
      DoubleVector h2 = h.mul(h);
      DoubleVector h2Lo = h.fma(h, h2.neg()).add(h.mul(2.0).mul(hLo));
      DoubleVector t2 = halfS.mul(halfS);
      DoubleVector t2Lo = halfS.fma(halfS, t2.neg());
      DoubleVector sum = h2.add(t2);
      DoubleVector bv = sum.sub(h2);
      DoubleVector sumLo = h2.sub(sum.sub(bv)).add(t2.sub(bv)).add(h2Lo).add(t2Lo);
      DoubleVector base = sum.mul(-0.5).lanewise(VectorOperators.EXP).mul(sumLo.mul(-0.5).add(1.0));
      DoubleVector halfX = x.mul(0.5);
      DoubleVector u = halfX.lanewise(VectorOperators.EXP);
      DoubleVector invU = halfX.neg().lanewise(VectorOperators.EXP);
      DoubleVector d1o = h.add(halfS);
      DoubleVector d2o = h.sub(halfS);
      VectorMask<Double> degenerate = s.compare(VectorOperators.GT, 0.0).not();
      df.intoArray(sc.df, j);
      sqrtT.intoArray(sc.sqrtT, j);
      s.intoArray(sc.s, j);
      lm.intoArray(sc.lm, j);
      h.intoArray(sc.h, j);
      base.intoArray(sc.base, j);
      u.intoArray(sc.u, j);
      invU.intoArray(sc.invU, j);
      invS.intoArray(sc.invS, j);
      invF.intoArray(sc.invF, j);
      d2o.mul(-INV_SQRT_2).intoArray(sc.argD2, j);
      d1o.abs().mul(INV_SQRT_2).intoArray(sc.argD1, j);
      ZERO.blend(ONE, degenerate).intoArray(sc.scalar, j);
    }
  }

  // pass 2: Cody's erfcx for arguments >= 0 (NaN lanes of degenerate options are priced by the scalar kernel);
  // each lane is in exactly one of the three ranges, written by a masked store (no vector merges across branches,
  // which would make the JIT box)
  static void erfcx(double[] in, double[] out, int n) {
    for (int j = 0; j < n; j += LANES) {
      DoubleVector y = DoubleVector.fromArray(SPECIES, in, j);
      VectorMask<Double> small = y.compare(VectorOperators.LE, 0.46875);
      VectorMask<Double> large = y.compare(VectorOperators.GT, 4.0);
      VectorMask<Double> middle = small.or(large).not();
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
        DoubleVector z = y.mul(y);
        DoubleVector num = z.fma(1.85777706184603153e-1, 3.16112374387056560e00)
            .lanewise(VectorOperators.FMA, z, 1.13864154151050156e02).lanewise(VectorOperators.FMA, z, 3.77485237685302021e02)
            .lanewise(VectorOperators.FMA, z, 3.20937758913846947e03);
        DoubleVector den = z.add(2.36012909523441209e01)
            .lanewise(VectorOperators.FMA, z, 2.44024637934444173e02).lanewise(VectorOperators.FMA, z, 1.28261652607737228e03)
            .lanewise(VectorOperators.FMA, z, 2.84423683343917062e03);
        z.lanewise(VectorOperators.EXP).mul(y.mul(num.div(den)).neg().add(1.0)).intoArray(out, j, small);
      }
      if (large.anyTrue()) {
        DoubleVector z = ONE.div(y.mul(y));
        DoubleVector num = z.fma(1.63153871373020978e-2, 3.05326634961232344e-1)
            .lanewise(VectorOperators.FMA, z, 3.60344899949804439e-1).lanewise(VectorOperators.FMA, z, 1.25781726111229246e-1)
            .lanewise(VectorOperators.FMA, z, 1.60837851487422766e-2).lanewise(VectorOperators.FMA, z, 6.58749161529837803e-4);
        DoubleVector den = z.add(2.56852019228982242e00)
            .lanewise(VectorOperators.FMA, z, 1.87295284992346047e00).lanewise(VectorOperators.FMA, z, 5.27905102951428412e-1)
            .lanewise(VectorOperators.FMA, z, 6.05183413124413191e-2).lanewise(VectorOperators.FMA, z, 2.33520497626869185e-3);
        z.mul(num).div(den).neg().add(INV_SQRT_PI).div(y).intoArray(out, j, large);
      }
    }
  }

  // pass 3: a(h) = 1 + h Y(h) from the fitted polynomials on [-11, 0] (masked stores)
  static void millsRatioDerivative(Scratch sc, int n) {
    double[][] polys = NormalisedBlack.aPolynomials();
    for (int j = 0; j < n; j += LANES) {
      DoubleVector h = DoubleVector.fromArray(SPECIES, sc.h, j);
      // every lane that uses a(h) has h in [-11, 0]; the others (asymptotic region) are priced by the scalar kernel
      ONE.intoArray(sc.millsA, j);
      for (double[] p : polys) {
        VectorMask<Double> in = h.compare(VectorOperators.GE, p[0]).and(h.compare(VectorOperators.LT, p[1]));
        if (in.anyTrue()) {
          DoubleVector x = h.sub(0.5 * (p[0] + p[1])).mul(2.0 / (p[1] - p[0]));
          DoubleVector x2 = x.mul(x);
          // c_17 .. c_0 at p[2..19]: odd and even powers as two fused chains in x^2, unrolled
          DoubleVector odd = x2.fma(p[2], p[4]).lanewise(VectorOperators.FMA, x2, p[6])
              .lanewise(VectorOperators.FMA, x2, p[8]).lanewise(VectorOperators.FMA, x2, p[10])
              .lanewise(VectorOperators.FMA, x2, p[12]).lanewise(VectorOperators.FMA, x2, p[14])
              .lanewise(VectorOperators.FMA, x2, p[16]).lanewise(VectorOperators.FMA, x2, p[18]);
          DoubleVector even = x2.fma(p[3], p[5]).lanewise(VectorOperators.FMA, x2, p[7])
              .lanewise(VectorOperators.FMA, x2, p[9]).lanewise(VectorOperators.FMA, x2, p[11])
              .lanewise(VectorOperators.FMA, x2, p[13]).lanewise(VectorOperators.FMA, x2, p[15])
              .lanewise(VectorOperators.FMA, x2, p[17]).lanewise(VectorOperators.FMA, x2, p[19]);
          odd.fma(x, even).intoArray(sc.millsA, j, in);
        }
      }
    }
  }

  // pass 4: NormalisedBlack.smallTExpansion on every lane (same coefficients and order of operations); the lanes
  // outside region 2 do not use it
  static void smallTSeries(Scratch sc, int n) {
    for (int j = 0; j < n; j += LANES) {
      DoubleVector h = DoubleVector.fromArray(SPECIES, sc.h, j);
      DoubleVector t = DoubleVector.fromArray(SPECIES, sc.s, j).mul(0.5);
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
      base.mul(INV_SQRT_2PI).mul(t.mul(2.0).mul(series)).intoArray(sc.smallT, j);
    }
  }

  // pass 5: the region formulas, the price and every greek
  static void regionsAndGreeks(boolean[] call, double[] forward, double[] strike, double[] t, double[] vol,
      double[] rate, int c, int n, Black76Results out, Scratch sc) {
    for (int j = 0; j < n; j += LANES) {
      DoubleVector h = DoubleVector.fromArray(SPECIES, sc.h, j);
      DoubleVector s = DoubleVector.fromArray(SPECIES, sc.s, j);
      DoubleVector halfS = s.mul(0.5);
      DoubleVector base = DoubleVector.fromArray(SPECIES, sc.base, j);
      DoubleVector u = DoubleVector.fromArray(SPECIES, sc.u, j);
      DoubleVector invU = DoubleVector.fromArray(SPECIES, sc.invU, j);
      DoubleVector e1 = DoubleVector.fromArray(SPECIES, sc.erfcxD1, j);
      DoubleVector e2 = DoubleVector.fromArray(SPECIES, sc.erfcxD2, j);
      DoubleVector d1o = h.add(halfS);
      VectorMask<Double> d1Positive = d1o.compare(VectorOperators.GT, 0.0);
      // region 4 from the two scaled tails
      DoubleVector halfBase = base.mul(0.5);
      DoubleVector cdfD2o = halfBase.mul(u).mul(e2);
      DoubleVector q = halfBase.mul(invU).mul(e1);
      DoubleVector oneMinusQ = q.neg().add(1.0);
      DoubleVector cdfD1o = q.blend(oneMinusQ, d1Positive);
      DoubleVector tailD1o = oneMinusQ.blend(q, d1Positive);
      DoubleVector b = halfBase.mul(e1.sub(e2)).blend(u.mul(cdfD1o).sub(cdfD2o.mul(invU)), d1Positive);
      // region 2: the small-t expansion where it applies
      DoubleVector minusH = h.neg();
      VectorMask<Double> smallT = halfS.compare(VectorOperators.LT, NormalisedBlack.SMALL_T_THRESHOLD)
          .or(halfS.mul(9.0).compare(VectorOperators.LT, minusH)
              .and(minusH.mul(halfS).compare(VectorOperators.LT, 5.0)));
      b = b.blend(DoubleVector.fromArray(SPECIES, sc.smallT, j), smallT);
      VectorMask<Double> asymptotic = h.compare(VectorOperators.LT, NormalisedBlack.ASYMPTOTIC_THRESHOLD)
          .and(d1o.compare(VectorOperators.LT, NormalisedBlack.ASYMPTOTIC_BORDER));
      b = b.blend(DoubleVector.fromArray(SPECIES, sc.asymptotic, j), asymptotic);
      b = b.max(0.0);
      DoubleVector f = DoubleVector.fromArray(SPECIES, forward, c + j);
      DoubleVector k = DoubleVector.fromArray(SPECIES, strike, c + j);
      DoubleVector v = DoubleVector.fromArray(SPECIES, vol, c + j);
      DoubleVector tt = DoubleVector.fromArray(SPECIES, t, c + j);
      DoubleVector df = DoubleVector.fromArray(SPECIES, sc.df, j);
      DoubleVector sqrtT = DoubleVector.fromArray(SPECIES, sc.sqrtT, j);
      DoubleVector lm = DoubleVector.fromArray(SPECIES, sc.lm, j);
      VectorMask<Double> isCall = DoubleVector.fromArray(SPECIES, sc.callSign, j).compare(VectorOperators.GT, 0.0);
      DoubleVector fMinusK = f.sub(k);
      DoubleVector intrinsic = fMinusK.blend(fMinusK.neg(), isCall.not()).max(0.0);
      DoubleVector value = df.mul(f.max(k).mul(u).fma(b, intrinsic));
      VectorMask<Double> below = lm.compare(VectorOperators.LE, 0.0);
      DoubleVector oneMinusCdfD2o = cdfD2o.neg().add(1.0);
      DoubleVector cdfD1 = oneMinusCdfD2o.blend(cdfD1o, below);
      DoubleVector cdfMinusD1 = cdfD2o.blend(tailD1o, below);
      DoubleVector cdfD2 = tailD1o.blend(cdfD2o, below);
      DoubleVector cdfMinusD2 = cdfD1o.blend(oneMinusCdfD2o, below);
      DoubleVector invS = DoubleVector.fromArray(SPECIES, sc.invS, j);
      DoubleVector d1 = lm.fma(invS, halfS);
      DoubleVector d2 = d1.sub(s);
      DoubleVector scaledBase = base.mul(INV_SQRT_2PI);
      DoubleVector nd1 = scaledBase.mul(u.blend(invU, below));
      DoubleVector nd2 = scaledBase.mul(invU.blend(u, below));
      DoubleVector dfNd1 = df.mul(nd1);
      DoubleVector vega = dfNd1.mul(f).mul(sqrtT);
      DoubleVector invVol = sqrtT.mul(invS);
      DoubleVector invF = DoubleVector.fromArray(SPECIES, sc.invF, j);
      DoubleVector kOverF = k.mul(invF);
      DoubleVector r = rate == null ? DoubleVector.zero(SPECIES) : DoubleVector.fromArray(SPECIES, rate, c + j);
      int i = c + j;
      value.intoArray(out.priceUsd, i);
      df.mul(cdfD1.blend(cdfMinusD1.neg(), isCall.not())).intoArray(out.delta, i);
      dfNd1.mul(invF).mul(invS).intoArray(out.gammaPerUsd, i);
      vega.mul(PER_VOL_POINT).intoArray(out.vegaUsdPerVolPoint, i);
      r.mul(value).sub(dfNd1.mul(f).mul(v).mul(0.5).mul(v.mul(invS))).mul(PER_DAY).intoArray(out.thetaUsdPerDay, i);
      tt.neg().mul(value).intoArray(out.rhoUsdPerUnitRate, i);
      dfNd1.neg().mul(d2).mul(invVol).intoArray(out.vannaPerUnitVol, i);
      vega.mul(d1).mul(d2).mul(invVol).intoArray(out.volgaUsdPerUnitVolSquared, i);
      df.mul(kOverF).mul(cdfD2.blend(cdfMinusD2.neg(), isCall.not())).intoArray(out.deltaPremiumAdjustedCoin, i);
      df.mul(kOverF).mul(invF).mul(invF)
          .mul(nd2.mul(invS).add(cdfD2.mul(-2.0).blend(cdfMinusD2.mul(2.0), isCall.not())))
          .intoArray(out.gammaCoinPerUsd, i);
    }
  }

  // pass 6: the asymptotic expansion of region 1 (NormalisedBlack.asymptoticExpansion) on lanes. The odd-binomial
  // polynomials P_n(e) = sum_i C(2n+1, 2i+1) e^i come from the positive recurrence P_{n+1} = (1+e) P_n + 2 E_n,
  // E_{n+1} = (1+e) E_n + 2 e P_n (P_0 = E_0 = 1), unrolled: a loop over vectors would make the JIT box them
  static void asymptoticExpansion(Scratch sc, int n) {
    for (int j = 0; j < n; j += LANES) {
      DoubleVector h = DoubleVector.fromArray(SPECIES, sc.h, j);
      DoubleVector t = DoubleVector.fromArray(SPECIES, sc.s, j).mul(0.5);
      VectorMask<Double> asymptotic = h.compare(VectorOperators.LT, NormalisedBlack.ASYMPTOTIC_THRESHOLD)
          .and(h.add(t).compare(VectorOperators.LT, NormalisedBlack.ASYMPTOTIC_BORDER));
      if (!asymptotic.anyTrue()) {
        continue;
      }
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
      // S = 2 P_0 + q (-1) (2 P_1 + q (-3) (2 P_2 + ... + q (-33) (2 P_17)))
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


  private static void scalar(boolean[] call, double[] forward, double[] strike, double[] t, double[] vol,
      double[] rate, int i, Black76Results out, double[] g) {
    Black76Formula.priceAndGreeks(forward[i], strike[i], t[i], vol[i], rate == null ? 0.0 : rate[i], call[i], g, 0);
    out.priceUsd[i] = g[Black76Formula.VALUE];
    out.delta[i] = g[Black76Formula.DELTA];
    out.gammaPerUsd[i] = g[Black76Formula.GAMMA];
    out.vegaUsdPerVolPoint[i] = g[Black76Formula.VEGA] * PER_VOL_POINT;
    out.thetaUsdPerDay[i] = g[Black76Formula.THETA] * PER_DAY;
    out.rhoUsdPerUnitRate[i] = g[Black76Formula.RHO];
    out.vannaPerUnitVol[i] = g[Black76Formula.VANNA];
    out.volgaUsdPerUnitVolSquared[i] = g[Black76Formula.VOLGA];
    out.deltaPremiumAdjustedCoin[i] = g[Black76Formula.DELTA_PREMIUM_ADJUSTED];
    out.gammaCoinPerUsd[i] = g[Black76Formula.GAMMA_COIN];
  }
}
