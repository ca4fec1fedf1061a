package io.levex.core.pricer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.levex.core.testing.CsvFixture;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Test {@link Black76OptionPricer} against QuantLib, py_vollib and Haug reference values, closed-form
 * identities and finite differences.
 */
class Black76OptionPricerTest {

  private static final Black76OptionPricer PRICER = Black76OptionPricer.DEFAULT;
  private static final double FD_EPS = 1e-4;

  @Test
  void test_priceUsd_quantLibBlackCalculatorBasicValues() {
    List<Map<String, String>> rows = CsvFixture.read("/reference/ref_quantlib_blackcalculator.csv");
    int checked = 0;
    for (Map<String, String> r : rows) {
      if (!r.get("quantity").equals("value")) {
        continue;
      }
      boolean call = r.get("option_type").equals("call");
      double k = d(r, "strike");
      double f = d(r, "forward");
      double stdDev = d(r, "std_dev");
      double df = d(r, "discount");
      // std_dev = sigma sqrt(T): take T = 1, sigma = std_dev; rate from the discount factor
      double rate = -Math.log(df);
      double price = PRICER.priceUsd(call, f, k, 1.0, stdDev, rate);
      assertThat(price).as(r.get("label")).isCloseTo(d(r, "expected"), within(1e-12));
      checked++;
    }
    assertThat(checked).isEqualTo(8);
  }

  @Test
  void test_greeks_quantLibBlackCalculatorForwardGreeks() {
    // F=100, K=105, std_dev=0.2 (T=1, sigma=0.2), discount 0.95: forward delta, forward gamma, vega, volga.
    double rate = -Math.log(0.95);
    Greeks g = PRICER.greeks(true, 100.0, 105.0, 1.0, 0.2, rate);
    Map<String, Double> expected = expectedGreeks();
    assertThat(g.delta()).isCloseTo(expected.get("deltaForward"), within(1e-12));
    assertThat(g.gammaPerUsd()).isCloseTo(expected.get("gammaForward"), within(1e-12));
    assertThat(g.vegaUsdPerVolPoint() * 100).isCloseTo(expected.get("vega"), within(1e-10));
    assertThat(g.volgaUsdPerUnitVolSquared()).isCloseTo(expected.get("volga"), within(1e-10));
  }

  @Test
  void test_greeks_pyVollibBlackDoctests() {
    List<Map<String, String>> rows = CsvFixture.read("/reference/ref_py_vollib_black_doctests.csv");
    int checked = 0;
    for (Map<String, String> r : rows) {
      String fn = r.get("function");
      boolean call = r.get("option_type").equals("call");
      double f = d(r, "F");
      double k = d(r, "K");
      double t = d(r, "t");
      double rate = d(r, "r");
      double expected = d(r, "expected");
      double tol = d(r, "tolerance");
      if (fn.startsWith("black (discounted") || fn.equals("undiscounted_black")) {
        assertThat(PRICER.priceUsd(call, f, k, t, d(r, "sigma"), rate)).as(fn).isCloseTo(expected, within(tol));
        checked++;
      } else if (fn.equals("black delta")) {
        assertThat(PRICER.greeks(call, f, k, t, d(r, "sigma"), rate).delta()).isCloseTo(expected, within(tol));
        checked++;
      } else if (fn.equals("black gamma")) {
        assertThat(PRICER.greeks(call, f, k, t, d(r, "sigma"), rate).gammaPerUsd()).isCloseTo(expected, within(tol));
        checked++;
      } else if (fn.equals("black theta")) {
        assertThat(PRICER.greeks(call, f, k, t, d(r, "sigma"), rate).thetaUsdPerDay()).as(r.get("option_type"))
            .isCloseTo(expected, within(tol));
        checked++;
      }
    }
    assertThat(checked).isEqualTo(6);
  }

  @Test
  void test_greeks_pyVollibBlackScholesTestData() {
    // py_vollib's Black-Scholes on spot S with rate R is Black-76 on F = S exp(R t) discounted at R:
    // dV/dS = exp(R t) dV/dF, d2V/dS2 = exp(2 R t) d2V/dF2. The file prints ~6-9 significant digits (abs tol 1e-6).
    List<Map<String, String>> rows = CsvFixture.read("/reference/ref_py_vollib_bs_test_data.csv");
    for (Map<String, String> r : rows) {
      double spot = d(r, "S");
      double k = d(r, "K");
      double rate = d(r, "R");
      double t = d(r, "t");
      double vol = d(r, "v");
      double growth = Math.exp(rate * t);
      double f = spot * growth;
      for (boolean call : new boolean[] {true, false}) {
        String p = call ? "C" : "P";
        Greeks g = PRICER.greeks(call, f, k, t, vol, rate);
        assertThat(PRICER.priceUsd(call, f, k, t, vol, rate)).as(r.toString())
            .isCloseTo(d(r, call ? "bs_call" : "bs_put"), within(1e-6));
        assertThat(g.delta() * growth).as(r.toString()).isCloseTo(d(r, p + "D"), within(1e-6));
        assertThat(g.gammaPerUsd() * growth * growth).as(r.toString()).isCloseTo(d(r, p + "G"), within(1e-6));
        assertThat(g.vegaUsdPerVolPoint() * 100).as(r.toString()).isCloseTo(d(r, p + "V"), within(1e-6 * Math.max(1, d(r, p + "V"))));
      }
    }
    assertThat(rows).hasSize(101);
  }

