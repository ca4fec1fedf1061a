package io.levex.core.margin.portfolio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.levex.core.basics.Asset;
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
import io.levex.core.scenario.ScenarioEngine;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Test {@link PmAccountMargin} against {@link DeribitPortfolioMarginCalculator} (itself tested against Deribit's
 * published PM example, T8) on random books.
 */
class PmAccountMarginTest {

  private static final Instant NOW = Instant.parse("2024-06-17T10:22:20Z");
  private static final double INDEX = 65_666.19;
  private static final String[] EXPIRIES =
      {"18JUN24", "19JUN24", "21JUN24", "28JUN24", "5JUL24", "26JUL24", "30AUG24", "27SEP24", "27DEC24", "28MAR25"};
  private static final DeribitPortfolioMarginCalculator CALC = DeribitPortfolioMarginCalculator.DEFAULT;

  @Test
  void test_margin_randomInverseBooksEqualCalculator() {
    checkRandomBooks("BTC-", MarginParameterSets.named("deribit-pm-2024-06-17"), 1);
  }

  @Test
  void test_margin_randomLinearBooksEqualCalculator() {
    checkRandomBooks("BTC_USDC-", MarginParameterSets.named("deribit-pm-2026-02-15"), 2);
  }

  @Test
  void test_margin_addOnsAndWorstBucket() {
    MarginParameters params = MarginParameterSets.named("deribit-pm-2024-06-17");
    List<Valuation> marks = pool("BTC-", new Random(7));
    PmAccountMargin sut = PmAccountMargin.of(marks, params, ScenarioEngine.DEFAULT);
    int[] rows = {3, 10, 0};
    double[] units = {-2, 1.5, 0.7};
    List<MarginPosition> positions = new ArrayList<>();
    for (int p = 0; p < rows.length; p++) {
      positions.add(new MarginPosition(marks.get(rows[p]).instrument(), units[p], 0, marks.get(rows[p])));
    }
    PortfolioCurrencyMargin expected = CALC.margin(positions, Map.of(Asset.BTC, 0.01), Map.of(Asset.BTC, 0.02), params)
        .currency(Asset.BTC);
    PmAccountMargin.Result r = sut.margin(rows, units, 0.01, 0.02);
    assertThat(r.initialMargin()).isCloseTo(expected.initialMargin(), within(1e-12 * expected.initialMargin()));
    assertThat(r.worstCaseBucket()).isEqualTo(expected.riskMatrixMarginDetails().worstCaseBucket());
    assertThat(sut.key()).isEqualTo("btc_btc");
  }

  @Test
  void test_of_mixedUnderlyingRejected() {
    MarginParameters params = MarginParameterSets.named("deribit-pm-2024-06-17");
    List<Valuation> marks = new ArrayList<>(pool("BTC-", new Random(1)).subList(0, 3));
    Instrument eth = DeribitInstrumentNames.parse("ETH-PERPETUAL");
    marks.add(InstrumentPricer.DEFAULT.value(eth, new PricingInputs(3_500, Double.NaN, 0, INDEX, NOW, "test"), NOW));
    assertThatThrownBy(() -> PmAccountMargin.of(marks, params, ScenarioEngine.DEFAULT))
        .isInstanceOfSatisfying(InvalidInputException.class,
            ex -> assertThat(ex.error().field()).isEqualTo("marks[3].instrument"));
  }

