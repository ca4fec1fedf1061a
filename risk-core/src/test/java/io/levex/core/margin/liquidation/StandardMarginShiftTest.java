package io.levex.core.margin.liquidation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.levex.core.basics.Asset;
import io.levex.core.collect.ErrorKind;
import io.levex.core.collect.InvalidInputException;
import io.levex.core.margin.MarginParameterSets;
import io.levex.core.margin.MarginParameters;
import io.levex.core.margin.MarginPosition;
import io.levex.core.market.PricingInputs;
import io.levex.core.pricer.InstrumentPricer;
import io.levex.core.pricer.Valuation;
import io.levex.core.product.DeribitInstrumentNames;
import io.levex.core.product.Instrument;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Test {@link StandardMarginShift} with {@link LiquidationAnalyzer} against liquidation prices solved by hand.
 * <p>
 * All cases override {@code futures.BTC.increase_per_coin} to 0, so MM = mm x coin size with mm = 1% (BTC
 * mm_base of the 2022-01-11 set) and the liquidation condition margin balance = MM is solvable in closed form.
 */
class StandardMarginShiftTest {

  private static final Instant NOW = Instant.parse("2026-01-05T12:00:00Z");
  private static final MarginParameters PARAMS = MarginParameterSets.named("deribit-sm-2022-01-11")
      .withOverrides(Map.of("futures.BTC.increase_per_coin", 0.0));
  private static final double MM = 0.01;
  private static final double P0 = 100_000;
  private static final Map<Asset, Double> USD = Map.of(Asset.BTC, P0);

  @Test
  void test_analyze_longInversePerpetual() {
    // Long 10 BTC of BTC-PERPETUAL at P0 = 100,000 (USD face F = 1,000,000), cash C = 1 BTC, segregated BTC.
    // At index P (= mark): equity = C + F (1/P0 - 1/P); MM = mm F / P.
    // equity = MM  <=>  C + F/P0 = F (1 + mm) / P  <=>  P = F (1 + mm) / (C + F/P0) = 1,010,000 / 11 = 91,818.18
    double f = 1_000_000;
    double c = 1;
    double expected = f * (1 + MM) / (c + f / P0);
    UnderlyingLiquidation r = analyze(List.of(position("BTC-PERPETUAL", 10)), Map.of(Asset.BTC, c), MarginView.segregated(Asset.BTC));
    assertThat(r.points()).singleElement().satisfies(p -> assertThat(p.indexUsd()).isCloseTo(expected, within(1e-6)));
    // the perpetual drives it all: its value - MM goes from -mm F/P0 to C's complement, i.e. changes by -(C - mm F/P0)
    assertThat(r.drivers()).singleElement().satisfies(d -> {
      assertThat(d.instrument()).isEqualTo("BTC-PERPETUAL");
      assertThat(d.excessChange()).isCloseTo(-(c - MM * f / P0), within(1e-9));
    });
    assertThat(r.otherExcessChange()).isCloseTo(0, within(1e-12));
    assertThat(r.marginBalance()).isCloseTo(c, within(1e-12));
  }

  @Test
  void test_analyze_shortInversePerpetual() {
    // Short 10 BTC at P0 (|F| = G = 1,000,000), C = 1 BTC: equity = C - G (1/P0 - 1/P); MM = mm G / P.
    // equity = MM  <=>  C - G/P0 = G (mm - 1) / P  <=>  P = G (1 - mm) / (G/P0 - C) = 990,000 / 9 = 110,000
    double g = 1_000_000;
    double c = 1;
    double expected = g * (1 - MM) / (g / P0 - c);
    UnderlyingLiquidation r = analyze(List.of(position("BTC-PERPETUAL", -10)), Map.of(Asset.BTC, c), MarginView.segregated(Asset.BTC));
    assertThat(r.points()).singleElement().satisfies(p -> {
      assertThat(p.indexUsd()).isCloseTo(expected, within(1e-6));
      assertThat(p.distancePct()).isCloseTo(100 * (expected / P0 - 1), within(1e-9));
    });
  }

  @Test
  void test_analyze_fullyCoveredInverseShortHasNoLiquidation() {
    // Short 10 BTC with C = 10 BTC (1x): equity = 10 - G/P0 + G/P = G/P, MM = mm G/P: excess (1 - mm) G/P > 0 always.
    UnderlyingLiquidation r = analyze(List.of(position("BTC-PERPETUAL", -10)), Map.of(Asset.BTC, 10.0), MarginView.segregated(Asset.BTC));
    assertThat(r.points()).isEmpty();
    assertThat(r.nearest()).isEmpty();
    assertThat(r.drivers()).isEmpty();
  }

