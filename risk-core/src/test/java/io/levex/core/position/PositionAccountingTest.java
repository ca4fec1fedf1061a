package io.levex.core.position;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.levex.core.basics.Asset;
import io.levex.core.collect.InvalidInputException;
import io.levex.core.product.DeribitInstrumentNames;
import io.levex.core.product.Instrument;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/**
 * Test {@link PositionAccounting}.
 */
class PositionAccountingTest {

  private static final PositionAccounting SUT = PositionAccounting.DEFAULT;
  private static final Instrument BTC_PERP = DeribitInstrumentNames.parse("BTC-PERPETUAL");
  private static final Instrument BTC_USDC_PERP = DeribitInstrumentNames.parse("BTC_USDC-PERPETUAL");
  private static final Instrument BTC_CALL = DeribitInstrumentNames.parse("BTC-27MAR26-90000-C");

  @Test
  void test_apply_inverseOpenAndCloseRealisesCoinPnl() {
    // Long 10,000 USD of face at 50,000 (0.2 BTC), closed at 100,000: PnL = 10,000 x (1/50,000 - 1/100,000) = 0.1 BTC.
    FillOutcome open = SUT.apply(BTC_PERP, PositionState.FLAT, dec("0.2"), dec("50000"), BigDecimal.ZERO);
    assertThat(open.position().faceUsd()).isEqualByComparingTo("10000");
    assertThat(open.position().averagePrice()).isEqualByComparingTo("50000");
    assertThat(open.cashFlows()).isEmpty();
    // selling 0.1 BTC at 100,000 is 10,000 USD of face: it closes everything
    FillOutcome close = SUT.apply(BTC_PERP, open.position(), dec("-0.1"), dec("100000"), BigDecimal.ZERO);
    assertThat(close.position().faceUsd()).isEqualByComparingTo("0");
    assertThat(close.position().size()).isEqualByComparingTo("0");
    assertThat(close.position().realizedPnl()).isEqualByComparingTo("0.1");
    assertThat(close.cashFlows()).containsExactly(new CashFlow(Asset.BTC, close.position().realizedPnl(), "realized_pnl"));
  }

  @Test
  void test_apply_inverseAverageIsFaceOverCoin() {
    PositionState s = SUT.apply(BTC_PERP, PositionState.FLAT, dec("1"), dec("40000"), BigDecimal.ZERO).position();
    s = SUT.apply(BTC_PERP, s, dec("1"), dec("60000"), BigDecimal.ZERO).position();
    assertThat(s.faceUsd()).isEqualByComparingTo("100000");
    assertThat(s.size()).isEqualByComparingTo("2");
    assertThat(s.averagePrice()).isEqualByComparingTo("50000");
  }

  @Test
  void test_apply_inverseFlipOpensRemainderAtFillPrice() {
    PositionState s = SUT.apply(BTC_PERP, PositionState.FLAT, dec("1"), dec("50000"), BigDecimal.ZERO).position();
    FillOutcome flip = SUT.apply(BTC_PERP, s, dec("-2"), dec("50000"), BigDecimal.ZERO);
    assertThat(flip.position().faceUsd()).isEqualByComparingTo("-50000");
    assertThat(flip.position().size()).isEqualByComparingTo("-1");
    assertThat(flip.position().averagePrice()).isEqualByComparingTo("50000");
    assertThat(flip.position().realizedPnl()).isEqualByComparingTo("0");
  }

  @Test
  void test_apply_linearPartialCloseRealisesQuotePnl() {
    PositionState s = SUT.apply(BTC_USDC_PERP, PositionState.FLAT, dec("2"), dec("90000"), BigDecimal.ZERO).position();
    FillOutcome out = SUT.apply(BTC_USDC_PERP, s, dec("-0.5"), dec("91000"), dec("1.5"));
    assertThat(out.position().size()).isEqualByComparingTo("1.5");
    assertThat(out.position().averagePrice()).isEqualByComparingTo("90000");
    assertThat(out.position().realizedPnl()).isEqualByComparingTo("500");
    assertThat(out.cashFlows()).containsExactly(
        new CashFlow(Asset.USDC, new BigDecimal("500"), "realized_pnl"),
        new CashFlow(Asset.USDC, new BigDecimal("-1.5"), "fee"));
  }

  @Test
  void test_apply_optionPremiumMovesCoinCash() {
    FillOutcome buy = SUT.apply(BTC_CALL, PositionState.FLAT, dec("2"), dec("0.05"), dec("0.0003"));
    assertThat(buy.position().size()).isEqualByComparingTo("2");
    assertThat(buy.position().averagePrice()).isEqualByComparingTo("0.05");
    assertThat(buy.cashFlows()).containsExactly(
        new CashFlow(Asset.BTC, new BigDecimal("-0.10"), "premium"),
        new CashFlow(Asset.BTC, new BigDecimal("-0.0003"), "fee"));
    FillOutcome sell = SUT.apply(BTC_CALL, buy.position(), dec("-1"), dec("0.08"), BigDecimal.ZERO);
    assertThat(sell.position().realizedPnl()).isEqualByComparingTo("0.03");
    assertThat(sell.cashFlows()).containsExactly(new CashFlow(Asset.BTC, new BigDecimal("0.08"), "premium"));
  }

  @Test
  void test_apply_spotMovesBothAssets() {
    Instrument spot = DeribitInstrumentNames.parse("BTC_USDC");
    FillOutcome out = SUT.apply(spot, PositionState.FLAT, dec("0.5"), dec("90000"), BigDecimal.ZERO);
    assertThat(out.cashFlows()).containsExactly(
        new CashFlow(Asset.BTC, new BigDecimal("0.5"), "spot"),
        new CashFlow(Asset.USDC, new BigDecimal("-45000.0"), "spot"));
  }

  @Test
  void test_apply_manySmallFillsSumExactly() {
    PositionState s = PositionState.FLAT;
    for (int i = 0; i < 1000; i++) {
      s = SUT.apply(BTC_USDC_PERP, s, PositionAccounting.decimal(0.1), PositionAccounting.decimal(90000.5), BigDecimal.ZERO).position();
    }
    assertThat(s.size()).isEqualByComparingTo("100");
    assertThat(s.averagePrice()).isEqualByComparingTo("90000.5");
  }

  @Test
  void test_validateFill_rejectsBadValuesNamingTheField() {
    assertThatThrownBy(() -> PositionAccounting.validateFill(0, 1, 0))
        .isInstanceOfSatisfying(InvalidInputException.class, ex -> assertThat(ex.error().field()).isEqualTo("size"));
    assertThatThrownBy(() -> PositionAccounting.validateFill(Double.NaN, 1, 0))
        .isInstanceOfSatisfying(InvalidInputException.class, ex -> assertThat(ex.error().value()).isEqualTo("NaN"));
    assertThatThrownBy(() -> PositionAccounting.validateFill(2e9, 1, 0))
        .isInstanceOfSatisfying(InvalidInputException.class, ex -> assertThat(ex.error().field()).isEqualTo("size"));
    assertThatThrownBy(() -> PositionAccounting.validateFill(1, -5, 0))
        .isInstanceOfSatisfying(InvalidInputException.class, ex -> {
          assertThat(ex.error().field()).isEqualTo("price");
          assertThat(ex.getMessage()).contains("-5");
        });
  }

  private static BigDecimal dec(String s) {
    return new BigDecimal(s);
  }
}
