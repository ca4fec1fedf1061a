package io.levex.cli.margin;

/**
 * {@code span}: CME-style SPAN with 16 scenarios, the second model family for side-by-side comparison.
 * <p>
 * Not available in this build: {@link #margin} throws {@link ModelUnavailableException}. Integration point: resolve
 * the parameters with {@code inputs.file().params().resolve(NAME)} and map the risk-core SPAN result to a
 * {@link MarginReport} (no {@code risk_matrix_margin_details}: that block is Deribit PM's).
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
