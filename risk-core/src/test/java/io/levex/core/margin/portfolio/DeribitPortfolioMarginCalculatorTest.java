package io.levex.core.margin.portfolio;

import static io.levex.core.testing.MiniJson.at;
import static io.levex.core.testing.MiniJson.doubles;
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
import io.levex.core.pricer.Greeks;
import io.levex.core.pricer.InstrumentPricer;
import io.levex.core.pricer.Valuation;
import io.levex.core.product.DeribitInstrumentNames;
import io.levex.core.product.Instrument;
import io.levex.core.testing.MiniJson;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;

/**
 * Test {@link DeribitPortfolioMarginCalculator} against Deribit's published PM example (T8, T10), the published
 * shock and weight figures (T15, T17), an independent closed-form recomputation, and properties.
 */
class DeribitPortfolioMarginCalculatorTest {

  private static final Object FIXTURE = MiniJson.readResource("/reference/deribit/pme_simulate_btc_2024-06-17.json");
  private static final Object RESULT = at(FIXTURE, "response_example", "result");
  private static final Instant T8_TIME = Instant.ofEpochMilli(1_718_619_740_501L);
  private static final double T8_INDEX = 65_666.19;
  private static final MarginParameters PARAMS = MarginParameterSets.named("deribit-pm-2024-06-17");
  private static final DeribitPortfolioMarginCalculator SUT = DeribitPortfolioMarginCalculator.DEFAULT;
  private static final NormalDistribution N = new NormalDistribution();

  // --- T8: Deribit's BTC PM example ---

  @Test
  void test_margin_T8_publishedBtcExample() {
    PortfolioCurrencyMargin btc = t8().currency(Asset.BTC);
    assertThat(btc.initialMargin()).isCloseTo(0.122861343, within(1e-9));
    assertThat(btc.maintenanceMargin()).isCloseTo(0.050274504784, within(1e-9));
    assertThat(btc.riskMatrixMargin()).isCloseTo(0.06284313098, within(1e-9));
    RiskMatrixMarginDetails d = btc.riskMatrixMarginDetails();
    assertThat(d.worstCase()).isCloseTo(0.05968587238, within(1e-9));
    assertThat(d.worstCase()).isCloseTo(num("margins", "btc", "initial_margin_details", "risk_matrix_margin_details", "worst_case"), within(1e-12));
    assertThat(d.rollShock()).isCloseTo(0.00315725898, within(1e-12));
    assertThat(d.deltaShock()).isZero();
    assertThat(d.correlationContingency()).isZero();
    // worst_case_bucket {bucket 1, side left, source standard, index 1}
    PmBucket b = d.worstCaseBucket();
    assertThat(b.bucket()).isEqualTo(1);
    assertThat(b.side()).isEqualTo("left");
    assertThat(b.source()).isEqualTo("standard");
    assertThat(b.index()).isEqualTo(1);
    assertThat(b.label()).isEqualTo("-16% / vol up");
    assertThat(d.worstCaseKey()).isEqualTo("btc_btc");
    assertThat(btc.openOrdersMargin()).isEqualTo(1.8212e-5);
    assertThat(btc.mmpMargin()).isEqualTo(0.06);
  }

  @Test
  void test_margin_T8_instrumentVectorsMatchFixture() {
    PortfolioCurrencyMargin btc = t8().currency(Asset.BTC);
    for (PositionRiskVector p : btc.positions()) {
      double[] std = doubles(at(RESULT, "initial_risk_vectors", p.instrument(), "standard"));
      double[] ext = doubles(at(RESULT, "initial_risk_vectors", p.instrument(), "extended"));
      assertThat(std).hasSize(27);
      assertThat(ext).hasSize(8);
      assertClose(p.vector().standard(), std, 1e-11);
      assertClose(p.vector().extended(), ext, 1e-11);
    }
    assertThat(btc.positions()).extracting(PositionRiskVector::instrument).containsExactly("BTC-PERPETUAL", "BTC-28JUN24");
    // each position's contribution to the worst scenario: its -16% entry; they sum to the aggregated worst
    assertThat(btc.positions().get(0).worstScenarioPnl()).isCloseTo(-0.05991206933333334, within(1e-11));
    assertThat(btc.positions().get(1).worstScenarioPnl()).isCloseTo(0.0002261969523809524, within(1e-11));
  }

