/**
 * {@code levex margin}: portfolio files (JSON, read by {@link io.levex.cli.margin.PortfolioFileReader}), the margin
 * models behind one interface ({@link io.levex.cli.margin.MarginModel}, one small adapter per model, looked up in
 * {@link io.levex.cli.margin.MarginModels}), the model-neutral {@link io.levex.cli.margin.MarginReport} they
 * produce, and the {@link io.levex.cli.margin.LiquidationAnalysis} hook. Positions are priced by risk-core's
 * {@link io.levex.core.portfolio.PortfolioValuation}; the finance stays in risk-core.
 */
package io.levex.cli.margin;
