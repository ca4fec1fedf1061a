package io.levex.core.margin.span;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.levex.core.basics.Asset;
import io.levex.core.collect.ErrorKind;
import io.levex.core.collect.InvalidInputException;
import io.levex.core.margin.CurrencyMarginResult;
import io.levex.core.margin.MarginAccount;
import io.levex.core.margin.MarginCalculator;
import io.levex.core.margin.MarginParameterSets;
import io.levex.core.margin.MarginParameters;
import io.levex.core.margin.MarginPosition;
import io.levex.core.margin.MarginResult;
import io.levex.core.market.PricingInputs;
import io.levex.core.pricer.Greeks;
import io.levex.core.pricer.InstrumentPricer;
import io.levex.core.pricer.Valuation;
import io.levex.core.product.DeribitInstrumentNames;
import io.levex.core.product.Instrument;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;

/**
 * Test {@link SpanMarginCalculator} and {@link SpanRequirement}: McMillan's published S&P arrays (T18), the CME
 * scenario table (margin-and-funding.md section 4.1), closed forms, and properties.
 */
class SpanMarginCalculatorTest {

  static final Instant NOW = Instant.ofEpochMilli(1_718_619_740_501L); // 2024-06-17, as T8
  static final double INDEX = 65_666.19;
  static final MarginParameters PARAMS = MarginParameterSets.named("levex-span-crypto-2026-12-02");
  static final SpanMarginCalculator SUT = SpanMarginCalculator.DEFAULT;
  private static final NormalDistribution N = new NormalDistribution();

  // --- T18: McMillan's S&P 500 risk arrays through the array entry point ---

  @Test
  void test_scan_T18_longCallRequirement3990() {
    double[][] t18 = mcmillan();
    ScanResult r = SpanRequirement.scan(List.of(RiskArray.of(spanSign(t18[1]))), new double[] {1});
    assertThat(r.scanRisk()).isEqualTo(3_990.0);
    assertThat(r.worstScenario().number()).isEqualTo(14);
    assertThat(r.worstScenario().label()).isEqualTo("-3/3 range / vol down"); // "futures down three-thirds; vol down"
  }

  @Test
  void test_scan_T18_coveredWriteRequirement6620() {
    double[][] t18 = mcmillan();
    List<RiskArray> arrays = List.of(RiskArray.of(spanSign(t18[0])), RiskArray.of(spanSign(t18[1])));
    ScanResult r = SpanRequirement.scan(arrays, new double[] {1, -1});
    for (int j = 0; j < 16; j++) {
      assertThat(r.losses().loss(j)).as("scenario %d", j + 1).isEqualTo(-t18[2][j]); // McMillan's own column
    }
    assertThat(r.scanRisk()).isEqualTo(6_620.0);
    assertThat(r.worstScenario().number()).isEqualTo(13);
    // no spreads, no credit; a SOM of $1,000 per short option does not bind
    assertThat(SpanRequirement.requirement(arrays, new double[] {1, -1}, 0, 0, 1, 1_000)).isEqualTo(6_620.0);
    assertThat(SpanRequirement.requirement(arrays, new double[] {1, -1}, 0, 0, 1, 8_000)).isEqualTo(8_000.0);
  }

  @Test
  void test_scenario_T18_futureArrayMatchesScanRangeAndExtremeWeighting() {
    // McMillan's future: +/- k/3 of the $10,000 range (rounded to $10), extreme 2 x 10,000 x 35% = 7,000
    double[] future = mcmillan()[0];
    for (SpanScenario s : SpanScenario.STANDARD) {
      double expected = s.priceMove(10_000, 2) * s.weight(0.35);
      assertThat(future[s.number() - 1]).as("scenario %d", s.number()).isCloseTo(expected, within(5.0));
    }
    assertThat(future[14]).isEqualTo(7_000.0);
  }

  // --- the 16-scenario table ---