  @Test
  void test_margin_T8_aggregatedVectorsMatchFixture() {
    RiskMatrix m = t8().currency(Asset.BTC).riskMatrices().get(0);
    assertThat(m.key()).isEqualTo("btc_btc");
    assertClose(m.aggregated().standard(), doubles(at(RESULT, "aggregated_risk_vectors", "btc_btc", "standard")), 1e-11);
    assertClose(m.aggregated().extended(), doubles(at(RESULT, "aggregated_risk_vectors", "btc_btc", "extended")), 1e-11);
    // pre-aggregated = plain sum of the instrument vectors
    double[] perp = doubles(at(RESULT, "initial_risk_vectors", "BTC-PERPETUAL", "standard"));
    double[] fut = doubles(at(RESULT, "initial_risk_vectors", "BTC-28JUN24", "standard"));
    double[] pre = m.preAggregated().standard();
    for (int j = 0; j < 27; j++) {
      assertThat(pre[j]).isCloseTo(perp[j] + fut[j], within(1e-11));
    }
    assertThat(m.buckets()).hasSize(35);
    assertThat(m.buckets().get(26).label()).isEqualTo("+16% / vol down");
    assertThat(m.buckets().get(34).label()).isEqualTo("+500% / vol up (extended)");
  }

  @Test
  void test_parameters_T8_fileValuesEqualFixtureModelParams() {
    DeribitPmParameters p = DeribitPmParameters.of(PARAMS, Asset.BTC, Asset.BTC);
    assertThat(p.priceRange()).isEqualTo(num("model_params", "currency_pair", "btc_usd", "price_range"));
    assertThat(p.volatilityRangeUp()).isEqualTo(num("model_params", "currency_pair", "btc_usd", "volatility_range_up"));
    assertThat(p.mInc()).isEqualTo(num("model_params", "currency_pair", "btc_usd", "m_inc"));
    assertThat(p.extendedDampener()).isEqualTo(num("model_params", "currency", "btc", "extended_dampener"));
    assertThat(p.minAnnualisedMove()).isEqualTo(num("model_params", "currency", "btc", "min_annualised_move"));
    assertThat(p.mmFactor()).isEqualTo(num("model_params", "general", "mm_factor"));
    assertThat((double) p.bucketsCount()).isEqualTo(num("model_params", "general", "buckets_count"));
    assertThat(MarginParameterSets.current("deribit-pm").name()).isEqualTo("deribit-pm-2026-02-15");
  }

  // --- T10, T15, T16, T17 ---

  @Test
  void test_extendedWeight_T10_inverseFutureExtendedEqualsEdgeEntry() {
    double pr = 0.16;
    double down = 1 - 1 / (1 - pr);
    double up = 1 - 1 / (1 + pr);
    for (double m : new double[] {-0.66, -0.33, 0.5, 1, 2, 3, 4, 5}) {
      double weighted = (1 - 1 / (1 + m)) * DeribitVolShock.extendedWeight(m, pr, 1);
      assertThat(weighted).isCloseTo(m < 0 ? down : up, within(1e-15));
    }
  }

  @Test
  void test_shockSize_T16_derivePmrmSameFunctionalForm() {
    // Derive's PMRM (same (30/DTE)^p form, p = 0.3 below 30 DTE, 0.13 from 30): vol up 0.5, vol down 0.3 give
    // multipliers up x1.7737 / 1.5 / 1.4335 and down x0.5358 / 0.7 / 0.7399 at DTE 7 / 30 / 90 (published to 4 dp)
    double[] dte = {7, 30, 90};
    double[] up = {1.7737, 1.5, 1.4335};
    double[] down = {0.5358, 0.7, 0.7399};
    for (int i = 0; i < dte.length; i++) {
      double power = dte[i] < 30 ? 0.3 : 0.13;
      assertThat(1 + DeribitVolShock.shockSize(0.5, dte[i], power)).as("up at %s DTE", dte[i]).isCloseTo(up[i], within(5e-5));
      assertThat(1 - DeribitVolShock.shockSize(0.3, dte[i], power)).as("down at %s DTE", dte[i]).isCloseTo(down[i], within(5e-5));
    }
  }

