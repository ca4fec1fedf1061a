package io.levex.core.position;

import io.levex.core.basics.Asset;
import java.math.BigDecimal;

/**
 * Cash moved by a fill.
 *
 * @param asset  the asset moved
 * @param amount  signed amount (+ received, - paid)
 * @param reason  "premium", "fee", "realized_pnl", "spot"
 */
public record CashFlow(Asset asset, BigDecimal amount, String reason) {

  /** Normalises the amount's scale so that equal amounts compare equal. */
  public CashFlow {
    amount = amount.signum() == 0 ? BigDecimal.ZERO : amount.stripTrailingZeros();
  }
}
