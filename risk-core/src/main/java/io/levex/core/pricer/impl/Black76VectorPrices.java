package io.levex.core.pricer.impl;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Undiscounted Black-76 prices only (no greeks) from a precomputed log-moneyness and total volatility, on SIMD lanes:
 * the formulas and regions of {@link Black76Formula#priceFromLogMoneyness} (and of {@link Black76VectorKernel}, whose
 * erfcx, Mills-ratio, small-t and asymptotic passes it reuses), for scenario grids that hoist {@code ln(F/K)} and
 * add {@code ln(1 + m)}.
 * <p>
 * Two modes: {@link #SMALL_T} when the caller guarantees that every entry is in the small-t region and not in the
 * asymptotic one ({@link NormalisedBlack#isSmallT} and not {@link NormalisedBlack#isAsymptotic}, with
 * {@code h = -|ln(F/K)|/s}, {@code t = s/2}): only the Gaussian factor, {@code u}, {@code a(h)} and the series are
 * computed; {@link #GENERAL} for any entry with {@code s > 0} (every region; the small-t passes run only when a lane
 * needs them). Grids classify their entries into the two modes so that a pass never computes a region no lane
 * uses. Results agree with the scalar kernel to a few ulps (the vector exponential rounds differently from
 * {@link Math#exp}). Loaded only when {@code jdk.incubator.vector} is present. Not thread-safe: one {@link Scratch}
 * per thread.
 */
public final class Black76VectorPrices {

  private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;
  /** The number of lanes. */
  public static final int LANES = SPECIES.length();
  /** Entries per call at most. */
  public static final int CHUNK = Black76VectorKernel.CHUNK;
  /** Mode: every entry is in the small-t region (and not asymptotic). */
  public static final int SMALL_T = 1;
  /** Mode: any entry with total vol > 0. */
  public static final int GENERAL = 0;

  private static final double INV_SQRT_2 = NormalDistribution.INV_SQRT_2;
  private static final DoubleVector ONE = DoubleVector.broadcast(SPECIES, 1.0);

  private Black76VectorPrices() {
  }

  /** Per-thread working arrays. */
  public static final class Scratch {
    final Black76VectorKernel.Scratch k = new Black76VectorKernel.Scratch();
  }

  /**
   * Computes {@code out[i] = intrinsic + max(F, K) u b} (the undiscounted price) for {@code i < n}.
   *
   * Every array must be at least {@link #CHUNK} long: the entries from {@code n} to the next multiple of
   * {@link #LANES} are overwritten with padding.
   *
   * @param forward  F > 0
   * @param strike  K > 0
   * @param logMoneyness  ln(F/K), consistent with F and K
   * @param totalVol  sigma sqrt(T), > 0
   * @param callSign  +1 for calls, -1 for puts
   * @param n  the number of entries, {@code <= CHUNK}
   * @param mode  {@link #SMALL_T} or {@link #GENERAL}
   * @param out  the prices
   * @param scratch  working arrays
   */
  public static void prices(double[] forward, double[] strike, double[] logMoneyness, double[] totalVol,
      double[] callSign, int n, int mode, double[] out, Scratch scratch) {
    if (n > CHUNK) {
      throw new IllegalArgumentException("at most " + CHUNK + " entries per call: " + n);
    }
    Black76VectorKernel.Scratch sc = scratch.k;
    int m = (n + LANES - 1) / LANES * LANES;
    // pad the tail with a harmless entry (at the money, s = 0.2) so that every pass runs on whole vectors
    for (int j = n; j < m; j++) {
      forward[j] = 1.0;
      strike[j] = 1.0;
      logMoneyness[j] = 0.0;
      totalVol[j] = 0.2;
      callSign[j] = 1.0;
    }
    boolean small = mode == SMALL_T;
    boolean anySmall = terms(logMoneyness, totalVol, m, small, sc);
    if (small || anySmall) {
      Black76VectorKernel.millsRatioDerivative(sc, m);
      Black76VectorKernel.smallTSeries(sc, m);
    }
    if (!small) {
      Black76VectorKernel.erfcx(sc.argD2, sc.erfcxD2, m);
      Black76VectorKernel.erfcx(sc.argD1, sc.erfcxD1, m);
      Black76VectorKernel.asymptoticExpansion(sc, m);
    }
    assemble(forward, strike, callSign, m, small, out, sc);
  }

  // pass 1: h, s, the compensated Gaussian factor, u (and for the general mode 1/u and the erfcx arguments);
  // returns whether any lane is in the small-t region (general mode)
  private static boolean terms(double[] logMoneyness, double[] totalVol, int n, boolean small,
      Black76VectorKernel.Scratch sc) {
    boolean anySmall = false;
    for (int j = 0; j < n; j += LANES) {
      DoubleVector lm = DoubleVector.fromArray(SPECIES, logMoneyness, j);
      DoubleVector s = DoubleVector.fromArray(SPECIES, totalVol, j);
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
      halfX.lanewise(VectorOperators.EXP).intoArray(sc.u, j);
      s.intoArray(sc.s, j);
      h.intoArray(sc.h, j);
      base.intoArray(sc.base, j);
      if (!small) {
        halfX.neg().lanewise(VectorOperators.EXP).intoArray(sc.invU, j);
        h.sub(halfS).mul(-INV_SQRT_2).intoArray(sc.argD2, j);
        h.add(halfS).abs().mul(INV_SQRT_2).intoArray(sc.argD1, j);
        if (!anySmall) {
          DoubleVector minusH = h.neg();
          anySmall = halfS.compare(VectorOperators.LT, NormalisedBlack.SMALL_T_THRESHOLD)
              .or(halfS.mul(9.0).compare(VectorOperators.LT, minusH).and(minusH.mul(halfS).compare(VectorOperators.LT, 5.0)))
              .anyTrue();
        }
      }
    }
    return anySmall;
  }

  // last pass: the region formula of each lane (as Black76VectorKernel.regionsAndGreeks) and the price
  private static void assemble(double[] forward, double[] strike, double[] callSign, int n, boolean small,
      double[] out, Black76VectorKernel.Scratch sc) {
    for (int j = 0; j < n; j += LANES) {
      DoubleVector u = DoubleVector.fromArray(SPECIES, sc.u, j);
      DoubleVector b;
      if (small) {
        b = DoubleVector.fromArray(SPECIES, sc.smallT, j);
      } else {
        DoubleVector h = DoubleVector.fromArray(SPECIES, sc.h, j);
        DoubleVector halfS = DoubleVector.fromArray(SPECIES, sc.s, j).mul(0.5);
        DoubleVector base = DoubleVector.fromArray(SPECIES, sc.base, j);
        DoubleVector invU = DoubleVector.fromArray(SPECIES, sc.invU, j);
        DoubleVector e1 = DoubleVector.fromArray(SPECIES, sc.erfcxD1, j);
        DoubleVector e2 = DoubleVector.fromArray(SPECIES, sc.erfcxD2, j);
        DoubleVector d1o = h.add(halfS);
        VectorMask<Double> d1Positive = d1o.compare(VectorOperators.GT, 0.0);
        DoubleVector halfBase = base.mul(0.5);
        DoubleVector cdfD2o = halfBase.mul(u).mul(e2);
        DoubleVector q = halfBase.mul(invU).mul(e1);
        DoubleVector cdfD1o = q.blend(q.neg().add(1.0), d1Positive);
        b = halfBase.mul(e1.sub(e2)).blend(u.mul(cdfD1o).sub(cdfD2o.mul(invU)), d1Positive);
        DoubleVector minusH = h.neg();
        VectorMask<Double> smallT = halfS.compare(VectorOperators.LT, NormalisedBlack.SMALL_T_THRESHOLD)
            .or(halfS.mul(9.0).compare(VectorOperators.LT, minusH)
                .and(minusH.mul(halfS).compare(VectorOperators.LT, 5.0)));
        if (smallT.anyTrue()) {
          b = b.blend(DoubleVector.fromArray(SPECIES, sc.smallT, j), smallT);
        }
        VectorMask<Double> asymptotic = h.compare(VectorOperators.LT, NormalisedBlack.ASYMPTOTIC_THRESHOLD)
            .and(d1o.compare(VectorOperators.LT, NormalisedBlack.ASYMPTOTIC_BORDER));
        if (asymptotic.anyTrue()) {
          b = b.blend(DoubleVector.fromArray(SPECIES, sc.asymptotic, j), asymptotic);
        }
      }
      b = b.max(0.0);
      DoubleVector f = DoubleVector.fromArray(SPECIES, forward, j);
      DoubleVector k = DoubleVector.fromArray(SPECIES, strike, j);
      DoubleVector sign = DoubleVector.fromArray(SPECIES, callSign, j);
      DoubleVector intrinsic = f.sub(k).mul(sign).max(0.0);
      f.max(k).mul(u).fma(b, intrinsic).intoArray(out, j);
    }
  }
}
