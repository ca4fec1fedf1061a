package io.levex.bench;

import com.opengamma.strata.basics.date.DayCounts;
import com.opengamma.strata.collect.array.DoubleArray;
import com.opengamma.strata.market.curve.interpolator.CurveInterpolators;
import com.opengamma.strata.market.surface.InterpolatedNodalSurface;
import com.opengamma.strata.market.surface.SurfaceMetadata;
import com.opengamma.strata.market.surface.Surfaces;
import com.opengamma.strata.market.surface.interpolator.GridSurfaceInterpolator;
import com.opengamma.strata.math.impl.minimization.DoubleRangeLimitTransform;
import com.opengamma.strata.math.impl.minimization.ParameterLimitsTransform;
import com.opengamma.strata.math.impl.minimization.ParameterLimitsTransform.LimitType;
import com.opengamma.strata.math.impl.minimization.SingleRangeLimitTransform;
import com.opengamma.strata.math.impl.minimization.UncoupledParameterTransforms;
import com.opengamma.strata.math.impl.statistics.leastsquare.LeastSquareResultsWithTransform;
import com.opengamma.strata.pricer.impl.option.BlackFormulaRepository;
import com.opengamma.strata.pricer.impl.volatility.smile.SabrFormulaData;
import com.opengamma.strata.pricer.impl.volatility.smile.SabrHaganVolatilityFunctionProvider;
import com.opengamma.strata.pricer.impl.volatility.smile.SabrModelFitter;
import com.opengamma.strata.pricer.impl.volatility.smile.VolatilityFunctionProvider;
import io.levex.core.basics.Asset;
import io.levex.core.market.surface.VolSurface;
import io.levex.core.market.surface.VolSurfaceBuilder;
import io.levex.core.pricer.ImpliedVolatilitySolver;
import java.util.BitSet;

/**
 * The subjects of B3 SurfaceBuild: two pipelines from the same recorded chain ({@link SurfaceChain}) to a vol
 * surface evaluated on the same 600-point grid, each split into the stages that {@link SurfaceBuildBenchmark}
 * also times alone.
 * <ul>
 * <li><b>iv</b>: the implied vol of every BTC row (630) from its undiscounted USD price;</li>
 * <li><b>fit</b>: from those vols, one smile per expiry on the same quotes (out-of-the-money side, |delta| >= 0.01:
 * {@link SurfaceChain#select});</li>
 * <li><b>grid</b>: from the fitted smiles, the surface object and its vols at the 12 x 50 grid points.</li>
 * </ul>
 * <b>levex</b>: {@code ImpliedVolatilitySolver.DEFAULT.impliedVols} (batch, status codes, rate null); then the
 * solved vols as they are (NaN where the solve failed, which the builder drops) with the chain's arrays into
 * {@code VolSurfaceBuilder.DEFAULT.build(BTC, valuation, spot, expiries, forwards, expiryOfRow, call, strike, vol,
 * names)} (the array entry point; the same surface as building {@code DeribitChainRow}s with the solved vols as
 * mark IVs): forward curve, quote selection, one raw-SVI fit per expiry ({@code SviFitter}: quasi-explicit initial
 * guess on a 7 x 7 grid, then its hand-written Levenberg-Marquardt, residuals in vol, equal weights), the
 * {@code VolSurface} and its static-arbitrage checks (lazy in {@code VolSurface}; the benchmark calls
 * {@code arbitrageViolations()} so that they are timed, as GetVolSurface runs them; Strata's pipeline has none); then {@code VolSurface.impliedVol(T, K)} at the grid points (at a slice's T that is the
 * slice's SVI vol at ln(K/F)).
 * <p>
 * <b>strata</b>: {@code BlackFormulaRepository.impliedVolatility(price, F, K, T, isCall)} per row (an exception or a
 * non-finite result counts as not solved); then per expiry the same selection ({@link SurfaceChain#select}, the
 * builder's rule written out on arrays) and {@code new SabrModelFitter(F, strikes, T, vols, errors 1e-4,
 * SabrHaganVolatilityFunctionProvider.DEFAULT).solve(start, fixed)} ({@link #SABR_BETA} fixed at 1; alpha, rho, nu
 * fitted from alpha = the quote vol nearest the forward, rho = 0, nu = 1; Strata's own transforms bound rho to
 * +-0.999 and nu to [0.01, 2.5]); then the node vols of the SABR smiles at the grid points, an
 * {@code InterpolatedNodalSurface} (x = T, y = K, {@code GridSurfaceInterpolator.of(LINEAR, LINEAR)}, flat
 * extrapolation) on those nodes, and {@code zValue(T, K)} at the grid points. <b>strataWideNu</b>: the same with
 * nu allowed up to {@link #WIDE_NU_MAX} (Strata's own transform classes, passed to the fitter's public
 * {@code solve(start, transform)}), because the default bound of 2.5 binds on the short expiries.
 * <p>
 * The stage methods' default implementations are the Strata pipeline's; {@link #LEVEX} overrides them. Stateless;
 * each call allocates its outputs.
 */
