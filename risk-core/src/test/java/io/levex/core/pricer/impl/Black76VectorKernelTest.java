package io.levex.core.pricer.impl;

import static org.assertj.core.api.Assertions.assertThat;

import io.levex.core.pricer.Black76Results;
import io.levex.core.testing.CsvFixture;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Test {@link Black76VectorKernel} (the tests run with {@code --add-modules jdk.incubator.vector}) against the same
 * 60-digit mpmath grid and tolerance as the scalar kernel, and against the scalar kernel on random inputs.
 */
class Black76VectorKernelTest {

  private static final double EPS = Math.ulp(1.0);
  private static final double TINY = 1e-290;

  @Test
  void test_priceAndGreeks_matchMpmathOnTheHardDomain() {
    List<Map<String, String>> grid = CsvFixture.read("/reference/mpmath_black76_grid.csv");
    int n = grid.size();
    boolean[] call = new boolean[n];
    double[] f = new double[n];
    double[] k = new double[n];
    double[] t = new double[n];
    double[] vol = new double[n];
    double[] rate = new double[n];
    for (int i = 0; i < n; i++) {
      Map<String, String> r = grid.get(i);
      call[i] = r.get("option_type").equals("call");
      f[i] = d(r, "forward");
      k[i] = d(r, "strike");
      t[i] = d(r, "t_years");
      vol[i] = d(r, "vol");
      rate[i] = d(r, "rate");
    }
    Black76Results out = new Black76Results(n);
    Black76VectorKernel.priceAndGreeks(call, f, k, t, vol, rate, 0, n, out, new Black76VectorKernel.Scratch());
    List<String> failures = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Map<String, String> r = grid.get(i);
      double s = vol[i] * Math.sqrt(t[i]);
      double d1 = s > 0 ? Math.log(f[i] / k[i]) / s + 0.5 * s : 0;
      double d2 = d1 - s;
      double tol = 8 * EPS * (1 + d1 * d1 + d2 * d2);
      check(failures, r, "price_usd", out.priceUsd[i], Math.abs(d(r, "price_usd")), tol);
      check(failures, r, "delta", out.delta[i], Math.abs(d(r, "delta")), tol);
      check(failures, r, "gamma", out.gammaPerUsd[i], Math.abs(d(r, "gamma")), tol);
      check(failures, r, "vega_per_vol_pt", out.vegaUsdPerVolPoint[i], Math.abs(d(r, "vega_per_vol_pt")), tol);
      check(failures, r, "theta_per_day", out.thetaUsdPerDay[i], Math.abs(d(r, "theta_per_day")), tol);
      check(failures, r, "rho_per_unit_rate", out.rhoUsdPerUnitRate[i], Math.abs(d(r, "rho_per_unit_rate")), tol);
      check(failures, r, "vanna", out.vannaPerUnitVol[i], Math.abs(d(r, "vanna")), tol);
      check(failures, r, "volga", out.volgaUsdPerUnitVolSquared[i], Math.abs(d(r, "volga")), tol);
      check(failures, r, "delta_coin_pa", out.deltaPremiumAdjustedCoin[i], Math.abs(d(r, "delta_coin_pa")), tol);
      check(failures, r, "gamma_coin", out.gammaCoinPerUsd[i], d(r, "gamma") / f[i] + 2.0 * k[i] / (f[i] * f[i] * f[i]), tol);
    }
    assertThat(failures).isEmpty();
  }

  @Test
  void test_priceAndGreeks_agreesWithTheScalarKernel() {
    int n = 20_003; // not a multiple of the lane count or the chunk: the tail goes through the scalar kernel
    SplittableRandom rnd = new SplittableRandom(7);
    boolean[] call = new boolean[n];
    double[] f = new double[n];
    double[] k = new double[n];
    double[] t = new double[n];
    double[] vol = new double[n];
    for (int i = 0; i < n; i++) {
      call[i] = rnd.nextBoolean();
      f[i] = 90_000 * Math.exp(rnd.nextDouble(-0.1, 0.1));
      k[i] = f[i] * Math.exp(rnd.nextDouble(Math.log(0.03), Math.log(33)));
      t[i] = i % 97 == 0 ? 0.0 : Math.exp(rnd.nextDouble(Math.log(1.0 / 8760), Math.log(3.0)));
      vol[i] = Math.exp(rnd.nextDouble(Math.log(0.05), Math.log(3.0)));
    }
    Black76Results out = new Black76Results(n);
    Black76VectorKernel.priceAndGreeks(call, f, k, t, vol, null, 0, n, out, new Black76VectorKernel.Scratch());
    double[] g = new double[Black76Formula.SIZE];
    for (int i = 0; i < n; i++) {
      Black76Formula.priceAndGreeks(f[i], k[i], t[i], vol[i], 0.0, call[i], g, 0);
      double s = vol[i] * Math.sqrt(t[i]);
      double d1 = s > 0 ? Math.log(f[i] / k[i]) / s + 0.5 * s : 0;
      double tol = 16 * EPS * (1 + 2 * d1 * d1 + 2 * s * s);
      String at = "option " + i + ": F " + f[i] + " K " + k[i] + " T " + t[i] + " vol " + vol[i] + " call " + call[i];
      close(out.priceUsd[i], g[Black76Formula.VALUE], Math.abs(g[Black76Formula.VALUE]), tol, at + " price");
      close(out.delta[i], g[Black76Formula.DELTA], Math.abs(g[Black76Formula.DELTA]), tol, at + " delta");
      close(out.gammaPerUsd[i], g[Black76Formula.GAMMA], Math.abs(g[Black76Formula.GAMMA]), tol, at + " gamma");
      close(out.vegaUsdPerVolPoint[i], g[Black76Formula.VEGA] / 100, Math.abs(g[Black76Formula.VEGA] / 100), tol, at + " vega");
      close(out.thetaUsdPerDay[i], g[Black76Formula.THETA] / 365, Math.abs(g[Black76Formula.THETA] / 365), tol, at + " theta");
      close(out.deltaPremiumAdjustedCoin[i], g[Black76Formula.DELTA_PREMIUM_ADJUSTED],
          Math.abs(g[Black76Formula.DELTA_PREMIUM_ADJUSTED]), tol, at + " delta pa");
      close(out.gammaCoinPerUsd[i], g[Black76Formula.GAMMA_COIN],
          g[Black76Formula.GAMMA] / f[i] + 2.0 * k[i] / (f[i] * f[i] * f[i]), tol, at + " gamma coin");
    }
  }

  private static void check(List<String> failures, Map<String, String> r, String column, double actual, double magnitude, double tol) {
    double expected = d(r, column);
    boolean ok = Math.abs(expected) >= TINY
        ? Math.abs(actual - expected) <= tol * magnitude
        : Math.abs(actual - expected) < TINY;
    if (!ok) {
      failures.add(column + " " + r + " actual " + actual);
    }
  }

  private static void close(double actual, double expected, double magnitude, double tol, String what) {
    assertThat(Math.abs(actual - expected)).as(what + ": vector " + actual + " scalar " + expected)
        .isLessThanOrEqualTo(tol * magnitude + TINY);
  }

  private static double d(Map<String, String> r, String column) {
    return Double.parseDouble(r.get(column));
  }
}
