package io.levex.cli.margin;

import io.levex.core.margin.StandardMarginCalculator;

/**
 * {@code deribit-sm}: Deribit standard margin by risk-core's {@link StandardMarginCalculator} (through the
 * model-neutral {@link io.levex.core.margin.MarginCalculator}); the file's {@code open_orders_margin} and
 * {@code mmp_margin} are added to the IM of their currency.
 */
public final class StandardMarginModel implements MarginModel {

  /** The model name. */
  public static final String NAME = StandardMarginCalculator.MODEL;

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public MarginReport margin(MarginInputs inputs) {
    return MarginReports.compute(inputs, NAME);
  }
}