  @Test
  void test_standard_tableOfSection41() {
    // margin-and-funding.md section 4.1: # / move (x range) / vol (x vol range) / share counted
    double[][] table = {
        {1, 0, 1, 1}, {2, 0, -1, 1}, {3, 1 / 3.0, 1, 1}, {4, 1 / 3.0, -1, 1}, {5, -1 / 3.0, 1, 1}, {6, -1 / 3.0, -1, 1},
        {7, 2 / 3.0, 1, 1}, {8, 2 / 3.0, -1, 1}, {9, -2 / 3.0, 1, 1}, {10, -2 / 3.0, -1, 1}, {11, 1, 1, 1},
        {12, 1, -1, 1}, {13, -1, 1, 1}, {14, -1, -1, 1}, {15, 2, 0, 0.35}, {16, -2, 0, 0.35}};
    assertThat(SpanScenario.STANDARD).hasSize(16);
    for (double[] row : table) {
      SpanScenario s = SpanScenario.STANDARD.get((int) row[0] - 1);
      assertThat(s.number()).isEqualTo((int) row[0]);
      assertThat(s.priceMove(1.0, 2)).as("scenario %d", s.number()).isCloseTo(row[1], within(1e-15));
      assertThat(s.volDirection()).isEqualTo((int) row[2]);
      assertThat(s.weight(0.35)).isEqualTo(row[3]);
      // 1-14 in pairs (same price, opposite vol); 15 and 16 unpaired
      if (s.number() <= 14) {
        SpanScenario pair = SpanScenario.STANDARD.get(s.paired() - 1);
        assertThat(pair.priceThirds()).isEqualTo(s.priceThirds());
        assertThat(pair.volDirection()).isEqualTo(-s.volDirection());
      } else {
        assertThat(s.paired()).isZero();
        assertThat(s.extreme()).isTrue();
      }
    }
    SpanScenarios sc = SpanScenarios.of(Asset.BTC, SpanParameters.of(PARAMS, Asset.BTC), 1);
    assertThat(sc.set().size()).isEqualTo(16);
    assertThat(sc.set().scenarios().get(15).rollDays()).isEqualTo(1.0);
    assertThat(sc.set().scenarios().get(15).shiftOf(Asset.BTC).spotMove()).isCloseTo(-0.32, within(1e-15));
    assertThat(sc.set().scenarios().get(2).shiftOf(Asset.BTC).forwardMove()).isCloseTo(0.16 / 3, within(1e-15));
  }

  // --- arrays from the engine against closed forms ---

  @Test
  void test_margin_inverseFutureArrayClosedForm() {
    // 1 coin-equivalent of an inverse future: loss = -(1 - 1/(1+m)) x weight, independent of vol and the roll
    MarginPosition fut = deltaOne("BTC-28JUN24", 3, 66_000, INDEX);
    SpanCurrencyMargin btc = SUT.margin(List.of(fut), PARAMS).currency(Asset.BTC);
    SpanPositionArray a = btc.positions().get(0);
    assertThat(a.units()).isEqualTo(3.0);
    for (SpanScenario s : SpanScenario.STANDARD) {
      double m = s.priceMove(0.16, 2);
      double expected = -(1 - 1 / (1 + m)) * s.weight(0.35);
      assertThat(a.unitArray().loss(s.number() - 1)).as("scenario %d", s.number()).isCloseTo(expected, within(1e-15));
    }
    // extreme weighting: 0.35 x (1/0.68 - 1) = 0.1647 < 1/0.84 - 1 = 0.1905: the -3/3 pair binds (13 first)
    assertThat(a.unitArray().loss(15)).isCloseTo(0.35 * (1 / 0.68 - 1), within(1e-15));
    assertThat(btc.scanRisk()).isCloseTo(3 * (1 / 0.84 - 1), within(1e-14));
    assertThat(btc.worstScenario().number()).isEqualTo(13);
    assertThat(btc.intraSpreadCharge()).isZero(); // an outright: no spread
    assertThat(btc.maintenanceMargin()).isCloseTo(3 * (1 / 0.84 - 1), within(1e-14));
    assertThat(btc.initialMargin()).isCloseTo(1.25 * 3 * (1 / 0.84 - 1), within(1e-14));
  }

