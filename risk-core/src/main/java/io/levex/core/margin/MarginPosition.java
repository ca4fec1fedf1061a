package io.levex.core.margin;

import io.levex.core.pricer.Valuation;
import io.levex.core.product.Instrument;
import java.util.Objects;

/**
 * A position with the mark it is margined at.
 *
 * @param instrument  the instrument
 * @param size  signed size, base coin (inverse futures: coin at the average price)
 * @param averagePrice  average entry price, quote unit; 0 when unknown
 * @param mark  the valuation of one long unit
 */
public record MarginPosition(Instrument instrument, double size, double averagePrice, Valuation mark) {

  /** Validates the components. */
  public MarginPosition {
    Objects.requireNonNull(instrument, "instrument");
    Objects.requireNonNull(mark, "mark");
  }
}
