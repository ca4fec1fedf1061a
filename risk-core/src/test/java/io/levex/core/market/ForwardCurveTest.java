package io.levex.core.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.levex.core.basics.Asset;
import io.levex.core.basics.YearFractions;
import io.levex.core.collect.ErrorKind;
import io.levex.core.collect.InvalidInputException;
import java.time.Instant;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Test {@link ForwardCurve}.
 */
class ForwardCurveTest {

  private static final double TOL = 1e-12;
  private static final Instant VAL = Instant.parse("2025-12-30T17:31:15.944Z");
  private static final Instant E1 = Instant.parse("2026-01-30T08:00:00Z");
  private static final Instant E2 = Instant.parse("2026-03-27T08:00:00Z");
  private static final double SPOT = 88_530.23;
  private static final double F1 = 88_911.04;
  private static final double F2 = 89_558.30;
  private static final double T1 = YearFractions.between(VAL, E1);
  private static final double T2 = YearFractions.between(VAL, E2);

  private static ForwardCurve sut() {
    return ForwardCurve.of(Asset.BTC, VAL, SPOT, Map.of(E1, F1, E2, F2));
  }

  @Test
  void test_forward_exactAtNodesAndSpot() {
    ForwardCurve curve = sut();
    assertThat(curve.forward(E1)).isEqualTo(F1);
    assertThat(curve.forward(E2)).isEqualTo(F2);
    assertThat(curve.forward(T1)).isEqualTo(F1);
    assertThat(curve.forward(T2)).isEqualTo(F2);
    assertThat(curve.forward(0.0)).isEqualTo(SPOT);
    assertThat(curve.forward(VAL)).isEqualTo(SPOT);
    assertThat(curve.forward(VAL.minusSeconds(60))).isEqualTo(SPOT);
    assertThat(curve.spotUsd()).hasValue(SPOT);
    assertThat(curve.nodes()).containsExactly(Map.entry(E1, F1), Map.entry(E2, F2));
  }

  @Test
  void test_forward_logLinearBetweenNodes() {
    ForwardCurve curve = sut();
    for (double x : new double[] {0.1, 0.37, 0.5, 0.93}) {
      double t = T1 + x * (T2 - T1);
      // constant carry between the nodes: F(t) = F1 (F2/F1)^((t - t1)/(t2 - t1))
      assertThat(curve.forward(t)).isCloseTo(F1 * Math.pow(F2 / F1, x), within(TOL * F1));
    }
    double tMid = (T1 + T2) / 2;
    assertThat(curve.forward(tMid)).isCloseTo(Math.sqrt(F1 * F2), within(TOL * F1));
    assertThat(curve.carry(tMid)).isCloseTo(Math.log(F2 / F1) / (T2 - T1), within(TOL));
  }

  @Test
  void test_forward_beforeFirstNodeFromSpot() {
    ForwardCurve curve = sut();
    double t = 0.4 * T1;
    assertThat(curve.forward(t)).isCloseTo(SPOT * Math.pow(F1 / SPOT, 0.4), within(TOL * SPOT));
    assertThat(curve.carry(t)).isCloseTo(Math.log(F1 / SPOT) / T1, within(TOL));
  }

  @Test
  void test_forward_afterLastNodeWithLastCarry() {
    ForwardCurve curve = sut();
    double carry = Math.log(F2 / F1) / (T2 - T1);
    double t = T2 + 0.75;
    assertThat(curve.forward(t)).isCloseTo(F2 * Math.exp(carry * 0.75), within(TOL * F2));
    assertThat(curve.forward(Instant.parse("2027-06-25T08:00:00Z")))
        .isCloseTo(F2 * Math.exp(carry * (YearFractions.between(VAL, Instant.parse("2027-06-25T08:00:00Z")) - T2)), within(TOL * F2));
    assertThat(curve.carry(t)).isCloseTo(carry, within(TOL));
  }

  @Test
  void test_ofNodes_flatBeforeFirstNode() {
    ForwardCurve curve = ForwardCurve.ofNodes(Asset.BTC, VAL, Map.of(E1, F1, E2, F2));
    assertThat(curve.spotUsd()).isEmpty();
    assertThat(curve.forward(0.0)).isEqualTo(F1);
    assertThat(curve.forward(0.5 * T1)).isEqualTo(F1);
    assertThat(curve.forward(T2)).isEqualTo(F2);
  }

  @Test
  void test_of_spotOnlyIsFlat() {
    ForwardCurve curve = ForwardCurve.of(Asset.ETH, VAL, 2_978.5, Map.of());
    assertThat(curve.forward(0.0)).isEqualTo(2_978.5);
    assertThat(curve.forward(2.0)).isEqualTo(2_978.5);
    assertThat(curve.carry(1.0)).isEqualTo(0.0);
  }

