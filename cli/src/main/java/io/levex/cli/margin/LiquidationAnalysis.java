package io.levex.cli.margin;

import io.levex.core.basics.Asset;
import java.util.Map;
import java.util.Optional;

/**
 * The liquidation hook of {@code levex margin}: per currency and underlying, the index prices at which margin
 * balance = MM with everything else fixed, and their distance from the index.
 * <p>
 * {@link ModelLiquidationAnalysis} implements it over risk-core's analyzer for every model of
 * {@link io.levex.core.margin.MarginCalculator}; {@link #NOT_AVAILABLE} returns empty and the report says so.
 */
public interface LiquidationAnalysis {

  /** No analysis. */
  LiquidationAnalysis NOT_AVAILABLE = (inputs, model, report) -> Optional.empty();

  /** The note the report carries when the analysis is not available. */
  String NOT_AVAILABLE_NOTE = "liquidation prices are not available (liquidation: null)";

  /**
   * Analyses a portfolio.
   *
   * @param inputs  the portfolio and its priced positions
   * @param model  the margin model the portfolio is margined with
   * @param report  the portfolio's margin under that model
   * @return per currency, per underlying; empty when not available
   */
  Optional<Map<Asset, Map<Asset, MarginReport.UnderlyingLiquidation>>> analyse(MarginInputs inputs, MarginModel model, MarginReport report);
}