  @Test
  void test_shockSize_T15_oldDeribitPage() {
    // (30/15)^0.3 x 38% = 46.78%
    assertThat(DeribitVolShock.shockSize(0.38, 15, 0.3)).isCloseTo(0.4678, within(5e-5));
    assertThat(DeribitVolShock.dteFactor(0.2, 0.3)).isEqualTo(Math.pow(30, 0.3)); // DTE floored at 1
  }

  @Test
  void test_moveWeight_T17_paradexWeights() {
    assertThat(DeribitVolShock.moveWeight(-0.66, 0.16)).isCloseTo(0.2424, within(5e-5));
    assertThat(DeribitVolShock.moveWeight(-0.33, 0.16)).isCloseTo(0.4848, within(5e-5));
    assertThat(DeribitVolShock.moveWeight(0.5, 0.16)).isCloseTo(0.32, within(1e-15));
    assertThat(DeribitVolShock.moveWeight(1, 0.16)).isCloseTo(0.16, within(1e-15));
    assertThat(DeribitVolShock.moveWeight(5, 0.16)).isCloseTo(0.032, within(1e-15));
  }

  // --- options against an independent recomputation ---

  @Test
  void test_margin_shortCallMatchesClosedFormRiskMatrix() {
    // short 2 BTC-28JUN24-70000-C, F 67,371.75, S 65,666.19, vol 0.55, 11 days 21h 37m to expiry
    Instrument call = DeribitInstrumentNames.parse("BTC-28JUN24-70000-C");
    double f = 67_371.75;
    double vol = 0.55;
    double size = -2;
    MarginPosition p = option(call, size, f, vol, T8_TIME);
    double t = p.mark().timeToExpiry();
    double dte = t * 365;
    double up = Math.max(vol * (1 + 0.5 * Math.pow(30 / dte, 0.3)), 0.5);
    double down = vol * (1 - 0.25 * Math.pow(30 / dte, 0.3));
    double base = black(true, f, 70_000, t, vol) / T8_INDEX;
    double[] vols = {up, vol, down};
    double[] expected = new double[27];
    double worst = 0;
    for (int j = -4; j <= 4; j++) {
      double m = j * 0.04;
      for (int v = 0; v < 3; v++) {
        double pnl = size * (black(true, f * (1 + m), 70_000, t, vols[v]) / (T8_INDEX * (1 + m)) - base);
        expected[(j + 4) * 3 + v] = pnl;
        worst = Math.max(worst, -pnl);
      }
    }
    double[] moves = {-0.66, -0.33, 0.5, 1, 2, 3, 4, 5};
    double[] expectedExt = new double[8];
    for (int k = 0; k < 8; k++) {
      double m = moves[k];
      double w = 0.16 / Math.abs(m) * (1 + m) / (1 + Math.signum(m) * 0.16);
      double pnl = size * (black(true, f * (1 + m), 70_000, t, up) / (T8_INDEX * (1 + m)) - base) * w;
      expectedExt[k] = pnl;
      double damp = (Math.max(Math.abs(m) / 0.16, 1) - 1) * 100_000 / ((1 + Math.signum(m) * 0.16) * T8_INDEX);
      double after = Math.signum(pnl) * Math.max(Math.abs(pnl) - damp, 0);
      worst = Math.max(worst, -after);
    }
    PortfolioCurrencyMargin btc = SUT.margin(List.of(p), Map.of(), Map.of(), PARAMS).currency(Asset.BTC);
    PositionRiskVector v = btc.positions().get(0);
    assertClose(v.vector().standard(), expected, 1e-12);
    assertClose(v.vector().extended(), expectedExt, 1e-12);
    assertThat(btc.riskMatrixMarginDetails().worstCase()).isCloseTo(worst, within(1e-12));
    assertThat(btc.riskMatrixMarginDetails().worstCaseBucket().label()).isEqualTo("+16% / vol up");
    // roll shock: 11.9 days, exp(0.075 T) - 1 < 0.01, so 0.01 x |size x coin delta|; coin delta = (K/F) N(d2)
    double s = vol * Math.sqrt(t);
    double d2 = (Math.log(f / 70_000) - 0.5 * s * s) / s;
    double coinDelta = 70_000 / f * N.cumulativeProbability(d2);
    assertThat(btc.riskMatrixMarginDetails().rollShock()).isCloseTo(0.01 * 2 * coinDelta, within(1e-12));
  }