  @Test
  void test_priceUsd_haugGeneralizedBlackScholesPrices() {
    // Generalized BSM with spot S, yield q, rate r is Black-76 on F = S exp((r - q) T) with discount exp(-r T).
    List<Map<String, String>> rows = CsvFixture.read("/reference/ref_quantlib_haug_bsm.csv");
    int checked = 0;
    for (Map<String, String> r : rows) {
      if (!r.get("quantity").equals("price")) {
        continue;
      }
      double s = d(r, "spot");
      double q = d(r, "q");
      double rate = d(r, "r");
      double t = d(r, "T");
      double f = s * Math.exp((rate - q) * t);
      double price = PRICER.priceUsd(r.get("option_type").equals("call"), f, d(r, "strike"), t, d(r, "sigma"), rate);
      assertThat(price).as(r.toString()).isCloseTo(d(r, "expected"), within(d(r, "tolerance")));
      checked++;
    }
    assertThat(checked).isGreaterThan(30);
  }

  @Test
  void test_greeks_premiumAdjustedForwardDeltaMatchesQuantLib() {
    // QuantLib PaFwd delta = K/F N(d2) (call), -K/F N(-d2) (put) = delta - price/F for r = 0: the coin delta of an
    // inverse option. F = spot x foreign_df / domestic_df; std_dev = sigma sqrt(T) (take T = 1).
    List<Map<String, String>> rows = CsvFixture.read("/reference/ref_quantlib_blackdelta_premium_adjusted.csv");
    int checked = 0;
    for (Map<String, String> r : rows) {
      if (!r.get("delta_type").equals("PaFwd")) {
        continue;
      }
      double f = d(r, "spot") * d(r, "foreign_discount") / d(r, "domestic_discount");
      boolean call = r.get("option_type").equals("call");
      Greeks g = PRICER.greeks(call, f, d(r, "strike"), 1.0, d(r, "std_dev"), 0.0);
      assertThat(g.deltaPremiumAdjustedCoin()).as(r.toString()).isCloseTo(d(r, "delta"), within(d(r, "tol_delta_from_strike")));
      checked++;
    }
    assertThat(checked).isGreaterThanOrEqualTo(2);
  }

  @Test
  void test_greeks_premiumAdjustedDeltaClosedForm() {
    double f = 88_604.45;
    double k = 89_000;
    double t = 30 / 365.0;
    double vol = 0.5;
    double s = vol * Math.sqrt(t);
    double d2 = Math.log(f / k) / s - 0.5 * s;
    Greeks call = PRICER.greeks(true, f, k, t, vol, 0);
    Greeks put = PRICER.greeks(false, f, k, t, vol, 0);
    org.apache.commons.math3.distribution.NormalDistribution n = new org.apache.commons.math3.distribution.NormalDistribution();
    assertThat(call.deltaPremiumAdjustedCoin()).isCloseTo(k / f * n.cumulativeProbability(d2), within(1e-12));
    assertThat(put.deltaPremiumAdjustedCoin()).isCloseTo(-k / f * n.cumulativeProbability(-d2), within(1e-12));
  }

  @Test
  void test_greeks_deribitTickerExample() {
    // BTC-24DEC25-89000-C, mark_iv 39.12, about 1.2 days: Deribit ticker delta 0.4308, gamma 0.0002,
    // vega 20.17 USD/vol pt, theta -322.13 USD/day, mark 0.0071 BTC (conventions.md section 7; T20).
    double f = 88_604.45;
    double t = 1.2 / 365.0;
    Greeks g = PRICER.greeks(true, f, 89_000, t, 0.3912, 0);
    double priceCoin = PRICER.priceUsd(true, f, 89_000, t, 0.3912, 0) / f;
    assertThat(priceCoin).isBetween(0.0069, 0.0071);
    assertThat(g.vegaUsdPerVolPoint()).isBetween(19.9, 20.3);
    assertThat(g.thetaUsdPerDay()).isBetween(-325.0, -318.0);
    assertThat(g.gammaPerUsd()).isBetween(1.9e-4, 2.0e-4);
    assertThat(g.delta()).isCloseTo(0.426, within(0.002));
  }

  @Test
  void test_priceUsd_putCallParity() {
    for (double k : new double[] {3_000, 30_000, 90_000, 300_000, 2_900_000}) {
      for (double vol : new double[] {0.05, 0.5, 3.0}) {
        for (double t : new double[] {1 / 8760.0, 0.25, 3.0}) {
          double f = 90_000;
          double rate = 0.03;
          double c = PRICER.priceUsd(true, f, k, t, vol, rate);
          double p = PRICER.priceUsd(false, f, k, t, vol, rate);
          double expected = Math.exp(-rate * t) * (f - k);
          assertThat(c - p).isCloseTo(expected, within(1e-9 * Math.max(f, k)));
        }
      }
    }
  }

