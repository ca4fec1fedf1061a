package io.levex.core.market.surface;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.levex.core.basics.Asset;
import io.levex.core.market.chain.DeribitChain;
import io.levex.core.testing.ChainFixture;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Test {@link SviFitter}'s hand-written Levenberg-Marquardt against the reference implementation,
 * commons-math3's {@code LevenbergMarquardtOptimizer} ({@link CommonsMathSviReference}), on every slice of the
 * recorded chain of 2025-12-30T17:31:15.944Z (12 BTC + 12 ETH expiries, the quotes {@link VolSurfaceBuilder#DEFAULT}
 * selects), from the same start on the same residuals.
 * <p>
 * Two references per slice: commons-math3 as {@code SviFitter} ran it before (RMS-change tolerance 1e-3, at most 200
 * iterations), and commons-math3 run to convergence (1e-14, 2,000 iterations), i.e. the local minimum itself.
 * <p>
 * <b>Objective</b> (the quantity both minimise): never above the library fit by more than 1e-9 vol (observed: at
 * most 1.1e-11 above, and up to 1.6e-4 below on the 0.6-day BTC slice, where the library stops early), within 1e-7 of
 * the minimum (observed 7.2e-9). Vega-weighted fits likewise on the weighted objective.
 * <p>
 * <b>Parameters</b> are compared with the converged reference only. With 9-46 quotes the five parameters are weakly
 * identified on short expiries: the objective has flat valleys along which the smile barely moves. At its 1e-3
 * tolerance commons-math3 stops in such a valley on several slices (0.6-day BTC: b 0.10 and rho 0.13 away from the
 * minimum at an RMS 1.6e-4 vol higher), so agreement with it would test where it happened to stop. Against the
 * minimum, the identified quantities agree closely: the minimum variance {@code v = a + b sigma sqrt(1 - rho^2)} to
 * 2.3e-6 relative, the fitted vols at the quotes to 1.0e-5 (0.6-day BTC; else 2.3e-6), the smile over the
 * arbitrage-check range (at least the quoted range widened by half its width) to 3.5e-5; b and sigma to 5.5e-4 relative, rho to 1e-4, m to 2.3e-4
 * of the k width. {@code a} alone trades off against {@code b sigma} along the valley and is looser (2.9e-2 of
 * w(0) on the 1-day ETH slice). The tolerances are 3-10 x these maxima: tight enough to fail on a different local
 * minimum or a fit stopped in a valley, loose enough for the remaining 1e-8 of RMS.
 */
class SviFitterReferenceTest {

  private static final DeribitChain CHAIN = ChainFixture.recordedChain();
  /** The library fit's stopping tolerance (the old SviFitter). */
  private static final double LIBRARY_TOLERANCE = 1e-3;
  private static final double CONVERGED_TOLERANCE = 1e-14;

  /** The selected quotes of one slice. */
  private record SliceData(String label, double t, double[] k, double[] vols, double[] vegaWeights, double[] range) {
  }

  private static List<SliceData> slices() {
    List<SliceData> out = new ArrayList<>();
    for (Asset underlying : List.of(Asset.BTC, Asset.ETH)) {
      VolSurface surface = VolSurfaceBuilder.DEFAULT.withWeighting(QuoteWeighting.VEGA)
          .build(CHAIN, underlying, CHAIN.snapshotTime());
      for (SviSlice s : surface.slices()) {
        int n = s.quotes().size();
        double[] k = new double[n];
        double[] v = new double[n];
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
          SliceQuote q = s.quotes().get(i);
          k[i] = q.logMoneyness();
          v[i] = q.marketVol();
          w[i] = q.weight();
        }
        out.add(new SliceData(underlying + " " + s.expiry(), s.timeToExpiry(), k, v, w, ArbitrageChecks.checkRange(s)));
      }
    }
    assertThat(out).hasSize(24);
    return out;
  }

  private static SviProblem problem(SliceData s, boolean vega) {
    SviProblem p = new SviProblem(s.k.length);
    p.loadVols(s.t, s.k, s.vols, vega ? s.vegaWeights : null, s.k.length);
    return p;
  }

  /** The objective: RMS of sqrt(weight) x (fitted - market vol), weights normalised to a maximum of 1. */
  private static double objective(SliceData s, SviParameters p, boolean vega) {
    double sum = 0;
    for (int i = 0; i < s.k.length; i++) {
      double e = p.impliedVol(s.k[i], s.t) - s.vols[i];
      sum += (vega ? s.vegaWeights[i] : 1.0) * e * e;
    }
    return Math.sqrt(sum / s.k.length);
  }

  private static double maxSmileDifference(SliceData s, SviParameters a, SviParameters b) {
    double max = 0;
    for (int i = 0; i <= 200; i++) {
      double k = s.range[0] + (s.range[1] - s.range[0]) * i / 200;
      max = Math.max(max, Math.abs(a.impliedVol(k, s.t) - b.impliedVol(k, s.t)));
    }
    return max;
  }

  @Test
  void test_fit_recordedChainSameOrBetterThanCommonsMath() {
    double worstVsLibrary = Double.NEGATIVE_INFINITY;
    double worstVsMinimum = 0;
    int iterations = 0;
    int libraryIterations = 0;
    for (SliceData s : slices()) {
      SviFitResult lm = SviFitter.DEFAULT.fit(problem(s, false));
      SviFitResult library = CommonsMathSviReference.fit(problem(s, false), 200, LIBRARY_TOLERANCE);
      SviFitResult minimum = CommonsMathSviReference.fit(problem(s, false), 2000, CONVERGED_TOLERANCE);
      assertThat(lm.converged()).as(s.label).isTrue();
      // the objective (uniform weights: the reported RMS vol error): never above the library fit, at the minimum
      assertThat(lm.rmsVolError()).as(s.label + " vs commons-math3").isLessThanOrEqualTo(library.rmsVolError() + 1e-9);
      assertThat(lm.rmsVolError()).as(s.label + " vs the minimum").isCloseTo(minimum.rmsVolError(), within(1e-7));
      assertSameParameters(s, lm.parameters(), minimum.parameters());
      worstVsLibrary = Math.max(worstVsLibrary, lm.rmsVolError() - library.rmsVolError());
      worstVsMinimum = Math.max(worstVsMinimum, Math.abs(lm.rmsVolError() - minimum.rmsVolError()));
      iterations += lm.iterations();
      libraryIterations += library.iterations();
    }
    System.out.printf("SVI LM vs commons-math3 on 24 slices: worst RMS - library RMS %.2e, |RMS - minimum| <= %.2e;"
        + " iterations %d (library %d)%n", worstVsLibrary, worstVsMinimum, iterations, libraryIterations);
  }

  @Test
  void test_fit_recordedChainVegaWeightedSameOrBetterThanCommonsMath() {
    double worst = Double.NEGATIVE_INFINITY;
    for (SliceData s : slices()) {
      SviFitResult lm = SviFitter.DEFAULT.fit(problem(s, true));
      SviFitResult library = CommonsMathSviReference.fit(problem(s, true), 200, LIBRARY_TOLERANCE);
      SviFitResult minimum = CommonsMathSviReference.fit(problem(s, true), 2000, CONVERGED_TOLERANCE);
      assertThat(lm.converged()).as(s.label).isTrue();
      double objective = objective(s, lm.parameters(), true);
      assertThat(objective).as(s.label + " vs commons-math3")
          .isLessThanOrEqualTo(objective(s, library.parameters(), true) + 1e-9);
      assertThat(objective).as(s.label + " vs the minimum")
          .isCloseTo(objective(s, minimum.parameters(), true), within(1e-7));
      worst = Math.max(worst, objective - objective(s, library.parameters(), true));
      assertThat(maxSmileDifference(s, lm.parameters(), minimum.parameters())).as(s.label + " smile").isLessThan(1e-3);
    }
    System.out.printf("SVI LM vs commons-math3 on 24 vega-weighted slices: worst objective - library objective %.2e%n", worst);
  }

  private static void assertSameParameters(SliceData s, SviParameters p, SviParameters ref) {
    String label = s.label;
    double width = s.k[s.k.length - 1] - s.k[0];
    // observed maxima over the 24 slices in the comments
    assertThat(p.minimumTotalVariance()).as(label + " v").isCloseTo(ref.minimumTotalVariance(),
        within(5e-5 * ref.minimumTotalVariance())); // 2.3e-6 relative
    assertThat(p.a()).as(label + " a").isCloseTo(ref.a(), within(0.1 * ref.totalVariance(0.0))); // 2.9e-2 of w(0)
    assertThat(p.b()).as(label + " b").isCloseTo(ref.b(), within(5e-3 * ref.b())); // 5.4e-4 relative
    assertThat(p.rho()).as(label + " rho").isCloseTo(ref.rho(), within(1e-3)); // 9.8e-5
    assertThat(p.m()).as(label + " m").isCloseTo(ref.m(), within(2e-3 * width)); // 2.3e-4 of the k width
    assertThat(p.sigma()).as(label + " sigma").isCloseTo(ref.sigma(), within(5e-3 * ref.sigma())); // 5.5e-4 relative
    for (int i = 0; i < s.k.length; i++) {
      // 1.0e-5 (0.6-day BTC), else <= 2.3e-6
      assertThat(p.impliedVol(s.k[i], s.t)).as(label + " vol at k = " + s.k[i]).isCloseTo(ref.impliedVol(s.k[i], s.t), within(5e-5));
    }
    assertThat(maxSmileDifference(s, p, ref)).as(label + " smile").isLessThan(2e-4); // 3.5e-5
  }
}
