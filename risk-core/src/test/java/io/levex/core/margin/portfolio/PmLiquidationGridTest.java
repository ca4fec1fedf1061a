package io.levex.core.margin.portfolio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.levex.core.basics.Asset;
import io.levex.core.collect.InvalidInputException;
import io.levex.core.margin.MarginAccount;
import io.levex.core.margin.MarginParameterSets;
import io.levex.core.margin.MarginParameters;
import io.levex.core.margin.MarginPosition;
import io.levex.core.margin.liquidation.LiquidationAnalyzer;
import io.levex.core.margin.liquidation.LiquidationSettings;
import io.levex.core.margin.liquidation.MarginView;
import io.levex.core.margin.liquidation.ModelMarginShift;
import io.levex.core.pricer.Valuation;
import io.levex.core.scenario.ScenarioEngine;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Test {@link PmLiquidationGrid} against the exact reference: {@link LiquidationAnalyzer#liquidationMoves} over
 * {@link ModelMarginShift} (the Deribit PM calculator re-run on the re-marked account at every point of the
 * 4,001-point default grid, roots by Brent), on random books of BTC inverse options.
 */
class PmLiquidationGridTest {

  /** Stated tolerance of the fast search: |ln(1 + m_fast) - ln(1 + m_exact)| per liquidation level. */
  static final double TOLERANCE_U = 1e-4;

  @Test
  void test_liquidationMoves_randomBooksMatchModelMarginShift() {
    MarginParameters params = MarginParameterSets.named("deribit-pm-2024-06-17");
    Random rnd = new Random(5);
    List<Valuation> marks = PmAccountMarginTest.pool("BTC-", rnd).subList(0, 160); // the options
    LiquidationSettings settings = LiquidationSettings.DEFAULT;
    PmLiquidationGrid sut = PmLiquidationGrid.of(marks, params, ScenarioEngine.DEFAULT, settings.minMove(),
        settings.maxMove(), 321, 8);
    PmAccountMargin now = PmAccountMargin.of(marks, params, ScenarioEngine.DEFAULT);
    PmLiquidationGrid.Workspace ws = sut.workspace();
    double index = marks.get(0).indexUsd();
    int levels = 0;
    double maxDiff = 0;
    for (int book = 0; book < 8; book++) {
      int size = 1 + rnd.nextInt(10);
      int[] rows = new int[size];
      double[] sizes = new double[size];
      List<MarginPosition> positions = new ArrayList<>();
      double value = 0;
      for (int p = 0; p < size; p++) {
        rows[p] = rnd.nextInt(marks.size());
        sizes[p] = Math.round(rnd.nextGaussian() * 100) / 10.0;
        Valuation m = marks.get(rows[p]);
        positions.add(new MarginPosition(m.instrument(), sizes[p], 0, m));
        value += sizes[p] * m.price();
      }
      double mm = now.mmFactor() * now.margin(rows, sizes, 0, size, now.workspace());
      double cash = mm * (1.2 + rnd.nextDouble()) - value + 1e-3;
      MarginAccount account = MarginAccount.of(positions, Map.of(Asset.BTC, cash), Map.of(Asset.BTC, index));
      ModelMarginShift exact = ModelMarginShift.of(account, params, MarginView.segregated(Asset.BTC));
      List<Double> expected = LiquidationAnalyzer.liquidationMoves(m -> exact.at(Asset.BTC, m, 0.0).excess(), settings);
      double[] actual = sut.liquidationMoves(rows, sizes, 0, size, cash, ws);
      assertThat(actual).as("book %d", book).hasSize(expected.size());
      for (int i = 0; i < actual.length; i++) {
        double d = Math.abs(Math.log1p(actual[i]) - Math.log1p(expected.get(i)));
        maxDiff = Math.max(maxDiff, d);
        assertThat(d).as("book %d level %d: %s vs %s", book, i, actual[i], expected.get(i)).isLessThan(TOLERANCE_U);
      }
      levels += actual.length;
    }
    System.out.println("PmLiquidationGridTest: " + levels + " levels, max |du| " + maxDiff);
    assertThat(levels).isPositive();
  }

  @Test
  void test_of_nonOptionRejected() {
    MarginParameters params = MarginParameterSets.named("deribit-pm-2024-06-17");
    List<Valuation> marks = PmAccountMarginTest.pool("BTC-", new Random(1)).subList(158, 161); // 2 options, the perpetual
    assertThatThrownBy(() -> PmLiquidationGrid.of(marks, params, ScenarioEngine.DEFAULT, -0.5, 1.0, 11, 2))
        .isInstanceOfSatisfying(InvalidInputException.class,
            ex -> assertThat(ex.error().field()).isEqualTo("marks[2].instrument"));
  }
}