  @Test
  void test_margin_extremeMoveWeightingBindsForShortDeepPut() {
    // a short put 25% OTM: losses grow faster than linearly, so 35% of the -32% loss can exceed the -16% loss
    Instrument put = DeribitInstrumentNames.parse("BTC-28JUN24-50000-P");
    double f = 67_371.75;
    double vol = 0.6;
    MarginPosition p = option(put, -1, f, vol);
    SpanCurrencyMargin btc = SUT.margin(List.of(p), PARAMS).currency(Asset.BTC);
    double t = p.mark().timeToExpiry();
    double t1 = t - 1 / 365.0;
    double base = black(false, f, 50_000, t, vol) / INDEX;
    double extreme = 0.35 * (black(false, f * 0.68, 50_000, t1, vol) / (INDEX * 0.68) - base);
    double edgeUp = black(false, f * 0.84, 50_000, t1, vol * 1.25) / (INDEX * 0.84) - base;
    assertThat(btc.positions().get(0).positionArray().loss(15)).isCloseTo(extreme, within(1e-13));
    assertThat(btc.positions().get(0).positionArray().loss(12)).isCloseTo(edgeUp, within(1e-13));
    assertThat(extreme).isGreaterThan(edgeUp);
    assertThat(btc.worstScenario().number()).isEqualTo(16);
    assertThat(btc.scanRisk()).isCloseTo(extreme, within(1e-13));
  }

  @Test
  void test_margin_shortCallArrayClosedFormWithOneDayRoll() {
    Instrument call = DeribitInstrumentNames.parse("BTC-28JUN24-70000-C");
    double f = 67_371.75;
    double vol = 0.55;
    MarginPosition p = option(call, -2, f, vol);
    SpanPositionArray a = SUT.margin(List.of(p), PARAMS).currency(Asset.BTC).positions().get(0);
    double t = p.mark().timeToExpiry();
    double t1 = t - 1 / 365.0;
    double base = black(true, f, 70_000, t, vol) / INDEX;
    for (SpanScenario s : SpanScenario.STANDARD) {
      double m = s.priceMove(0.16, 2);
      double v = vol * (1 + 0.25 * s.volDirection());
      double pnl = black(true, f * (1 + m), 70_000, t1, v) / (INDEX * (1 + m)) - base;
      assertThat(a.unitArray().loss(s.number() - 1)).as("scenario %d", s.number())
          .isCloseTo(-pnl * s.weight(0.35), within(1e-13));
      assertThat(a.positionArray().loss(s.number() - 1)).isCloseTo(2 * pnl * s.weight(0.35), within(1e-13));
    }
    // delta: the premium-adjusted coin delta (K/F) N(d2), x -2
    double sd = vol * Math.sqrt(t);
    double d2 = (Math.log(f / 70_000) - 0.5 * sd * sd) / sd;
    assertThat(a.delta()).isCloseTo(-2 * 70_000 / f * N.cumulativeProbability(d2), within(1e-12));
  }

  // --- short option minimum, intra spread, credit ---

  @Test
  void test_margin_shortOptionMinimumBindsForDeepOtmShortStrip() {
    List<MarginPosition> strip = new ArrayList<>();
    for (String k : new String[] {"150000-C", "160000-C", "20000-P", "15000-P"}) {
      strip.add(option(DeribitInstrumentNames.parse("BTC-28JUN24-" + k), -2.5, 67_371.75, 0.6));
    }
    SpanCurrencyMargin btc = SUT.margin(strip, PARAMS).currency(Asset.BTC);
    CombinedCommodityMargin c = btc.commodities().get(0);
    assertThat(c.shortOptions()).isEqualTo(10.0);
    assertThat(btc.shortOptionMinimum()).isCloseTo(0.01 * 10, within(1e-15));
    assertThat(btc.scanRisk()).isLessThan(1e-6);
    assertThat(btc.maintenanceMargin()).isCloseTo(0.1, within(1e-15));
    assertThat(btc.initialMargin()).isCloseTo(0.125, within(1e-15));
  }

