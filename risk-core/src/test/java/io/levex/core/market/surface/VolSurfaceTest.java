package io.levex.core.market.surface;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.levex.core.basics.Asset;
import io.levex.core.basics.YearFractions;
import io.levex.core.collect.InvalidInputException;
import io.levex.core.market.ForwardCurve;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Test {@link VolSurface}: interpolation, extrapolation, derived views, consistency checks.
 */
class VolSurfaceTest {

  private static final Instant VAL = Instant.parse("2025-12-30T17:31:15.944Z");
  private static final Instant E1 = Instant.parse("2026-01-30T08:00:00Z");
  private static final Instant E2 = Instant.parse("2026-03-27T08:00:00Z");
  private static final Instant E3 = Instant.parse("2026-06-26T08:00:00Z");
  private static final double F1 = 88_911.04;
  private static final double F2 = 89_558.30;
  private static final double F3 = 90_464.17;
  private static final double SPOT = 88_530.23;
  private static final ForwardCurve CURVE = ForwardCurve.of(Asset.BTC, VAL, SPOT, Map.of(E1, F1, E2, F2, E3, F3));
  private static final double T1 = YearFractions.between(VAL, E1);
  private static final double T2 = YearFractions.between(VAL, E2);
  private static final double T3 = YearFractions.between(VAL, E3);
  // SSVI slices with theta phi constant: total variance increasing in T at every k (no calendar arbitrage)
  private static final SviSlice S1 = SviSlice.of(E1, T1, F1, SviParametersTest.ssvi(0.16 * T1, 1.5 / (0.16 * T1) * 0.05, -0.2));
  private static final SviSlice S2 = SviSlice.of(E2, T2, F2, SviParametersTest.ssvi(0.17 * T2, 1.5 / (0.17 * T2) * 0.05, -0.2));
  private static final SviSlice S3 = SviSlice.of(E3, T3, F3, SviParametersTest.ssvi(0.2 * T3, 1.5 / (0.2 * T3) * 0.05, -0.2));

  private static VolSurface sut() {
    return VolSurface.of(Asset.BTC, VAL, CURVE, List.of(S1, S2, S3), List.of());
  }

  @Test
  void test_impliedVol_exactAtSliceExpiries() {
    VolSurface surface = sut();
    for (SviSlice s : List.of(S1, S2, S3)) {
      for (double strike : new double[] {40_000, 70_000, 85_000, s.forwardUsd(), 95_000, 120_000, 200_000}) {
        assertThat(surface.impliedVol(s.expiry(), strike)).isEqualTo(s.impliedVol(strike));
        assertThat(surface.impliedVol(s.timeToExpiry(), strike)).isEqualTo(s.impliedVol(strike));
        assertThat(surface.totalVariance(s.expiry(), strike))
            .isEqualTo(s.totalVarianceAtLogMoneyness(s.logMoneyness(strike)));
      }
    }
    assertThat(surface.arbitrageViolations()).isEmpty();
  }

  @Test
  void test_totalVariance_linearInTimeAtFixedLogMoneyness() {
    VolSurface surface = sut();
    for (double x : new double[] {0.2, 0.5, 0.9}) {
      double t = T2 + x * (T3 - T2);
      double forward = CURVE.forward(t);
      for (double k : new double[] {-0.6, -0.1, 0.0, 0.25, 0.8}) {
        double expected = S2.totalVarianceAtLogMoneyness(k) + x * (S3.totalVarianceAtLogMoneyness(k) - S2.totalVarianceAtLogMoneyness(k));
        assertThat(surface.totalVarianceAtLogMoneyness(t, k)).isCloseTo(expected, within(1e-15));
        double strike = forward * Math.exp(k);
        assertThat(surface.totalVariance(t, strike)).isCloseTo(expected, within(1e-14));
        assertThat(surface.impliedVol(t, strike)).isCloseTo(Math.sqrt(expected / t), within(1e-13));
      }
    }
    // an expiry between nodes uses the forward curve's log-linear forward for k
    Instant between = Instant.parse("2026-02-27T08:00:00Z");
    double t = YearFractions.between(VAL, between);
    double strike = 95_000;
    double k = Math.log(strike / CURVE.forward(t));
    double x = (t - T1) / (T2 - T1);
    double expected = S1.totalVarianceAtLogMoneyness(k) + x * (S2.totalVarianceAtLogMoneyness(k) - S1.totalVarianceAtLogMoneyness(k));
    assertThat(surface.totalVariance(between, strike)).isCloseTo(expected, within(1e-14));
  }