  @Test
  void test_margin_pnlOffsetScalesGainsEth2026() {
    // ETH 2026: pnl_offset 0.6, price_range 0.18; long 10 ETH-PERPETUAL: gains scaled by 0.6, losses kept
    MarginParameters eth = MarginParameterSets.named("deribit-pm-2026-02-15");
    MarginPosition perp = deltaOne("ETH-PERPETUAL", 10, 2_500, 2_500, Instant.parse("2026-02-15T12:00:00Z"));
    RiskMatrix m = SUT.margin(List.of(perp), Map.of(), Map.of(), eth).currency(Asset.ETH).riskMatrices().get(0);
    double[] agg = m.aggregated().standard();
    assertThat(agg[26]).isCloseTo(0.6 * 10 * (1 - 1 / 1.18), within(1e-12));
    assertThat(agg[0]).isCloseTo(10 * (1 - 1 / 0.82), within(1e-12));
    assertThat(agg[3]).isCloseTo(10 * (1 - 1 / (1 - 0.135)), within(1e-12));
    assertThat(m.worstCase()).isCloseTo(-10 * (1 - 1 / 0.82), within(1e-12));
  }

  // --- properties ---

  @Test
  void test_margin_perfectHedgeNeverRaisesMargin() {
    List<MarginPosition> book = optionBook(1.0);
    double before = SUT.margin(book, Map.of(), Map.of(), PARAMS).currency(Asset.BTC).riskMatrixMargin();
    assertThat(before).isPositive();
    // hedging a fraction h of the whole book (h = 1: perfect hedge) never raises the margin
    double previous = before;
    for (double h : new double[] {0.25, 0.5, 0.75, 1.0}) {
      List<MarginPosition> hedged = new ArrayList<>(book);
      for (MarginPosition p : book) {
        hedged.add(new MarginPosition(p.instrument(), -h * p.size(), p.averagePrice(), p.mark()));
      }
      double after = SUT.margin(hedged, Map.of(), Map.of(), PARAMS).currency(Asset.BTC).riskMatrixMargin();
      assertThat(after).isLessThanOrEqualTo(previous + 1e-15);
      previous = after;
    }
    assertThat(previous).isCloseTo(0.0, within(1e-15));
    // adding a position together with its perfect hedge leaves the margin unchanged
    List<MarginPosition> pair = new ArrayList<>(book);
    MarginPosition extra = option(DeribitInstrumentNames.parse("BTC-27SEP24-50000-P"), -7, 69_500, 0.7, T8_TIME);
    pair.add(extra);
    pair.add(new MarginPosition(extra.instrument(), 7, 0, extra.mark()));
    assertThat(SUT.margin(pair, Map.of(), Map.of(), PARAMS).currency(Asset.BTC).riskMatrixMargin())
        .isCloseTo(before, within(1e-15));
  }

  @Test
  void test_margin_scalingPositionsScalesMargin() {
    PortfolioCurrencyMargin one = SUT.margin(optionBook(1.0), Map.of(), Map.of(), PARAMS).currency(Asset.BTC);
    PortfolioCurrencyMargin three = SUT.margin(optionBook(3.0), Map.of(), Map.of(), PARAMS).currency(Asset.BTC);
    // no size-dependent term binds: the worst entry is in the standard table and the delta shock is 0
    assertThat(one.riskMatrixMarginDetails().worstCaseBucket().source()).isEqualTo("standard");
    assertThat(three.riskMatrixMarginDetails().deltaShock()).isZero();
    assertThat(three.initialMargin()).isCloseTo(3 * one.initialMargin(), within(1e-12 * three.initialMargin()));
    assertThat(three.maintenanceMargin()).isCloseTo(3 * one.maintenanceMargin(), within(1e-12 * three.maintenanceMargin()));
  }

