package io.levex.core.pricer;

import static org.assertj.core.api.Assertions.assertThat;

import io.levex.core.collect.ErrorKind;
import io.levex.core.collect.InvalidInputException;
import io.levex.core.testing.CsvFixture;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Test the SIMD batch of {@link ImpliedVolatilitySolver#impliedVols} (risk-core's tests run with
 * {@code --add-modules jdk.incubator.vector}) against the scalar batch {@link ImpliedVolatilitySolver#impliedVolsScalar}
 * on random inputs over the hard domain, ill-posed prices included, and against the mpmath fixture with the scalar
 * solver's tolerance.
 */
class ImpliedVolatilityVectorTest {

  private static final ImpliedVolatilitySolver SOLVER = ImpliedVolatilitySolver.DEFAULT;
  private static final double EPS = Math.ulp(1.0);

  @Test
  void test_vectorized_isOnInTests() {
    assertThat(ImpliedVolatilitySolver.VECTORIZED).isTrue();
  }

  @Test
  void test_impliedVols_agreesWithTheScalarBatchOnTheHardDomain() {
    int n = 200_003; // not a multiple of the lane count or the chunk
    SplittableRandom rnd = new SplittableRandom(11);
    boolean[] call = new boolean[n];
    double[] f = new double[n];
    double[] k = new double[n];
    double[] t = new double[n];
    double[] r = new double[n];
    double[] vol = new double[n];
    double[] price = new double[n];
    for (int i = 0; i < n; i++) {
      call[i] = rnd.nextBoolean();
      f[i] = 90_000 * Math.exp(rnd.nextDouble(-0.1, 0.1));
      k[i] = f[i] * Math.exp(rnd.nextDouble(Math.log(0.03), Math.log(33)));
      t[i] = Math.exp(rnd.nextDouble(Math.log(1.0 / 8760), Math.log(3.0)));
      r[i] = rnd.nextInt(4) == 0 ? 0.0 : rnd.nextDouble(-0.01, 0.05);
      vol[i] = Math.exp(rnd.nextDouble(Math.log(0.05), Math.log(3.0)));
      price[i] = Black76OptionPricer.DEFAULT.priceUsd(call[i], f[i], k[i], t[i], vol[i], r[i]);
      illPosed(rnd, i, call, f, k, t, r, price);
    }
    compare(call, f, k, t, r, price, vol);
  }

  // about one item in eight is made ill-posed or degenerate: below or at the intrinsic value, at or just around the
  // upper bound, zero, negative, NaN, infinite, a tiny time value, at the money, or bad inputs
  private static void illPosed(SplittableRandom rnd, int i, boolean[] call, double[] f, double[] k, double[] t,
      double[] r, double[] price) {
    double df = Math.exp(-r[i] * t[i]);
    double intrinsic = df * Math.max(call[i] ? f[i] - k[i] : k[i] - f[i], 0.0);
    double bound = df * (call[i] ? f[i] : k[i]);
    switch (rnd.nextInt(64)) {
      case 0 -> price[i] = intrinsic;
      case 1 -> price[i] = Math.nextDown(intrinsic);
      case 2 -> price[i] = Math.nextUp(intrinsic);
      case 3 -> price[i] = intrinsic * (1 - 1e-9);
      case 4 -> price[i] = bound;
      case 5 -> price[i] = Math.nextDown(bound);
      case 6 -> price[i] = Math.nextUp(bound);
      case 7 -> price[i] = 0.0;
      case 8 -> price[i] = -price[i];
      case 9 -> price[i] = Double.NaN;
      case 10 -> price[i] = intrinsic + f[i] * Math.pow(10, rnd.nextDouble(-300, -6));
      case 11 -> {
        k[i] = f[i];
        price[i] = Black76OptionPricer.DEFAULT.priceUsd(call[i], f[i], k[i], t[i], Math.exp(rnd.nextDouble(-3, 1)), r[i]);
      }
      case 12 -> t[i] = rnd.nextBoolean() ? 0.0 : -t[i];
      case 13 -> price[i] = bound * (1 - Math.pow(10, rnd.nextDouble(-16, -1)));
      case 14 -> price[i] = Double.POSITIVE_INFINITY;
      case 15 -> f[i] = rnd.nextBoolean() ? Double.NaN : 0.0;
      default -> {
      }
    }
  }

  private static void compare(boolean[] call, double[] f, double[] k, double[] t, double[] r, double[] price,
      double[] vol) {
    int n = call.length;
    double[] vector = new double[n];
    byte[] vectorStatus = new byte[n];
    double[] scalar = new double[n];
    byte[] scalarStatus = new byte[n];
    SOLVER.impliedVols(call, f, k, t, r, price, 0, n, vector, vectorStatus);
    SOLVER.impliedVolsScalar(call, f, k, t, r, price, 0, n, scalar, scalarStatus);
    List<String> failures = new ArrayList<>();
    double maxUlps = 0;
    double maxFloors = 0;
    int solved = 0;
    for (int i = 0; i < n; i++) {
      String at = "item " + i + ": call " + call[i] + " F " + f[i] + " K " + k[i] + " T " + t[i] + " r " + r[i]
          + " price " + price[i] + " vol " + vol[i];
      if (vectorStatus[i] != scalarStatus[i]) {
        failures.add(at + ": status " + vectorStatus[i] + " vs scalar " + scalarStatus[i]);
        continue;
      }
      if (scalarStatus[i] != ImpliedVolatilitySolver.OK) {
        if (!Double.isNaN(vector[i])) {
          failures.add(at + ": failed with a vol " + vector[i]);
        }
        continue;
      }
      solved++;
      double s = scalar[i];
      double err = Math.abs(vector[i] - s);
      // Both solvers invert their own Black kernel; each kernel's price is within 8 eps (1 + d1^2 + d2^2) of the exact
      // price (docs/pricing.md, tested against mpmath), and the SIMD kernel's exp/log are the JIT's vector intrinsics
      // (not bit-identical to StrictMath, and not used before C2 compiles the loop), so the two vols may differ by the
      // two kernels' price errors carried through the vega, plus one price ulp each.
      double priceError = Math.ulp(price[i]) + 8 * Math.ulp(1.0) * conditioning(f[i], k[i], t[i], s) * Math.abs(price[i]);
      double floor = priceUlpInVol(call[i], f[i], k[i], t[i], r[i], price[i], s)
          * (Double.isFinite(priceError) ? priceError / Math.ulp(price[i]) : 1.0);
      if (Double.isNaN(floor)) {
        failures.add(at + ": no error floor (vega or conditioning not finite)");
        continue;
      }
      double ulps = err / Math.ulp(s);
      maxUlps = Math.max(maxUlps, Math.min(ulps, err / floor));
      maxFloors = Math.max(maxFloors, err / (Math.ulp(s) + floor));
      if (err > 4 * Math.ulp(s) + 2 * floor) {
        failures.add(at + ": vol " + vector[i] + " vs scalar " + s + " (" + ulps + " ulps, floor " + floor + ")");
      }
    }
    System.out.printf("SIMD vs scalar IV: %d items, %d solved, max min(ulps, floors) %.2f, max err/(ulp+floor) %.2f%n",
        n, solved, maxUlps, maxFloors);
    assertThat(failures).as(failures.size() + " failures, first " + failures.stream().limit(20).toList()).isEmpty();
  }

  // 1 + d1^2 + d2^2: the conditioning factor of the kernel's documented price error bound
  static double conditioning(double f, double k, double t, double vol) {
    double s = vol * Math.sqrt(t);
    double d1 = Math.log(f / k) / s + 0.5 * s;
    double d2 = d1 - s;
    return 1.0 + d1 * d1 + d2 * d2;
  }

  // how far one ulp of the price moves the vol: ulp(price) / (df F n(d1) sqrt(T))
  static double priceUlpInVol(boolean call, double f, double k, double t, double r, double price, double vol) {
    double s = vol * Math.sqrt(t);
    double d1 = Math.log(f / k) / s + 0.5 * s;
    double vega = Math.exp(-r * t) * f * Math.exp(-0.5 * d1 * d1) / Math.sqrt(2 * Math.PI) * Math.sqrt(t);
    return Math.ulp(price) / vega;
  }

  @Test
  void test_impliedVols_mpmathToMachinePrecision() {
    List<Map<String, String>> rows = CsvFixture.read("/reference/mpmath_black76_iv.csv");
    int n = rows.size();
    boolean[] call = new boolean[n];
    double[] f = new double[n];
    double[] k = new double[n];
    double[] t = new double[n];
    double[] r = new double[n];
    double[] price = new double[n];
    for (int i = 0; i < n; i++) {
      Map<String, String> row = rows.get(i);
      call[i] = row.get("option_type").equals("call");
      f[i] = d(row, "forward");
      k[i] = d(row, "strike");
      t[i] = d(row, "t_years");
      r[i] = d(row, "rate");
      price[i] = d(row, "price_usd");
    }
    double[] vol = new double[n];
    byte[] status = new byte[n];
    SOLVER.impliedVols(call, f, k, t, r, price, 0, n, vol, status);
    List<String> failures = new ArrayList<>();
    int solved = 0;
    int illPosed = 0;
    for (int i = 0; i < n; i++) {
      Map<String, String> row = rows.get(i);
      if (!row.get("well_posed").equals("1")) {
        if (status[i] == ImpliedVolatilitySolver.OK) {
          failures.add(row + " -> " + vol[i] + " (ill-posed)");
        }
        illPosed++;
        continue;
      }
      double expected = d(row, "iv_exact");
      double floor = d(row, "iv_per_price_ulp");
      if (status[i] == ImpliedVolatilitySolver.OK) {
        if (Math.abs(vol[i] - expected) > 4 * (EPS * Math.max(1, expected) + floor)) {
          failures.add(row + " -> " + vol[i]);
        }
        solved++;
      } else {
        boolean indeterminate = floor >= 1e-3 * Math.max(1, expected) || d(row, "time_value_over_forward") < 1e-300;
        ImpliedVolFailure failure = ImpliedVolFailure.ofCode(status[i]);
        if (!indeterminate || failure == ImpliedVolFailure.INVALID_INPUT) {
          failures.add(row + " -> " + failure);
        }
      }
      // the scalar API agrees on the status
      try {
        SOLVER.impliedVol(call[i], f[i], k[i], t[i], r[i], price[i]);
        assertThat(status[i]).as(row.toString()).isEqualTo(ImpliedVolatilitySolver.OK);
      } catch (InvalidInputException ex) {
        assertThat(ex.error().kind()).isEqualTo(ErrorKind.FAILED_PRECONDITION);
        assertThat(status[i]).as(row.toString()).isNotEqualTo(ImpliedVolatilitySolver.OK);
      }
    }
    assertThat(failures).isEmpty();
    assertThat(solved).isGreaterThanOrEqualTo(1400);
    assertThat(illPosed).isGreaterThan(60);
  }

  private static double d(Map<String, String> r, String column) {
    return Double.parseDouble(r.get(column));
  }
}