  @Test
  void test_analyze_linearUsdcPerpetualLongAndShort() {
    // BTC_USDC-PERPETUAL, s coin at P0, cash C = 100,000 USDC. equity = C + s (P - P0); MM = |s| mm P (index = P).
    // long s = 10:  C + s P - s P0 = s mm P  <=>  P = (s P0 - C) / (s (1 - mm)) = 900,000 / 9.9 = 90,909.09
    // short s = -10: C - 10 P + 10 P0 = 10 mm P  <=>  P = (C + 10 P0) / (10 (1 + mm)) = 1,100,000 / 10.1 = 108,910.89
    double c = 100_000;
    UnderlyingLiquidation longR = analyze(List.of(position("BTC_USDC-PERPETUAL", 10)), Map.of(Asset.USDC, c), MarginView.segregated(Asset.USDC));
    assertThat(longR.points()).singleElement()
        .satisfies(p -> assertThat(p.indexUsd()).isCloseTo((10 * P0 - c) / (10 * (1 - MM)), within(1e-6)));
    UnderlyingLiquidation shortR = analyze(List.of(position("BTC_USDC-PERPETUAL", -10)), Map.of(Asset.USDC, c), MarginView.segregated(Asset.USDC));
    assertThat(shortR.points()).singleElement()
        .satisfies(p -> assertThat(p.indexUsd()).isCloseTo((c + 10 * P0) / (10 * (1 + MM)), within(1e-6)));
  }

  @Test
  void test_analyze_T26_dydxIsolatedLiquidationPriceAsLinearPerpetual() {
    // dYdX's isolated-margin example (margin-and-funding.md section 10, T26): equity e = 1,000, short 3 at 3,000,
    // maintenance fraction 5%: p' = (e + 3 x 3,000) / (3 (1 + 0.05)) = 3,174.60, where equity = MMR = 476.19. The same
    // book as a linear USDC perpetual under standard margin with MM = 5% flat (mm_base 0.05, no size slope), MM taken
    // on the index, which moves with the mark.
    MarginParameters flat5 = MarginParameterSets.named("deribit-sm-2022-01-11")
        .withOverrides(Map.of("futures.ETH.mm_base", 0.05, "futures.ETH.increase_per_coin", 0.0));
    Instrument i = DeribitInstrumentNames.parse("ETH_USDC-PERPETUAL");
    Valuation v = InstrumentPricer.DEFAULT.value(i, new PricingInputs(3_000, Double.NaN, 0, 3_000, NOW, "test"), NOW);
    StandardMarginShift f = new StandardMarginShift(List.of(new MarginPosition(i, -3, 3_000, v)),
        Map.of(Asset.USDC, 1_000.0), Map.of(Asset.ETH, 3_000.0), flat5, MarginView.segregated(Asset.USDC));

    UnderlyingLiquidation r = LiquidationAnalyzer.DEFAULT.analyze(f, Asset.ETH, 3_000, 0.5, 1);

    assertThat(r.points()).singleElement().satisfies(p -> {
      assertThat(p.indexUsd()).isCloseTo(3_174.60, within(0.005));
      assertThat(p.indexUsd()).isCloseTo(10_000 / 3.15, within(1e-6));
    });
    ShiftedMargin at = f.at(Asset.ETH, 10_000 / 3.15 / 3_000 - 1, 0.0);
    assertThat(at.marginBalance()).isCloseTo(476.19, within(0.005));
    assertThat(at.maintenanceMargin()).isCloseTo(at.marginBalance(), within(1e-6));
  }

  @Test
  void test_analyze_crossViewWithHaircutBtcCollateral() {
    // Cross: long s = 10 BTC_USDC at P0, collateral C = 1 BTC with haircut h = 10% (override). Below P0 the USDC
    // equity s (P - P0) is negative (counted in full); the BTC counts C P (1 - h).
    // C P (1 - h) + s (P - P0) = s mm P  <=>  P = s P0 / (C (1 - h) + s (1 - mm)) = 1,000,000 / 10.8 = 92,592.59
    MarginParameters p = PARAMS.withOverrides(Map.of("collateral.BTC.haircut", 0.1));
    StandardMarginShift f = new StandardMarginShift(List.of(position("BTC_USDC-PERPETUAL", 10)), Map.of(Asset.BTC, 1.0), USD, p, MarginView.CROSS);
    UnderlyingLiquidation r = LiquidationAnalyzer.DEFAULT.analyze(f, Asset.BTC, P0, 0.5, 1);
    assertThat(r.points()).singleElement()
        .satisfies(pt -> assertThat(pt.indexUsd()).isCloseTo(10 * P0 / (0.9 + 10 * (1 - MM)), within(1e-6)));
    // the BTC collateral loses value on the way down: that is the non-position part of the change
    double pStar = r.points().get(0).indexUsd();
    assertThat(r.otherExcessChange()).isCloseTo(0.9 * (pStar - P0), within(1e-6));
  }