  @Test
  void test_margin_expiredOptionContributesSettlementValueOnly() {
    List<MarginPosition> book = optionBook(1.0);
    PortfolioCurrencyMargin before = SUT.margin(book, Map.of(), Map.of(), PARAMS).currency(Asset.BTC);
    Instrument expired = DeribitInstrumentNames.parse("BTC-14JUN24-60000-C");
    Valuation settledMark = new Valuation(expired, 0.0863, 5_666.19, 0.0863, T8_INDEX, T8_INDEX, 0, 0,
        Greeks.DELTA_ONE_LINEAR, T8_TIME, T8_TIME, "settled");
    List<MarginPosition> withExpired = new ArrayList<>(book);
    withExpired.add(new MarginPosition(expired, -4, 0, settledMark));
    PortfolioCurrencyMargin after = SUT.margin(withExpired, Map.of(), Map.of(), PARAMS).currency(Asset.BTC);
    assertThat(after.initialMargin()).isEqualTo(before.initialMargin());
    assertThat(after.riskMatrixMarginDetails().rollShock()).isEqualTo(before.riskMatrixMarginDetails().rollShock());
    PositionRiskVector v = after.positions().get(after.positions().size() - 1);
    assertThat(v.settled()).isTrue();
    assertThat(v.vector().standard()).containsOnly(0.0);
    // settlement in coin: -4 x (65,666.19 - 60,000) / 65,666.19
    assertThat(after.settledValue()).isCloseTo(-4 * 5_666.19 / T8_INDEX, within(1e-15));
    assertThat(v.settlementValue()).isCloseTo(-4 * 5_666.19 / T8_INDEX, within(1e-15));
  }

  @Test
  void test_margin_overridesApply() {
    MarginParameters wider = PARAMS.withOverrides(Map.of("btc_usd.price_range", 0.2));
    PortfolioCurrencyMargin btc = t8(wider).currency(Asset.BTC);
    assertThat(btc.riskMatrixMarginDetails().worstCase()).isCloseTo(
        -(0.314538364 * (1 - 1 / 0.8) - 0.001187534 * (1 - 1 / 0.8)), within(1e-12));
    assertThat(btc.riskMatrixMarginDetails().worstCaseBucket().label()).isEqualTo("-20% / vol up");
  }

  @Test
  void test_margin_rollShockGrowsWithTimeToExpiry() {
    // BTC-27DEC24 on 2024-06-17: T = 193.9 days; exp(0.075 T) - 1 = 4.06% > min 1%; perpetual at the minimum
    MarginPosition dec = deltaOne("BTC-27DEC24", 3, 70_000, T8_INDEX, T8_TIME);
    MarginPosition perp = deltaOne("BTC-PERPETUAL", -1, 65_910.57, T8_INDEX, T8_TIME);
    double t = (Instant.parse("2024-12-27T08:00:00Z").toEpochMilli() - T8_TIME.toEpochMilli()) / 1000.0 / (365 * 86_400.0);
    PortfolioCurrencyMargin btc = SUT.margin(List.of(dec, perp), Map.of(), Map.of(), PARAMS).currency(Asset.BTC);
    assertThat(btc.riskMatrixMarginDetails().rollShock())
        .isCloseTo((Math.exp(0.075 * t) - 1) * 3 + 0.01 * 1, within(1e-13));
  }

  @Test
  void test_margin_deltaShockAboveThreshold() {
    // 1,000 BTC net long: |D| S = 65.67M USD > 20M; min((65.67M - 20M) x 1000 x 5e-5, 0.1 x 65.67M) / S coin
    MarginPosition perp = deltaOne("BTC-PERPETUAL", 1_000, T8_INDEX, T8_INDEX, T8_TIME);
    PortfolioCurrencyMargin btc = SUT.margin(List.of(perp), Map.of(), Map.of(), PARAMS).currency(Asset.BTC);
    double usd = 1_000 * T8_INDEX;
    double expected = Math.min((usd - 20_000_000) * 1_000 * 5e-5, 0.1 * usd) / T8_INDEX;
    assertThat(btc.riskMatrixMarginDetails().deltaShock()).isCloseTo(expected, within(1e-9));
    assertThat(btc.riskMatrixMargin()).isCloseTo(1_000 * (1 / 0.84 - 1) + 0.01 * 1_000 + expected, within(1e-9));
  }

