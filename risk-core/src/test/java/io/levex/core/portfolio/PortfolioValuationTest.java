package io.levex.core.portfolio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.levex.core.basics.Asset;
import io.levex.core.basics.YearFractions;
import io.levex.core.collect.ErrorKind;
import io.levex.core.collect.InvalidInputException;
import io.levex.core.margin.MarginParameterSets;
import io.levex.core.margin.MarginParameters;
import io.levex.core.margin.MarginPosition;
import io.levex.core.margin.PositionMarginResult;
import io.levex.core.margin.StandardMarginCalculator;
import io.levex.core.testing.ChainFixture;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Test {@link PortfolioValuation}: marks pass through, vols implied from Deribit's recorded marks agree with Deribit's
 * mark IVs, forwards follow the log-linear curve through the futures marks, the published SM examples T1 and T5
 * survive the trip, and missing data fails naming the instrument and the missing item.
 */
class PortfolioValuationTest {

  private static final Instant AS_OF = Instant.parse("2026-01-05T12:00:00Z");
  private static final MarginParameters SM = MarginParameterSets.named("deribit-sm-2022-01-11");
  private static final PortfolioValuation SUT = PortfolioValuation.DEFAULT;

  @Test
  void test_value_T1_perpetualThroughStandardMargin() {
    // Published: 25 BTC of inverse perpetual needs IM 0.53125 BTC and MM 0.28125 BTC.
    PortfolioMarket market = PortfolioMarket.of(AS_OF, Map.of(Asset.BTC, 100_000.0), Map.of("BTC-PERPETUAL", 100_050.0), Map.of());
    List<MarginPosition> priced = SUT.value(List.of(new PortfolioPosition("BTC-PERPETUAL", 25, 0)), market);

    assertThat(priced.get(0).mark().price()).isEqualTo(100_050.0);
    assertThat(priced.get(0).mark().indexUsd()).isEqualTo(100_000.0);
    PositionMarginResult r = StandardMarginCalculator.DEFAULT.positionMargin(priced.get(0), SM);
    assertThat(r.initialMargin()).isCloseTo(0.53125, within(1e-12));
    assertThat(r.maintenanceMargin()).isCloseTo(0.28125, within(1e-12));
  }

  @Test
  void test_value_T5_shortItmCallAtItsMark() {
    // S 10,000, K 9,000 call, mark 0.025 BTC: IM 0.175 BTC, MM 0.100 BTC. The textbook mark is below intrinsic, so
    // no vol can be implied from it: the vol is given.
    PortfolioMarket market = PortfolioMarket.of(AS_OF, Map.of(Asset.BTC, 10_000.0),
        Map.of("BTC-27MAR26-9000-C", 0.025), Map.of("BTC-27MAR26-9000-C", 0.5));
    MarginPosition p = SUT.value(List.of(new PortfolioPosition("BTC-27MAR26-9000-C", -1, 0)), market).get(0);

    assertThat(p.mark().price()).isEqualTo(0.025);
    assertThat(p.mark().priceCoin()).isCloseTo(0.025, within(1e-15));
    assertThat(p.mark().impliedVol()).isEqualTo(0.5);
    PositionMarginResult r = StandardMarginCalculator.DEFAULT.positionMargin(p, SM);
    assertThat(r.initialMargin()).isCloseTo(0.175, within(1e-12));
    assertThat(r.maintenanceMargin()).isCloseTo(0.100, within(1e-12));
  }

  @Test
  void test_mark_volImpliedFromDeribitMarkMatchesDeribitMarkIv() {
    // BTC-16JAN26-82000-C of the recorded chain: mark 0.08550357 coin, forward 88,728.95, Deribit mark IV 43.23%.
    // The chain's vol is dropped so the vol must be implied from the mark.
    PortfolioMarket chain = PortfolioMarket.of(Instant.parse("2025-12-30T17:31:15.944181Z"), Map.of(), Map.of(), Map.of())
        .withChain(ChainFixture.recordedChain());
    java.util.Map<String, Double> vols = new java.util.HashMap<>(chain.vols());
    vols.remove("BTC-16JAN26-82000-C");
    PortfolioMarket market = new PortfolioMarket(chain.asOf(), chain.indexUsd(), chain.marks(), vols, chain.forwardsUsd());

    var v = SUT.mark(io.levex.core.product.DeribitInstrumentNames.parse("BTC-16JAN26-82000-C"), market, "positions[0]");

    assertThat(v.forwardUsd()).isEqualTo(88728.94666666667);
    assertThat(v.price()).isEqualTo(0.08550357);
    assertThat(v.impliedVol()).isCloseTo(0.4323, within(5e-4));
    assertThat(v.source()).contains("vol=implied from mark");
  }

