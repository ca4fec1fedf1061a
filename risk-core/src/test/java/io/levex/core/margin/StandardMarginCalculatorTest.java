package io.levex.core.margin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.levex.core.basics.Asset;
import io.levex.core.collect.ErrorKind;
import io.levex.core.collect.InvalidInputException;
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
 * Test {@link StandardMarginCalculator} against the worked examples of margin-and-funding.md section 10.
 */
class StandardMarginCalculatorTest {

  private static final Instant NOW = Instant.parse("2026-01-05T12:00:00Z");
  private static final MarginParameters PARAMS = MarginParameterSets.named("deribit-sm-2022-01-11");
  private static final StandardMarginCalculator SUT = StandardMarginCalculator.DEFAULT;
  private static final double TOL = 1e-9;

  @Test
  void test_current_isTheShippedSet() {
    assertThat(MarginParameterSets.current("deribit-sm").name()).isEqualTo("deribit-sm-2022-01-11");
    assertThat(MarginParameterSets.names()).contains("deribit-sm-2022-01-11");
  }

  @Test
  void test_positionMargin_T1_inversePerp25Btc() {
    // Published: 25 BTC needs IM 2.125% = 0.53125 BTC, MM 1.125% = 0.28125 BTC.
    PositionMarginResult r = SUT.positionMargin(deltaOne("BTC-PERPETUAL", 25, 100_000), PARAMS);
    assertThat(r.initialMargin()).isCloseTo(0.53125, within(TOL));
    assertThat(r.maintenanceMargin()).isCloseTo(0.28125, within(TOL));
    assertThat(r.currency()).isEqualTo(Asset.BTC);
  }

  @Test
  void test_positionMargin_T2_inverseLargeSize() {
    // Published: 350 BTC needs IM 3.75% = 13.125 BTC; MM 2.75% = 9.625 BTC. The sign does not matter.
    PositionMarginResult r = SUT.positionMargin(deltaOne("BTC-27MAR26", -350, 100_000), PARAMS);
    assertThat(r.initialMargin()).isCloseTo(13.125, within(TOL));
    assertThat(r.maintenanceMargin()).isCloseTo(9.625, within(TOL));
  }

  @Test
  void test_positionMargin_linearBtcUsdcConvertsAtIndex() {
    // Published: BTC at 100,000, 25 BTC: IM 53,125 USDC; MM 28,125 USDC.
    PositionMarginResult r = SUT.positionMargin(deltaOne("BTC_USDC-PERPETUAL", 25, 100_000), PARAMS);
    assertThat(r.currency()).isEqualTo(Asset.USDC);
    assertThat(r.initialMargin()).isCloseTo(53_125, within(1e-6));
    assertThat(r.maintenanceMargin()).isCloseTo(28_125, within(1e-6));
  }

  @Test
  void test_positionMargin_T3_solUsdc() {
    // Published: SOL at 200, 6,000 SOL: IM 7% = 420 SOL = 84,000 USDC.
    PositionMarginResult r = SUT.positionMargin(deltaOne("SOL_USDC-PERPETUAL", 6_000, 200), PARAMS);
    assertThat(r.initialMargin()).isCloseTo(84_000, within(1e-6));
  }

  @Test
  void test_positionMargin_T4_eth1000() {
    PositionMarginResult r = SUT.positionMargin(deltaOne("ETH-PERPETUAL", 1_000, 3_000), PARAMS);
    assertThat(r.initialMargin()).isCloseTo(24, within(TOL));
    assertThat(r.maintenanceMargin()).isCloseTo(14, within(TOL));
  }

  @Test
  void test_shortOptionMarginCoin_T5_shortItmCall() {
    // S 10,000, K 9,000 call, mark 0.025 BTC: IM 0.175 BTC, MM 0.100 BTC.
    double[] m = StandardMarginCalculator.shortOptionMarginCoin(true, 9_000, 10_000, 0.025, PARAMS);
    assertThat(m[0]).isCloseTo(0.175, within(TOL));
    assertThat(m[1]).isCloseTo(0.100, within(TOL));
  }

  @Test
  void test_shortOptionMarginCoin_otmPutFloorAndMaintenance() {
    // OTM put, K 80,000, S 100,000: OTM/S = 0.2, so IM = max(0.15 - 0.2, 0.10) + mark = 0.10 + mark; MM = 0.075 + mark.
    double[] m = StandardMarginCalculator.shortOptionMarginCoin(false, 80_000, 100_000, 0.01, PARAMS);
    assertThat(m[0]).isCloseTo(0.11, within(TOL));
    assertThat(m[1]).isCloseTo(0.085, within(TOL));
  }

