package io.levex.core.product;

import io.levex.core.basics.Asset;
import io.levex.core.basics.InstrumentKind;
import io.levex.core.basics.SettlementType;
import io.levex.core.collect.InvalidInputException;
import java.time.Instant;
import java.util.Optional;

/**
 * A dated future, e.g. {@code BTC-27MAR26} (inverse, USD face, settles in BTC).
 *
 * @param underlying  the underlying coin
 * @param quoteCurrency  USD for inverse, the stablecoin for linear
 * @param settlement  linear or inverse
 * @param expiry  the expiry instant (Deribit: 08:00 UTC)
 * @param contractSize  USD of face per contract (inverse) or coin per contract (linear); informational
 * @param venue  the venue code
 */
public record FutureInstrument(
    Asset underlying, Asset quoteCurrency, SettlementType settlement, Instant expiry, double contractSize, String venue)
    implements Instrument {

  /** Validates the components. */
  public FutureInstrument {
    ProductChecks.common(underlying, quoteCurrency, settlement, contractSize, venue);
    if (expiry == null) {
      throw InvalidInputException.invalid("expiry", "", "is required for a future");
    }
  }

  @Override
  public InstrumentKind kind() {
    return InstrumentKind.FUTURE;
  }

  @Override
  public Optional<Instant> expiryTime() {
    return Optional.of(expiry);
  }
}
