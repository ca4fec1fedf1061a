package io.levex.core.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.levex.core.basics.Asset;
import io.levex.core.collect.ErrorKind;
import io.levex.core.collect.InvalidInputException;
import io.levex.core.pricer.Black76OptionPricer;
import io.levex.core.pricer.InstrumentPricer;
import io.levex.core.pricer.Valuation;
import io.levex.core.product.DeribitInstrumentNames;
import io.levex.core.product.Instrument;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Test {@link MarketDataResolver}.
 */
class MarketDataResolverTest {

  private static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");
  private static final Instant NOW = T0.plusSeconds(30);
  private static final Instrument CALL = DeribitInstrumentNames.parse("BTC-27MAR26-90000-C");
  private static final MarketDataResolver SUT = MarketDataResolver.DEFAULT;

  @Test
  void test_resolve_optionFromTickerFields() {
    MarketSnapshot snap = MarketSnapshot.empty()
        .with(new IndexQuote(Asset.BTC, 88_000, T0))
        .with(new TickerQuote(CALL.name(), 0.05, 0.55, 88_500, Double.NaN, T0.plusSeconds(10)), Asset.BTC);
    PricingInputs in = SUT.resolve(CALL, snap, PricingOverrides.NONE, NOW);
    assertThat(in.forwardUsd()).isEqualTo(88_500);
    assertThat(in.impliedVol()).isEqualTo(0.55);
    assertThat(in.indexUsd()).isEqualTo(88_000);
    assertThat(in.sourceTime()).isEqualTo(T0);
    assertThat(in.source()).contains("forward=ticker underlying_price").contains("vol=ticker mark_iv");
  }

  @Test
  void test_resolve_optionForwardFromSameExpiryFutureAndVolImpliedFromMark() {
    double t = io.levex.core.basics.YearFractions.between(NOW, Instant.parse("2026-03-27T08:00:00Z"));
    double markCoin = Black76OptionPricer.DEFAULT.priceUsd(true, 91_000, 90_000, t, 0.6, 0) / 91_000;
    MarketSnapshot snap = MarketSnapshot.empty()
        .with(new TickerQuote("BTC-27MAR26", 91_000, Double.NaN, Double.NaN, Double.NaN, T0), Asset.BTC)
        .with(new TickerQuote(CALL.name(), markCoin, Double.NaN, Double.NaN, Double.NaN, T0), Asset.BTC);
    PricingInputs in = SUT.resolve(CALL, snap, PricingOverrides.NONE, NOW);
    assertThat(in.forwardUsd()).isEqualTo(91_000);
    assertThat(in.impliedVol()).isCloseTo(0.6, within(1e-9));
    assertThat(in.source()).contains("forward=future BTC-27MAR26").contains("index=forward");
  }

  @Test
  void test_resolve_optionForwardFromTheCurveBetweenExpiries() {
    // index 88,000 at t = 0, forward quotes for 13MAR26 and 24APR26; the 27MAR26 option has neither a ticker
    // forward nor a future: ln F is linear in time between the two quotes (closed form below)
    Instant mar13 = Instant.parse("2026-03-13T08:00:00Z");
    Instant apr24 = Instant.parse("2026-04-24T08:00:00Z");
    Instant mar27 = Instant.parse("2026-03-27T08:00:00Z");
    MarketSnapshot snap = MarketSnapshot.empty()
        .with(new IndexQuote(Asset.BTC, 88_000, T0))
        .with(new ForwardQuote(Asset.BTC, mar13, 88_400, T0.plusSeconds(5)))
        .with(new ForwardQuote(Asset.BTC, apr24, 89_600, T0.plusSeconds(7)))
        .with(new TickerQuote(CALL.name(), 0.05, 0.55, Double.NaN, Double.NaN, T0.plusSeconds(10)), Asset.BTC);
    PricingInputs in = SUT.resolve(CALL, snap, PricingOverrides.NONE, NOW);
    double t1 = io.levex.core.basics.YearFractions.between(NOW, mar13);
    double t2 = io.levex.core.basics.YearFractions.between(NOW, apr24);
    double t = io.levex.core.basics.YearFractions.between(NOW, mar27);
    double expected = Math.exp(Math.log(88_400) + (Math.log(89_600) - Math.log(88_400)) * (t - t1) / (t2 - t1));
    assertThat(in.forwardUsd()).isCloseTo(expected, within(1e-9));
    assertThat(in.source()).contains("forward=curve BTC");
    assertThat(in.sourceTime()).isEqualTo(T0);
  }

