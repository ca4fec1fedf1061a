package io.levex.core.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.levex.core.basics.Asset;
import io.levex.core.market.PricingInputs;
import io.levex.core.pricer.Black76OptionPricer;
import io.levex.core.pricer.Greeks;
import io.levex.core.pricer.InstrumentPricer;
import io.levex.core.pricer.Valuation;
import io.levex.core.product.DeribitInstrumentNames;
import io.levex.core.product.Instrument;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Test {@link ExposureCalculator} on a hand-checkable book.
 */
class ExposureCalculatorTest {

  private static final Instant NOW = Instant.parse("2026-01-05T08:00:00Z");
  private static final Instrument PERP = DeribitInstrumentNames.parse("BTC-PERPETUAL");
  private static final Instrument CALL = DeribitInstrumentNames.parse("BTC-5FEB26-100000-C");
  private static final double INDEX = 90_000;
  private static final double TOL = 1e-9;

  @Test
  void test_compute_inversePerpetualAndShortCall() {
    // 1 BTC cash; long 2 BTC of perp bought at 80,000 (face 160,000 USD); short 1 call (premium received 0.02 BTC)
    Valuation perpMark = InstrumentPricer.DEFAULT.value(PERP, new PricingInputs(90_000, Double.NaN, 0, INDEX, NOW.minusSeconds(5), "t"), NOW);
    Valuation callMark = InstrumentPricer.DEFAULT.value(CALL, new PricingInputs(90_500, 0.5, 0, INDEX, NOW.minusSeconds(20), "t"), NOW);
    List<ValuedPosition> positions = List.of(
        new ValuedPosition(PERP, 2, 80_000, 160_000, perpMark),
        new ValuedPosition(CALL, -1, 0.02, 0, callMark));
    ExposureReport r = ExposureCalculator.DEFAULT.compute(NOW, positions, Map.of(Asset.BTC, 1.02), Map.of(),
        Map.of("BTC-PERPETUAL", 0.0001), 10.0);

    PositionExposure perp = r.positions().get(0);
    assertThat(perp.notionalUsd()).isCloseTo(160_000, within(TOL));
    assertThat(perp.deltaCoin()).isCloseTo(160_000 / 90_000.0, within(TOL));
    assertThat(perp.deltaUsd()).isCloseTo(160_000, within(1e-6));
    assertThat(perp.unrealizedPnl()).isCloseTo(160_000 * (1 / 80_000.0 - 1 / 90_000.0), within(TOL));

    double t = callMark.timeToExpiry();
    Greeks g = Black76OptionPricer.DEFAULT.greeks(true, 90_500, 100_000, t, 0.5, 0);
    double priceCoin = Black76OptionPricer.DEFAULT.priceUsd(true, 90_500, 100_000, t, 0.5, 0) / 90_500;
    PositionExposure call = r.positions().get(1);
    assertThat(call.deltaCoin()).isCloseTo(-g.delta(), within(TOL));
    assertThat(call.deltaTotalCoin()).isCloseTo(-(g.delta() - priceCoin), within(TOL));
    assertThat(call.notionalUsd()).isCloseTo(INDEX, within(TOL));
    assertThat(call.marketValue()).isCloseTo(-priceCoin, within(TOL));
    assertThat(call.vegaUsdPerVolPoint()).isCloseTo(-g.vegaUsdPerVolPoint(), within(TOL));
    assertThat(call.cashGammaUsdPerPct()).isCloseTo(-0.5 * g.gammaPerUsd() * 905 * 905, within(TOL));

    UnderlyingExposure btc = r.underlyings().get(0);
    assertThat(btc.underlying()).isEqualTo(Asset.BTC);
    assertThat(btc.totals().grossNotionalUsd()).isCloseTo(250_000, within(1e-6));
    assertThat(btc.byExpiry()).hasSize(2);
    assertThat(btc.byExpiry().get(0).expiry()).isEmpty();
    // funding: longs pay 0.01% per 8 h on 160,000 USD: -48 USD per day
    assertThat(btc.fundingUsdPerDay()).isCloseTo(-48.0, within(1e-9));

    double equityBtc = 1.02 + perp.unrealizedPnl() - priceCoin;
    assertThat(r.equityByCurrency().get(Asset.BTC)).isCloseTo(equityBtc, within(TOL));
    assertThat(r.equityUsd()).isCloseTo(equityBtc * INDEX, within(1e-6));
    assertThat(btc.equityCoin()).isCloseTo(equityBtc, within(TOL));
    assertThat(btc.deltaTotalWithEquityCoin()).isCloseTo(btc.totals().deltaTotalCoin() + equityBtc, within(TOL));
    assertThat(r.grossLeverage()).isCloseTo(250_000 / (equityBtc * INDEX), within(1e-9));
    assertThat(r.oldestMarkTime()).contains(NOW.minusSeconds(20));
    assertThat(r.oldestMarkAgeSeconds()).isEqualTo(20.0);
    assertThat(r.stale()).isTrue();
  }

  @Test
  void test_compute_emptyBookHasZeroLeverage() {
    ExposureReport r = ExposureCalculator.DEFAULT.compute(NOW, List.of(), Map.of(Asset.USDC, 1000.0), Map.of(), Map.of(), 10);
    assertThat(r.grossLeverage()).isZero();
    assertThat(r.equityUsd()).isEqualTo(1000.0);
    assertThat(r.stale()).isFalse();
  }
}
