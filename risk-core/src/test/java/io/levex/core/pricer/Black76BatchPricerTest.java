package io.levex.core.pricer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Test {@link Black76BatchPricer}: the batch gives exactly the scalar pricer's numbers (one kernel), per index.
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
    for (int i = 0; i < n; i++) {
      Greeks g = Black76OptionPricer.DEFAULT.greeks(call[i], f[i], k[i], t[i], vol[i], rate[i]);
      assertThat(out.priceUsd[i]).isEqualTo(Black76OptionPricer.DEFAULT.priceUsd(call[i], f[i], k[i], t[i], vol[i], rate[i]));
      assertThat(prices[i]).isEqualTo(out.priceUsd[i]);
      assertThat(out.delta[i]).isEqualTo(g.delta());
      assertThat(out.gammaPerUsd[i]).isEqualTo(g.gammaPerUsd());
      assertThat(out.vegaUsdPerVolPoint[i]).isEqualTo(g.vegaUsdPerVolPoint());
      assertThat(out.thetaUsdPerDay[i]).isEqualTo(g.thetaUsdPerDay());
      assertThat(out.deltaPremiumAdjustedCoin[i]).isEqualTo(g.deltaPremiumAdjustedCoin());
      assertThat(out.gammaCoinPerUsd[i]).isEqualTo(g.gammaCoinPerUsd());
    }
  }
}
