package io.levex.cli.margin;

/**
 * {@code span}: CME-style SPAN with 16 scenarios, the second model family for side-by-side comparison.
 * <p>
 * Not available in this build: {@link #margin} throws {@link ModelUnavailableException}. Integration point: once
 * {@code io.levex.core.margin.MarginCalculator.forModel(NAME)} serves SPAN (its parameter sets' model being
 * {@code span}), {@link #margin} becomes {@code return MarginReports.compute(inputs, NAME);} and the liquidation
 * analysis ({@link ModelLiquidationAnalysis}) covers it unchanged (no {@code risk_matrix_margin_details}: that block
 * is Deribit PM's).
 */
public final class SpanMarginModel implements MarginModel {

  /** The model name. */
  public static final String NAME = "span";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public MarginReport margin(MarginInputs inputs) {
    throw new ModelUnavailableException(NAME, "CME-style SPAN");
  }
}
