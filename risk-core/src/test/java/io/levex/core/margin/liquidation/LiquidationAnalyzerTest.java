package io.levex.core.margin.liquidation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.levex.core.basics.Asset;
import io.levex.core.collect.ErrorKind;
import io.levex.core.collect.InvalidInputException;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Test {@link LiquidationAnalyzer} on synthetic excess functions whose roots are known in closed form.
 */
class LiquidationAnalyzerTest {

  private static final LiquidationSettings S = LiquidationSettings.DEFAULT;

  @Test
  void test_liquidationMoves_twoCloseRootsInsideOneGridCell() {
    // excess(m) = (m - 0.1)(m - 0.1004): roots 0.1 and 0.1004, 0.04% apart, well inside one grid cell (0.175% wide
    // in ln(1 + m)), so the grid sees no sign change; the extremum search must find both.
    List<Double> roots = LiquidationAnalyzer.liquidationMoves(m -> (m - 0.1) * (m - 0.1004), S);
    assertThat(roots).hasSize(2);
    assertThat(roots.get(0)).isCloseTo(0.1, within(1e-10));
    assertThat(roots.get(1)).isCloseTo(0.1004, within(1e-10));
  }

  @Test
  void test_liquidationMoves_noRootsInventedNearAMiss() {
    // (m - 0.1)^2 + 1e-6 stays positive: a near miss, no root. A constant has none either.
    assertThat(LiquidationAnalyzer.liquidationMoves(m -> (m - 0.1) * (m - 0.1) + 1e-6, S)).isEmpty();
    assertThat(LiquidationAnalyzer.liquidationMoves(m -> 5.0, S)).isEmpty();
    assertThat(LiquidationAnalyzer.liquidationMoves(m -> -5.0, S)).isEmpty();
  }

  @Test
  void test_liquidationMoves_allRootsOfAnOscillatingFunction() {
    // sin(2 pi ln(1 + m) / 0.5): roots where ln(1 + m) = 0.25 k, for k with ln(0.01) <= 0.25 k <= ln(11)
    DoubleUnaryOperator f = m -> Math.sin(2 * Math.PI * Math.log1p(m) / 0.5);
    List<Double> roots = LiquidationAnalyzer.liquidationMoves(f, S);
    int kMin = (int) Math.ceil(Math.log(0.01) / 0.25);
    int kMax = (int) Math.floor(Math.log(11) / 0.25);
    assertThat(roots).hasSize(kMax - kMin + 1);
    for (int k = kMin; k <= kMax; k++) {
      assertThat(roots.get(k - kMin)).isCloseTo(Math.expm1(0.25 * k), within(1e-9 * Math.exp(0.25 * k)));
    }
  }

  @Test
  void test_liquidationMoves_touchingRootCountsOnce() {
    // (m + 0.3)^2 touches 0 at m = -0.3 without crossing
    List<Double> roots = LiquidationAnalyzer.liquidationMoves(m -> (m + 0.3) * (m + 0.3), S);
    assertThat(roots).singleElement().satisfies(r -> assertThat(r).isCloseTo(-0.3, within(1e-6)));
  }

  @Test
  void test_analyze_distanceInSigmasAgainstFormula() {
    // excess = 1 - 0.9 / (1 + m) (a long position): one root at m = -0.1, P = 0.9 S.
    // distance = ln(0.9) / (sigma sqrt(h / 365)) with sigma 0.6, h = 7 days.
    AccountMarginFunction f = (u, m, dv) -> new ShiftedMargin(1.0, 0.9 / (1 + m), List.of(new PositionExcess("X", -0.9 / (1 + m))));
    UnderlyingLiquidation r = LiquidationAnalyzer.DEFAULT.analyze(f, Asset.BTC, 50_000, 0.6, 7);
    assertThat(r.points()).singleElement().satisfies(p -> {
      assertThat(p.move()).isCloseTo(-0.1, within(1e-12));
      assertThat(p.indexUsd()).isCloseTo(45_000, within(1e-7));
      assertThat(p.distancePct()).isCloseTo(-10, within(1e-10));
      assertThat(p.distanceSigmas()).isCloseTo(Math.log(0.9) / (0.6 * Math.sqrt(7 / 365.0)), within(1e-10));
    });
    assertThat(r.nearest()).isPresent();
    assertThat(r.belowMaintenanceNow()).isFalse();
  }

