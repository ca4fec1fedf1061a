package io.levex.core.pricer.impl;

import static org.assertj.core.api.Assertions.assertThat;

import io.levex.core.testing.CsvFixture;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Test {@link NormalDistribution} against 50-digit mpmath values ({@code mpmath_normal.csv}): Cody's erfc and
 * erfcx and Wichura's AS241 are accurate to a few ulps.
 */
class NormalDistributionTest {

  private static final double EPS = Math.ulp(1.0);
  private static final List<Map<String, String>> ROWS = CsvFixture.read("/reference/mpmath_normal.csv");

  @Test
  void test_erfc_matchesMpmath() {
    int checked = 0;
    for (Map<String, String> r : ROWS) {
      if (!r.get("kind").equals("x")) {
        continue;
      }
      double x = Double.parseDouble(r.get("input"));
      double expected = Double.parseDouble(r.get("erfc"));
      if (expected < Double.MIN_NORMAL) {
        // erfc underflows beyond x = 26.54 (Cody's XBIG): 0 or a subnormal, compared absolutely
        assertThat(NormalDistribution.erfc(x)).as("erfc(" + x + ")").isLessThan(Double.MIN_NORMAL);
        continue;
      }
      assertRelative(NormalDistribution.erfc(x), expected, 3 * EPS, "erfc(" + x + ")");
      checked++;
    }
    assertThat(checked).isGreaterThan(550);
  }

  @Test
  void test_erfcx_matchesMpmath() {
    int checked = 0;
    for (Map<String, String> r : ROWS) {
      if (!r.get("kind").equals("x") || r.get("erfcx").isEmpty()) {
        continue;
      }
      double x = Double.parseDouble(r.get("input"));
      double expected = Double.parseDouble(r.get("erfcx"));
      // negative arguments: 2 exp(x^2) - erfcx(-x), exp(x^2) carries the rounding of x^2 (relative ~ x^2 eps)
      double tol = x < -1 ? 3 * EPS * x * x : 3 * EPS;
      assertRelative(NormalDistribution.erfcx(x), expected, tol, "erfcx(" + x + ")");
      checked++;
    }
    assertThat(checked).isGreaterThan(500);
  }

  @Test
  void test_cdf_matchesMpmathInBothTails() {
    for (Map<String, String> r : ROWS) {
      if (!r.get("kind").equals("x")) {
        continue;
      }
      double x = Double.parseDouble(r.get("input"));
      double expected = Double.parseDouble(r.get("ncdf"));
      // cdf(x) = erfc(-x/sqrt2)/2: the product x/sqrt2 is rounded, which costs about |x|^2 eps relative in the tail
      double tol = 3 * EPS * Math.max(1.0, x * x);
      if (expected < Double.MIN_NORMAL) {
        assertThat(NormalDistribution.cdf(x)).as("cdf(" + x + ")").isLessThan(Double.MIN_NORMAL);
        continue;
      }
      assertRelative(NormalDistribution.cdf(x), expected, tol, "cdf(" + x + ")");
    }
  }

  @Test
  void test_inverseCdf_matchesMpmath() {
    int checked = 0;
    for (Map<String, String> r : ROWS) {
      if (!r.get("kind").equals("p")) {
        continue;
      }
      double p = Double.parseDouble(r.get("input"));
      double expected = Double.parseDouble(r.get("inverse_ncdf"));
      assertRelative(NormalDistribution.inverseCdf(p), expected, 4 * EPS, "inverseCdf(" + p + ")");
      checked++;
    }
    assertThat(checked).isGreaterThan(100);
    assertThat(NormalDistribution.inverseCdf(0.5)).isZero();
    assertThat(NormalDistribution.inverseCdf(0.0)).isEqualTo(Double.NEGATIVE_INFINITY);
    assertThat(NormalDistribution.inverseCdf(1.0)).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(NormalDistribution.inverseCdf(1.5)).isNaN();
  }

  static void assertRelative(double actual, double expected, double tol, String what) {
    if (expected == 0) {
      assertThat(Math.abs(actual)).as(what).isLessThanOrEqualTo(Double.MIN_NORMAL);
      return;
    }
    double rel = Math.abs(actual - expected) / Math.abs(expected);
    assertThat(rel).as(what + ": actual " + actual + " expected " + expected).isLessThanOrEqualTo(tol);
  }
}
