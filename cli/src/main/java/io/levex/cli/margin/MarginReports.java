package io.levex.cli.margin;

import io.levex.core.margin.CurrencyMarginResult;
import io.levex.core.margin.MarginAccount;
import io.levex.core.margin.MarginCalculator;
import io.levex.core.margin.MarginParameters;
import io.levex.core.margin.MarginPosition;
import io.levex.core.margin.MarginResult;
import io.levex.core.margin.PositionMarginResult;
import io.levex.core.margin.portfolio.PmBucket;
import io.levex.core.margin.portfolio.PortfolioCurrencyMargin;
import io.levex.core.margin.portfolio.RiskMatrixMarginDetails;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a portfolio file through risk-core's model-neutral {@link MarginCalculator} and maps the
 * {@link MarginResult} to a {@link MarginReport}; the models of {@code levex margin} share it.
 */
final class MarginReports {

  private MarginReports() {
  }

  /**
   * The account of a portfolio file: its priced positions, collateral, index prices and add-ons.
   *
   * @param inputs  the portfolio and its priced positions
   * @return the account
   */
  static MarginAccount account(MarginInputs inputs) {
    PortfolioFile f = inputs.file();
    return new MarginAccount(inputs.positions(), f.collateral(), f.market().indexUsd(), f.openOrdersMargin(), f.mmpMargin());
  }

  /**
   * Computes and maps the margin of a portfolio file under a model.
   *
   * @param inputs  the portfolio and its priced positions
   * @param model  the model name, e.g. {@code deribit-pm}
   * @return the report
   */
  static MarginReport compute(MarginInputs inputs, String model) {
    MarginParameters params = inputs.file().params().resolve(model);
    return report(MarginCalculator.forModel(model).margin(account(inputs), params), inputs);
  }

  /**
   * Maps a result.
   *
   * @param r  the result
   * @param inputs  the inputs it was computed from
   * @return the report
   */
  static MarginReport report(MarginResult r, MarginInputs inputs) {
    PortfolioFile file = inputs.file();
    List<MarginReport.CurrencyMargin> currencies = new ArrayList<>();
    double equityUsd = 0;
    for (CurrencyMarginResult c : r.currencies()) {
      MarginReport.RiskMatrixDetails rm = c.details(PortfolioCurrencyMargin.class)
          .map(pm -> details(pm.riskMatrixMarginDetails())).orElse(null);
      currencies.add(new MarginReport.CurrencyMargin(c.currency(), c.indexUsd(), c.equity(), c.marginBalance(),
          c.initialMargin(), c.maintenanceMargin(), c.availableFunds(), c.marginRatio(), c.status(),
          file.openOrdersMargin().getOrDefault(c.currency(), 0.0), file.mmpMargin().getOrDefault(c.currency(), 0.0), rm,
          null));
      equityUsd += c.equity() * c.indexUsd();
    }
    boolean portfolioModel = r.currencies().stream().anyMatch(c -> c.details() != null);
    List<MarginReport.PositionMargin> positions = new ArrayList<>();
    for (int i = 0; i < r.positions().size(); i++) {
      PositionMarginResult p = r.positions().get(i);
      MarginPosition in = inputs.positions().get(i);
      positions.add(new MarginReport.PositionMargin(p.instrument(), p.size(), in.averagePrice(), p.currency(),
          p.initialMargin(), p.maintenanceMargin(), p.unrealizedPnl(), p.marketValue(), in.mark(),
          portfolioModel ? p.worstCaseContribution() : Double.NaN));
    }
    return new MarginReport(r.model(), r.parameterSet(), currencies, positions,
        new MarginReport.UsdTotals(equityUsd, r.marginBalanceUsd(), r.initialMarginUsd(), r.maintenanceMarginUsd(),
            r.marginBalanceUsd() - r.initialMarginUsd(), r.status()),
        List.of());
  }

  private static MarginReport.RiskMatrixDetails details(RiskMatrixMarginDetails d) {
    PmBucket b = d.worstCaseBucket();
    MarginReport.WorstCaseBucket bucket = b == null ? null
        : new MarginReport.WorstCaseBucket(b.bucket(), b.side(), b.source(), b.index(), b.label());
    return new MarginReport.RiskMatrixDetails(d.worstCase(), bucket, d.rollShock(), d.deltaShock(), d.correlationContingency());
  }
}
