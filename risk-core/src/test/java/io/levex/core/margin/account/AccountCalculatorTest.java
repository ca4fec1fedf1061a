package io.levex.core.margin.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.levex.core.basics.Asset;
import io.levex.core.collect.ErrorKind;
import io.levex.core.collect.InvalidInputException;
import io.levex.core.margin.CurrencyMarginResult;
import io.levex.core.margin.MarginParameterSets;
import io.levex.core.margin.MarginParameters;
import io.levex.core.margin.MarginPosition;
import io.levex.core.margin.MarginResult;
import io.levex.core.margin.MarginStatus;
import io.levex.core.margin.StandardMarginCalculator;
import io.levex.core.margin.StatusBands;
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
 * Test {@link AccountCalculator}, {@link Collateral} and {@link CollateralHaircuts}, against hand-computed
 * values of the cross-collateral formulas (Binance's {@code min(X x index x rate, X x index)}, margin-and-funding.md
 * section 3.1: the haircut applies to positive balances only).
 */
class AccountCalculatorTest {

  private static final Instant NOW = Instant.parse("2026-01-05T12:00:00Z");
  private static final MarginParameters PARAMS = MarginParameterSets.named("deribit-sm-2022-01-11");
  private static final StatusBands BANDS = StatusBands.of(PARAMS);
  private static final double TOL = 1e-9;

  @Test
  void test_cross_haircutOnPositiveBalancesOnly() {
    // BTC: +2 coin at 50,000, haircut 10%: 0.9 x 100,000 = 90,000 USD. ETH: -3 coin at 2,000 (a debt), haircut
    // 20% not applied: -6,000 USD. USDC: +1,000, haircut 0. Cross MB = 90,000 - 6,000 + 1,000 = 85,000 USD.
    // IM = 0.1 x 50,000 + 0.05 x 2,000 = 5,100; MM = 0.05 x 50,000 + 0.5 x 2,000 = 3,500 USD.
    CollateralHaircuts h = new CollateralHaircuts(Map.of(Asset.BTC, 0.1, Asset.ETH, 0.2, Asset.USDC, 0.0));
    List<CurrencyMarginResult> ccys = List.of(
        ccy(Asset.BTC, 0.1, 0.05, 2.0, 50_000),
        ccy(Asset.ETH, 0.05, 0.5, -3.0, 2_000),
        ccy(Asset.USDC, 0, 0, 1_000, 1));
    AccountState a = AccountCalculator.DEFAULT.cross(ccys, h, BANDS);
    assertThat(a.marginBalanceUsd()).isCloseTo(85_000, within(TOL));
    assertThat(a.equityUsd()).isCloseTo(100_000 - 6_000 + 1_000, within(TOL));
    assertThat(a.initialMarginUsd()).isCloseTo(5_100, within(TOL));
    assertThat(a.maintenanceMarginUsd()).isCloseTo(3_500, within(TOL));
    assertThat(a.availableFundsUsd()).isCloseTo(85_000 - 5_100, within(TOL));
    assertThat(a.marginRatio()).isCloseTo(3_500 / 85_000.0, within(TOL));
    assertThat(a.status()).isEqualTo(MarginStatus.HEALTHY);
    assertThat(a.balances()).extracting(CurrencyBalance::crossValueUsd).containsExactly(90_000.0, -6_000.0, 1_000.0);
    assertThat(a.balances().get(1).equityUsd()).isCloseTo(-6_000, within(TOL));
  }

  @Test
  void test_cross_assetWithoutHaircutIsNotCrossCollateral() {
    // SOL has no collateral.SOL.haircut in the shipped set: its positive balance counts 0; a debt in it counts.
    CollateralHaircuts h = CollateralHaircuts.of(PARAMS);
    assertThat(h.isCrossCollateral(Asset.of("SOL"))).isFalse();
    AccountState a = AccountCalculator.DEFAULT.cross(List.of(ccy(Asset.of("SOL"), 0, 0, 10, 200)), h, BANDS);
    assertThat(a.marginBalanceUsd()).isZero();
    AccountState debt = AccountCalculator.DEFAULT.cross(List.of(ccy(Asset.of("SOL"), 0, 0, -10, 200)), h, BANDS);
    assertThat(debt.marginBalanceUsd()).isCloseTo(-2_000, within(TOL));
    assertThat(debt.status()).isEqualTo(MarginStatus.LIQUIDATION);
  }

  @Test
  void test_cross_statusLadderOnCoverage() {
    // MM 1,000 USD; balances 1,600 / 1,300 / 1,100 / 1,000 USD: coverage 160% / 130% / 110% / 100%.
    CollateralHaircuts h = new CollateralHaircuts(Map.of(Asset.USDC, 0.0));
    assertThat(status(h, 1_600)).isEqualTo(MarginStatus.HEALTHY);
    assertThat(status(h, 1_300)).isEqualTo(MarginStatus.WARNING);
    assertThat(status(h, 1_100)).isEqualTo(MarginStatus.REDUCE_ONLY);
    assertThat(status(h, 1_000)).isEqualTo(MarginStatus.LIQUIDATION);
  }

  @Test
  void test_shippedHaircuts_documentedDefaults() {
    CollateralHaircuts h = CollateralHaircuts.of(PARAMS);
    assertThat(h.haircut(Asset.BTC)).isZero();
    assertThat(h.haircut(Asset.ETH)).isZero();
    assertThat(h.haircut(Asset.USDC)).isZero();
    assertThat(h.haircut(Asset.of("USDT"))).isEqualTo(0.05);
  }

