package io.levex.core.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.levex.core.basics.Asset;
import io.levex.core.collect.ErrorKind;
import io.levex.core.collect.InvalidInputException;
import io.levex.core.product.DeribitInstrumentNames;
import io.levex.core.product.Instrument;
import java.util.List;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;

/**
 * Test {@link ScenarioEngine} against closed forms written here (commons-math3 normal CDF, not the Levex kernel).
 */
class ScenarioEngineTest {

  private static final NormalDistribution N = new NormalDistribution();
  private static final ScenarioEngine SUT = ScenarioEngine.DEFAULT;
  private static final double[] MOVES = {-0.16, -0.04, 0.0, 0.08, 0.5};

  @Test
  void test_vector_inverseFutureIsOneMinusInverseOfOnePlusMove() {
    ScenarioSet set = movesOnly(Asset.BTC);
    InstrumentScenarioVector v = SUT.vector(delta1("BTC-28JUN24", 67_371.75, 65_666.19), set);
    for (int j = 0; j < MOVES.length; j++) {
      assertThat(v.pnl(j)).isCloseTo(1 - 1 / (1 + MOVES[j]), within(1e-15));
    }
    assertThat(v.currency()).isEqualTo(Asset.BTC);
    assertThat(v.settled()).isFalse();
  }

  @Test
  void test_vector_linearPerpIsForwardTimesMove() {
    InstrumentScenarioVector v = SUT.vector(delta1("BTC_USDC-PERPETUAL", 100_000, 99_000), movesOnly(Asset.BTC));
    for (int j = 0; j < MOVES.length; j++) {
      assertThat(v.pnl(j)).isCloseTo(100_000 * MOVES[j], within(1e-9));
    }
    assertThat(v.currency()).isEqualTo(Asset.USDC);
  }

  @Test
  void test_vector_otherUnderlyingUnshifted() {
    InstrumentScenarioVector v = SUT.vector(delta1("ETH-PERPETUAL", 3_000, 3_000), movesOnly(Asset.BTC));
    assertThat(v.toArray()).containsOnly(0.0);
  }

  @Test
  void test_vector_inverseShortCallAtMinus16VolUpMatchesClosedForm() {
    // BTC-28JUN24-70000-C, F 67,371.75, S 65,666.19, vol 0.55, 11 days; scenario -16% with vol x 1.5
    Instrument call = DeribitInstrumentNames.parse("BTC-28JUN24-70000-C");
    double f = 67_371.75;
    double s = 65_666.19;
    double vol = 0.55;
    double t = 11.0 / 365;
    ScenarioSet set = ScenarioSet.of(List.of(
        Scenario.of("-16% / vol up", Asset.BTC, UnderlyingShift.of(-0.16, VolShift.relative(0.5))),
        Scenario.of("+8% / vol -5pt", Asset.BTC, UnderlyingShift.of(0.08, VolShift.parallel(-0.05)))));
    InstrumentScenarioVector v = SUT.vector(new ScenarioInputs(call, f, s, vol, t, 0, false), set);
    double base = black(true, f, 70_000, t, vol) / s;
    assertThat(v.baseValue()).isCloseTo(base, within(1e-13));
    double expected0 = black(true, f * 0.84, 70_000, t, vol * 1.5) / (s * 0.84) - base;
    double expected1 = black(true, f * 1.08, 70_000, t, vol - 0.05) / (s * 1.08) - base;
    assertThat(v.pnl(0)).isCloseTo(expected0, within(1e-12));
    assertThat(v.pnl(1)).isCloseTo(expected1, within(1e-12));
    // a short position of 3 coins
    double[] pnl = ScenarioPnl.sum(List.of(v), new double[] {-3});
    assertThat(pnl[0]).isCloseTo(-3 * expected0, within(1e-12));
  }

  @Test
  void test_vector_forwardConversionDividesByShockedForward() {
    Instrument put = DeribitInstrumentNames.parse("BTC-28JUN24-60000-P");
    double f = 67_000;
    double t = 30.0 / 365;
    ScenarioSet set = movesOnly(Asset.BTC);
    InstrumentScenarioVector v = new ScenarioEngine(CoinConversion.FORWARD)
        .vector(new ScenarioInputs(put, f, 66_000, 0.6, t, 0, false), set);
    double base = black(false, f, 60_000, t, 0.6) / f;
    for (int j = 0; j < MOVES.length; j++) {
      double fj = f * (1 + MOVES[j]);
      assertThat(v.pnl(j)).isCloseTo(black(false, fj, 60_000, t, 0.6) / fj - base, within(1e-12));
    }
  }

  @Test
  void test_vector_linearOptionInQuoteCurrency() {
    Instrument put = DeribitInstrumentNames.parse("SOL_USDC-28JUN24-150-P");
    double t = 20.0 / 365;
    InstrumentScenarioVector v = SUT.vector(new ScenarioInputs(put, 160, 159, 0.8, t, 0, false), movesOnly(Asset.of("SOL")));
    double base = black(false, 160, 150, t, 0.8);
    assertThat(v.currency()).isEqualTo(Asset.USDC);
    for (int j = 0; j < MOVES.length; j++) {
      assertThat(v.pnl(j)).isCloseTo(black(false, 160 * (1 + MOVES[j]), 150, t, 0.8) - base, within(1e-10));
    }
  }

