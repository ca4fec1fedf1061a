package io.levex.core.scenario;

import io.levex.core.basics.SettlementType;
import io.levex.core.collect.Checks;
import io.levex.core.collect.InvalidInputException;
import io.levex.core.pricer.Valuation;
import io.levex.core.product.FutureInstrument;
import io.levex.core.product.Instrument;
import io.levex.core.product.PerpetualInstrument;
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

  /**
   * The number of vector units a position holds: its size, except for live inverse futures and perpetuals, whose
   * vectors are per coin-equivalent at the mark: {@code size x entry / mark} (the USD face {@code size x entry} in
   * coin at the mark), entry = the average price when known, else the mark.
   *
   * @param size  signed size, base coin (inverse delta-one: coin at the average price)
   * @param averagePrice  average entry price, USD per coin; {@code <= 0} when unknown
   * @param mark  the instrument's mark
   * @return the units, to multiply the instrument's unit vector by
   * @throws InvalidInputException INVALID_ARGUMENT ({@code mark.price}) for a live inverse delta-one mark {@code <= 0}
   */
  public static double units(double size, double averagePrice, Valuation mark) {
    Instrument inst = mark.instrument();
    boolean inverseDeltaOne = inst.settlement() == SettlementType.INVERSE
        && (inst instanceof FutureInstrument || inst instanceof PerpetualInstrument);
    if (!inverseDeltaOne || inst.isExpiredAt(mark.valuationTime())) {
      return size;
    }
    double m = Checks.positive("mark.price", mark.price());
    double entry = averagePrice > 0 ? averagePrice : m;
    return size * entry / m;
  }
}
