package io.levex.core.pricer;

import io.levex.core.basics.SettlementType;
import io.levex.core.basics.YearFractions;
import io.levex.core.collect.InvalidInputException;
import io.levex.core.market.PricingInputs;
import io.levex.core.product.FutureInstrument;
import io.levex.core.product.Instrument;
import io.levex.core.product.OptionInstrument;
import io.levex.core.product.PerpetualInstrument;
import io.levex.core.product.SpotInstrument;
import java.time.Instant;

/**
 * Values one long unit of any instrument from resolved {@link PricingInputs}: Black-76 for options,
 * delta-one for futures, perpetuals and spot.
 * <p>
 * Stateless and thread-safe; use {@link #DEFAULT}.
 */
public final class InstrumentPricer {

  /** Default instance. */
  public static final InstrumentPricer DEFAULT = new InstrumentPricer(Black76OptionPricer.DEFAULT);

  private final Black76OptionPricer optionPricer;

  /**
   * Creates a pricer.
   *
   * @param optionPricer  the option pricer
   */
  public InstrumentPricer(Black76OptionPricer optionPricer) {
    this.optionPricer = optionPricer;
  }

  /**
   * Values one long unit.
   *
   * @param instrument  the instrument
   * @param inputs  the market inputs
   * @param valuation  the valuation instant
   * @return the valuation
   * @throws InvalidInputException INVALID_ARGUMENT when the instrument has expired at the valuation instant
   */
  public Valuation value(Instrument instrument, PricingInputs inputs, Instant valuation) {
    if (instrument.isExpiredAt(valuation)) {
      throw InvalidInputException.invalid("instrument", instrument.name(),
          "expired at " + instrument.expiryTime().orElseThrow() + " (valuation time " + valuation + ")");
    }
    double f = inputs.forwardUsd();
    return switch (instrument) {
      case SpotInstrument s -> delta1(s, f, Greeks.DELTA_ONE_LINEAR, 0, inputs, valuation);
      case PerpetualInstrument p -> delta1(p, f, greeksOf(p.settlement(), f), 0, inputs, valuation);
      case FutureInstrument fut -> delta1(fut, f, greeksOf(fut.settlement(), f),
          YearFractions.between(valuation, fut.expiry()), inputs, valuation);
      case OptionInstrument o -> {
        double t = YearFractions.between(valuation, o.expiry());
        Greeks g = optionPricer.greeks(o.putCall().isCall(), f, o.strike(), t, inputs.impliedVol(), inputs.rate());
        double priceUsd = optionPricer.priceUsd(o.putCall().isCall(), f, o.strike(), t, inputs.impliedVol(), inputs.rate());
        double priceCoin = priceUsd / f;
        double nativePrice = o.settlement() == SettlementType.INVERSE ? priceCoin : priceUsd;
        yield new Valuation(o, nativePrice, priceUsd, priceCoin, f, inputs.indexUsd(), inputs.impliedVol(), t, g,
            valuation, inputs.sourceTime(), inputs.source());
      }
    };
  }

  private static Greeks greeksOf(SettlementType settlement, double forward) {
    return settlement == SettlementType.INVERSE ? Greeks.deltaOneInverse(forward) : Greeks.DELTA_ONE_LINEAR;
  }

  private static Valuation delta1(Instrument instrument, double price, Greeks greeks, double t, PricingInputs inputs, Instant valuation) {
    return new Valuation(instrument, price, price, 1.0, price, inputs.indexUsd(), 0.0, t, greeks,
        valuation, inputs.sourceTime(), inputs.source());
  }
}
