package io.levex.core.pricer;

import io.levex.core.pricer.impl.Black76Formula;

/**
 * Black-76 price and greeks for arrays of options, without allocating per option: the kernel of full
 * revaluation. Same numbers as {@link Black76OptionPricer} (one kernel, {@code Black76Formula}).
 * <p>
 * Inputs are not validated (callers validate at the edge): forward and strike > 0, time >= 0 (0 = at expiry),
 * vol >= 0, all finite. Stateless and thread-safe; use {@link #DEFAULT}.
 */
public final class Black76BatchPricer {

  /** Default instance. */
  public static final Black76BatchPricer DEFAULT = new Black76BatchPricer();


  /**
   * Whether the SIMD kernel is used: when the {@code jdk.incubator.vector} module is present (the JVM runs with
   * {@code --add-modules jdk.incubator.vector}) and {@code -Dlevex.pricer.scalar=true} is not set.
   */
  public static final boolean VECTORIZED = !Boolean.getBoolean("levex.pricer.scalar")
      && ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();

  private Black76BatchPricer() {
  }

  /**
   * Prices options {@code from} (inclusive) to {@code to} (exclusive), writing results at the same indices.
   *
   * @param call  true for calls
   * @param forward  forwards, USD per coin
   * @param strike  strikes, USD per coin
   * @param t  times to expiry, 365-day years
   * @param vol  implied vols, decimal
   * @param rate  continuously compounded rates; null for 0 (Deribit)
   * @param from  first index, inclusive
   * @param to  last index, exclusive
   * @param out  the results, capacity >= to
   */
  public void priceAndGreeks(boolean[] call, double[] forward, double[] strike, double[] t, double[] vol,
      double[] rate, int from, int to, Black76Results out) {
    if (VECTORIZED) {
      VectorPath.priceAndGreeks(call, forward, strike, t, vol, rate, from, to, out);
      return;
    }
    priceAndGreeksScalar(call, forward, strike, t, vol, rate, from, to, out);
  }

  /**
   * {@link #priceAndGreeks} with the scalar kernel whatever the JVM supports (for comparisons and tests).
   *
   * @param call  true for calls
   * @param forward  forwards, USD per coin
   * @param strike  strikes, USD per coin
   * @param t  times to expiry, 365-day years
   * @param vol  implied vols, decimal
   * @param rate  continuously compounded rates; null for 0 (Deribit)
   * @param from  first index, inclusive
   * @param to  last index, exclusive
   * @param out  the results, capacity >= to
   */
  public void priceAndGreeksScalar(boolean[] call, double[] forward, double[] strike, double[] t, double[] vol,
      double[] rate, int from, int to, Black76Results out) {
    double[] g = out.scratch;
    for (int i = from; i < to; i++) {
      double f = forward[i];
      Black76Formula.priceAndGreeks(f, strike[i], t[i], vol[i], rate == null ? 0.0 : rate[i], call[i], g, 0);
      double vegaPerVolPoint = g[Black76Formula.VEGA] * Black76Formula.PER_VOL_POINT;
      out.priceUsd[i] = g[Black76Formula.VALUE];
      out.delta[i] = g[Black76Formula.DELTA];
      out.gammaPerUsd[i] = g[Black76Formula.GAMMA];
      out.vegaUsdPerVolPoint[i] = vegaPerVolPoint;
      out.thetaUsdPerDay[i] = g[Black76Formula.THETA] * Black76Formula.PER_DAY;
      out.rhoUsdPerUnitRate[i] = g[Black76Formula.RHO];
      out.vannaPerUnitVol[i] = g[Black76Formula.VANNA];
      out.volgaUsdPerUnitVolSquared[i] = g[Black76Formula.VOLGA];
      out.deltaPremiumAdjustedCoin[i] = g[Black76Formula.DELTA_PREMIUM_ADJUSTED];
      out.gammaCoinPerUsd[i] = g[Black76Formula.GAMMA_COIN];
    }
  }

  /**
   * Prices options and returns only their values (the revaluation inner loop of scenario grids).
   *
   * @param call  true for calls
   * @param forward  forwards, USD per coin
   * @param strike  strikes, USD per coin
   * @param t  times to expiry, 365-day years
   * @param vol  implied vols, decimal
   * @param rate  continuously compounded rates; null for 0
   * @param from  first index, inclusive
   * @param to  last index, exclusive
   * @param priceUsd  the values, USD per option
   */
  public void prices(boolean[] call, double[] forward, double[] strike, double[] t, double[] vol, double[] rate,
      int from, int to, double[] priceUsd) {
    for (int i = from; i < to; i++) {
      double r = rate == null ? 0.0 : rate[i];
      priceUsd[i] = Black76Formula.price(forward[i], strike[i], t[i], vol[i], r == 0.0 ? 1.0 : Math.exp(-r * t[i]), call[i]);
    }
  }

  // isolates the linkage to jdk.incubator.vector: this class is loaded only when VECTORIZED is true
  private static final class VectorPath {
    static void priceAndGreeks(boolean[] call, double[] forward, double[] strike, double[] t, double[] vol,
        double[] rate, int from, int to, Black76Results out) {
      if (!(out.vectorScratch instanceof io.levex.core.pricer.impl.Black76VectorKernel.Scratch)) {
        out.vectorScratch = new io.levex.core.pricer.impl.Black76VectorKernel.Scratch();
      }
      io.levex.core.pricer.impl.Black76VectorKernel.priceAndGreeks(call, forward, strike, t, vol, rate, from, to, out,
          (io.levex.core.pricer.impl.Black76VectorKernel.Scratch) out.vectorScratch);
    }
  }
}
