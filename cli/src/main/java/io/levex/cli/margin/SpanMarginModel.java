package io.levex.cli.margin;

/**
 * {@code span}: CME-style SPAN with 16 scenarios (risk-core's {@code SpanMarginCalculator}, Levex crypto
 * calibration, docs/margin-span.md), the second model family for side-by-side comparison, through the
 * model-neutral {@code io.levex.core.margin.MarginCalculator}. IM = SPAN IM + {@code open_orders_margin} +
 * {@code mmp_margin}; positions have no separable IM / MM, but minus their loss in the worst scenario; the
 * liquidation analysis ({@link ModelLiquidationAnalysis}) covers it like the other models. No
 * {@code risk_matrix_margin_details}: that block is Deribit PM's.
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
    return MarginReports.compute(inputs, NAME);
  }
}