  @Test
  void test_margin_linearPerpInUsdc() {
    // 2 BTC of BTC_USDC-PERPETUAL at 65,000: worst -16% = 2 x 65,000 x 0.16 USDC; roll 0.01 x 2 x index
    MarginPosition perp = deltaOne("BTC_USDC-PERPETUAL", 2, 65_000, 65_000, T8_TIME);
    PortfolioCurrencyMargin usdc = SUT.margin(List.of(perp), Map.of(), Map.of(), PARAMS).currency(Asset.USDC);
    assertThat(usdc.riskMatrices().get(0).key()).isEqualTo("btc_usdc");
    assertThat(usdc.riskMatrixMarginDetails().worstCase()).isCloseTo(2 * 65_000 * 0.16, within(1e-9));
    assertThat(usdc.riskMatrixMarginDetails().rollShock()).isCloseTo(0.01 * 2 * 65_000, within(1e-9));
    // extended -66%: weighted PnL = the -16% entry; dampener (0.66/0.16 - 1) x 25,000 USD removes it
    assertThat(usdc.riskMatrices().get(0).aggregated().extended()[0]).isZero();
    assertThat(usdc.maintenanceMargin()).isCloseTo(0.8 * (2 * 65_000 * 0.16 + 1_300), within(1e-9));
  }

  // --- bad input ---

  @Test
  void test_withOverrides_unknownParameterIsInvalidArgument() {
    assertThatThrownBy(() -> PARAMS.withOverrides(Map.of("btc_usd.price_rnge", 0.2)))
        .isInstanceOfSatisfying(InvalidInputException.class, ex -> {
          assertThat(ex.error().kind()).isEqualTo(ErrorKind.INVALID_ARGUMENT);
          assertThat(ex.error().field()).isEqualTo("parameter_overrides[btc_usd.price_rnge]");
        });
  }

  @Test
  void test_margin_nanOrAbsurdSizeIsInvalidArgument() {
    for (double bad : new double[] {Double.NaN, 2e9, -1.5e9}) {
      MarginPosition p = deltaOne("BTC-PERPETUAL", bad, 65_910.57, T8_INDEX, T8_TIME);
      assertThatThrownBy(() -> SUT.margin(List.of(p), Map.of(), Map.of(), PARAMS))
          .isInstanceOfSatisfying(InvalidInputException.class, ex -> {
            assertThat(ex.error().kind()).isEqualTo(ErrorKind.INVALID_ARGUMENT);
            assertThat(ex.error().field()).isEqualTo("positions[0].size");
            assertThat(ex.getMessage()).contains(Double.isNaN(bad) ? "NaN" : "e9");
          });
    }
  }

  @Test
  void test_margin_missingVolForOptionIsInvalidArgument() {
    Instrument call = DeribitInstrumentNames.parse("BTC-28JUN24-70000-C");
    Valuation noVol = new Valuation(call, 0.01, 670, 0.01, 67_000, T8_INDEX, Double.NaN, 0.03,
        Greeks.DELTA_ONE_LINEAR, T8_TIME, T8_TIME, "no vol");
    assertThatThrownBy(() -> SUT.margin(List.of(new MarginPosition(call, -1, 0, noVol)), Map.of(), Map.of(), PARAMS))
        .isInstanceOfSatisfying(InvalidInputException.class, ex -> {
          assertThat(ex.error().field()).isEqualTo("positions[0].mark.implied_vol");
          assertThat(ex.getMessage()).contains("BTC-28JUN24-70000-C").contains("NaN");
        });
  }