  @Test
  void test_impliedVol_flatVolExtrapolationInTime() {
    VolSurface surface = sut();
    for (double k : new double[] {-0.4, 0.0, 0.3}) {
      double tBefore = 0.3 * T1;
      assertThat(surface.impliedVol(tBefore, CURVE.forward(tBefore) * Math.exp(k)))
          .isCloseTo(S1.impliedVolAtLogMoneyness(k), within(1e-13));
      assertThat(surface.totalVarianceAtLogMoneyness(tBefore, k)).isCloseTo(S1.totalVarianceAtLogMoneyness(k) * 0.3, within(1e-15));
      double tAfter = T3 + 1.0;
      assertThat(surface.impliedVol(tAfter, CURVE.forward(tAfter) * Math.exp(k)))
          .isCloseTo(S3.impliedVolAtLogMoneyness(k), within(1e-13));
    }
    // at t = 0 the forward is the spot and the vol the first slice's
    assertThat(surface.impliedVol(0.0, SPOT)).isEqualTo(S1.atmVol());
    assertThat(surface.totalVariance(0.0, SPOT)).isEqualTo(0.0);
  }

  @Test
  void test_atmTermStructureAndDeltaSmiles() {
    VolSurface surface = sut();
    List<AtmVolPoint> atm = surface.atmTermStructure();
    assertThat(atm).hasSize(3);
    assertThat(atm.get(0).expiry()).isEqualTo(E1);
    assertThat(atm.get(0).atmVol()).isCloseTo(0.4, within(1e-15));
    assertThat(atm.get(1).atmVol()).isCloseTo(Math.sqrt(0.17), within(1e-15));
    assertThat(atm.get(2).forwardUsd()).isEqualTo(F3);
    List<DeltaSmile> smiles = surface.deltaSmiles(0.25);
    assertThat(smiles).hasSize(3);
    assertThat(smiles.get(1)).isEqualTo(S2.deltaSmile(0.25));
  }

  @Test
  void test_of_calendarViolationReported() {
    SviSlice earlier = SviSlice.of(E1, T1, F1, SviParameters.of(0.01, 0.1, -0.3, 0.0, 0.2));
    SviSlice later = SviSlice.of(E2, T2, F2, SviParameters.of(0.02, 0.1, -0.6, 0.0, 0.2));
    VolSurface surface = VolSurface.of(Asset.BTC, VAL, CURVE, List.of(earlier, later), List.of());
    List<ArbitrageViolation> calendar = surface.arbitrageViolations().stream()
        .filter(v -> v.kind() == ArbitrageViolation.Kind.CALENDAR).toList();
    assertThat(calendar).hasSize(1);
    assertThat(calendar.get(0).expiry()).isEqualTo(E2);
    assertThat(calendar.get(0).fromLogMoneyness()).isCloseTo(1.0 / 3.0, within(1e-9));
  }

  @Test
  void test_of_butterflyViolationReported() {
    // the Vogt slice (Gatheral-Jacquier Example 3.1) quoted on k in [-0.6, 0.6]: checked on [-1.2, 1.2]
    SviParameters vogt = SviParametersTest.VOGT;
    List<SliceQuote> quotes = new java.util.ArrayList<>();
    for (double k : new double[] {-0.6, -0.3, 0.0, 0.3, 0.6}) {
      double vol = vogt.impliedVol(k, T2);
      quotes.add(new SliceQuote("BTC-27MAR26-" + Math.round(F2 * Math.exp(k)) + (k < 0 ? "-P" : "-C"),
          k < 0 ? io.levex.core.basics.PutCall.PUT : io.levex.core.basics.PutCall.CALL, F2 * Math.exp(k), k, vol, vol, 1.0));
    }
    SviSlice slice = new SviSlice(E2, T2, F2, vogt, quotes, 0.0);
    assertThat(ArbitrageChecks.checkRange(slice)).containsExactly(-1.2, 1.2);
    VolSurface surface = VolSurface.of(Asset.BTC, VAL, CURVE, List.of(slice), List.of());
    assertThat(surface.arbitrageViolations()).hasSize(1);
    ArbitrageViolation v = surface.arbitrageViolations().get(0);
    assertThat(v.kind()).isEqualTo(ArbitrageViolation.Kind.BUTTERFLY);
    assertThat(v.expiry()).isEqualTo(E2);
    assertThat(v.fromLogMoneyness()).isCloseTo(0.643, within(1e-3));
    assertThat(v.toLogMoneyness()).isEqualTo(1.2);
    // without quotes the slice is checked on +/- 4 ATM standard deviations (+/- 0.53): the region is outside
    VolSurface bare = VolSurface.of(Asset.BTC, VAL, CURVE, List.of(SviSlice.of(E2, T2, F2, vogt)), List.of());
    assertThat(ArbitrageChecks.checkRange(bare.slices().get(0))[1]).isCloseTo(4 * Math.sqrt(vogt.totalVariance(0)), within(1e-15));
    assertThat(bare.arbitrageViolations()).isEmpty();
  }

