package io.levex.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.opengamma.strata.market.surface.InterpolatedNodalSurface;
import io.levex.core.market.surface.SviSlice;
import io.levex.core.market.surface.VolSurface;
import org.junit.jupiter.api.Test;

/**
 * The B3 SurfaceBuild gate that runs before timing, as fast unit tests (no timing): the chain fixture, the quote
 * selection shared with the Strata pipeline, and the fit RMSE of every subject.
 */
class SurfaceGateTest {

  @Test
  void test_chain_btcRowsExpiriesAndGrid() {
    SurfaceChain c = SurfaceChain.get();
    assertThat(c.size).isEqualTo(630);
    assertThat(c.expiryCount()).isEqualTo(12);
    assertThat(c.gridT).hasSize(12 * SurfaceChain.GRID_STRIKES);
    for (int e = 0; e < c.expiryCount(); e++) {
      assertThat(c.gridStart[e + 1] - c.gridStart[e]).isEqualTo(SurfaceChain.GRID_STRIKES);
      for (int p = c.gridStart[e]; p < c.gridStart[e + 1]; p++) {
        assertThat(c.gridT[p]).isEqualTo(c.expiryT[e]);
        if (p > c.gridStart[e]) {
          assertThat(c.gridK[p]).isGreaterThan(c.gridK[p - 1]);
        }
      }
      if (e > 0) {
        assertThat(c.expiryT[e]).isGreaterThan(c.expiryT[e - 1]);
      }
    }
    // price = mark (coin) x forward; T over 365-day years
    assertThat(c.priceUsd[0]).isEqualTo(c.rows.get(0).markPriceCoin() * c.rows.get(0).underlyingPriceUsd());
    assertThat(c.t[0]).isEqualTo(c.rows.get(0).timeToExpiryYears());
  }

  @Test
  void test_levex_strictPass_allSlicesSameQuotes() {
    SurfaceGate.SurfaceReport r = SurfaceGate.report(SurfaceBuildSubject.LEVEX);
    assertThat(r.strict()).as(SurfaceGate.format(r)).isTrue();
    assertThat(r.slices()).isEqualTo(12);
    // the selection written out for the Strata pipeline picks exactly the builder's quotes
    assertThat(r.sameQuotes()).as(r.failure()).isTrue();
    assertThat(r.fits().stream().mapToInt(SurfaceGate.SliceFit::quotes).sum()).isEqualTo(268);
    assertThat(r.gridValid()).isEqualTo(600);
    // five rows have no implied vol: three marked at 0, two below intrinsic
    assertThat(r.solved()).isEqualTo(625);
    // at a slice's T the VolSurface is the slice: surface RMSE = fit RMSE
    assertThat(r.surfaceRmse()).isCloseTo(r.rmse(), within(1e-15));
  }

  @Test
  void test_levex_sliceRmseIsRiskCoreRmse() {
    SurfaceChain c = SurfaceChain.get();
    double[] vol = new double[c.size];
    byte[] status = new byte[c.size];
    SurfaceBuildSubject.LEVEX.impliedVols(c, vol, status);
    VolSurface s = (VolSurface) SurfaceBuildSubject.LEVEX.fit(c, vol, status);
    SurfaceGate.SurfaceReport r = SurfaceGate.report(SurfaceBuildSubject.LEVEX);
    for (SviSlice slice : s.slices()) {
      assertThat(r.fit(slice.expiry()).rmse()).isCloseTo(slice.rmsVolError(), within(1e-12));
    }
  }

  @Test
  void test_peers_likeForLike_sameQuotesAndIvs() {
    for (SurfaceBuildSubject s : new SurfaceBuildSubject[] {SurfaceBuildSubject.STRATA,
        SurfaceBuildSubject.STRATA_WIDE_NU}) {
      SurfaceGate.SurfaceReport r = SurfaceGate.report(s);
      assertThat(r.likeForLike()).as(SurfaceGate.format(r)).isTrue();
      assertThat(r.sameQuotes()).isTrue();
      assertThat(r.maxIvDiffVsLevex()).isLessThan(1e-10);
      assertThat(r.slices()).isEqualTo(12);
    }
  }

  @Test
  void test_rmse_levexNoWorseThanStrata() {
    SurfaceGate.SurfaceReport levex = SurfaceGate.report(SurfaceBuildSubject.LEVEX);
    for (SurfaceBuildSubject s : new SurfaceBuildSubject[] {SurfaceBuildSubject.STRATA,
        SurfaceBuildSubject.STRATA_WIDE_NU}) {
      SurfaceGate.SurfaceReport peer = SurfaceGate.report(s);
      assertThat(levex.rmse()).as(s.id()).isLessThanOrEqualTo(peer.rmse());
    }
    // nu bounded at 2.5 binds on the short expiries: the wide-nu fit is better there, the same on the long ones
    SurfaceGate.SurfaceReport strata = SurfaceGate.report(SurfaceBuildSubject.STRATA);
    SurfaceGate.SurfaceReport wide = SurfaceGate.report(SurfaceBuildSubject.STRATA_WIDE_NU);
    assertThat(wide.rmse()).isLessThan(strata.rmse());
    SurfaceGate.SliceFit last = strata.fits().get(11);
    assertThat(wide.fit(last.expiry()).rmse()).isCloseTo(last.rmse(), within(1e-6));
  }

  @Test
  void test_strataGrid_nodesAreSabrVols() {
    SurfaceChain c = SurfaceChain.get();
    double[] vol = new double[c.size];
    byte[] status = new byte[c.size];
    SurfaceBuildSubject.STRATA_WIDE_NU.impliedVols(c, vol, status);
    SurfaceBuildSubject.StrataSmiles smiles = (SurfaceBuildSubject.StrataSmiles) SurfaceBuildSubject.STRATA_WIDE_NU
        .fit(c, vol, status);
    double[] grid = new double[c.gridT.length];
    Object surface = SurfaceBuildSubject.STRATA_WIDE_NU.grid(c, smiles, grid);
    assertThat(surface).isInstanceOf(InterpolatedNodalSurface.class);
    for (int e = 0; e < c.expiryCount(); e++) {
      for (int p = c.gridStart[e]; p < c.gridStart[e + 1]; p++) {
        double sabr = SurfaceBuildSubject.SABR.volatility(c.expiryForward[e], c.gridK[p], c.gridT[p],
            smiles.params()[e]);
        assertThat(grid[p]).isCloseTo(sabr, within(1e-12));
      }
    }
  }

  @Test
  void test_require_peerHeldToStrictGateFails() {
    System.setProperty("levex.bench.peerGate", "strict");
    try {
      assertThatThrownBy(() -> SurfaceGate.require(SurfaceBuildSubject.STRATA))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageStartingWith("FAIL accuracy gate (strict), not timed");
    } finally {
      System.clearProperty("levex.bench.peerGate");
    }
    assertThat(SurfaceGate.require(SurfaceBuildSubject.STRATA).likeForLike()).isTrue();
  }

  @Test
  void test_sliceTable_oneLinePerExpiryPlusPooled() {
    assertThat(SurfaceGate.sliceTable(true)).hasSize(2 + 12 + 1);
    assertThat(SurfaceGate.sliceTable(false)).hasSize(1 + 12 + 1);
  }
}
