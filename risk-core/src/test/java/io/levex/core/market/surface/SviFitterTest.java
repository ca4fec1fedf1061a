package io.levex.core.market.surface;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.levex.core.collect.InvalidInputException;
import org.junit.jupiter.api.Test;

/**
 * Test {@link SviFitter}: synthetic round trips and bad input. The fit of the recorded chain is in
 * {@link VolSurfaceBuilderTest}.
 */
class SviFitterTest {

  private static final SviFitter SUT = SviFitter.DEFAULT;
  private static final double PARAM_TOL = 1e-6;
  private static final double VOL_TOL = 1e-9;

  private static double[] grid(double from, double to, int n) {
    double[] k = new double[n];
    for (int i = 0; i < n; i++) {
      k[i] = from + (to - from) * i / (n - 1);
    }
    return k;
  }

  private static double[] vols(SviParameters p, double[] k, double t) {
    double[] v = new double[k.length];
    for (int i = 0; i < k.length; i++) {
      v[i] = p.impliedVol(k[i], t);
    }
    return v;
  }

  private static void assertRecovered(SviParameters expected, SviFitResult fit) {
    SviParameters p = fit.parameters();
    assertThat(p.a()).isCloseTo(expected.a(), within(PARAM_TOL));
    assertThat(p.b()).isCloseTo(expected.b(), within(PARAM_TOL));
    assertThat(p.rho()).isCloseTo(expected.rho(), within(PARAM_TOL));
    assertThat(p.m()).isCloseTo(expected.m(), within(PARAM_TOL));
    assertThat(p.sigma()).isCloseTo(expected.sigma(), within(PARAM_TOL));
    assertThat(fit.rmsVolError()).isLessThan(VOL_TOL);
    assertThat(fit.maxAbsVolError()).isLessThan(10 * VOL_TOL);
    assertThat(fit.converged()).isTrue();
  }

  @Test
  void test_fit_roundTripQuarterYear() {
    // equity-like skewed smile, T = 0.25, 50 quotes
    SviParameters truth = SviParameters.of(0.01, 0.12, -0.45, 0.03, 0.22);
    double t = 0.25;
    double[] k = grid(-0.9, 0.7, 50);
    assertRecovered(truth, SUT.fit(t, k, vols(truth, k, t)));
  }

  @Test
  void test_fit_roundTripShortDatedCrypto() {
    // a one-week crypto smile: narrow k range, positive curvature, mild put skew
    SviParameters truth = SviParameters.of(0.0008, 0.035, -0.2, 0.005, 0.06);
    double t = 7.0 / 365.0;
    double[] k = grid(-0.15, 0.15, 20);
    assertRecovered(truth, SUT.fit(t, k, vols(truth, k, t)));
  }

  @Test
  void test_fit_roundTripSsviWithVegaWeights() {
    SviParameters truth = SviParametersTest.ssvi(0.2, 1.2, -0.25);
    double t = 1.0;
    double[] k = grid(-1.2, 1.0, 40);
    double[] v = vols(truth, k, t);
    double[] weights = new double[k.length];
    for (int i = 0; i < k.length; i++) {
      double sd = v[i] * Math.sqrt(t);
      double d1 = (-k[i] + sd * sd / 2) / sd;
      weights[i] = Math.exp(-d1 * d1 / 2);
    }
    assertRecovered(truth, SUT.fit(t, k, v, weights));
  }

  @Test
  void test_fitTotalVariance_roundTrip() {
    SviParameters truth = SviParameters.of(0.04, 0.3, 0.1, -0.05, 0.35);
    double t = 0.75;
    double[] k = grid(-1.0, 1.0, 30);
    double[] w = new double[k.length];
    for (int i = 0; i < k.length; i++) {
      w[i] = truth.totalVariance(k[i]);
    }
    assertRecovered(truth, SUT.fitTotalVariance(t, k, w, null));
  }

  @Test
  void test_fit_zeroWeightsIgnored() {
    SviParameters truth = SviParameters.of(0.01, 0.12, -0.45, 0.03, 0.22);
    double t = 0.25;
    double[] k = grid(-0.9, 0.7, 30);
    double[] v = vols(truth, k, t);
    double[] weights = new double[k.length];
    java.util.Arrays.fill(weights, 1.0);
    v[7] = 5.0;
    weights[7] = 0.0;
    assertRecovered(truth, SUT.fit(t, k, v, weights));
  }

  @Test
  void test_fit_badInput() {
    double[] k = {-0.2, -0.1, 0.0, 0.1, 0.2};
    double[] v = {0.5, 0.45, 0.42, 0.44, 0.48};
    assertThatThrownBy(() -> SUT.fit(0.0, k, v))
        .isInstanceOfSatisfying(InvalidInputException.class, ex -> {
          assertThat(ex.error().field()).isEqualTo("time_to_expiry_years");
          assertThat(ex.error().value()).isEqualTo("0");
        });
    assertThatThrownBy(() -> SUT.fit(0.1, new double[] {-0.2, -0.1, Double.NaN, 0.1, 0.2}, v))
        .isInstanceOfSatisfying(InvalidInputException.class, ex -> {
          assertThat(ex.error().field()).isEqualTo("log_moneyness[2]");
          assertThat(ex.error().value()).isEqualTo("NaN");
        });
    assertThatThrownBy(() -> SUT.fit(0.1, k, new double[] {0.5, -0.45, 0.42, 0.44, 0.48}))
        .isInstanceOfSatisfying(InvalidInputException.class, ex -> {
          assertThat(ex.error().field()).isEqualTo("implied_vols[1]");
          assertThat(ex.error().value()).isEqualTo("-0.45");
        });
    assertThatThrownBy(() -> SUT.fit(0.1, new double[] {0.1, 0.2}, new double[] {0.5, 0.5}))
        .isInstanceOfSatisfying(InvalidInputException.class, ex -> {
          assertThat(ex.error().field()).isEqualTo("quotes");
          assertThat(ex.error().value()).isEqualTo("2");
        });
    assertThatThrownBy(() -> SUT.fit(0.1, new double[0], new double[0]))
        .isInstanceOfSatisfying(InvalidInputException.class, ex -> assertThat(ex.error().field()).isEqualTo("quotes"));
    assertThatThrownBy(() -> SUT.fit(0.1, k, new double[] {0.5, 0.5}))
        .isInstanceOfSatisfying(InvalidInputException.class, ex -> assertThat(ex.error().field()).isEqualTo("implied_vols"));
    assertThatThrownBy(() -> SUT.fit(0.1, k, v, new double[] {1, 1, -1, 1, 1}))
        .isInstanceOfSatisfying(InvalidInputException.class, ex -> {
          assertThat(ex.error().field()).isEqualTo("weights[2]");
          assertThat(ex.error().value()).isEqualTo("-1");
        });
    assertThatThrownBy(() -> SUT.fit(0.1, new double[] {0.1, 0.1, 0.1, 0.1, 0.1}, v))
        .isInstanceOfSatisfying(InvalidInputException.class, ex -> assertThat(ex.error().field()).isEqualTo("log_moneyness"));
    assertThatThrownBy(() -> SUT.fitTotalVariance(0.1, k, new double[] {0.01, 0.01, 0.0, 0.01, 0.01}, null))
        .isInstanceOfSatisfying(InvalidInputException.class, ex -> assertThat(ex.error().field()).isEqualTo("total_variances[2]"));
    assertThatThrownBy(() -> SUT.withMaxIterations(0))
        .isInstanceOfSatisfying(InvalidInputException.class, ex -> assertThat(ex.error().field()).isEqualTo("max_iterations"));
  }
}
