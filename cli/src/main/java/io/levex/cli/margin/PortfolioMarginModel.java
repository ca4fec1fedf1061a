package io.levex.cli.margin;

/**
 * {@code deribit-pm}: Deribit portfolio margin (risk matrix, extended table, roll and delta shocks; IM = risk-matrix
 * margin + open orders + MMP margin, MM = mm_factor x risk-matrix margin).
 * <p>
 * Not available in this build: {@link #margin} throws {@link ModelUnavailableException}. Integration point: resolve
 * the parameters with {@code inputs.file().params().resolve(NAME)}, run the risk-core PM calculator on
 * {@code inputs.positions()}, and fill {@link MarginReport.CurrencyMargin#riskMatrix()} with Deribit's
 * {@code risk_matrix_margin_details}.
 */
public final class PortfolioMarginModel implements MarginModel {

  /** The model name. */
  public static final String NAME = "deribit-pm";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public MarginReport margin(MarginInputs inputs) {
    throw new ModelUnavailableException(NAME, "Deribit portfolio margin");
  }
}