  @Test
  void test_greeks_finiteDifferences() {
    double f = 90_000;
    double k = 100_000;
    double t = 0.3;
    double vol = 0.6;
    double rate = 0.02;
    for (boolean call : new boolean[] {true, false}) {
      Greeks g = PRICER.greeks(call, f, k, t, vol, rate);
      double h = f * FD_EPS;
      double up = PRICER.priceUsd(call, f + h, k, t, vol, rate);
      double mid = PRICER.priceUsd(call, f, k, t, vol, rate);
      double dn = PRICER.priceUsd(call, f - h, k, t, vol, rate);
      assertThat(g.delta()).isCloseTo((up - dn) / (2 * h), within(1e-7));
      assertThat(g.gammaPerUsd()).isCloseTo((up - 2 * mid + dn) / (h * h), within(1e-9));
      double hv = 1e-5;
      double vUp = PRICER.priceUsd(call, f, k, t, vol + hv, rate);
      double vDn = PRICER.priceUsd(call, f, k, t, vol - hv, rate);
      assertThat(g.vegaUsdPerVolPoint()).isCloseTo((vUp - vDn) / (2 * hv) / 100, within(1e-5));
      assertThat(g.volgaUsdPerUnitVolSquared()).isCloseTo((vUp - 2 * mid + vDn) / (hv * hv), within(5e-1));
      double dDeltaDvol = (PRICER.greeks(call, f, k, t, vol + hv, rate).delta() - PRICER.greeks(call, f, k, t, vol - hv, rate).delta()) / (2 * hv);
      assertThat(g.vannaPerUnitVol()).isCloseTo(dDeltaDvol, within(1e-7));
      double ht = 1e-6;
      // theta: dV/dt with F fixed = -(dV/dT)
      double thetaFd = -(PRICER.priceUsd(call, f, k, t + ht, vol, rate) - PRICER.priceUsd(call, f, k, t - ht, vol, rate)) / (2 * ht);
      assertThat(g.thetaUsdPerDay()).isCloseTo(thetaFd / 365.0, within(1e-4));
      double hr = 1e-6;
      double rhoFd = (PRICER.priceUsd(call, f, k, t, vol, rate + hr) - PRICER.priceUsd(call, f, k, t, vol, rate - hr)) / (2 * hr);
      assertThat(g.rhoUsdPerUnitRate()).isCloseTo(rhoFd, within(1e-4));
      // coin gamma: second derivative of V/F
      double coinUp = up / (f + h);
      double coinMid = mid / f;
      double coinDn = dn / (f - h);
      assertThat(g.gammaCoinPerUsd()).isCloseTo((coinUp - 2 * coinMid + coinDn) / (h * h), within(1e-13));
      assertThat(g.deltaPremiumAdjustedCoin()).isCloseTo(f * (coinUp - coinDn) / (2 * h), within(1e-7));
    }
  }

  @Test
  void test_greeks_atAndAfterExpiry() {
    Greeks itm = PRICER.greeks(true, 100_000, 90_000, 0.0, 0.5, 0);
    assertThat(PRICER.priceUsd(true, 100_000, 90_000, 0.0, 0.5, 0)).isEqualTo(10_000.0);
    assertThat(itm.delta()).isEqualTo(1.0);
    assertThat(itm.gammaPerUsd()).isZero();
    assertThat(itm.vegaUsdPerVolPoint()).isZero();
    assertThat(itm.thetaUsdPerDay()).isZero();
    Greeks otmPut = PRICER.greeks(false, 100_000, 90_000, 0.0, 0.5, 0);
    assertThat(otmPut.delta()).isEqualTo(0.0);
    assertThat(PRICER.priceUsd(false, 100_000, 90_000, 0.0, 0.5, 0)).isZero();
  }

  @Test
  void test_priceUsd_monotoneInVolAndStrike() {
    double prev = 0;
    for (double vol = 0.05; vol <= 3.0; vol += 0.05) {
      double p = PRICER.priceUsd(true, 90_000, 120_000, 0.1, vol, 0);
      assertThat(p).isGreaterThan(prev);
      prev = p;
    }
    double prevCall = Double.MAX_VALUE;
    for (double k = 10_000; k <= 300_000; k += 10_000) {
      double c = PRICER.priceUsd(true, 90_000, k, 0.5, 0.6, 0);
      assertThat(c).isLessThanOrEqualTo(prevCall);
      prevCall = c;
    }
  }

  private static Map<String, Double> expectedGreeks() {
    Map<String, Double> out = new java.util.HashMap<>();
    for (Map<String, String> r : CsvFixture.read("/reference/ref_quantlib_blackcalculator.csv")) {
      out.put(r.get("quantity"), d(r, "expected"));
    }
    return out;
  }

  private static double d(Map<String, String> row, String column) {
    return Double.parseDouble(row.get(column));
  }
}
