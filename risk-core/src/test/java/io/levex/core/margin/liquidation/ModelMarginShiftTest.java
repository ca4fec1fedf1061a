package io.levex.core.margin.liquidation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.levex.core.basics.Asset;
import io.levex.core.margin.MarginAccount;
import io.levex.core.margin.MarginCalculator;
import io.levex.core.margin.MarginParameterSets;
import io.levex.core.margin.MarginParameters;
import io.levex.core.margin.MarginPosition;
import io.levex.core.margin.portfolio.DeribitPortfolioMarginCalculator;
import io.levex.core.market.PricingInputs;
import io.levex.core.pricer.InstrumentPricer;
import io.levex.core.pricer.Valuation;
import io.levex.core.product.DeribitInstrumentNames;
import io.levex.core.product.Instrument;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;

/**
 * Test {@link ModelMarginShift} with {@link LiquidationAnalyzer}: a short option under standard margin against a
 * liquidation price bisected in the test on the Black-76 closed form; Deribit's published PM book (T8) plus cash,
 * checked by re-running the PM calculator at the level found; the surface of a short straddle.
 */
class ModelMarginShiftTest {

  private static final NormalDistribution N = new NormalDistribution();
  private static final Instant NOW = Instant.parse("2026-01-05T12:00:00Z");
  private static final Instant T8_TIME = Instant.ofEpochMilli(1_718_619_740_501L);
  private static final double T8_INDEX = 65_666.19;
  private static final MarginParameters SM = MarginParameterSets.named("deribit-sm-2022-01-11");
  private static final MarginParameters PM = MarginParameterSets.named("deribit-pm-2024-06-17");