  @Test
  void test_withChain_futureMarkFromUnderlyingNameAndIndex() {
    // Rows of BTC-25DEC26 options name the real future BTC-25DEC26 as underlying, at 92,617.64; the BTC index of the
    // last BTC row in file order is the chain's btc_usd.
    PortfolioMarket market = PortfolioMarket.of(AS_OF, Map.of(), Map.of("BTC-25DEC26", 93_000.0), Map.of())
        .withChain(ChainFixture.recordedChain());

    assertThat(market.marks()).containsEntry("BTC-25DEC26", 93_000.0); // an explicit entry wins
    assertThat(market.marks()).containsEntry("BTC-25DEC26-40000-P", 0.01203577);
    assertThat(market.vols()).containsEntry("BTC-25DEC26-40000-P", 0.5824);
    assertThat(market.marks().keySet()).noneMatch(n -> n.startsWith("SYN."));
    assertThat(market.indexUsd()).containsKeys(Asset.BTC, Asset.ETH);
    assertThat(market.forwardsUsd().get(Asset.BTC)).containsEntry(Instant.parse("2026-12-25T08:00:00Z"), 92617.64);
  }

  @Test
  void test_forwardCurve_logLinearBetweenFuturesMarks() {
    // Closed form: ln F linear in t between the nodes (27MAR26 at 101,000, 26JUN26 at 103,000).
    PortfolioMarket market = PortfolioMarket.of(AS_OF, Map.of(Asset.BTC, 100_000.0),
        Map.of("BTC-27MAR26", 101_000.0, "BTC-26JUN26", 103_000.0, "BTC-24APR26-100000-C", 0.05), Map.of());
    Instant e1 = Instant.parse("2026-03-27T08:00:00Z");
    Instant e2 = Instant.parse("2026-06-26T08:00:00Z");
    Instant e = Instant.parse("2026-04-24T08:00:00Z");
    double w = (YearFractions.between(AS_OF, e) - YearFractions.between(AS_OF, e1))
        / (YearFractions.between(AS_OF, e2) - YearFractions.between(AS_OF, e1));
    double expected = 101_000 * Math.pow(103_000 / 101_000.0, w);

    var v = SUT.mark(io.levex.core.product.DeribitInstrumentNames.parse("BTC-24APR26-100000-C"), market, "positions[0]");

    assertThat(v.forwardUsd()).isCloseTo(expected, within(1e-8));
  }

  @Test
  void test_value_missingMarkNamesInstrumentAndItem() {
    PortfolioMarket market = PortfolioMarket.of(AS_OF, Map.of(Asset.BTC, 100_000.0), Map.of(), Map.of());
    assertThatThrownBy(() -> SUT.value(List.of(new PortfolioPosition("BTC-27MAR26", 1, 0)), market))
        .isInstanceOfSatisfying(InvalidInputException.class, ex -> {
          assertThat(ex.error().kind()).isEqualTo(ErrorKind.NOT_FOUND);
          assertThat(ex.error().field()).isEqualTo("market.marks");
          assertThat(ex.error().value()).isEqualTo("BTC-27MAR26");
          assertThat(ex.getMessage()).contains("positions[0]");
        });
    assertThatThrownBy(() -> SUT.value(List.of(new PortfolioPosition("BTC-27MAR26-90000-C", 1, 0)), market))
        .isInstanceOfSatisfying(InvalidInputException.class, ex -> {
          assertThat(ex.error().field()).isEqualTo("market.marks");
          assertThat(ex.getMessage()).contains("market.vols");
        });
    PortfolioMarket noIndex = PortfolioMarket.of(AS_OF, Map.of(), Map.of("ETH-PERPETUAL", 3_000.0), Map.of());
    assertThatThrownBy(() -> SUT.value(List.of(new PortfolioPosition("ETH-PERPETUAL", 1, 0)), noIndex))
        .isInstanceOfSatisfying(InvalidInputException.class, ex -> {
          assertThat(ex.error().field()).isEqualTo("market.index");
          assertThat(ex.error().value()).isEqualTo("ETH");
          assertThat(ex.getMessage()).contains("ETH-PERPETUAL");
        });
  }

