package io.levex.core.pricer.impl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.levex.core.testing.CsvFixture;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Test {@link Black76Formula} against 60-digit mpmath values on the hard domain ({@code mpmath_black76_grid.csv}:
 * K/F 0.03 to 33, vol 5% to 300%, one hour to three years, r in {-1%, 0, 5%}, and at expiry).
 * <p>
 * The reference is exact for the double inputs. A double evaluation cannot do better than the conditioning of the
 * formula: ln(F/K) carries half an ulp, which the Gaussian factor exp(-d1^2/2) amplifies by about d1^2 (the
 * price's elasticity in log-moneyness is of order h^2 = (ln(F/K)/s)^2). The tolerance is therefore
 * {@code 8 eps (1 + d1^2 + d2^2)} relative, which is 8 ulps near the money and still under 1e-13 wherever the
 * price exceeds 1e-10 F (|d| below about 7). Values below 1e-290 (whose intermediates are subnormal) are compared
 * absolutely.
 */
class Black76FormulaTest {

  private static final double EPS = Math.ulp(1.0);
  /** Below this, intermediate products are subnormal and only an absolute comparison is meaningful. */
  private static final double TINY = 1e-290;
  private static final List<Map<String, String>> GRID = CsvFixture.read("/reference/mpmath_black76_grid.csv");

  @Test
  void test_priceAndGreeks_matchMpmathOnTheHardDomain() {
    String[] columns = {"price_usd", "delta", "gamma", "vega_per_vol_pt", "theta_per_day", "rho_per_unit_rate", "vanna",
        "volga", "delta_coin_pa", "gamma_coin"};
    int[] index = {Black76Formula.VALUE, Black76Formula.DELTA, Black76Formula.GAMMA, Black76Formula.VEGA,
        Black76Formula.THETA, Black76Formula.RHO, Black76Formula.VANNA, Black76Formula.VOLGA,
        Black76Formula.DELTA_PREMIUM_ADJUSTED, Black76Formula.GAMMA_COIN};
    double[] scale = {1, 1, 1, 0.01, 1.0 / 365.0, 1, 1, 1, 1, 1};
    List<String> failures = new ArrayList<>();
    double[] out = new double[Black76Formula.SIZE];
    for (Map<String, String> r : GRID) {
      boolean call = r.get("option_type").equals("call");
      double f = d(r, "forward");
      double k = d(r, "strike");
      double t = d(r, "t_years");
      double vol = d(r, "vol");
      double rate = d(r, "rate");
      Black76Formula.priceAndGreeks(f, k, t, vol, rate, call, out, 0);
      double s = vol * Math.sqrt(t);
      double d1 = s > 0 ? Math.log(f / k) / s + 0.5 * s : 0;
      double d2 = d1 - s;
      double tol = 8 * EPS * (1 + d1 * d1 + d2 * d2);
      for (int j = 0; j < columns.length; j++) {
        double expected = d(r, columns[j]);
        double actual = out[index[j]] * scale[j];
        // gamma_coin = gamma/F - 2 delta/F^2 + 2 V/F^3 crosses zero: measure it against the size of its terms
        double magnitude = columns[j].equals("gamma_coin")
            ? d(r, "gamma") / f + 2.0 * k / (f * f * f)
            : Math.abs(expected);
        boolean ok = Math.abs(expected) >= TINY
            ? Math.abs(actual - expected) <= tol * magnitude
            : Math.abs(actual - expected) < TINY;
        if (!ok) {
          failures.add(columns[j] + " " + r + " actual " + actual);
        }
      }
    }
    assertThat(GRID).hasSize(1876);
    assertThat(failures).isEmpty();
  }

  @Test
  void test_price_agreesWithTheGreekKernel() {
    double[] out = new double[Black76Formula.SIZE];
    for (Map<String, String> r : GRID) {
      boolean call = r.get("option_type").equals("call");
      double f = d(r, "forward");
      double k = d(r, "strike");
      double t = d(r, "t_years");
      double vol = d(r, "vol");
      double rate = d(r, "rate");
      Black76Formula.priceAndGreeks(f, k, t, vol, rate, call, out, 0);
      double price = Black76Formula.price(f, k, t, vol, Math.exp(-rate * t), call);
      // two evaluations of the same function by different region formulas: within a few ulps of each other
      assertThat(Math.abs(price - out[Black76Formula.VALUE]))
          .as(r.toString())
          .isLessThanOrEqualTo(16 * EPS * Math.abs(price) + TINY);
    }
  }

  @Test
  void test_logMoneyness_keepsRelativeAccuracyNearTheMoney() {
    // mpmath at 40 digits for the exact doubles: ln(100001/100000), ln(100000/3000), ln(0.1/0.3)
    assertThat(Black76Formula.logMoneyness(100001.0, 100000.0)).isCloseTo(9.99995000033333e-06, within(Math.ulp(9.99995000033333e-06)));
    assertThat(Black76Formula.logMoneyness(100000.0, 3000.0)).isCloseTo(3.506557897319982, within(Math.ulp(3.506557897319982)));
    assertThat(Black76Formula.logMoneyness(0.1, 0.3)).isCloseTo(-1.0986122886681096, within(Math.ulp(1.0986122886681096)));
    assertThat(Black76Formula.logMoneyness(100000.0, 100000.0)).isZero();
  }

  private static double d(Map<String, String> r, String column) {
    return Double.parseDouble(r.get(column));
  }
}