public enum SurfaceBuildSubject {

  /** risk-core: batch implied vols, VolSurfaceBuilder (SVI), VolSurface.impliedVol on the grid. */
  LEVEX("levex") {
    @Override
    public void impliedVols(SurfaceChain c, double[] volOut, byte[] statusOut) {
      ImpliedVolatilitySolver.DEFAULT.impliedVols(c.call, c.forward, c.strike, c.t, null, c.priceUsd, 0, c.size,
          volOut, statusOut);
    }

    @Override
    public Object fit(SurfaceChain c, double[] vol, byte[] status) {
      // the solver writes NaN for every status but OK: the builder drops those quotes
      VolSurface surface = VolSurfaceBuilder.DEFAULT.build(Asset.BTC, c.valuation, c.spotUsd, c.expiries,
          c.expiryForward, c.expiryOfRow, c.call, c.strike, vol, c.instrumentName);
      // the static-arbitrage checks are part of the surface pricing-service serves (GetVolSurface reports them):
      // they are lazy in VolSurface, so run them here to time the whole product
      surface.arbitrageViolations();
      return surface;
    }

    @Override
    public Object grid(SurfaceChain c, Object fitted, double[] out) {
      VolSurface surface = (VolSurface) fitted;
      double[] gt = c.gridT;
      double[] gk = c.gridK;
      for (int p = 0; p < gt.length; p++) {
        out[p] = surface.impliedVol(gt[p], gk[p]);
      }
      return surface;
    }
  },

  /**
   * Strata as shipped: BlackFormulaRepository IVs, SabrModelFitter per expiry with its default parameter transforms
   * (nu in [0.01, 2.5]), InterpolatedNodalSurface on the grid.
   */
  STRATA("strata") {
    @Override
    LeastSquareResultsWithTransform solveSabr(SabrModelFitter fitter, DoubleArray start) {
      return fitter.solve(start, SABR_FIXED);
    }
  },

  /**
   * As {@link #STRATA}, but the fitter gets Strata's transforms with nu allowed up to {@link #WIDE_NU_MAX} (through
   * the public {@code solve(start, NonLinearParameterTransforms)}): the short BTC expiries need nu of 3-18, above
   * the default bound of 2.5, so this is the better-fitting Strata configuration.
   */
  STRATA_WIDE_NU("strataWideNu") {
    @Override
    LeastSquareResultsWithTransform solveSabr(SabrModelFitter fitter, DoubleArray start) {
      return fitter.solve(start, new UncoupledParameterTransforms(start, WIDE_NU_TRANSFORMS, SABR_FIXED));
    }
  };