  @Test
  void test_vector_timeRollSettlesLegsExpiringInsideHorizonAtShockedIndex() {
    Instrument call = DeribitInstrumentNames.parse("BTC-28JUN24-60000-C");
    double f = 66_000;
    double s = 65_000;
    double t = 2.0 / 365;
    ScenarioSet set = ScenarioSet.of(List.of(
        Scenario.of("-10% in 5 days", Asset.BTC, UnderlyingShift.move(-0.10)).withRollDays(5),
        Scenario.of("+10% in 1 day", Asset.BTC, UnderlyingShift.move(0.10)).withRollDays(1)));
    InstrumentScenarioVector v = SUT.vector(new ScenarioInputs(call, f, s, 0.5, t, 0, false), set);
    double base = black(true, f, 60_000, t, 0.5) / s;
    // expired inside the horizon: intrinsic at 58,500 is 0
    assertThat(v.pnl(0)).isCloseTo(-base, within(1e-14));
    // one day left after the roll
    double left = 1.0 / 365;
    assertThat(v.pnl(1)).isCloseTo(black(true, f * 1.1, 60_000, left, 0.5) / (s * 1.1) - base, within(1e-12));
  }

  @Test
  void test_vector_expiredOptionIsSettledCashWithZeroVector() {
    Instrument call = DeribitInstrumentNames.parse("BTC-28JUN24-60000-C");
    InstrumentScenarioVector v = SUT.vector(new ScenarioInputs(call, 66_000, 66_000, 0, 0, 0, true), movesOnly(Asset.BTC));
    assertThat(v.settled()).isTrue();
    assertThat(v.toArray()).containsOnly(0.0);
    // T19-style settlement in coin: max(S - K, 0) / S
    assertThat(v.settlementValue()).isCloseTo(6_000.0 / 66_000, within(1e-15));
  }

  @Test
  void test_sum_matrixLayoutEqualsVectorSum() {
    ScenarioSet set = movesOnly(Asset.BTC);
    InstrumentScenarioVector a = SUT.vector(delta1("BTC-PERPETUAL", 65_000, 65_000), set);
    InstrumentScenarioVector b = SUT.vector(new ScenarioInputs(
        DeribitInstrumentNames.parse("BTC-28JUN24-60000-P"), 66_000, 65_000, 0.5, 0.05, 0, false), set);
    int n = set.size();
    double[] matrix = new double[2 * n];
    SUT.fill(delta1("BTC-PERPETUAL", 65_000, 65_000), set, matrix, 0);
    SUT.fill(new ScenarioInputs(b.instrument(), 66_000, 65_000, 0.5, 0.05, 0, false), set, matrix, n);
    double[] out = new double[n];
    ScenarioPnl.sum(matrix, n, new int[] {1, 0}, new double[] {2.0, -0.5}, out);
    double[] expected = ScenarioPnl.sum(List.of(b, a), new double[] {2.0, -0.5});
    assertThat(out).containsExactly(expected);
  }

  @Test
  void test_vector_missingVolForOptionNamesField() {
    Instrument call = DeribitInstrumentNames.parse("BTC-28JUN24-60000-C");
    assertThatThrownBy(() -> SUT.vectors(
        List.of(new ScenarioInputs(call, 66_000, 65_000, Double.NaN, 0.03, 0, false)), movesOnly(Asset.BTC)))
        .isInstanceOfSatisfying(InvalidInputException.class, ex -> {
          assertThat(ex.error().kind()).isEqualTo(ErrorKind.INVALID_ARGUMENT);
          assertThat(ex.error().field()).isEqualTo("instruments[0].mark.implied_vol");
          assertThat(ex.getMessage()).contains("BTC-28JUN24-60000-C");
        });
  }

  @Test
  void test_underlyingShift_moveBelowMinusOneRejected() {
    assertThatThrownBy(() -> UnderlyingShift.move(-1.0))
        .isInstanceOfSatisfying(InvalidInputException.class, ex -> assertThat(ex.error().field()).isEqualTo("spot_move"));
  }

  private static ScenarioSet movesOnly(Asset underlying) {
    List<Scenario> list = new java.util.ArrayList<>();
    for (double m : MOVES) {
      list.add(Scenario.of(m + "", underlying, UnderlyingShift.move(m)));
    }
    return ScenarioSet.of(list);
  }

  private static ScenarioInputs delta1(String name, double mark, double index) {
    return new ScenarioInputs(DeribitInstrumentNames.parse(name), mark, index, Double.NaN, 0, 0, false);
  }

  /** Black-76 at r = 0, written out with commons-math3's normal CDF. */
  static double black(boolean call, double f, double k, double t, double vol) {
    double s = vol * Math.sqrt(t);
    double d1 = (Math.log(f / k) + 0.5 * s * s) / s;
    double d2 = d1 - s;
    return call ? f * N.cumulativeProbability(d1) - k * N.cumulativeProbability(d2)
        : k * N.cumulativeProbability(-d2) - f * N.cumulativeProbability(-d1);
  }
}
