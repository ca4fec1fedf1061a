package io.levex.core.scenario;

import io.levex.core.pricer.Valuation;
import io.levex.core.product.Instrument;
import java.util.Objects;

/**
 * The current market state of one instrument that the scenario engine shifts.
 *
 * @param instrument  the instrument
 * @param forwardUsd  forward for its expiry (futures, perpetuals, spot: the mark), USD per coin, > 0
 * @param indexUsd  spot index of the underlying, USD per coin, > 0
 * @param vol  implied vol, decimal (options only; ignored otherwise)
 * @param yearsToExpiry  time to expiry, 365-day years (0 for perpetuals, spot and expired instruments)
 * @param rate  continuously compounded rate for options (Deribit: 0)
 * @param expired  whether the instrument has expired at the valuation time (it is then settled, never revalued)
 */
public record ScenarioInputs(
    Instrument instrument, double forwardUsd, double indexUsd, double vol, double yearsToExpiry, double rate,
    boolean expired) {

  /** Validates the instrument; the numbers are checked by the engine, which names the instrument. */
  public ScenarioInputs {
    Objects.requireNonNull(instrument, "instrument");
  }

  /**
   * Takes the inputs of a mark (rate 0, the Deribit convention; a {@link Valuation} does not carry its rate).
   *
   * @param mark  the valuation of one long unit
   * @return the inputs
   */
  public static ScenarioInputs of(Valuation mark) {
    return new ScenarioInputs(mark.instrument(), mark.forwardUsd(), mark.indexUsd(), mark.impliedVol(),
        mark.timeToExpiry(), 0.0, mark.instrument().isExpiredAt(mark.valuationTime()));
  }
}