  /** Strata's Hagan SABR formula, typed as the fitter's model (the class also implements SabrVolatilityFormula). */
  static final VolatilityFunctionProvider<SabrFormulaData> SABR = SabrHaganVolatilityFunctionProvider.DEFAULT;
  /** Status of a Strata solve that threw or returned a non-finite vol. */
  public static final byte NOT_SOLVED = 1;
  /** SABR beta of the Strata fits (fixed): lognormal backbone. */
  public static final double SABR_BETA = 1.0;
  /** Initial SABR rho. */
  static final double SABR_RHO0 = 0.0;
  /** Initial SABR nu. */
  static final double SABR_NU0 = 1.0;
  /** The 'measurement error' per quote of the Strata fits (as Strata's own SabrSwaptionCalibrator). */
  static final double SABR_ERROR = 1e-4;
  /** The upper bound of nu of {@link #STRATA_WIDE_NU}. */
  public static final double WIDE_NU_MAX = 50.0;
  /** SabrModelFitter's default transforms with nu up to {@link #WIDE_NU_MAX}. */
  static final ParameterLimitsTransform[] WIDE_NU_TRANSFORMS = {
      new SingleRangeLimitTransform(0, LimitType.GREATER_THAN),
      new DoubleRangeLimitTransform(0, 1.0),
      new DoubleRangeLimitTransform(-0.999, 0.999),
      new DoubleRangeLimitTransform(0.01, WIDE_NU_MAX)};
  /** Parameters held fixed in the Strata fits: beta (index 1). */
  static final BitSet SABR_FIXED = BitSet.valueOf(new long[] {0b0010});
  static final SurfaceMetadata STRATA_METADATA = Surfaces.blackVolatilityByExpiryStrike("BTC", DayCounts.ACT_365F);
  static final GridSurfaceInterpolator STRATA_INTERPOLATOR =
      GridSurfaceInterpolator.of(CurveInterpolators.LINEAR, CurveInterpolators.LINEAR);

  private final String id;

  SurfaceBuildSubject(String id) {
    this.id = id;
  }

  /** The fitted smiles of the Strata pipeline: per expiry the selected rows, SABR parameters and fit result. */
  public record StrataSmiles(int[][] selection, SabrFormulaData[] params, LeastSquareResultsWithTransform[] results) {
  }

  /**
   * The name used as JMH parameter value.
   *
   * @return the id
   */
  public String id() {
    return id;
  }

  /**
   * Finds a subject by id.
   *
   * @param id  levex, strata or strataWideNu
   * @return the subject
   */
  public static SurfaceBuildSubject of(String id) {
    for (SurfaceBuildSubject s : values()) {
      if (s.id.equals(id)) {
        return s;
      }
    }
    throw new IllegalArgumentException("unknown B3 subject: " + id);
  }

  /**
   * Whether this is the Levex subject (held to the strict gate).
   *
   * @return true for levex
   */
  public boolean isLevex() {
    return this == LEVEX;
  }

  /**
   * Stage iv: the implied vol of every row.
   *
   * @param c  the chain
   * @param volOut  per row the vol, NaN when not solved
   * @param statusOut  per row {@link ImpliedVolatilitySolver#OK} when solved, else a non-zero code
   */
  public void impliedVols(SurfaceChain c, double[] volOut, byte[] statusOut) {
    for (int i = 0; i < c.size; i++) {
      try {
        double v = BlackFormulaRepository.impliedVolatility(c.priceUsd[i], c.forward[i], c.strike[i], c.t[i],
            c.call[i]);
        volOut[i] = v;
        statusOut[i] = Double.isFinite(v) ? ImpliedVolatilitySolver.OK : NOT_SOLVED;
      } catch (RuntimeException ex) {
        volOut[i] = Double.NaN;
        statusOut[i] = NOT_SOLVED;
      }
    }
  }

