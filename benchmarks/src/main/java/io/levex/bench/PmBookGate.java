package io.levex.bench;

import io.levex.core.basics.Asset;
import io.levex.core.margin.MarginPosition;
import io.levex.core.margin.portfolio.DeribitPortfolioMarginCalculator;
import io.levex.core.margin.portfolio.PmAccountMargin;
import io.levex.core.margin.portfolio.PortfolioCurrencyMargin;
import io.levex.core.pricer.Valuation;
import io.levex.core.scenario.ScenarioEngine;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The B4b gate, run before timing: the cached-matrix margin ({@link PmAccountMargin}, SIMD-filled) of the 1,000-position
 * account and of 200 accounts of the Zipf book equals {@link DeribitPortfolioMarginCalculator} (scalar engine,
 * per-position vectors) on the same positions to {@code 1e-12} relative in IM and MM.
 */
final class PmBookGate {

  /** The tolerance. */
  static final double TOLERANCE = 1e-12;

  /**
   * The result.
   *
   * @param accounts  accounts compared
   * @param maxRel  the largest relative IM or MM difference
   * @param pass  whether it is within {@link #TOLERANCE}
   */
  record Report(int accounts, double maxRel, boolean pass) {
  }

  private static Report cached;

  private PmBookGate() {
  }

  static synchronized Report report() {
    if (cached == null) {
      List<Valuation> marks = PmBook.marks(PmBook.INDEX);
      PmAccountMargin cache = PmAccountMargin.of(marks, PmBook.PARAMS, ScenarioEngine.DEFAULT);
      PmAccountMargin.Workspace ws = cache.workspace();
      List<PmBook.Accounts> books = List.of(PmBook.accounts(new int[] {PmAccountBenchmark.POSITIONS}, 11),
          PmBook.accounts(PmBook.zipfCounts(200, 1000, 22), 23));
      double max = 0;
      int n = 0;
      for (PmBook.Accounts b : books) {
        for (int a = 0; a < b.count(); a++) {
          List<MarginPosition> positions = new ArrayList<>();
          for (int p = b.offsets()[a]; p < b.offsets()[a + 1]; p++) {
            Valuation m = marks.get(b.rows()[p]);
            positions.add(new MarginPosition(m.instrument(), b.units()[p], 0, m));
          }
          PortfolioCurrencyMargin e = DeribitPortfolioMarginCalculator.DEFAULT
              .margin(positions, Map.of(), Map.of(), PmBook.PARAMS).currency(Asset.BTC);
          double rmm = cache.margin(b.rows(), b.units(), b.offsets()[a], b.offsets()[a + 1], ws);
          max = Math.max(max, Math.abs(rmm - e.initialMargin()) / e.initialMargin());
          max = Math.max(max, Math.abs(cache.mmFactor() * rmm - e.maintenanceMargin()) / e.maintenanceMargin());
          n++;
        }
      }
      cached = new Report(n, max, max <= TOLERANCE);
    }
    return cached;
  }

  static Report require() {
    Report r = report();
    if (!r.pass() && !AccuracyGates.reportOnly()) {
      throw new IllegalStateException("FAIL accuracy gate, not timed: " + format(r));
    }
    return r;
  }

  static String format(Report r) {
    return String.format(Locale.ROOT,
        "B4b PmAccountMargin vs DeribitPortfolioMarginCalculator on %d accounts: max rel IM/MM difference %.2e; %s"
            + " (<= %.0e)", r.accounts(), r.maxRel(), r.pass() ? "PASS" : "FAIL", TOLERANCE);
  }
}
