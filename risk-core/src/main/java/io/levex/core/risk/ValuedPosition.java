package io.levex.core.risk;

import io.levex.core.pricer.Valuation;
import io.levex.core.product.Instrument;
import java.util.Objects;

/**
 * A position with its mark.
 *
 * @param instrument  the instrument
 * @param size  signed size, base coin (inverse futures: coin at the average price)
 * @param averagePrice  average entry price, quote unit; 0 when unknown
 * @param faceUsd  signed USD face of inverse futures and perpetuals (0 otherwise, or when unknown: then
 *     {@code size x mark} is used)
 * @param mark  the valuation of one long unit
 */
public record ValuedPosition(Instrument instrument, double size, double averagePrice, double faceUsd, Valuation mark) {

  /** Validates the components. */
  public ValuedPosition {
    Objects.requireNonNull(instrument, "instrument");
    Objects.requireNonNull(mark, "mark");
  }
}