  @Test
  void test_arbitrageViolations_computedOnceOnFirstCall() throws Exception {
    SviSlice earlier = SviSlice.of(E1, T1, F1, SviParameters.of(0.01, 0.1, -0.3, 0.0, 0.2));
    SviSlice later = SviSlice.of(E2, T2, F2, SviParameters.of(0.02, 0.1, -0.6, 0.0, 0.2));
    VolSurface surface = VolSurface.of(Asset.BTC, VAL, CURVE, List.of(earlier, later), List.of());
    // first calls race from several threads: all get the one list, the checks' own result
    int threads = 8;
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
    try {
      java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
      List<java.util.concurrent.Future<List<ArbitrageViolation>>> calls = new java.util.ArrayList<>();
      for (int i = 0; i < threads; i++) {
        calls.add(pool.submit(() -> {
          start.await();
          return surface.arbitrageViolations();
        }));
      }
      start.countDown();
      List<ArbitrageViolation> first = calls.get(0).get();
      for (java.util.concurrent.Future<List<ArbitrageViolation>> c : calls) {
        assertThat(c.get()).isSameAs(first);
      }
      assertThat(surface.arbitrageViolations()).isSameAs(first);
      assertThat(first).isEqualTo(ArbitrageChecks.DEFAULT.check(surface.slices())).hasSize(1);
      assertThat(surface.toString()).contains("1 arbitrage violations");
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void test_of_badInput() {
    SviSlice wrongForward = SviSlice.of(E2, T2, F2 + 1, S2.parameters());
    assertThatThrownBy(() -> VolSurface.of(Asset.BTC, VAL, CURVE, List.of(S1, wrongForward), List.of()))
        .isInstanceOfSatisfying(InvalidInputException.class, ex -> assertThat(ex.error().field()).isEqualTo("slices[1].forward_usd"));
    assertThatThrownBy(() -> VolSurface.of(Asset.BTC, VAL, CURVE, List.of(S2, S1), List.of()))
        .isInstanceOfSatisfying(InvalidInputException.class, ex -> assertThat(ex.error().field()).isEqualTo("slices[1].expiry"));
    SviSlice wrongTime = SviSlice.of(E1, T1 * 1.01, F1, S1.parameters());
    assertThatThrownBy(() -> VolSurface.of(Asset.BTC, VAL, CURVE, List.of(wrongTime), List.of()))
        .isInstanceOfSatisfying(InvalidInputException.class,
            ex -> assertThat(ex.error().field()).isEqualTo("slices[0].time_to_expiry_years"));
    assertThatThrownBy(() -> VolSurface.of(Asset.BTC, VAL, CURVE, List.of(), List.of()))
        .isInstanceOfSatisfying(InvalidInputException.class, ex -> assertThat(ex.error().field()).isEqualTo("slices"));
    assertThatThrownBy(() -> VolSurface.of(Asset.ETH, VAL, CURVE, List.of(S1), List.of()))
        .isInstanceOfSatisfying(InvalidInputException.class, ex -> assertThat(ex.error().field()).isEqualTo("forward_curve.underlying"));
    VolSurface surface = sut();
    assertThatThrownBy(() -> surface.impliedVol(T2, -1.0))
        .isInstanceOfSatisfying(InvalidInputException.class, ex -> {
          assertThat(ex.error().field()).isEqualTo("strike_usd");
          assertThat(ex.error().value()).isEqualTo("-1");
        });
    assertThatThrownBy(() -> surface.impliedVol(T2, Double.NaN))
        .isInstanceOfSatisfying(InvalidInputException.class, ex -> {
          assertThat(ex.error().field()).isEqualTo("strike_usd");
          assertThat(ex.error().value()).isEqualTo("NaN");
        });
    assertThatThrownBy(() -> surface.impliedVol(-0.5, 90_000))
        .isInstanceOfSatisfying(InvalidInputException.class, ex -> {
          assertThat(ex.error().field()).isEqualTo("time_to_expiry_years");
          assertThat(ex.error().value()).isEqualTo("-0.5");
        });
    assertThatThrownBy(() -> surface.totalVarianceAtLogMoneyness(T2, Double.POSITIVE_INFINITY))
        .isInstanceOfSatisfying(InvalidInputException.class, ex -> assertThat(ex.error().field()).isEqualTo("log_moneyness"));
  }
}
