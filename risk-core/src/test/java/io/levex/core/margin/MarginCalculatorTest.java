package io.levex.core.margin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.levex.core.basics.Asset;
import io.levex.core.collect.ErrorKind;
import io.levex.core.collect.InvalidInputException;
import io.levex.core.margin.portfolio.PortfolioCurrencyMargin;
import io.levex.core.market.PricingInputs;
import io.levex.core.pricer.InstrumentPricer;
import io.levex.core.product.DeribitInstrumentNames;
import io.levex.core.product.Instrument;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Test {@link MarginCalculator}: the model-neutral facade reproduces Deribit's published numbers under both models
 * (T1 standard margin, T8 portfolio margin, margin-and-funding.md section 10) with the add-ons and account fields.
 */
class MarginCalculatorTest {

  /** T8: Deribit's private/pme/simulate example, 2024-06-17 (values as in examples/pm-btc-published.json). */
  private static final Instant T8_TIME = Instant.ofEpochMilli(1_718_619_740_501L);
  private static final double T8_INDEX = 65_666.19;

  @Test
  void test_margin_T8_portfolioModelPublishedImAndMm() {
    MarginAccount account = new MarginAccount(t8Positions(), Map.of(Asset.BTC, 1.0), Map.of(Asset.BTC, T8_INDEX),
        Map.of(Asset.BTC, 1.8212e-5), Map.of(Asset.BTC, 0.06));
    MarginResult r = MarginCalculator.compute(account, MarginParameterSets.named("deribit-pm-2024-06-17"));

    assertThat(r.model()).isEqualTo("deribit-pm");
    CurrencyMarginResult btc = r.currencies().get(0);
    // published: IM 0.122861343 BTC, MM 0.050274504784 BTC; worst_case 0.05968587238, roll_shock 0.00315725898
    assertThat(btc.initialMargin()).isCloseTo(0.122861343, within(1e-9));
    assertThat(btc.maintenanceMargin()).isCloseTo(0.050274504784, within(1e-9));
    PortfolioCurrencyMargin pm = btc.details(PortfolioCurrencyMargin.class).orElseThrow();
    assertThat(pm.riskMatrixMarginDetails().worstCase()).isCloseTo(0.05968587238, within(1e-9));
    assertThat(pm.riskMatrixMarginDetails().rollShock()).isCloseTo(0.00315725898, within(1e-9));
    // no average prices: equity = margin balance = the 1 BTC of cash
    assertThat(btc.equity()).isEqualTo(1.0);
    assertThat(btc.availableFunds()).isCloseTo(1.0 - 0.122861343, within(1e-9));
    assertThat(btc.marginRatio()).isCloseTo(0.050274504784, within(1e-9));
    assertThat(btc.status()).isEqualTo(MarginStatus.HEALTHY);
    assertThat(r.maintenanceMarginUsd()).isCloseTo(0.050274504784 * T8_INDEX, within(1e-4));
    // positions: no separable IM / MM; the worst-case contributions sum to the worst aggregated loss (no offset binds)
    assertThat(r.positions()).allSatisfy(p -> assertThat(p.maintenanceMargin()).isNaN());
    double sum = r.positions().stream().mapToDouble(PositionMarginResult::worstCaseContribution).sum();
    assertThat(-sum).isCloseTo(0.05968587238, within(1e-9));
    assertThat(r.account().marginBalanceUsd()).isCloseTo(T8_INDEX, within(1e-9)); // BTC haircut 0
  }

  @Test
  void test_margin_T1_standardModelAddsAddOnsToIm() {
    // T1: 25 BTC of BTC-PERPETUAL: IM 0.53125 BTC, MM 0.28125 BTC; add-ons go to IM only
    MarginAccount account = new MarginAccount(List.of(deltaOne("BTC-PERPETUAL", 25, 100_000, 100_000)),
        Map.of(Asset.BTC, 1.0), Map.of(Asset.BTC, 100_000.0), Map.of(Asset.BTC, 0.01), Map.of(Asset.BTC, 0.06));
    MarginResult r = MarginCalculator.STANDARD.margin(account, MarginParameterSets.current("deribit-sm"));

    CurrencyMarginResult btc = r.currencies().get(0);
    assertThat(btc.initialMargin()).isCloseTo(0.53125 + 0.07, within(1e-12));
    assertThat(btc.maintenanceMargin()).isCloseTo(0.28125, within(1e-12));
    assertThat(btc.availableFunds()).isCloseTo(1 - 0.60125, within(1e-12));
    assertThat(btc.details()).isNull();
    assertThat(r.initialMarginUsd()).isCloseTo(60_125, within(1e-6));
    assertThat(r.account().initialMarginUsd()).isCloseTo(60_125, within(1e-6));
  }

  @Test
  void test_forModel_unknownModelNamesField() {
    assertThatThrownBy(() -> MarginCalculator.forModel("span-x"))
        .isInstanceOfSatisfying(InvalidInputException.class, ex -> {
          assertThat(ex.error().kind()).isEqualTo(ErrorKind.INVALID_ARGUMENT);
          assertThat(ex.error().field()).isEqualTo("model");
          assertThat(ex.getMessage()).contains("span-x", "deribit-sm", "deribit-pm");
        });
  }

  @Test
  void test_margin_parameterSetOfAnotherModelIsRejected() {
    MarginAccount account = MarginAccount.of(t8Positions(), Map.of(), Map.of(Asset.BTC, T8_INDEX));
    assertThatThrownBy(() -> MarginCalculator.PORTFOLIO.margin(account, MarginParameterSets.current("deribit-sm")))
        .isInstanceOfSatisfying(InvalidInputException.class,
            ex -> assertThat(ex.error().field()).isEqualTo("parameter_set"));
  }

  @Test
  void test_margin_addOnForAbsentCurrencyIsRejected() {
    MarginAccount account = new MarginAccount(t8Positions(), Map.of(), Map.of(Asset.BTC, T8_INDEX),
        Map.of(Asset.ETH, 0.5), Map.of());
    assertThatThrownBy(() -> MarginCalculator.PORTFOLIO.margin(account, MarginParameterSets.named("deribit-pm-2024-06-17")))
        .isInstanceOfSatisfying(InvalidInputException.class,
            ex -> assertThat(ex.error().field()).isEqualTo("open_orders_margin[ETH]"));
    MarginAccount negative = new MarginAccount(t8Positions(), Map.of(), Map.of(Asset.BTC, T8_INDEX),
        Map.of(), Map.of(Asset.BTC, -1.0));
    assertThatThrownBy(() -> MarginCalculator.PORTFOLIO.margin(negative, MarginParameterSets.named("deribit-pm-2024-06-17")))
        .isInstanceOfSatisfying(InvalidInputException.class,
            ex -> assertThat(ex.error().field()).isEqualTo("mmp_margin[BTC]"));
  }

  static List<MarginPosition> t8Positions() {
    return List.of(deltaOne("BTC-PERPETUAL", 0.314538364, 65_910.57, T8_INDEX),
        deltaOne("BTC-28JUN24", -0.001187534, 67_371.75, T8_INDEX));
  }

  private static MarginPosition deltaOne(String name, double size, double mark, double index) {
    Instrument i = DeribitInstrumentNames.parse(name);
    return new MarginPosition(i, size, 0,
        InstrumentPricer.DEFAULT.value(i, new PricingInputs(mark, Double.NaN, 0, index, T8_TIME, "test"), T8_TIME));
  }
}