  @Test
  void test_margin_intraSpreadChargeOnCalendarSpread() {
    // long 3 BTC-27SEP24, short 1 perpetual: 1 spread (min(3, 1)) x 0.02 BTC; scan on the net 2 coin
    List<MarginPosition> book = List.of(deltaOne("BTC-27SEP24", 3, 68_000, INDEX), deltaOne("BTC-PERPETUAL", -1, 65_700, INDEX));
    SpanCurrencyMargin btc = SUT.margin(book, PARAMS).currency(Asset.BTC);
    CombinedCommodityMargin c = btc.commodities().get(0);
    assertThat(c.tierDeltas()).containsEntry("PERPETUAL", -1.0).containsEntry("2024-09-27T08:00:00Z", 3.0);
    assertThat(c.intraSpreads()).isEqualTo(1.0);
    assertThat(btc.intraSpreadCharge()).isCloseTo(0.02, within(1e-15));
    assertThat(btc.scanRisk()).isCloseTo(2 * (1 / 0.84 - 1), within(1e-14));
    assertThat(btc.maintenanceMargin()).isCloseTo(2 * (1 / 0.84 - 1) + 0.02, within(1e-14));
  }

  @Test
  void test_margin_interCommodityCreditBtcEthLinear() {
    // long 1 BTC_USDC perp at 65,000, short 20 ETH_USDC perps at 3,250: opposite USD deltas of 65,000 each,
    // fully spread; credit 0.5 x scan risk on each leg
    MarginPosition btc = deltaOne("BTC_USDC-PERPETUAL", 1, 65_000, 65_000);
    MarginPosition eth = deltaOne("ETH_USDC-PERPETUAL", -20, 3_250, 3_250);
    SpanCurrencyMargin usdc = SUT.margin(List.of(btc, eth), PARAMS).currency(Asset.USDC);
    CombinedCommodityMargin b = usdc.commodities().get(0);
    CombinedCommodityMargin e = usdc.commodities().get(1);
    assertThat(b.key()).isEqualTo("btc_usdc");
    assertThat(b.scanRisk()).isCloseTo(65_000 * 0.16, within(1e-9));
    assertThat(e.scanRisk()).isCloseTo(20 * 3_250 * 0.18, within(1e-9));
    assertThat(b.interCommodityCredit()).isCloseTo(0.5 * 65_000 * 0.16, within(1e-9));
    assertThat(e.interCommodityCredit()).isCloseTo(0.5 * 20 * 3_250 * 0.18, within(1e-9));
    assertThat(usdc.maintenanceMargin()).isCloseTo(0.5 * (10_400 + 11_700), within(1e-9));
    // same direction: no credit; a half-size ETH leg spreads half of BTC's delta
    SpanCurrencyMargin same = SUT.margin(List.of(btc, deltaOne("ETH_USDC-PERPETUAL", 20, 3_250, 3_250)), PARAMS)
        .currency(Asset.USDC);
    assertThat(same.interCommodityCredit()).isZero();
    SpanCurrencyMargin half = SUT.margin(List.of(btc, deltaOne("ETH_USDC-PERPETUAL", -10, 3_250, 3_250)), PARAMS)
        .currency(Asset.USDC);
    assertThat(half.commodities().get(0).interCommodityCredit()).isCloseTo(0.5 * 10_400 * 0.5, within(1e-9));
    assertThat(half.commodities().get(1).interCommodityCredit()).isCloseTo(0.5 * 5_850, within(1e-9));
  }

  @Test
  void test_margin_inverseBtcAndEthEarnNoCredit() {
    // different settlement currencies (BTC, ETH): separate requirements
    SpanMarginResult r = SUT.margin(List.of(deltaOne("BTC-PERPETUAL", 1, 65_000, 65_000),
        deltaOne("ETH-PERPETUAL", -20, 3_250, 3_250)), PARAMS);
    assertThat(r.currency(Asset.BTC).interCommodityCredit()).isZero();
    assertThat(r.currency(Asset.ETH).interCommodityCredit()).isZero();
    assertThat(r.currency(Asset.ETH).scanRisk()).isCloseTo(20 * (1 - 1 / 1.18), within(1e-13));
  }

  // --- properties ---

