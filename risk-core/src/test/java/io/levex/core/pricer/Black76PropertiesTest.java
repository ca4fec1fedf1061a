package io.levex.core.pricer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Property tests of the Black-76 pricer and implied-vol solver on 20,000 seeded random options over the whole
 * domain a crypto book sees: K/F 0.03 to 33, vol 5% to 300%, one hour to three years (log-uniform), r in
 * [-1%, 5%], calls and puts. Each property is a mathematical identity or inequality, so it needs no reference
 * values; the tolerances are a few ulps of the quantities involved.
 */
class Black76PropertiesTest {

  private static final int CASES = 20_000;
  private static final double EPS = Math.ulp(1.0);
  private static final Black76OptionPricer PRICER = Black76OptionPricer.DEFAULT;

  private record Case(double f, double k, double t, double vol, double rate) {
    double df() {
      return Math.exp(-rate * t);
    }
  }

  private static List<Case> cases() {
    SplittableRandom rnd = new SplittableRandom(42);
    List<Case> out = new ArrayList<>(CASES);
    for (int i = 0; i < CASES; i++) {
      double f = 90_000 * Math.exp(rnd.nextDouble(-0.1, 0.1));
      double k = f * Math.exp(rnd.nextDouble(Math.log(0.03), Math.log(33)));
      double t = Math.exp(rnd.nextDouble(Math.log(1.0 / 8760), Math.log(3.0)));
      double vol = Math.exp(rnd.nextDouble(Math.log(0.05), Math.log(3.0)));
      double rate = rnd.nextDouble(-0.01, 0.05);
      out.add(new Case(f, k, t, vol, rate));
    }
    return out;
  }

  @Test
  void test_priceUsd_putCallParityAndNoArbitrageBounds() {
    for (Case c : cases()) {
      double call = PRICER.priceUsd(true, c.f(), c.k(), c.t(), c.vol(), c.rate());
      double put = PRICER.priceUsd(false, c.f(), c.k(), c.t(), c.vol(), c.rate());
      double df = c.df();
      double scale = call + put + df * (c.f() + c.k());
      assertThat(Math.abs(call - put - df * (c.f() - c.k()))).as(c.toString()).isLessThanOrEqualTo(8 * EPS * scale);
      assertThat(call).as(c.toString()).isBetween(df * Math.max(c.f() - c.k(), 0) * (1 - 4 * EPS), df * c.f());
      assertThat(put).as(c.toString()).isBetween(df * Math.max(c.k() - c.f(), 0) * (1 - 4 * EPS), df * c.k());
    }
  }

  @Test
  void test_priceUsd_increasingInVolAndMonotoneInStrike() {
    for (Case c : cases()) {
      for (boolean isCall : new boolean[] {true, false}) {
        double p = PRICER.priceUsd(isCall, c.f(), c.k(), c.t(), c.vol(), c.rate());
        double higherVol = PRICER.priceUsd(isCall, c.f(), c.k(), c.t(), c.vol() * 1.001, c.rate());
        assertThat(higherVol).as(c.toString()).isGreaterThanOrEqualTo(p);
        double higherStrike = PRICER.priceUsd(isCall, c.f(), c.k() * 1.001, c.t(), c.vol(), c.rate());
        if (isCall) {
          assertThat(higherStrike).as(c.toString()).isLessThanOrEqualTo(p);
        } else {
          assertThat(higherStrike).as(c.toString()).isGreaterThanOrEqualTo(p);
        }
      }
    }
  }

  @Test
  void test_greeks_deltaMatchesCentralDifferenceAndCoinMeasuresAreConsistent() {
    for (Case c : cases()) {
      for (boolean isCall : new boolean[] {true, false}) {
        Greeks g = PRICER.greeks(isCall, c.f(), c.k(), c.t(), c.vol(), c.rate());
        double v = PRICER.priceUsd(isCall, c.f(), c.k(), c.t(), c.vol(), c.rate());
        // delta - V/F: the closed form (K/F) N(d2) and the difference agree to the size of the larger term
        double coin = v / c.f();
        assertThat(Math.abs(g.deltaPremiumAdjustedCoin() - (g.delta() - coin))).as(c.toString())
            .isLessThanOrEqualTo(16 * EPS * Math.max(Math.abs(g.delta()), coin) + 1e-300);
        assertThat(g.vegaCoinPerVolPoint()).isEqualTo(g.vegaUsdPerVolPoint() / c.f());
        assertThat(g.thetaCoinPerDay()).isEqualTo(g.thetaUsdPerDay() / c.f());
        // delta vs a central difference, where the price changes measurably across the step
        double h = c.f() * 1e-5;
        double up = PRICER.priceUsd(isCall, c.f() + h, c.k(), c.t(), c.vol(), c.rate());
        double dn = PRICER.priceUsd(isCall, c.f() - h, c.k(), c.t(), c.vol(), c.rate());
        double fd = (up - dn) / (2 * h);
        double curvature = Math.abs(g.gammaPerUsd()) * h;
        assertThat(Math.abs(g.delta() - fd)).as(c.toString())
            .isLessThanOrEqualTo(1e-6 * Math.abs(g.delta()) + curvature + 1e-9);
      }
    }
  }

  @Test
  void test_impliedVol_roundTripsEveryPriceWithTimeValue() {
    int solved = 0;
    for (Case c : cases()) {
      for (boolean isCall : new boolean[] {true, false}) {
        double p = PRICER.priceUsd(isCall, c.f(), c.k(), c.t(), c.vol(), c.rate());
        double intrinsic = c.df() * Math.max(isCall ? c.f() - c.k() : c.k() - c.f(), 0);
        Greeks g = PRICER.greeks(isCall, c.f(), c.k(), c.t(), c.vol(), c.rate());
        double vegaPerUnitVol = g.vegaUsdPerVolPoint() * 100;
        // one ulp of the price moves the vol by ulp(p) / vega: the best any solver can do from this price
        double floor = Math.ulp(p) / vegaPerUnitVol;
        if (!(p - intrinsic > 1e-12 * c.f()) || !(floor < 1e-6)) {
          continue;
        }
        double iv = ImpliedVolatilitySolver.DEFAULT.impliedVol(isCall, c.f(), c.k(), c.t(), c.rate(), p);
        assertThat(Math.abs(iv - c.vol())).as(c + (isCall ? " call" : " put"))
            .isLessThanOrEqualTo(8 * (EPS * Math.max(1, c.vol()) + floor));
        solved++;
      }
    }
    assertThat(solved).isGreaterThan(10_000);
  }
}