  /**
   * Stage fit: one smile per expiry from the solved vols.
   *
   * @param c  the chain
   * @param vol  the vols of stage iv
   * @param status  their status
   * @return the fitted smiles: a {@link VolSurface} (levex) or {@link StrataSmiles} (strata)
   */
  public Object fit(SurfaceChain c, double[] vol, byte[] status) {
    int[][] selection = c.select(vol, status);
    int m = c.expiryCount();
    SabrFormulaData[] params = new SabrFormulaData[m];
    LeastSquareResultsWithTransform[] results = new LeastSquareResultsWithTransform[m];
    for (int e = 0; e < m; e++) {
      int[] sel = selection[e];
      if (sel.length == 0) {
        continue;
      }
      int n = sel.length;
      double f = c.expiryForward[e];
      double[] k = new double[n];
      double[] v = new double[n];
      double atmVol = Double.NaN;
      double nearest = Double.POSITIVE_INFINITY;
      for (int j = 0; j < n; j++) {
        k[j] = c.strike[sel[j]];
        v[j] = vol[sel[j]];
        double d = Math.abs(Math.log(k[j] / f));
        if (d < nearest) {
          nearest = d;
          atmVol = v[j];
        }
      }
      SabrModelFitter fitter = new SabrModelFitter(f, DoubleArray.ofUnsafe(k), c.expiryT[e], DoubleArray.ofUnsafe(v),
          DoubleArray.filled(n, SABR_ERROR), SABR);
      DoubleArray start = DoubleArray.of(atmVol * Math.pow(f, 1.0 - SABR_BETA), SABR_BETA, SABR_RHO0, SABR_NU0);
      LeastSquareResultsWithTransform r = solveSabr(fitter, start);
      results[e] = r;
      params[e] = SabrFormulaData.of(r.getModelParameters().toArray());
    }
    return new StrataSmiles(selection, params, results);
  }

  /** The Strata subjects' call of the fitter. */
  LeastSquareResultsWithTransform solveSabr(SabrModelFitter fitter, DoubleArray start) {
    throw new UnsupportedOperationException(id);
  }

  /**
   * Stage grid: the surface object and its vols at the grid points.
   *
   * @param c  the chain
   * @param fitted  the result of stage fit
   * @param out  the vols at {@code c.gridT, c.gridK}
   * @return the surface: the {@link VolSurface} (levex) or an {@link InterpolatedNodalSurface} (strata)
   */
  public Object grid(SurfaceChain c, Object fitted, double[] out) {
    StrataSmiles smiles = (StrataSmiles) fitted;
    double[] gt = c.gridT;
    double[] gk = c.gridK;
    int total = 0;
    for (int e = 0; e < c.expiryCount(); e++) {
      if (smiles.params()[e] != null) {
        total += c.gridStart[e + 1] - c.gridStart[e];
      }
    }
    double[] x = new double[total];
    double[] y = new double[total];
    double[] z = new double[total];
    int q = 0;
    for (int e = 0; e < c.expiryCount(); e++) {
      SabrFormulaData d = smiles.params()[e];
      if (d == null) {
        continue;
      }
      double f = c.expiryForward[e];
      for (int p = c.gridStart[e]; p < c.gridStart[e + 1]; p++) {
        x[q] = gt[p];
        y[q] = gk[p];
        z[q] = SABR.volatility(f, gk[p], gt[p], d);
        q++;
      }
    }
    InterpolatedNodalSurface surface = InterpolatedNodalSurface.of(STRATA_METADATA, DoubleArray.ofUnsafe(x),
        DoubleArray.ofUnsafe(y), DoubleArray.ofUnsafe(z), STRATA_INTERPOLATOR);
    for (int p = 0; p < gt.length; p++) {
      out[p] = surface.zValue(gt[p], gk[p]);
    }
    return surface;
  }

  /**
   * The whole pipeline: iv, fit, grid.
   *
   * @param c  the chain
   * @param vol  scratch for the vols, one per row
   * @param status  scratch for the status, one per row
   * @param out  the vols at the grid points
   * @return the surface object
   */
  public Object surface(SurfaceChain c, double[] vol, byte[] status, double[] out) {
    impliedVols(c, vol, status);
    return grid(c, fit(c, vol, status), out);
  }
}