  @Test
  void test_margin_perfectHedgeNeverRaisesScanRisk() {
    List<MarginPosition> book = optionBook(1.0);
    double previous = SUT.margin(book, PARAMS).currency(Asset.BTC).scanRisk();
    assertThat(previous).isPositive();
    for (double h : new double[] {0.25, 0.5, 0.75, 1.0}) {
      List<MarginPosition> hedged = new ArrayList<>(book);
      for (MarginPosition p : book) {
        hedged.add(new MarginPosition(p.instrument(), -h * p.size(), p.averagePrice(), p.mark()));
      }
      SpanCurrencyMargin m = SUT.margin(hedged, PARAMS).currency(Asset.BTC);
      assertThat(m.scanRisk()).isLessThanOrEqualTo(previous + 1e-15);
      previous = m.scanRisk();
    }
    assertThat(previous).isCloseTo(0.0, within(1e-15));
  }

  @Test
  void test_margin_scalingPositionsScalesMargin() {
    SpanCurrencyMargin one = SUT.margin(optionBook(1.0), PARAMS).currency(Asset.BTC);
    SpanCurrencyMargin three = SUT.margin(optionBook(3.0), PARAMS).currency(Asset.BTC);
    // every SPAN term is linear in size; the SOM does not bind here
    assertThat(one.maintenanceMargin()).isGreaterThan(one.shortOptionMinimum());
    assertThat(three.scanRisk()).isCloseTo(3 * one.scanRisk(), within(1e-12 * three.scanRisk()));
    assertThat(three.maintenanceMargin()).isCloseTo(3 * one.maintenanceMargin(), within(1e-12 * three.maintenanceMargin()));
    assertThat(three.initialMargin()).isCloseTo(3 * one.initialMargin(), within(1e-12 * three.initialMargin()));
    assertThat(three.worstScenario()).isEqualTo(one.worstScenario());
  }

  @Test
  void test_margin_worstScenarioContributionsSumToScanRisk() {
    SpanCurrencyMargin btc = SUT.margin(optionBook(1.0), PARAMS).currency(Asset.BTC);
    double sum = btc.positions().stream().mapToDouble(SpanPositionArray::worstScenarioLoss).sum();
    assertThat(sum).isCloseTo(btc.scanRisk(), within(1e-14));
    assertThat(btc.scenarioLosses().toArray()).hasSize(16);
    assertThat(btc.scenarioLosses().loss(btc.worstScenario().number() - 1)).isEqualTo(btc.scanRisk());
    assertThat(btc.positions()).hasSize(4);
  }

  @Test
  void test_margin_expiredOptionIsSettledNotScanned() {
    List<MarginPosition> book = new ArrayList<>(optionBook(1.0));
    SpanCurrencyMargin before = SUT.margin(book, PARAMS).currency(Asset.BTC);
    Instrument expired = DeribitInstrumentNames.parse("BTC-14JUN24-60000-C");
    book.add(new MarginPosition(expired, -4, 0, new Valuation(expired, 0.0863, 5_666.19, 0.0863, INDEX, INDEX, 0, 0,
        Greeks.DELTA_ONE_LINEAR, NOW, NOW, "settled")));
    SpanCurrencyMargin after = SUT.margin(book, PARAMS).currency(Asset.BTC);
    assertThat(after.maintenanceMargin()).isEqualTo(before.maintenanceMargin());
    assertThat(after.shortOptionMinimum()).isEqualTo(before.shortOptionMinimum());
    assertThat(after.settledValue()).isCloseTo(-4 * 5_666.19 / INDEX, within(1e-15));
  }

  @Test
  void test_marginCalculator_sameShapeAsOtherModels() {
    List<MarginPosition> book = optionBook(1.0);
    SpanCurrencyMargin span = SUT.margin(book, PARAMS).currency(Asset.BTC);
    MarginResult r = MarginCalculator.SPAN.margin(MarginAccount.of(book, Map.of(Asset.BTC, 2.0), Map.of(Asset.BTC, INDEX)), PARAMS);
    assertThat(r.model()).isEqualTo("span");
    CurrencyMarginResult c = r.currencies().get(0);
    assertThat(c.initialMargin()).isEqualTo(span.initialMargin());
    assertThat(c.maintenanceMargin()).isEqualTo(span.maintenanceMargin());
    // equity = collateral + option marks (coin) + futures PnL (0: no average price)
    double marks = book.stream().filter(p -> p.instrument().name().endsWith("C") || p.instrument().name().endsWith("P"))
        .mapToDouble(p -> p.size() * p.mark().price()).sum();
    assertThat(c.equity()).isCloseTo(2.0 + marks, within(1e-15));
    assertThat(marks).isCloseTo(span.netOptionValue(), within(1e-15));
    assertThat(r.initialMarginUsd()).isCloseTo(span.initialMargin() * INDEX, within(1e-9));
    assertThat(r.positions()).hasSize(4);
    assertThat(r.account().initialMarginUsd()).isCloseTo(r.initialMarginUsd(), within(1e-9));
  }

