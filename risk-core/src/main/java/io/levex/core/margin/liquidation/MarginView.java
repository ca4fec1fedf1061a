package io.levex.core.margin.liquidation;

import io.levex.core.basics.Asset;
import java.util.Objects;

/**
 * Which margin balance and MM a liquidation analysis tracks.
 */
public sealed interface MarginView {

  /** The cross-collateral view: all currencies pooled in USD with haircuts ({@code MarginResult.account()}). */
  MarginView CROSS = new Cross();

  /**
   * The segregated view of one settlement currency: its margin balance against its own MM, in that currency.
   *
   * @param currency  the settlement currency
   * @return the view
   */
  static MarginView segregated(Asset currency) {
    return new Segregated(currency);
  }

  /**
   * Segregated (Deribit S:SM): one currency, amounts in that currency.
   *
   * @param currency  the settlement currency
   */
  record Segregated(Asset currency) implements MarginView {
    /** Validates. */
    public Segregated {
      Objects.requireNonNull(currency, "currency");
    }
  }

  /** Cross collateral (Deribit X:SM): amounts in USD. */
  record Cross() implements MarginView {
  }
}
