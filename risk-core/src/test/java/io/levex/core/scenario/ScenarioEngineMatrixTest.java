package io.levex.core.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.levex.core.basics.Asset;
import io.levex.core.collect.InvalidInputException;
import io.levex.core.product.DeribitInstrumentNames;
import io.levex.core.product.Instrument;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Test {@link ScenarioEngine#fillMatrix} (the SIMD path when the Vector API module is present, as in these tests)
 * against the scalar engine row by row and against closed forms written here (commons-math3 normal CDF).
 */
class ScenarioEngineMatrixTest {

  private static final ScenarioEngine SUT = ScenarioEngine.DEFAULT;

  @Test
  void test_fillMatrix_vectorPathIsUsedInTests() {
    assertThat(ScenarioEngine.VECTORIZED).isTrue();
  }

  @Test
  void test_fillMatrix_randomBookMatchesScalarEngine() {
    Random rnd = new Random(42);
    ScenarioSet set = pmLikeSet(true);
    List<ScenarioInputs> book = randomBook(rnd, 700);
    int n = set.size();
    int stride = n + 5;
    double[] vec = new double[book.size() * stride];
    double[] sca = new double[book.size() * stride];
    java.util.Arrays.fill(vec, Double.NaN);
    double[] vecValues = new double[2 * book.size()];
    double[] scaValues = new double[2 * book.size()];
    SUT.fillMatrix(book, set, vec, stride, vecValues);
    SUT.fillMatrixScalar(book, set, sca, stride, scaValues);
    for (int i = 0; i < book.size(); i++) {
      ScenarioInputs in = book.get(i);
      // a few ulps of the price scale max(F, K), in the vector's currency
      double scale = 1e-13 * Math.max(in.forwardUsd() * 1.6, strike(in.instrument()))
          / (in.instrument().settlementCurrency().isUsdLike() ? 1.0 : in.indexUsd() * 0.5);
      for (int j = 0; j < stride; j++) {
        assertThat(vec[i * stride + j]).as("row %d (%s) col %d", i, in.instrument().name(), j)
            .isCloseTo(sca[i * stride + j], within(scale));
      }
      assertThat(vecValues[2 * i]).isCloseTo(scaValues[2 * i], within(scale));
      assertThat(vecValues[2 * i + 1]).isEqualTo(scaValues[2 * i + 1]);
      // the unshocked scenario (index 1) is 0 exactly
      assertThat(vec[i * stride + 1]).isEqualTo(0.0);
    }
  }

  @Test
  void test_fillMatrix_inverseCallMatchesClosedForm() {
    Instrument call = DeribitInstrumentNames.parse("BTC-28JUN24-70000-C");
    double f = 67_371.75;
    double s = 65_666.19;
    double vol = 0.55;
    double t = 11.0 / 365;
    ScenarioSet set = ScenarioSet.of(List.of(
        Scenario.of("-16% / vol up", Asset.BTC, UnderlyingShift.of(-0.16, VolShift.relative(0.5))),
        Scenario.of("+8% / vol -5pt", Asset.BTC, UnderlyingShift.of(0.08, VolShift.parallel(-0.05)))));
    double[] m = new double[2];
    double[] values = new double[2];
    SUT.fillMatrix(List.of(new ScenarioInputs(call, f, s, vol, t, 0, false)), set, m, 2, values);
    double base = ScenarioEngineTest.black(true, f, 70_000, t, vol) / s;
    assertThat(values[0]).isCloseTo(base, within(1e-13));
    assertThat(m[0]).isCloseTo(ScenarioEngineTest.black(true, f * 0.84, 70_000, t, vol * 1.5) / (s * 0.84) - base,
        within(1e-12));
    assertThat(m[1]).isCloseTo(ScenarioEngineTest.black(true, f * 1.08, 70_000, t, vol - 0.05) / (s * 1.08) - base,
        within(1e-12));
  }

  @Test
  void test_fillMatrix_badVolNamesInstrumentIndex() {
    Instrument call = DeribitInstrumentNames.parse("BTC-28JUN24-60000-C");
    List<ScenarioInputs> book = List.of(
        new ScenarioInputs(DeribitInstrumentNames.parse("BTC-PERPETUAL"), 65_000, 65_000, Double.NaN, 0, 0, false),
        new ScenarioInputs(call, 66_000, 65_000, Double.NaN, 0.03, 0, false));
    ScenarioSet set = pmLikeSet(false);
    assertThatThrownBy(() -> SUT.fillMatrix(book, set, new double[2 * set.size()], set.size(), null))
        .isInstanceOfSatisfying(InvalidInputException.class,
            ex -> assertThat(ex.error().field()).isEqualTo("instruments[1].mark.implied_vol"));
  }

  /** 9 moves x (vol up, unchanged, down), 8 extended moves with vol up, optionally two rolled scenarios. */
  static ScenarioSet pmLikeSet(boolean withRoll) {
    VolShift up = (vol, years) -> Math.max(vol * (1 + 0.45 * Math.pow(30 / Math.max(years * 365, 1), 0.13)), 0.3);
    VolShift down = (vol, years) -> Math.max(vol * (1 - 0.45 * Math.pow(30 / Math.max(years * 365, 1), 0.13)), 0);
    List<Scenario> list = new ArrayList<>();
    list.add(Scenario.of("-0 / up", Asset.BTC, UnderlyingShift.of(0, up)));
    list.add(Scenario.of("0 / none", Asset.BTC, UnderlyingShift.move(0)));
    for (int j = -4; j <= 4; j++) {
      double m = j * 0.04;
      list.add(Scenario.of(m + " / up", Asset.BTC, UnderlyingShift.of(m, up)));
      list.add(Scenario.of(m + " / none", Asset.BTC, UnderlyingShift.move(m)));
      list.add(Scenario.of(m + " / down", Asset.BTC, UnderlyingShift.of(m, down)));
    }
    for (double m : new double[] {-0.66, -0.5, -0.33, -0.25, 0.33, 1.0, 2.0, 5.0}) {
      list.add(Scenario.of(m + " ext", Asset.BTC, UnderlyingShift.of(m, up)));
    }
    list.add(Scenario.uniform("vol -100%", UnderlyingShift.of(0.02, VolShift.relative(-1.0))));
    if (withRoll) {
      list.add(Scenario.of("-10% in 5 days", Asset.BTC, UnderlyingShift.of(-0.1, down)).withRollDays(5));
      list.add(Scenario.of("+30% in 1 day", Asset.BTC, UnderlyingShift.move(0.3)).withRollDays(1));
    }
    return ScenarioSet.of(list);
  }

  /** Options of every region (strikes 0.2F..5F, 1 hour to 3 years, vol 5%..300%), delta-one, expired. */
  static List<ScenarioInputs> randomBook(Random rnd, int size) {
    List<ScenarioInputs> out = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      double f = 60_000 + 20_000 * rnd.nextDouble();
      double s = f * (0.98 + 0.02 * rnd.nextDouble());
      int kind = rnd.nextInt(20);
      if (kind == 0) {
        out.add(new ScenarioInputs(DeribitInstrumentNames.parse("BTC-PERPETUAL"), f, s, Double.NaN, 0, 0, false));
        continue;
      }
      if (kind == 1) {
        out.add(new ScenarioInputs(DeribitInstrumentNames.parse("BTC_USDC-28JUN24"), f, s, Double.NaN, 0.1, 0, false));
        continue;
      }
      long k = Math.round(f * Math.exp((rnd.nextDouble() - 0.5) * 3.2) / 100) * 100;
      String prefix = rnd.nextBoolean() ? "BTC-" : "BTC_USDC-";
      Instrument o = DeribitInstrumentNames.parse(prefix + "28JUN24-" + k + (rnd.nextBoolean() ? "-C" : "-P"));
      if (kind == 2) {
        out.add(new ScenarioInputs(o, f, s, 0, 0, 0, true));
        continue;
      }
      double t = Math.exp(Math.log(1.0 / 8760) + rnd.nextDouble() * Math.log(3 * 8760));
      double vol = 0.05 + 2.95 * Math.pow(rnd.nextDouble(), 2);
      double rate = kind == 3 ? 0.05 : 0.0;
      out.add(new ScenarioInputs(o, f, s, vol, t, rate, false));
    }
    return out;
  }

  private static double strike(Instrument i) {
    return i instanceof io.levex.core.product.OptionInstrument o ? o.strike() : 0.0;
  }
}