  @Test
  void test_resolve_optionVolFromTheSurfaceWhenNoTicker() {
    // the real chain of 2025-12-30: BTC-27MAR26-93000-C is not listed; its vol comes from the BTC SVI surface
    io.levex.core.market.chain.DeribitChain chain = io.levex.core.testing.ChainFixture.recordedChain();
    Instant at = chain.snapshotTime();
    MarketSnapshot snap = chain.toMarketSnapshot(MarketSnapshot.empty());
    io.levex.core.market.surface.VolSurface surface =
        io.levex.core.market.surface.VolSurfaceBuilder.DEFAULT.build(snap, Asset.BTC, at);
    Instrument unlisted = DeribitInstrumentNames.parse("BTC-27MAR26-93000-C");
    assertThat(snap.ticker(unlisted.name())).isEmpty();
    PricingInputs in = SUT.resolve(unlisted, snap, PricingOverrides.NONE, at,
        u -> u.equals(Asset.BTC) ? java.util.Optional.of(surface) : java.util.Optional.empty());
    assertThat(in.impliedVol()).isEqualTo(surface.impliedVol(Instant.parse("2026-03-27T08:00:00Z"), 93_000));
    assertThat(in.source()).contains("vol=SVI surface BTC").contains("forward=forward quote");
    // between the neighbouring listed strikes' marks (92,000 and 94,000 calls of 27MAR26)
    double lo = snap.ticker("BTC-27MAR26-92000-C").orElseThrow().markIv();
    double hi = snap.ticker("BTC-27MAR26-94000-C").orElseThrow().markIv();
    assertThat(in.impliedVol()).isBetween(Math.min(lo, hi) - 0.005, Math.max(lo, hi) + 0.005);
    assertThatThrownBy(() -> SUT.resolve(unlisted, snap, PricingOverrides.NONE, at))
        .isInstanceOfSatisfying(InvalidInputException.class, ex -> assertThat(ex.error().kind()).isEqualTo(ErrorKind.NOT_FOUND));
  }

  @Test
  void test_resolve_calculatorModeNeedsNoMarketData() {
    PricingInputs in = SUT.resolve(CALL, MarketSnapshot.empty(), new PricingOverrides(90_000, 0.5, Double.NaN, Double.NaN), NOW);
    Valuation v = InstrumentPricer.DEFAULT.value(CALL, in, NOW);
    assertThat(v.priceCoin()).isCloseTo(v.priceUsd() / 90_000, within(1e-15));
    assertThat(v.price()).isEqualTo(v.priceCoin());
    assertThat(v.sourceTime()).isEqualTo(NOW);
  }

  @Test
  void test_resolve_missingVolIsNotFoundNamingInstrument() {
    MarketSnapshot snap = MarketSnapshot.empty().with(new ForwardQuote(Asset.BTC, Instant.parse("2026-03-27T08:00:00Z"), 90_000, T0));
    assertThatThrownBy(() -> SUT.resolve(CALL, snap, PricingOverrides.NONE, NOW))
        .isInstanceOfSatisfying(InvalidInputException.class, ex -> {
          assertThat(ex.error().kind()).isEqualTo(ErrorKind.NOT_FOUND);
          assertThat(ex.error().value()).isEqualTo(CALL.name());
          assertThat(ex.getMessage()).contains("implied volatility");
        });
  }

  @Test
  void test_resolve_perpetualWithoutTickerIsNotFound() {
    Instrument perp = DeribitInstrumentNames.parse("BTC-PERPETUAL");
    assertThatThrownBy(() -> SUT.resolve(perp, MarketSnapshot.empty().with(new IndexQuote(Asset.BTC, 1, T0)), PricingOverrides.NONE, NOW))
        .isInstanceOfSatisfying(InvalidInputException.class, ex -> assertThat(ex.getMessage()).contains("mark price"));
  }

  @Test
  void test_value_expiredInstrumentIsInvalidArgument() {
    PricingInputs in = new PricingInputs(90_000, 0.5, 0, 90_000, NOW, "test");
    Instant after = Instant.parse("2026-03-27T08:00:00Z");
    assertThatThrownBy(() -> InstrumentPricer.DEFAULT.value(CALL, in, after))
        .isInstanceOfSatisfying(InvalidInputException.class,
            ex -> assertThat(ex.error().kind()).isEqualTo(ErrorKind.INVALID_ARGUMENT));
  }
}