  @Test
  void test_of_haircutOverrideOutsideUnitIntervalIsInvalidArgument() {
    MarginParameters bad = PARAMS.withOverrides(Map.of("collateral.BTC.haircut", 1.5));
    assertThatThrownBy(() -> CollateralHaircuts.of(bad))
        .isInstanceOfSatisfying(InvalidInputException.class, ex -> {
          assertThat(ex.error().kind()).isEqualTo(ErrorKind.INVALID_ARGUMENT);
          assertThat(ex.error().field()).isEqualTo("parameter_overrides[collateral.BTC.haircut]");
          assertThat(ex.error().value()).isEqualTo("1.5");
        });
    // the calculator reads the haircuts too, so a margin call with the bad override fails the same way
    assertThatThrownBy(() -> StandardMarginCalculator.DEFAULT.margin(List.of(), Map.of(), Map.of(), bad))
        .isInstanceOfSatisfying(InvalidInputException.class,
            ex -> assertThat(ex.error().field()).isEqualTo("parameter_overrides[collateral.BTC.haircut]"));
  }

  @Test
  void test_new_haircutOutsideUnitIntervalIsInvalidArgument() {
    assertThatThrownBy(() -> new CollateralHaircuts(Map.of(Asset.ETH, -0.1)))
        .isInstanceOfSatisfying(InvalidInputException.class, ex -> {
          assertThat(ex.error().kind()).isEqualTo(ErrorKind.INVALID_ARGUMENT);
          assertThat(ex.error().field()).isEqualTo("collateral.ETH.haircut");
        });
    assertThatThrownBy(() -> new CollateralHaircuts(Map.of(Asset.ETH, Double.NaN)))
        .isInstanceOf(InvalidInputException.class);
  }

  @Test
  void test_collateral_negativeAmountIsInvalidArgument() {
    assertThatThrownBy(() -> Collateral.of(Map.of(Asset.BTC, -1.0)))
        .isInstanceOfSatisfying(InvalidInputException.class, ex -> {
          assertThat(ex.error().kind()).isEqualTo(ErrorKind.INVALID_ARGUMENT);
          assertThat(ex.error().field()).isEqualTo("collateral[BTC]");
          assertThat(ex.error().value()).isEqualTo("-1");
        });
    assertThat(Collateral.of(Map.of(Asset.BTC, 1.5)).amount(Asset.BTC)).isEqualTo(1.5);
    assertThat(Collateral.NONE.amount(Asset.BTC)).isZero();
  }

  @Test
  void test_statusBands_unorderedBandsAreInvalidArgument() {
    assertThatThrownBy(() -> StatusBands.of(PARAMS.withOverrides(Map.of("status.warning_min_coverage", 2.0))))
        .isInstanceOfSatisfying(InvalidInputException.class,
            ex -> assertThat(ex.error().field()).isEqualTo("status.warning_min_coverage"));
  }

  @Test
  void test_margin_crossViewOfStandardMargin() {
    // Cross view of SM with BTC and USDC collateral and a BTC_USDC perpetual: long 1 BTC at 100,000, mark 100,000.
    // BTC 0.5 coin at 100,000 with haircut 0.2 (override): 40,000 USD; USDC 10,000 (haircut 0).
    // MM = 1 x (0.01 + 0.00005) x 100,000 = 1,005 USDC; IM = 1 x 0.02005 x 100,000 = 2,005 USDC.
    MarginParameters p = PARAMS.withOverrides(Map.of("collateral.BTC.haircut", 0.2));
    Instrument perp = DeribitInstrumentNames.parse("BTC_USDC-PERPETUAL");
    MarginPosition pos = new MarginPosition(perp, 1, 100_000, mark(perp, 100_000));
    MarginResult r = StandardMarginCalculator.DEFAULT.margin(List.of(pos),
        Collateral.of(Map.of(Asset.BTC, 0.5, Asset.USDC, 10_000.0)), Map.of(Asset.BTC, 100_000.0), p);
    AccountState a = r.account();
    assertThat(a.marginBalanceUsd()).isCloseTo(50_000, within(1e-6));
    assertThat(a.maintenanceMarginUsd()).isCloseTo(1_005, within(1e-6));
    assertThat(a.availableFundsUsd()).isCloseTo(50_000 - 2_005, within(1e-6));
    assertThat(a.marginRatio()).isCloseTo(1_005 / 50_000.0, within(1e-12));
    assertThat(a.balances()).extracting(CurrencyBalance::currency).containsExactly(Asset.BTC, Asset.USDC);
    assertThat(a.balances().get(0).marginBalanceUsd()).isCloseTo(50_000, within(1e-6));
    // segregated view unchanged: the USDC currency alone, no haircut
    assertThat(r.currencies().get(1).marginBalance()).isCloseTo(10_000, within(1e-9));
  }

  private static MarginStatus status(CollateralHaircuts h, double balanceUsd) {
    return AccountCalculator.DEFAULT.cross(List.of(ccy(Asset.USDC, 0, 1_000, balanceUsd, 1)), h, BANDS).status();
  }

  private static CurrencyMarginResult ccy(Asset a, double im, double mm, double equity, double index) {
    return new CurrencyMarginResult(a, im, mm, equity, equity, equity - im, 0, MarginStatus.HEALTHY, index);
  }

  private static Valuation mark(Instrument i, double price) {
    return InstrumentPricer.DEFAULT.value(i, new PricingInputs(price, Double.NaN, 0, price, NOW, "test"), NOW);
  }
}