  @Test
  void test_analyze_shortCallStandardMarginMatchesBlack76Bisection() {
    // Short 1 BTC-27FEB26-110000-C, F = S = 100,000 (no basis, so coin per option = V / F = V / S), vol 60%,
    // cash C = 0.3 BTC. SM of a short call: MM = mm_base + mark = 0.075 + c(S') coin, equity = C - c(S'), so
    // margin balance = MM  <=>  c(S') = (C - 0.075) / 2 with c(S') = Black76(S', K, T, vol) / S' (r = 0).
    double s0 = 100_000;
    double k = 110_000;
    double vol = 0.6;
    double cash = 0.3;
    MarginPosition call = option("BTC-27FEB26-110000-C", -1, s0, s0, vol, NOW);
    double t = call.mark().timeToExpiry();
    double target = (cash - 0.075) / 2;
    double lo = s0;
    double hi = 10 * s0;
    for (int i = 0; i < 200; i++) {
      double mid = 0.5 * (lo + hi);
      if (black(true, mid, k, t, vol) / mid < target) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    double expected = 0.5 * (lo + hi);

    MarginAccount account = MarginAccount.of(List.of(call), Map.of(Asset.BTC, cash), Map.of(Asset.BTC, s0));
    UnderlyingLiquidation r = LiquidationAnalyzer.DEFAULT.analyze(
        ModelMarginShift.of(account, SM, MarginView.segregated(Asset.BTC)), Asset.BTC, s0, vol, 1);

    assertThat(r.points()).singleElement().satisfies(p -> assertThat(p.indexUsd()).isCloseTo(expected, within(1e-6)));
    assertThat(r.drivers()).singleElement().satisfies(d -> assertThat(d.instrument()).isEqualTo(call.instrument().name()));
  }

  @Test
  void test_at_shortCallVolShiftRemarksAtBlack76() {
    // the re-marked option is the current mark + the engine's PnL: with F = S, Black76(F', K, T, vol + dv) / S'
    double s0 = 100_000;
    MarginPosition call = option("BTC-27FEB26-110000-C", -1, s0, s0, 0.6, NOW);
    MarginAccount account = MarginAccount.of(List.of(call), Map.of(Asset.BTC, 1.0), Map.of(Asset.BTC, s0));
    ModelMarginShift f = ModelMarginShift.of(account, SM, MarginView.segregated(Asset.BTC));
    Valuation moved = f.shift(Asset.BTC, 0.1, 0.05).positions().get(0).mark();
    double expected = black(true, 110_000, 110_000, call.mark().timeToExpiry(), 0.65) / 110_000;
    assertThat(moved.price()).isCloseTo(expected, within(1e-12));
    assertThat(moved.impliedVol()).isCloseTo(0.65, within(1e-15));
    assertThat(moved.indexUsd()).isCloseTo(110_000, within(1e-9));
    // and the margin seen: equity 1 - c, MM 0.075 + c
    ShiftedMargin m = f.at(Asset.BTC, 0.1, 0.05);
    assertThat(m.marginBalance()).isCloseTo(1 - expected, within(1e-12));
    assertThat(m.maintenanceMargin()).isCloseTo(0.075 + expected, within(1e-12));
  }

  @Test
  void test_analyze_T8PortfolioMarginPlusCashRecomputedAtTheLevel() {
    // Deribit's published PM book (T8) with 0.1 BTC of cash; every level found is checked by re-marking the book
    // by hand (marks x P / S, entry at the current mark) and re-running the PM calculator there.
    List<MarginPosition> book = List.of(deltaOne("BTC-PERPETUAL", 0.314538364, 65_910.57),
        deltaOne("BTC-28JUN24", -0.001187534, 67_371.75));
    double cash = 0.1;
    MarginAccount account = MarginAccount.of(book, Map.of(Asset.BTC, cash), Map.of(Asset.BTC, T8_INDEX));
    UnderlyingLiquidation r = LiquidationAnalyzer.DEFAULT.analyze(
        ModelMarginShift.of(account, PM, MarginView.segregated(Asset.BTC)), Asset.BTC, T8_INDEX, 0.5, 1);

    assertThat(r.maintenanceMargin()).isCloseTo(0.8 * (0.05968587238 + 0.00315725898), within(1e-9));
    assertThat(r.points()).isNotEmpty();
    assertThat(r.nearest().orElseThrow().move()).isNegative(); // a net long book is liquidated on the way down
    for (LiquidationPoint p : r.points()) {
      double x = p.indexUsd() / T8_INDEX;
      double equity = cash;
      List<MarginPosition> moved = new ArrayList<>();
      for (MarginPosition b : book) {
        double mark = b.mark().price();
        equity += b.size() * mark * (1 / mark - 1 / (mark * x));
        moved.add(new MarginPosition(b.instrument(), b.size(), mark, value(b.instrument(), mark * x, p.indexUsd())));
      }
      double mm = DeribitPortfolioMarginCalculator.DEFAULT.margin(moved, Map.of(), Map.of(), PM)
          .currency(Asset.BTC).maintenanceMargin();
      assertThat(equity).as("at %s", p.indexUsd()).isCloseTo(mm, within(1e-9));
    }
  }

  @Test
  void test_surface_shortStraddlePortfolioMargin() {
    // short 1 BTC of the inverse 27SEP24 straddle struck at the forward, 70,000 (T8 index), vol 55%, 1 BTC of cash
    MarginPosition c = option("BTC-27SEP24-70000-C", -1, 70_000, T8_INDEX, 0.55, T8_TIME);
    MarginPosition p = option("BTC-27SEP24-70000-P", -1, 70_000, T8_INDEX, 0.55, T8_TIME);
    MarginAccount account = MarginAccount.of(List.of(c, p), Map.of(Asset.BTC, 1.0), Map.of(Asset.BTC, T8_INDEX));
    ModelMarginShift f = ModelMarginShift.of(account, PM, MarginView.segregated(Asset.BTC));
    List<Double> moves = List.of(-0.5, -0.4, -0.3, -0.2, -0.1, 0.0, 0.1, 0.2, 0.3, 0.4, 0.5);
    List<Double> vols = List.of(-0.2, -0.1, 0.0, 0.1, 0.2, 0.4);
    LiquidationSurface s = LiquidationAnalyzer.DEFAULT.surface(f, Asset.BTC, moves, vols);

    // short vega: at every spot level the ratio rises with the vol shift
    for (int i = 0; i < moves.size(); i++) {
      for (int j = 1; j < vols.size(); j++) {
        assertRises(s.ratio(i, j - 1), s.ratio(i, j), "move " + moves.get(i) + " vol " + vols.get(j));
      }
    }
    // short put in coin: the ratio rises as the index falls from the strike, at every vol shift, and the balance is
    // gone at -50%; in coin the short call's loss is bounded (at most 1 - K/F per option), so the upside stays clear
    int atm = moves.indexOf(0.0);
    for (int j = 0; j < vols.size(); j++) {
      for (int i = atm; i > 0; i--) {
        assertRises(s.ratio(i, j), s.ratio(i - 1, j), "down " + moves.get(i - 1) + " vol " + vols.get(j));
      }
      assertThat(s.ratio(0, j)).isInfinite();
      for (int i = atm; i < moves.size(); i++) {
        assertThat(s.ratio(i, j)).isLessThan(1.0);
      }
    }
    // the analyzer's nearest level lies where the dv = 0 column crosses 1 (between -40% and -30%), MB = MM there
    int zero = vols.indexOf(0.0);
    assertThat(s.ratio(moves.indexOf(-0.4), zero)).isGreaterThan(1.0);
    assertThat(s.ratio(moves.indexOf(-0.3), zero)).isLessThan(1.0);
    UnderlyingLiquidation r = LiquidationAnalyzer.DEFAULT.analyze(f, Asset.BTC, T8_INDEX, 0.55, 1);
    assertThat(r.nearest().orElseThrow().move()).isBetween(-0.4, -0.3);
    for (LiquidationPoint pt : r.points()) {
      ShiftedMargin m = f.at(Asset.BTC, pt.move(), 0.0);
      assertThat(m.marginBalance()).isCloseTo(m.maintenanceMargin(), within(1e-9));
    }
    // the short put drives it: its value - MM share falls the most
    assertThat(r.drivers().get(0).instrument()).isEqualTo("BTC-27SEP24-70000-P");
  }

  @Test
  void test_at_noShiftIsTheModelNow() {
    MarginPosition c = option("BTC-27SEP24-65000-C", -1, 69_500, T8_INDEX, 0.55, T8_TIME);
    MarginAccount account = MarginAccount.of(List.of(c), Map.of(Asset.BTC, 1.0), Map.of(Asset.BTC, T8_INDEX));
    ModelMarginShift f = ModelMarginShift.of(account, PM, MarginView.segregated(Asset.BTC));
    ShiftedMargin m = f.at(Asset.BTC, 0, 0);
    var now = MarginCalculator.PORTFOLIO.margin(account, PM).currencies().get(0);
    assertThat(m.maintenanceMargin()).isEqualTo(now.maintenanceMargin());
    assertThat(m.marginBalance()).isEqualTo(now.marginBalance());
    // one position: it carries the whole MM
    assertThat(m.positions().get(0).excess()).isCloseTo(now.equity() - 1.0 - now.maintenanceMargin(), within(1e-15));
  }

  // --- helpers ---

  /** Strictly higher, or +Inf (balance gone) once the previous one is. */
  private static void assertRises(double before, double after, String where) {
    if (Double.isInfinite(before)) {
      assertThat(after).as(where).isInfinite();
    } else {
      assertThat(after).as(where).isGreaterThan(before);
    }
  }

  private static MarginPosition option(String name, double size, double forward, double index, double vol, Instant now) {
    Instrument i = DeribitInstrumentNames.parse(name);
    return new MarginPosition(i, size, 0,
        InstrumentPricer.DEFAULT.value(i, new PricingInputs(forward, vol, 0, index, now, "test"), now));
  }

  private static MarginPosition deltaOne(String name, double size, double mark) {
    Instrument i = DeribitInstrumentNames.parse(name);
    return new MarginPosition(i, size, 0, value(i, mark, T8_INDEX));
  }

  private static Valuation value(Instrument i, double mark, double index) {
    return InstrumentPricer.DEFAULT.value(i, new PricingInputs(mark, Double.NaN, 0, index, T8_TIME, "test"), T8_TIME);
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