  @Test
  void test_analyze_twoPositionsDrivers() {
    // Long 10 BTC perp and short 2 BTC future, both at P0, C = 1 BTC. F1 = 1e6, F2 = -2e5, net Fn = 8e5, gross
    // Fg = 1.2e6. C + Fn (1/P0 - 1/P) = mm Fg / P  <=>  P = (Fn + mm Fg) / (C + Fn / P0) = 812,000 / 9.
    // Driver i: [F_i (1/P0 - 1/P) - mm |F_i| / P] - [-mm |F_i| / P0].
    UnderlyingLiquidation r = analyze(List.of(position("BTC-PERPETUAL", 10), position("BTC-27MAR26", -2)),
        Map.of(Asset.BTC, 1.0), MarginView.segregated(Asset.BTC));
    double ps = (8e5 + MM * 1.2e6) / (1 + 8e5 / P0);
    assertThat(r.nearest().orElseThrow().indexUsd()).isCloseTo(ps, within(1e-6));
    double perp = 1e6 * (1 / P0 - 1 / ps) - MM * 1e6 / ps + MM * 1e6 / P0;
    double fut = -2e5 * (1 / P0 - 1 / ps) - MM * 2e5 / ps + MM * 2e5 / P0;
    assertThat(r.drivers()).hasSize(2);
    assertThat(r.drivers().get(0).instrument()).isEqualTo("BTC-PERPETUAL");
    assertThat(r.drivers().get(0).excessChange()).isCloseTo(perp, within(1e-9));
    assertThat(r.drivers().get(1).excessChange()).isCloseTo(fut, within(1e-9));
  }

  @Test
  void test_new_emptyPortfolioIsInvalidArgument() {
    assertThatThrownBy(() -> new StandardMarginShift(List.of(), Map.of(Asset.BTC, 1.0), USD, PARAMS, MarginView.CROSS))
        .isInstanceOfSatisfying(InvalidInputException.class, ex -> {
          assertThat(ex.error().kind()).isEqualTo(ErrorKind.INVALID_ARGUMENT);
          assertThat(ex.error().field()).isEqualTo("positions");
        });
  }

  @Test
  void test_at_optionOnShiftedUnderlyingIsFailedPrecondition() {
    Instrument opt = DeribitInstrumentNames.parse("BTC-27MAR26-90000-C");
    Valuation v = InstrumentPricer.DEFAULT.value(opt, new PricingInputs(P0, 0.5, 0, P0, NOW, "test"), NOW);
    StandardMarginShift f = new StandardMarginShift(List.of(new MarginPosition(opt, -1, 0, v)), Map.of(Asset.BTC, 1.0), USD, PARAMS,
        MarginView.segregated(Asset.BTC));
    assertThatThrownBy(() -> f.at(Asset.BTC, 0.1, 0))
        .isInstanceOfSatisfying(InvalidInputException.class, ex -> {
          assertThat(ex.error().kind()).isEqualTo(ErrorKind.FAILED_PRECONDITION);
          assertThat(ex.error().field()).isEqualTo("positions[0]");
        });
  }

  private static UnderlyingLiquidation analyze(List<MarginPosition> positions, Map<Asset, Double> cash, MarginView view) {
    StandardMarginShift f = new StandardMarginShift(positions, cash, USD, PARAMS, view);
    return LiquidationAnalyzer.DEFAULT.analyze(f, Asset.BTC, P0, 0.5, 1);
  }

  private static MarginPosition position(String name, double size) {
    Instrument i = DeribitInstrumentNames.parse(name);
    Valuation v = InstrumentPricer.DEFAULT.value(i, new PricingInputs(P0, Double.NaN, 0, P0, NOW, "test"), NOW);
    return new MarginPosition(i, size, P0, v);
  }
}
