package io.levex.core.pricer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Test {@link Black76BatchPricer}: per index, the batch gives the scalar pricer's numbers (exactly with the scalar
 * kernel; to a few ulps with the SIMD kernel, whose exponential and logarithm round differently).
 */
class Black76BatchPricerTest {

  @Test
  void test_priceAndGreeks_equalsScalarPricerAtEveryIndex() {
    int n = 64;
    boolean[] call = new boolean[n];
    double[] f = new double[n];
    double[] k = new double[n];
    double[] t = new double[n];
    double[] vol = new double[n];
    double[] rate = new double[n];
    for (int i = 0; i < n; i++) {
      call[i] = i % 2 == 0;
      f[i] = 90_000 + 500 * i;
      k[i] = 40_000 + 2_500 * i;
      t[i] = i % 7 == 0 ? 0.0 : (i + 1) / 52.0;
      vol[i] = 0.05 + 0.04 * i;
      rate[i] = i % 3 == 0 ? 0.0 : 0.03;
    }
    Black76Results out = new Black76Results(n);
    Black76BatchPricer.DEFAULT.priceAndGreeks(call, f, k, t, vol, rate, 0, n, out);
    double[] prices = new double[n];
    Black76BatchPricer.DEFAULT.prices(call, f, k, t, vol, rate, 0, n, prices);
    double tol = Black76BatchPricer.VECTORIZED ? 1e-13 : 0.0;
    for (int i = 0; i < n; i++) {
      Greeks g = Black76OptionPricer.DEFAULT.greeks(call[i], f[i], k[i], t[i], vol[i], rate[i]);
      assertClose(out.priceUsd[i], Black76OptionPricer.DEFAULT.priceUsd(call[i], f[i], k[i], t[i], vol[i], rate[i]), tol);
      assertClose(prices[i], out.priceUsd[i], tol);
      assertClose(out.delta[i], g.delta(), tol);
      assertClose(out.gammaPerUsd[i], g.gammaPerUsd(), tol);
      assertClose(out.vegaUsdPerVolPoint[i], g.vegaUsdPerVolPoint(), tol);
      assertClose(out.thetaUsdPerDay[i], g.thetaUsdPerDay(), tol);
      assertClose(out.deltaPremiumAdjustedCoin[i], g.deltaPremiumAdjustedCoin(), tol);
      assertClose(out.gammaCoinPerUsd[i], g.gammaCoinPerUsd(), tol);
    }
  }

  private static void assertClose(double actual, double expected, double relTol) {
    assertThat(Math.abs(actual - expected)).as("actual " + actual + " expected " + expected)
        .isLessThanOrEqualTo(relTol * Math.abs(expected) + (relTol > 0 ? 1e-300 : 0));
  }
}