  @Test
  void test_value_noImpliedVolIsFailedPrecondition() {
    // the T5 mark (0.025 coin) is below the intrinsic value (about 0.1 coin): no vol exists
    PortfolioMarket market = PortfolioMarket.of(AS_OF, Map.of(Asset.BTC, 10_000.0), Map.of("BTC-27MAR26-9000-C", 0.025), Map.of());
    assertThatThrownBy(() -> SUT.value(List.of(new PortfolioPosition("BTC-27MAR26-9000-C", -1, 0)), market))
        .isInstanceOfSatisfying(InvalidInputException.class, ex -> {
          assertThat(ex.error().kind()).isEqualTo(ErrorKind.FAILED_PRECONDITION);
          assertThat(ex.error().field()).isEqualTo("market.vols");
          assertThat(ex.error().value()).isEqualTo("BTC-27MAR26-9000-C");
          assertThat(ex.getMessage()).contains("intrinsic");
        });
  }

  @Test
  void test_value_badPositionsNameTheField() {
    PortfolioMarket market = PortfolioMarket.of(AS_OF, Map.of(Asset.BTC, 100_000.0),
        Map.of("BTC-PERPETUAL", 100_000.0, "BTC-2JAN26", 100_000.0), Map.of());
    assertThatThrownBy(() -> SUT.value(List.of(new PortfolioPosition("BTC-PERPETUAL", 1, 0),
        new PortfolioPosition("BTC-PERPETUAL", 2, 0)), market))
        .isInstanceOfSatisfying(InvalidInputException.class, ex -> assertThat(ex.error().field()).isEqualTo("positions[1].instrument"));
    assertThatThrownBy(() -> SUT.value(List.of(new PortfolioPosition("BTC-32JAN26", 1, 0)), market))
        .isInstanceOfSatisfying(InvalidInputException.class, ex -> assertThat(ex.error().field()).isEqualTo("positions[0].instrument"));
    assertThatThrownBy(() -> SUT.value(List.of(new PortfolioPosition("BTC-2JAN26", 1, 0)), market))
        .isInstanceOfSatisfying(InvalidInputException.class, ex -> assertThat(ex.getMessage()).contains("expired"));
    assertThatThrownBy(() -> SUT.value(List.of(new PortfolioPosition("BTC_USDC", 1, 0)), market))
        .isInstanceOfSatisfying(InvalidInputException.class, ex -> assertThat(ex.getMessage()).contains("collateral"));
  }

  @Test
  void test_portfolioPosition_nanAndAbsurdSizes() {
    assertThatThrownBy(() -> new PortfolioPosition("BTC-PERPETUAL", Double.NaN, 0))
        .isInstanceOfSatisfying(InvalidInputException.class, ex -> assertThat(ex.error().field()).isEqualTo("size"));
    assertThatThrownBy(() -> new PortfolioPosition("BTC-PERPETUAL", -2e9, 0))
        .isInstanceOfSatisfying(InvalidInputException.class, ex -> {
          assertThat(ex.error().field()).isEqualTo("size");
          assertThat(ex.getMessage()).contains("1e9");
        });
    assertThat(new PortfolioPosition("BTC-PERPETUAL", -1e9, 0).size()).isEqualTo(-1e9);
  }

  @Test
  void test_portfolioMarket_badValuesNameTheEntry() {
    assertThatThrownBy(() -> PortfolioMarket.of(AS_OF, Map.of(Asset.BTC, -1.0), Map.of(), Map.of()))
        .isInstanceOfSatisfying(InvalidInputException.class, ex -> assertThat(ex.error().field()).isEqualTo("market.index[BTC]"));
    assertThatThrownBy(() -> PortfolioMarket.of(AS_OF, Map.of(), Map.of(), Map.of("BTC-27MAR26-9000-C", 45.0)))
        .isInstanceOfSatisfying(InvalidInputException.class, ex -> assertThat(ex.error().field()).isEqualTo("market.vols[BTC-27MAR26-9000-C]"));
  }
}