  @Test
  void test_analyze_nearestIsTheSmallestLogDistance() {
    // roots at -40% (ln 0.6 = -0.511) and +60% (ln 1.6 = +0.470): the upper one is nearer in log distance
    AccountMarginFunction f = (u, m, dv) -> new ShiftedMargin((m + 0.4) * (0.6 - m), 0, List.of(new PositionExcess("X", 0)));
    UnderlyingLiquidation r = LiquidationAnalyzer.DEFAULT.analyze(f, Asset.BTC, 100, 0.5, 1);
    assertThat(r.points()).hasSize(2);
    assertThat(r.points().get(0).move()).isCloseTo(-0.4, within(1e-12));
    assertThat(r.nearest().orElseThrow().move()).isCloseTo(0.6, within(1e-12));
  }

  @Test
  void test_surface_marginRatioOnTheGrid() {
    // MB = 2 + m, MM = 1 + dv: ratio (1 + dv) / (2 + m); MB <= 0 gives +Inf
    AccountMarginFunction f = (u, m, dv) -> new ShiftedMargin(2 + 3 * m, 1 + dv, List.of(new PositionExcess("X", 3 * m)));
    LiquidationSurface s = LiquidationAnalyzer.DEFAULT.surface(f, Asset.ETH, List.of(-0.8, 0.0, 0.5), List.of(0.0, 0.1));
    assertThat(s.ratio(1, 0)).isCloseTo(0.5, within(1e-15));
    assertThat(s.ratio(2, 1)).isCloseTo(1.1 / 3.5, within(1e-15));
    assertThat(s.ratio(0, 0)).isEqualTo(Double.POSITIVE_INFINITY);
  }

  @Test
  void test_analyze_badInputIsInvalidArgument() {
    AccountMarginFunction f = (u, m, dv) -> new ShiftedMargin(1, 0.5, List.of(new PositionExcess("X", 0)));
    assertInvalid(() -> LiquidationAnalyzer.DEFAULT.analyze(f, Asset.BTC, 100, 0.5, 0), "horizon_days");
    assertInvalid(() -> LiquidationAnalyzer.DEFAULT.analyze(f, Asset.BTC, 100, 0.5, -1), "horizon_days");
    assertInvalid(() -> LiquidationAnalyzer.DEFAULT.analyze(f, Asset.BTC, 100, Double.NaN, 1), "atm_vol");
    assertInvalid(() -> LiquidationAnalyzer.DEFAULT.analyze(f, Asset.BTC, Double.NaN, 0.5, 1), "index_usd");
    AccountMarginFunction empty = (u, m, dv) -> new ShiftedMargin(1, 0, List.of());
    assertInvalid(() -> LiquidationAnalyzer.DEFAULT.analyze(empty, Asset.BTC, 100, 0.5, 1), "positions");
    assertInvalid(() -> LiquidationAnalyzer.DEFAULT.surface(f, Asset.BTC, List.of(-1.0), List.of(0.0)), "moves[0]");
    assertInvalid(() -> new LiquidationSettings(-0.99, 10, 2), "grid_points");
    assertInvalid(() -> new LiquidationSettings(-1, 10, 100), "min_move");
  }

  @Test
  void test_analyze_nonFiniteMarginIsFailedPrecondition() {
    AccountMarginFunction f = (u, m, dv) -> new ShiftedMargin(m > 1 ? Double.NaN : 1, 0.5, List.of(new PositionExcess("X", 0)));
    assertThatThrownBy(() -> LiquidationAnalyzer.DEFAULT.analyze(f, Asset.BTC, 100, 0.5, 1))
        .isInstanceOfSatisfying(InvalidInputException.class,
            ex -> assertThat(ex.error().kind()).isEqualTo(ErrorKind.FAILED_PRECONDITION));
  }

  private static void assertInvalid(Runnable call, String field) {
    assertThatThrownBy(call::run).isInstanceOfSatisfying(InvalidInputException.class, ex -> {
      assertThat(ex.error().kind()).isEqualTo(ErrorKind.INVALID_ARGUMENT);
      assertThat(ex.error().field()).isEqualTo(field);
    });
  }
}
