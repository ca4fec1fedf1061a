package io.levex.core.product;

import io.levex.core.basics.Asset;
import io.levex.core.basics.InstrumentKind;
import io.levex.core.basics.PutCall;
import io.levex.core.basics.SettlementType;
import io.levex.core.collect.Checks;
import io.levex.core.collect.InvalidInputException;
import java.time.Instant;
import java.util.Optional;

/**
 * A European option on the forward of the underlying, cash-settled at expiry.
 * <p>
 * Inverse options (Deribit BTC/ETH) are quoted and settled in coin: a call pays
 * {@code max(S_T - K, 0) / S_T} coin. Linear options pay {@code max(S_T - K, 0)} in the quote currency.
 *
 * @param underlying  the underlying coin
 * @param quoteCurrency  USD for inverse, the stablecoin for linear
 * @param settlement  linear or inverse
 * @param expiry  the expiry instant (Deribit: 08:00 UTC)
 * @param strike  the strike, USD per coin, > 0
 * @param putCall  call or put
 * @param contractSize  coin per contract (Deribit BTC: 1); informational
 * @param venue  the venue code
 */
public record OptionInstrument(
    Asset underlying,
    Asset quoteCurrency,
    SettlementType settlement,
    Instant expiry,
    double strike,
    PutCall putCall,
    double contractSize,
    String venue) implements Instrument {

  /** Validates the components. */
  public OptionInstrument {
    ProductChecks.common(underlying, quoteCurrency, settlement, contractSize, venue);
    if (expiry == null) {
      throw InvalidInputException.invalid("expiry", "", "is required for an option");
    }
    Checks.positive("strike", strike);
    if (putCall == null) {
      throw InvalidInputException.invalid("option_type", "", "is required for an option (call or put)");
    }
  }

  @Override
  public InstrumentKind kind() {
    return InstrumentKind.OPTION;
  }

  @Override
  public Optional<Instant> expiryTime() {
    return Optional.of(expiry);
  }
}