  private static void checkRandomBooks(String prefix, MarginParameters params, long seed) {
    Random rnd = new Random(seed);
    List<Valuation> marks = pool(prefix, rnd);
    PmAccountMargin sut = PmAccountMargin.of(marks, params, ScenarioEngine.DEFAULT);
    Asset ccy = marks.get(0).instrument().settlementCurrency();
    PmAccountMargin.Workspace ws = sut.workspace();
    int worstInExtended = 0;
    int deltaShockBinds = 0;
    for (int book = 0; book < 60; book++) {
      int size = 1 + rnd.nextInt(book < 50 ? 40 : 200);
      double scale = book % 10 == 9 ? 20_000 : book % 3 == 0 ? 50 : 1; // large books make the delta shock bind
      int[] rows = new int[size];
      double[] units = new double[size];
      List<MarginPosition> positions = new ArrayList<>();
      for (int p = 0; p < size; p++) {
        rows[p] = rnd.nextInt(marks.size());
        double q = Math.round(rnd.nextGaussian() * 10 * scale) / 10.0;
        double avg = rnd.nextBoolean() ? 0 : INDEX * (0.9 + 0.2 * rnd.nextDouble());
        Valuation m = marks.get(rows[p]);
        units[p] = PmAccountMargin.units(q, avg, m);
        positions.add(new MarginPosition(m.instrument(), q, avg, m));
      }
      PortfolioCurrencyMargin expected = CALC.margin(positions, Map.of(), Map.of(), params).currency(ccy);
      RiskMatrixMarginDetails d = expected.riskMatrixMarginDetails();
      double rmm = sut.margin(rows, units, 0, size, ws);
      double tol = 1e-12 * Math.max(expected.initialMargin(), 1e-300);
      assertThat(rmm).as("book %d", book).isCloseTo(expected.riskMatrixMargin(), within(tol));
      assertThat(sut.mmFactor() * rmm).isCloseTo(expected.maintenanceMargin(), within(tol));
      assertThat(ws.worstCase).isCloseTo(d.worstCase(), within(tol));
      assertThat(ws.rollShock).isCloseTo(d.rollShock(), within(tol));
      assertThat(ws.deltaShock).isCloseTo(d.deltaShock(), within(tol));
      assertThat(ws.settledValue).isCloseTo(expected.settledValue(), within(1e-12 * Math.max(1, Math.abs(expected.settledValue()))));
      if (d.worstCaseBucket() != null && d.worstCaseBucket().extended()) {
        worstInExtended++;
      }
      if (d.deltaShock() > 0) {
        deltaShockBinds++;
      }
    }
    // the books exercise the extended table and the delta shock, not only the standard table
    assertThat(worstInExtended).isPositive();
    assertThat(deltaShockBinds).isPositive();
  }

  /** 10 expiries x 8 strikes x call/put, a perpetual, a future and an expired option, at one index. */
  static List<Valuation> pool(String prefix, Random rnd) {
    List<Valuation> out = new ArrayList<>();
    for (int e = 0; e < EXPIRIES.length; e++) {
      double f = INDEX * (1 + 0.002 * e);
      for (int s = 0; s < 8; s++) {
        long k = Math.round(INDEX * (0.6 + 0.1 * s) / 1000) * 1000;
        for (String pc : new String[] {"-C", "-P"}) {
          Instrument i = DeribitInstrumentNames.parse(prefix + EXPIRIES[e] + "-" + k + pc);
          double vol = 0.4 + 0.4 * rnd.nextDouble();
          out.add(InstrumentPricer.DEFAULT.value(i, new PricingInputs(f, vol, 0, INDEX, NOW, "test"), NOW));
        }
      }
    }
    Instrument perp = DeribitInstrumentNames.parse(prefix + "PERPETUAL");
    out.add(InstrumentPricer.DEFAULT.value(perp, new PricingInputs(INDEX * 1.0004, Double.NaN, 0, INDEX, NOW, "test"), NOW));
    Instrument fut = DeribitInstrumentNames.parse(prefix + "27SEP24");
    out.add(InstrumentPricer.DEFAULT.value(fut, new PricingInputs(INDEX * 1.02, Double.NaN, 0, INDEX, NOW, "test"), NOW));
    Instrument expired = DeribitInstrumentNames.parse(prefix + "14JUN24-60000-C");
    out.add(new Valuation(expired, 0.0863, 5_666.19, 0.0863, INDEX, INDEX, 0, 0, Greeks.DELTA_ONE_LINEAR, NOW, NOW,
        "settled"));
    return out;
  }
}