  @Test
  void test_parameters_fileIsCurrentSpanSet() {
    assertThat(MarginParameterSets.current("span").name()).isEqualTo("levex-span-crypto-2026-12-02");
    SpanParameters btc = SpanParameters.of(PARAMS, Asset.BTC);
    // the scan range is Deribit PM's price_range of the compared sets
    assertThat(btc.priceScanRange()).isEqualTo(MarginParameterSets.named("deribit-pm-2024-06-17").get("btc_usd.price_range"));
    assertThat(SpanParameters.of(PARAMS, Asset.ETH).priceScanRange())
        .isEqualTo(MarginParameterSets.named("deribit-pm-2026-02-15").get("eth_usd.price_range"));
    assertThat(SpanParameters.interCommodityCreditRate(PARAMS, Asset.ETH, Asset.BTC)).hasValue(0.5);
  }

  // --- bad input ---

  @Test
  void test_withOverrides_unknownParameterIsInvalidArgument() {
    assertThatThrownBy(() -> PARAMS.withOverrides(Map.of("btc.price_scan_rnge", 0.2)))
        .isInstanceOfSatisfying(InvalidInputException.class, ex -> {
          assertThat(ex.error().kind()).isEqualTo(ErrorKind.INVALID_ARGUMENT);
          assertThat(ex.error().field()).isEqualTo("parameter_overrides[btc.price_scan_rnge]");
          assertThat(ex.error().value()).isEqualTo("btc.price_scan_rnge");
        });
  }

  @Test
  void test_margin_badParameterValueIsInvalidArgument() {
    MarginParameters bad = PARAMS.withOverrides(Map.of("btc.extreme_move_cover_fraction", 1.5));
    assertThatThrownBy(() -> SUT.margin(optionBook(1), bad))
        .isInstanceOfSatisfying(InvalidInputException.class, ex -> {
          assertThat(ex.error().kind()).isEqualTo(ErrorKind.INVALID_ARGUMENT);
          assertThat(ex.error().field()).isEqualTo("positions[0].parameters.btc.extreme_move_cover_fraction");
          assertThat(ex.error().value()).isEqualTo("1.5");
        });
  }

  @Test
  void test_margin_nanOrAbsurdSizeIsInvalidArgument() {
    for (double bad : new double[] {Double.NaN, 2e9}) {
      MarginPosition p = deltaOne("BTC-PERPETUAL", bad, 65_910.57, INDEX);
      assertThatThrownBy(() -> SUT.margin(List.of(p), PARAMS))
          .isInstanceOfSatisfying(InvalidInputException.class, ex -> {
            assertThat(ex.error().kind()).isEqualTo(ErrorKind.INVALID_ARGUMENT);
            assertThat(ex.error().field()).isEqualTo("positions[0].size");
            assertThat(ex.error().value()).isEqualTo(Double.isNaN(bad) ? "NaN" : "2000000000");
          });
    }
  }

  @Test
  void test_margin_missingVolIsInvalidArgument() {
    Instrument call = DeribitInstrumentNames.parse("BTC-28JUN24-70000-C");
    Valuation noVol = new Valuation(call, 0.01, 670, 0.01, 67_000, INDEX, Double.NaN, 0.03,
        Greeks.DELTA_ONE_LINEAR, NOW, NOW, "no vol");
    assertThatThrownBy(() -> SUT.margin(List.of(new MarginPosition(call, -1, 0, noVol)), PARAMS))
        .isInstanceOfSatisfying(InvalidInputException.class, ex -> {
          assertThat(ex.error().field()).isEqualTo("positions[0].mark.implied_vol");
          assertThat(ex.error().value()).isEqualTo("NaN");
          assertThat(ex.getMessage()).contains("BTC-28JUN24-70000-C");
        });
  }