  @Test
  void test_margin_perCurrencyEquityRatioAndStatus() {
    // 1 BTC of cash, long 25 BTC of perp bought at 100,000, mark 100,000: MM 0.28125 BTC, coverage 3.56: healthy.
    MarginPosition perp = new MarginPosition(DeribitInstrumentNames.parse("BTC-PERPETUAL"), 25, 100_000,
        mark("BTC-PERPETUAL", 100_000, 100_000));
    MarginResult r = SUT.margin(List.of(perp), Map.of(Asset.BTC, 1.0), Map.of(Asset.BTC, 100_000.0), PARAMS);
    CurrencyMarginResult btc = r.currencies().get(0);
    assertThat(btc.equity()).isCloseTo(1.0, within(TOL));
    assertThat(btc.marginRatio()).isCloseTo(0.28125, within(TOL));
    assertThat(btc.availableFunds()).isCloseTo(1 - 0.53125, within(TOL));
    assertThat(btc.status()).isEqualTo(MarginStatus.HEALTHY);
    assertThat(r.maintenanceMarginUsd()).isCloseTo(28_125, within(1e-6));

    // the mark falls 2.5%: UPnL = 2,500,000 x (1/100,000 - 1/97,500) = -0.641 BTC; MM on 25.64 coin = 0.2893;
    // coverage 0.359 / 0.2893 = 1.24: warning
    MarginPosition down = new MarginPosition(perp.instrument(), 25, 100_000, mark("BTC-PERPETUAL", 97_500, 97_500));
    MarginResult r2 = SUT.margin(List.of(down), Map.of(Asset.BTC, 1.0), Map.of(Asset.BTC, 97_500.0), PARAMS);
    CurrencyMarginResult b2 = r2.currencies().get(0);
    double upnl = 2_500_000 * (1 / 100_000.0 - 1 / 97_500.0);
    double q = 2_500_000 / 97_500.0;
    assertThat(b2.equity()).isCloseTo(1.0 + upnl, within(TOL));
    assertThat(b2.maintenanceMargin()).isCloseTo(q * (0.01 + 0.00005 * q), within(TOL));
    assertThat(b2.status()).isEqualTo(MarginStatus.WARNING);
  }

  @Test
  void test_classify_T29_reduceOnlyBand() {
    // Binance PM Pro: uniMMR 1.10 is in the 105%-120% band: reduce-only.
    StatusBands bands = StatusBands.of(PARAMS);
    assertThat(bands.classify(1.10, 1.0)).isEqualTo(MarginStatus.REDUCE_ONLY);
    assertThat(bands.classify(1.60, 1.0)).isEqualTo(MarginStatus.HEALTHY);
    assertThat(bands.classify(1.30, 1.0)).isEqualTo(MarginStatus.WARNING);
    assertThat(bands.classify(1.00, 1.0)).isEqualTo(MarginStatus.LIQUIDATION);
    assertThat(bands.classify(-1.0, 0.0)).isEqualTo(MarginStatus.LIQUIDATION);
  }

  @Test
  void test_withOverrides_unknownKeyIsInvalidArgument() {
    assertThatThrownBy(() -> PARAMS.withOverrides(Map.of("price_range", 0.2)))
        .isInstanceOfSatisfying(InvalidInputException.class, ex -> {
          assertThat(ex.error().kind()).isEqualTo(ErrorKind.INVALID_ARGUMENT);
          assertThat(ex.error().field()).isEqualTo("parameter_overrides[price_range]");
        });
    MarginParameters p = PARAMS.withOverrides(Map.of("futures.BTC.im_base", 0.05));
    assertThat(p.get("futures.BTC.im_base")).isEqualTo(0.05);
  }

  @Test
  void test_margin_missingParametersForUnderlyingNamesInstrument() {
    assertThatThrownBy(() -> SUT.margin(List.of(deltaOne("DOGE-PERPETUAL", 10, 0.2)), Map.of(),
        Map.of(Asset.of("DOGE"), 0.2), PARAMS))
        .isInstanceOfSatisfying(InvalidInputException.class, ex -> {
          assertThat(ex.error().field()).isEqualTo("positions[0].instrument");
          assertThat(ex.error().value()).isEqualTo("DOGE-PERPETUAL");
        });
  }

  private static MarginPosition deltaOne(String name, double size, double mark) {
    return new MarginPosition(DeribitInstrumentNames.parse(name), size, mark, mark(name, mark, mark));
  }

  private static Valuation mark(String name, double price, double index) {
    Instrument i = DeribitInstrumentNames.parse(name);
    return InstrumentPricer.DEFAULT.value(i, new PricingInputs(price, Double.NaN, 0, index, NOW, "test"), NOW);
  }
}