  @Test
  void test_of_dropsExpiredNodes() {
    ForwardCurve curve = ForwardCurve.of(Asset.BTC, VAL, SPOT, Map.of(VAL, 1.0, VAL.minusSeconds(3600), 2.0, E1, F1));
    assertThat(curve.nodes()).containsOnlyKeys(E1);
  }

  @Test
  void test_of_snapshotForwardsAndPerpetualMark() {
    MarketSnapshot snap = MarketSnapshot.empty()
        .with(new IndexQuote(Asset.BTC, SPOT, VAL))
        .with(new ForwardQuote(Asset.BTC, E1, F1, VAL))
        .with(new ForwardQuote(Asset.BTC, E2, F2, VAL))
        .with(new ForwardQuote(Asset.ETH, E1, 2_984.22, VAL));
    ForwardCurve fromIndex = ForwardCurve.of(snap, Asset.BTC, VAL);
    assertThat(fromIndex.spotUsd()).hasValue(SPOT);
    assertThat(fromIndex.nodes()).containsExactly(Map.entry(E1, F1), Map.entry(E2, F2));
    MarketSnapshot withPerp = snap.with(new TickerQuote("BTC-PERPETUAL", 88_540.5, Double.NaN, Double.NaN, SPOT, VAL), Asset.BTC);
    assertThat(ForwardCurve.of(withPerp, Asset.BTC, VAL).spotUsd()).hasValue(88_540.5);
    // ETH: a forward but no index: no spot point, flat before the node
    ForwardCurve eth = ForwardCurve.of(snap, Asset.ETH, VAL);
    assertThat(eth.spotUsd()).isEmpty();
    assertThat(eth.forward(0.0)).isEqualTo(2_984.22);
  }

  @Test
  void test_of_snapshotWithoutDataIsNotFound() {
    assertThatThrownBy(() -> ForwardCurve.of(MarketSnapshot.empty(), Asset.of("SOL"), VAL))
        .isInstanceOfSatisfying(InvalidInputException.class, ex -> {
          assertThat(ex.error().kind()).isEqualTo(ErrorKind.NOT_FOUND);
          assertThat(ex.error().field()).isEqualTo("underlying");
          assertThat(ex.error().value()).isEqualTo("SOL");
        });
  }

  @Test
  void test_of_badInput() {
    NavigableMap<Instant, Double> negative = new TreeMap<>(Map.of(E1, -5.0));
    assertThatThrownBy(() -> ForwardCurve.of(Asset.BTC, VAL, SPOT, negative))
        .isInstanceOfSatisfying(InvalidInputException.class, ex -> {
          assertThat(ex.error().field()).isEqualTo("forwards[2026-01-30T08:00:00Z]");
          assertThat(ex.error().value()).isEqualTo("-5");
        });
    assertThatThrownBy(() -> ForwardCurve.of(Asset.BTC, VAL, SPOT, Map.of(E1, Double.NaN)))
        .isInstanceOfSatisfying(InvalidInputException.class, ex -> {
          assertThat(ex.error().field()).isEqualTo("forwards[2026-01-30T08:00:00Z]");
          assertThat(ex.error().value()).isEqualTo("NaN");
        });
    assertThatThrownBy(() -> ForwardCurve.of(Asset.BTC, VAL, Double.NaN, Map.of(E1, F1)))
        .isInstanceOfSatisfying(InvalidInputException.class, ex -> assertThat(ex.error().field()).isEqualTo("spot_usd"));
    assertThatThrownBy(() -> ForwardCurve.of(Asset.BTC, VAL, 0.0, Map.of(E1, F1)))
        .isInstanceOfSatisfying(InvalidInputException.class, ex -> {
          assertThat(ex.error().field()).isEqualTo("spot_usd");
          assertThat(ex.error().value()).isEqualTo("0");
        });
    assertThatThrownBy(() -> ForwardCurve.ofNodes(Asset.BTC, VAL, Map.of(VAL.minusSeconds(1), F1)))
        .isInstanceOfSatisfying(InvalidInputException.class, ex -> assertThat(ex.error().field()).isEqualTo("forwards"));
    assertThatThrownBy(() -> sut().forward(-0.1))
        .isInstanceOfSatisfying(InvalidInputException.class, ex -> {
          assertThat(ex.error().field()).isEqualTo("time_to_expiry_years");
          assertThat(ex.error().value()).isEqualTo("-0.1");
        });
    assertThatThrownBy(() -> sut().forward(Double.NaN))
        .isInstanceOfSatisfying(InvalidInputException.class, ex -> assertThat(ex.error().field()).isEqualTo("time_to_expiry_years"));
  }
}