  @Test
  void test_margin_missingUnderlyingParametersIsFailedPrecondition() {
    assertThatThrownBy(() -> SUT.margin(List.of(deltaOne("SOL_USDC-PERPETUAL", 10, 150, 150)), PARAMS))
        .isInstanceOfSatisfying(InvalidInputException.class, ex -> {
          assertThat(ex.error().kind()).isEqualTo(ErrorKind.FAILED_PRECONDITION);
          assertThat(ex.getMessage()).contains("sol.price_scan_range");
        });
  }

  @Test
  void test_margin_wrongModelSetIsInvalidArgument() {
    assertThatThrownBy(() -> SUT.margin(List.of(), MarginParameterSets.named("deribit-pm-2024-06-17")))
        .isInstanceOfSatisfying(InvalidInputException.class,
            ex -> assertThat(ex.error().field()).isEqualTo("parameter_set"));
  }

  @Test
  void test_riskArray_wrongLengthIsInvalidArgument() {
    assertThatThrownBy(() -> RiskArray.of(new double[15]))
        .isInstanceOfSatisfying(InvalidInputException.class,
            ex -> assertThat(ex.error().field()).isEqualTo("risk_array"));
  }

  // --- helpers ---

  /** McMillan's three arrays (future, call, covered write), McMillan's sign (profit positive). */
  static double[][] mcmillan() {
    double[][] out = new double[3][16];
    try (BufferedReader r = new BufferedReader(new InputStreamReader(
        SpanMarginCalculatorTest.class.getResourceAsStream("/reference/span/mcmillan_sp500_risk_arrays.csv"),
        StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        if (line.startsWith("#") || line.startsWith("scenario")) {
          continue;
        }
        String[] f = line.split(",");
        int j = Integer.parseInt(f[0]) - 1;
        for (int c = 0; c < 3; c++) {
          out[c][j] = Double.parseDouble(f[c + 1]);
        }
      }
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
    // transcription check: covered write = future - call in every row, as printed
    for (int j = 0; j < 16; j++) {
      assertThat(out[2][j]).as("row %d", j + 1).isEqualTo(out[0][j] - out[1][j]);
    }
    return out;
  }

  static double[] spanSign(double[] pnl) {
    double[] out = new double[pnl.length];
    for (int j = 0; j < pnl.length; j++) {
      out[j] = -pnl[j] + 0.0;
    }
    return out;
  }

  /** A small BTC book: short calls and puts over two expiries, long perp. */
  static List<MarginPosition> optionBook(double k) {
    return List.of(
        option(DeribitInstrumentNames.parse("BTC-28JUN24-70000-C"), -2 * k, 67_371.75, 0.55),
        option(DeribitInstrumentNames.parse("BTC-28JUN24-60000-P"), -1.5 * k, 67_371.75, 0.62),
        option(DeribitInstrumentNames.parse("BTC-27SEP24-80000-C"), 1 * k, 69_500, 0.58),
        deltaOne("BTC-PERPETUAL", 0.5 * k, 65_910.57, INDEX));
  }

  static MarginPosition deltaOne(String name, double size, double mark, double index) {
    Instrument i = DeribitInstrumentNames.parse(name);
    return new MarginPosition(i, size, 0,
        InstrumentPricer.DEFAULT.value(i, new PricingInputs(mark, Double.NaN, 0, index, NOW, "test"), NOW));
  }

  static MarginPosition option(Instrument i, double size, double forward, double vol) {
    return new MarginPosition(i, size, 0,
        InstrumentPricer.DEFAULT.value(i, new PricingInputs(forward, vol, 0, INDEX, NOW, "test"), NOW));
  }

  /** Black-76 at r = 0 with commons-math3's normal CDF. */
  static double black(boolean call, double f, double k, double t, double vol) {
    double s = vol * Math.sqrt(t);
    double d1 = (Math.log(f / k) + 0.5 * s * s) / s;
    double d2 = d1 - s;
    return call ? f * N.cumulativeProbability(d1) - k * N.cumulativeProbability(d2)
        : k * N.cumulativeProbability(-d2) - f * N.cumulativeProbability(-d1);
  }
}
