package io.levex.core.market.surface;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.levex.core.collect.InvalidInputException;
import org.junit.jupiter.api.Test;

/**
 * Test {@link SviParameters}.
 */
class SviParametersTest {

  private static final double FD_EPS = 1e-5;

  /**
   * Gatheral and Jacquier (2014), "Arbitrage-free SVI volatility surfaces", Example 3.1 (parameters due to
   * Axel Vogt), T = 1: a slice satisfying the basic SVI constraints whose density is negative.
   */
  static final SviParameters VOGT = SviParameters.of(-0.0410, 0.1331, 0.3060, 0.3586, 0.4153);

  /**
   * An SSVI slice (Gatheral and Jacquier 2014, section 4) with theta = 0.04, phi = 5, rho = -0.4 in raw form
   * (a = theta (1 - rho^2)/2, b = theta phi/2, m = -rho/phi, sigma = sqrt(1 - rho^2)/phi). It satisfies
   * theta phi (1 + |rho|) = 0.28 &lt; 4 and theta phi^2 (1 + |rho|) = 1.4 &lt;= 4, so by their Theorem 4.2 it is
   * free of butterfly arbitrage.
   */
  static final SviParameters SSVI_FREE = ssvi(0.04, 5.0, -0.4);

  static SviParameters ssvi(double theta, double phi, double rho) {
    return SviParameters.of(theta / 2 * (1 - rho * rho), theta * phi / 2, rho, -rho / phi, Math.sqrt(1 - rho * rho) / phi);
  }

  @Test
  void test_totalVariance_ssviForm() {
    // the raw form of an SSVI slice reproduces theta/2 (1 + rho phi k + sqrt((phi k + rho)^2 + 1 - rho^2))
    double theta = 0.04;
    double phi = 5.0;
    double rho = -0.4;
    for (double k = -1.5; k <= 1.5; k += 0.25) {
      double ssvi = theta / 2 * (1 + rho * phi * k + Math.sqrt((phi * k + rho) * (phi * k + rho) + 1 - rho * rho));
      assertThat(SSVI_FREE.totalVariance(k)).isCloseTo(ssvi, within(1e-15));
    }
    assertThat(SSVI_FREE.totalVariance(0.0)).isCloseTo(theta, within(1e-15));
  }

  @Test
  void test_derivatives_finiteDifferences() {
    for (SviParameters p : new SviParameters[] {VOGT, SSVI_FREE}) {
      for (double k = -1.2; k <= 1.2; k += 0.3) {
        double up = p.totalVariance(k + FD_EPS);
        double down = p.totalVariance(k - FD_EPS);
        assertThat(p.totalVarianceFirstDerivative(k)).isCloseTo((up - down) / (2 * FD_EPS), within(1e-8));
        assertThat(p.totalVarianceSecondDerivative(k))
            .isCloseTo((up - 2 * p.totalVariance(k) + down) / (FD_EPS * FD_EPS), within(1e-4));
      }
    }
  }

  @Test
  void test_minimumTotalVariance() {
    double kMin = VOGT.m() - VOGT.rho() * VOGT.sigma() / Math.sqrt(1 - VOGT.rho() * VOGT.rho());
    assertThat(VOGT.minimumTotalVariance()).isCloseTo(VOGT.totalVariance(kMin), within(1e-15));
    assertThat(VOGT.totalVarianceFirstDerivative(kMin)).isCloseTo(0.0, within(1e-15));
    assertThat(VOGT.impliedVol(0.0, 0.25)).isCloseTo(Math.sqrt(VOGT.totalVariance(0.0) / 0.25), within(1e-15));
  }

  @Test
  void test_g_vogtIsNegative() {
    // Gatheral-Jacquier Example 3.1: g(k) < 0 for some k (their Figure 2); an independent double-precision
    // evaluation of the same formula puts the negative region at k in (0.643, 1.256), minimum -0.0329 at 0.879
    assertThat(VOGT.g(0.879)).isCloseTo(-0.03286, within(1e-4));
    assertThat(VOGT.g(0.5)).isPositive();
    assertThat(VOGT.g(1.5)).isPositive();
    assertThat(VOGT.g(0.0)).isPositive();
  }

  @Test
  void test_g_flatSmileIsOne() {
    // w constant: w' = w'' = 0, g = 1
    SviParameters flat = SviParameters.of(0.09, 0.0, 0.0, 0.0, 0.1);
    assertThat(flat.g(-0.7)).isEqualTo(1.0);
    assertThat(flat.g(1.3)).isEqualTo(1.0);
  }

  @Test
  void test_g_ssviSliceNonNegative() {
    for (double k = -3.0; k <= 3.0; k += 0.01) {
      assertThat(SSVI_FREE.g(k)).isGreaterThanOrEqualTo(0.0);
    }
  }

  @Test
  void test_of_badInput() {
    assertThatThrownBy(() -> SviParameters.of(0.01, -0.1, 0, 0, 0.1))
        .isInstanceOfSatisfying(InvalidInputException.class, ex -> {
          assertThat(ex.error().field()).isEqualTo("b");
          assertThat(ex.error().value()).isEqualTo("-0.1");
        });
    assertThatThrownBy(() -> SviParameters.of(0.01, 0.1, 1.0, 0, 0.1))
        .isInstanceOfSatisfying(InvalidInputException.class, ex -> {
          assertThat(ex.error().field()).isEqualTo("rho");
          assertThat(ex.error().value()).isEqualTo("1");
        });
    assertThatThrownBy(() -> SviParameters.of(0.01, 0.1, 0.2, 0, 0.0))
        .isInstanceOfSatisfying(InvalidInputException.class, ex -> assertThat(ex.error().field()).isEqualTo("sigma"));
    assertThatThrownBy(() -> SviParameters.of(Double.NaN, 0.1, 0.2, 0, 0.1))
        .isInstanceOfSatisfying(InvalidInputException.class, ex -> {
          assertThat(ex.error().field()).isEqualTo("a");
          assertThat(ex.error().value()).isEqualTo("NaN");
        });
    // a + b sigma sqrt(1 - rho^2) = -0.05 + 0.1 * 0.1 < 0
    assertThatThrownBy(() -> SviParameters.of(-0.05, 0.1, 0.0, 0, 0.1))
        .isInstanceOfSatisfying(InvalidInputException.class, ex -> {
          assertThat(ex.error().field()).isEqualTo("a");
          assertThat(ex.error().message()).contains("negative minimum total variance");
        });
  }
}
