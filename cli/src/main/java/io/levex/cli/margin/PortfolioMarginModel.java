package io.levex.cli.margin;

import io.levex.core.margin.portfolio.DeribitPortfolioMarginCalculator;

/**
 * {@code deribit-pm}: Deribit portfolio margin by risk-core's {@link DeribitPortfolioMarginCalculator} (through the
 * model-neutral {@link io.levex.core.margin.MarginCalculator}): risk matrix, extended table, roll and delta shocks;
 * IM = risk-matrix margin + {@code open_orders_margin} + {@code mmp_margin}, MM = mm_factor x risk-matrix margin.
 * Each currency carries Deribit's {@code risk_matrix_margin_details}; positions have no separable IM / MM (null),
 * but their PnL in the worst scenario.
 */
public final class PortfolioMarginModel implements MarginModel {

  /** The model name. */
  public static final String NAME = DeribitPortfolioMarginCalculator.MODEL;

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public MarginReport margin(MarginInputs inputs) {
    return MarginReports.compute(inputs, NAME);
  }
}
