package io.levex.core.pricer.impl;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Undiscounted Black-76 prices only (no greeks) from a precomputed log-moneyness and total volatility, on SIMD lanes:
 * the grid kernel of scenario revaluation, which hoists {@code ln(F/K)} per instrument and adds {@code ln(1 + m)}
 * per scenario (performance-benchmarks.md section 6.2).
 * <p>
 * The conventional form, taken from the out-of-the-money side so that it never subtracts two large numbers: with
 * {@code x = -|ln(F/K)|}, {@code p = x/s + s/2}, {@code q = p - s}, {@code A = min(F, K)}, {@code B = max(F, K)},
 * the time value is {@code A N(p) - B N(q)} (the out-of-the-money call or put) and the price is the intrinsic value
 * plus it. The normal probabilities come from Cody's scaled complementary error function (the rational functions of
 * {@link NormalDistribution#erfcx}, shared with {@link Black76VectorKernel}) and one exponential per entry:
 * {@code B exp(-q^2/2) = A exp(-p^2/2)}, so that the only divisions are {@code x/s} and those of the rational
 * functions. Cheaper than {@link Black76Formula#priceFromLogMoneyness} (no small-t
 * series, no asymptotic expansion) and less accurate far out of the money, where the time value is tiny: the absolute
 * error stays within about {@code 1e-14 max(F, K)} (tested against the scalar kernel on every region at
 * {@code 1e-13 max(F, K)}), which is what sums of positions (risk matrices) need. Loaded only when
 * {@code jdk.incubator.vector} is present. Not thread-safe: one {@link Scratch} per thread.
 */
public final class Black76VectorPrices {

  private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;
  /** The number of lanes. */
  public static final int LANES = SPECIES.length();
  /** Entries per call at most. */
  public static final int CHUNK = Black76VectorKernel.CHUNK;

  private static final double INV_SQRT_2 = NormalDistribution.INV_SQRT_2;
  private static final DoubleVector ONE = DoubleVector.broadcast(SPECIES, 1.0);

  private Black76VectorPrices() {
  }

  /** Per-thread working arrays. */
  public static final class Scratch {
    final Black76VectorKernel.Scratch k = new Black76VectorKernel.Scratch();
  }

  /**
   * Computes {@code out[i]}, the undiscounted Black-76 price, for {@code i < n}. Every array must be at least
   * {@link #CHUNK} long: the entries from {@code n} to the next multiple of {@link #LANES} are overwritten with
   * padding.
   *
   * @param forward  F > 0
   * @param strike  K > 0
   * @param logMoneyness  ln(F/K), consistent with F and K
   * @param totalVol  sigma sqrt(T), > 0
   * @param callSign  +1 for calls, -1 for puts
   * @param n  the number of entries, {@code <= CHUNK}
   * @param out  the prices
   * @param scratch  working arrays
   */
  public static void prices(double[] forward, double[] strike, double[] logMoneyness, double[] totalVol,
      double[] callSign, int n, double[] out, Scratch scratch) {
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
    terms(logMoneyness, totalVol, m, sc);
    Black76VectorKernel.erfcx(sc.argD1, sc.erfcxD1, m);
    Black76VectorKernel.erfcx(sc.argD2, sc.erfcxD2, m);
    assemble(forward, strike, callSign, m, out, sc);
  }

  /**
   * As {@link #prices(double[], double[], double[], double[], double[], int, double[], Scratch)} with
   * {@code 1 / totalVol} given (a grid computes it once per distinct vol, not per entry): {@code x/s} becomes
   * {@code x (1/s)}, within an ulp of it.
   *
   * @param forward  F > 0
   * @param strike  K > 0
   * @param logMoneyness  ln(F/K), consistent with F and K
   * @param totalVol  sigma sqrt(T), > 0
   * @param invTotalVol  1 / totalVol
   * @param callSign  +1 for calls, -1 for puts
   * @param n  the number of entries, {@code <= CHUNK}
   * @param out  the prices
   * @param scratch  working arrays
   */
  public static void prices(double[] forward, double[] strike, double[] logMoneyness, double[] totalVol,
      double[] invTotalVol, double[] callSign, int n, double[] out, Scratch scratch) {
    if (n > CHUNK) {
      throw new IllegalArgumentException("at most " + CHUNK + " entries per call: " + n);
    }
    Black76VectorKernel.Scratch sc = scratch.k;
    int m = (n + LANES - 1) / LANES * LANES;
    for (int j = n; j < m; j++) {
      forward[j] = 1.0;
      strike[j] = 1.0;
      logMoneyness[j] = 0.0;
      totalVol[j] = 0.2;
      invTotalVol[j] = 5.0;
      callSign[j] = 1.0;
    }
    for (int j = 0; j < m; j += LANES) {
      DoubleVector x = DoubleVector.fromArray(SPECIES, logMoneyness, j).abs().neg();
      DoubleVector sv = DoubleVector.fromArray(SPECIES, totalVol, j);
      DoubleVector p = x.mul(DoubleVector.fromArray(SPECIES, invTotalVol, j)).add(sv.mul(0.5));
      DoubleVector q = p.sub(sv);
      p.mul(p).mul(-0.5).lanewise(VectorOperators.EXP).intoArray(sc.base, j);
      p.intoArray(sc.h, j);
      p.abs().mul(INV_SQRT_2).intoArray(sc.argD1, j);
      q.mul(-INV_SQRT_2).intoArray(sc.argD2, j);
    }
    Black76VectorKernel.erfcx(sc.argD1, sc.erfcxD1, m);
    Black76VectorKernel.erfcx(sc.argD2, sc.erfcxD2, m);
    assemble(forward, strike, callSign, m, out, sc);
  }

  // pass 1: p = x/s + s/2 (either sign) and q = p - s < 0 with x = -|ln(F/K)| (the out-of-the-money side),
  // exp(-p^2/2) and the erfcx arguments |p|/sqrt 2 and -q/sqrt 2 (>= 0)
  private static void terms(double[] logMoneyness, double[] totalVol, int n, Black76VectorKernel.Scratch sc) {
    for (int j = 0; j < n; j += LANES) {
      DoubleVector x = DoubleVector.fromArray(SPECIES, logMoneyness, j).abs().neg();
      DoubleVector s = DoubleVector.fromArray(SPECIES, totalVol, j);
      DoubleVector p = x.div(s).add(s.mul(0.5));
      DoubleVector q = p.sub(s);
      p.mul(p).mul(-0.5).lanewise(VectorOperators.EXP).intoArray(sc.base, j);
      p.intoArray(sc.h, j);
      p.abs().mul(INV_SQRT_2).intoArray(sc.argD1, j);
      q.mul(-INV_SQRT_2).intoArray(sc.argD2, j);
    }
  }

  // last pass: with A = min(F, K), B = max(F, K) the out-of-the-money value is A N(p) - B N(q);
  // N(p) = e erfcx(-p/sqrt 2)/2 (p <= 0) or 1 - e erfcx(p/sqrt 2)/2 with e = exp(-p^2/2); B N(q) = A e erfcx(-q/sqrt 2)/2
  // since B exp(-q^2/2) = A exp(-p^2/2) (no division); price = intrinsic + max(that, 0)
  private static void assemble(double[] forward, double[] strike, double[] callSign, int n, double[] out,
      Black76VectorKernel.Scratch sc) {
    for (int j = 0; j < n; j += LANES) {
      DoubleVector f = DoubleVector.fromArray(SPECIES, forward, j);
      DoubleVector k = DoubleVector.fromArray(SPECIES, strike, j);
      DoubleVector sign = DoubleVector.fromArray(SPECIES, callSign, j);
      DoubleVector p = DoubleVector.fromArray(SPECIES, sc.h, j);
      DoubleVector halfE = DoubleVector.fromArray(SPECIES, sc.base, j).mul(0.5);
      DoubleVector tailP = halfE.mul(DoubleVector.fromArray(SPECIES, sc.erfcxD1, j));
      DoubleVector nP = tailP.blend(ONE.sub(tailP), p.compare(VectorOperators.GT, 0.0));
      DoubleVector tv = nP.sub(halfE.mul(DoubleVector.fromArray(SPECIES, sc.erfcxD2, j))).mul(f.min(k)).max(0.0);
      f.sub(k).mul(sign).max(0.0).add(tv).intoArray(out, j);
    }
  }
}
