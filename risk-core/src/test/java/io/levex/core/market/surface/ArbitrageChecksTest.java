package io.levex.core.market.surface;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.levex.core.collect.InvalidInputException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Test {@link ArbitrageChecks}.
 */
class ArbitrageChecksTest {

  private static final ArbitrageChecks SUT = ArbitrageChecks.DEFAULT;
  private static final Instant E1 = Instant.parse("2026-03-27T08:00:00Z");
  private static final Instant E2 = Instant.parse("2026-06-26T08:00:00Z");

  @Test
  void test_butterfly_vogtSliceReported() {
    // Gatheral-Jacquier (2014) Example 3.1: the Vogt slice has butterfly arbitrage
    List<ArbitrageViolation> found = SUT.butterfly(E1, SviParametersTest.VOGT, -1.5, 1.5);
    assertThat(found).hasSize(1);
    ArbitrageViolation v = found.get(0);
    assertThat(v.kind()).isEqualTo(ArbitrageViolation.Kind.BUTTERFLY);
    assertThat(v.kind().label()).isEqualTo("butterfly");
    assertThat(v.expiry()).isEqualTo(E1);
    // negative region (0.643, 1.256), minimum near 0.879 (grid spacing 0.015)
    assertThat(v.fromLogMoneyness()).isCloseTo(0.643, within(1e-3));
    assertThat(v.toLogMoneyness()).isCloseTo(1.256, within(1e-3));
    assertThat(v.logMoneyness()).isCloseTo(0.879, within(0.015));
    assertThat(v.worstValue()).isNegative().isCloseTo(-0.0329, within(1e-3));
    assertThat(SviParametersTest.VOGT.g(v.fromLogMoneyness())).isCloseTo(0.0, within(1e-9));
    assertThat(SviParametersTest.VOGT.g(v.toLogMoneyness())).isCloseTo(0.0, within(1e-9));
    assertThat(v.message()).contains("butterfly").contains(E1.toString());
  }

  @Test
  void test_butterfly_arbitrageFreeSliceReportsNone() {
    assertThat(SUT.butterfly(E1, SviParametersTest.SSVI_FREE, -3.0, 3.0)).isEmpty();
    assertThat(SUT.butterfly(E1, SviParameters.of(0.09, 0.0, 0.0, 0.0, 0.1), -3.0, 3.0)).isEmpty();
  }

  @Test
  void test_calendar_crossingSlicesReportedAtCrossing() {
    // same b, m, sigma: w2 - w1 = (a2 - a1) + b (rho2 - rho1) (k - m) = 0.01 - 0.03 k, negative for k > 1/3
    SviParameters earlier = SviParameters.of(0.01, 0.1, -0.3, 0.0, 0.2);
    SviParameters later = SviParameters.of(0.02, 0.1, -0.6, 0.0, 0.2);
    List<ArbitrageViolation> found = SUT.calendar(E1, earlier, E2, later, -1.0, 1.0);
    assertThat(found).hasSize(1);
    ArbitrageViolation v = found.get(0);
    assertThat(v.kind()).isEqualTo(ArbitrageViolation.Kind.CALENDAR);
    assertThat(v.kind().label()).isEqualTo("calendar");
    assertThat(v.expiry()).isEqualTo(E2);
    assertThat(v.fromLogMoneyness()).isCloseTo(1.0 / 3.0, within(1e-9));
    assertThat(v.toLogMoneyness()).isEqualTo(1.0);
    assertThat(v.logMoneyness()).isEqualTo(1.0);
    assertThat(v.worstValue()).isCloseTo(0.01 - 0.03, within(1e-15));
    assertThat(v.message()).contains(E1.toString()).contains(E2.toString());
    // the other way round the later slice is above for k < 1/3
    List<ArbitrageViolation> swapped = SUT.calendar(E1, later, E2, earlier, -1.0, 1.0);
    assertThat(swapped).hasSize(1);
    assertThat(swapped.get(0).fromLogMoneyness()).isEqualTo(-1.0);
    assertThat(swapped.get(0).toLogMoneyness()).isCloseTo(1.0 / 3.0, within(1e-9));
  }

  @Test
  void test_calendar_increasingVarianceReportsNone() {
    SviParameters earlier = SviParametersTest.ssvi(0.04, 5.0, -0.4);
    SviParameters later = SviParametersTest.ssvi(0.08, 5.0 / Math.sqrt(2.0), -0.4);
    assertThat(SUT.calendar(E1, earlier, E2, later, -2.0, 2.0)).isEmpty();
  }

  @Test
  void test_butterfly_badRange() {
    assertThatThrownBy(() -> SUT.butterfly(E1, SviParametersTest.VOGT, 1.0, 1.0))
        .isInstanceOfSatisfying(InvalidInputException.class, ex -> assertThat(ex.error().field()).isEqualTo("k_max"));
    assertThatThrownBy(() -> SUT.butterfly(E1, SviParametersTest.VOGT, Double.NaN, 1.0))
        .isInstanceOfSatisfying(InvalidInputException.class, ex -> assertThat(ex.error().field()).isEqualTo("k_min"));
  }
}
