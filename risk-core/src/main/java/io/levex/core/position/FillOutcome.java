package io.levex.core.position;

import java.util.List;

/**
 * The result of applying a fill: the position after it and the cash it moved.
 *
 * @param position  the position after the fill (unchanged for spot, which holds no position)
 * @param cashFlows  cash moved, per asset and reason
 */
public record FillOutcome(PositionState position, List<CashFlow> cashFlows) {

  /** Makes the list immutable. */
  public FillOutcome {
    cashFlows = List.copyOf(cashFlows);
  }
}