  @Test
  void test_margin_missingCurrencyParametersIsFailedPrecondition() {
    MarginPosition sol = deltaOne("SOL_USDC-PERPETUAL", 10, 150, 150, T8_TIME);
    assertThatThrownBy(() -> SUT.margin(List.of(sol), Map.of(), Map.of(), PARAMS))
        .isInstanceOfSatisfying(InvalidInputException.class, ex -> {
          assertThat(ex.error().kind()).isEqualTo(ErrorKind.FAILED_PRECONDITION);
          assertThat(ex.getMessage()).contains("sol_usd.price_range");
        });
  }

  @Test
  void test_margin_negativeAddOnIsInvalidArgument() {
    assertThatThrownBy(() -> SUT.margin(List.of(), Map.of(Asset.BTC, -0.1), Map.of(), PARAMS))
        .isInstanceOfSatisfying(InvalidInputException.class,
            ex -> assertThat(ex.error().field()).isEqualTo("open_orders_margin[BTC]"));
  }

  // --- helpers ---

  private static PortfolioMarginResult t8() {
    return t8(PARAMS);
  }

  private static PortfolioMarginResult t8(MarginParameters params) {
    double perpSize = num("portfolio", "position", "BTC-PERPETUAL");
    double futSize = num("portfolio", "position", "BTC-28JUN24");
    List<MarginPosition> positions = List.of(
        deltaOne("BTC-PERPETUAL", perpSize, num("ticker", "BTC-PERPETUAL", "mark_price"), num("index_price", "btc_usd"), T8_TIME),
        deltaOne("BTC-28JUN24", futSize, num("ticker", "BTC-28JUN24", "mark_price"), num("index_price", "btc_usd"), T8_TIME));
    double oom = num("margins", "btc", "initial_margin_details", "open_orders_margin");
    double mmp = num("margins", "btc", "initial_margin_details", "mmp_margin");
    return SUT.margin(positions, Map.of(Asset.BTC, oom), Map.of(Asset.BTC, mmp), params);
  }

  /** A small BTC book: short calls and puts over two expiries, long perp; no term binds at sizes x1..x3. */
  private static List<MarginPosition> optionBook(double k) {
    return List.of(
        option(DeribitInstrumentNames.parse("BTC-28JUN24-70000-C"), -2 * k, 67_371.75, 0.55, T8_TIME),
        option(DeribitInstrumentNames.parse("BTC-28JUN24-60000-P"), -1.5 * k, 67_371.75, 0.62, T8_TIME),
        option(DeribitInstrumentNames.parse("BTC-27SEP24-80000-C"), 1 * k, 69_500, 0.58, T8_TIME),
        deltaOne("BTC-PERPETUAL", 0.5 * k, 65_910.57, T8_INDEX, T8_TIME));
  }

  private static MarginPosition deltaOne(String name, double size, double mark, double index, Instant now) {
    Instrument i = DeribitInstrumentNames.parse(name);
    return new MarginPosition(i, size, 0,
        InstrumentPricer.DEFAULT.value(i, new PricingInputs(mark, Double.NaN, 0, index, now, "test"), now));
  }

  private static MarginPosition option(Instrument i, double size, double forward, double vol, Instant now) {
    return new MarginPosition(i, size, 0,
        InstrumentPricer.DEFAULT.value(i, new PricingInputs(forward, vol, 0, T8_INDEX, now, "test"), now));
  }

  private static double num(String... keys) {
    return (Double) at(RESULT, keys);
  }

  private static void assertClose(double[] actual, double[] expected, double tol) {
    assertThat(actual).hasSameSizeAs(expected);
    for (int j = 0; j < expected.length; j++) {
      assertThat(actual[j]).as("entry %d", j).isCloseTo(expected[j], within(tol));
    }
  }

  /** Black-76 at r = 0 with commons-math3's normal CDF. */
  private static double black(boolean call, double f, double k, double t, double vol) {
    double s = vol * Math.sqrt(t);
    double d1 = (Math.log(f / k) + 0.5 * s * s) / s;
    double d2 = d1 - s;
    return call ? f * N.cumulativeProbability(d1) - k * N.cumulativeProbability(d2)
        : k * N.cumulativeProbability(-d2) - f * N.cumulativeProbability(-d1);
  }
}
