package io.levex.core.product;

import io.levex.core.basics.Asset;
import io.levex.core.basics.InstrumentKind;
import io.levex.core.basics.SettlementType;
import java.time.Instant;
import java.util.Optional;

/**
 * A perpetual swap, e.g. {@code BTC-PERPETUAL} (inverse) or {@code BTC_USDC-PERPETUAL} (linear).
 *
 * @param underlying  the underlying coin
 * @param quoteCurrency  USD for inverse, the stablecoin for linear
 * @param settlement  linear or inverse
 * @param contractSize  USD of face per contract (inverse) or coin per contract (linear); informational
 * @param venue  the venue code
 */
public record PerpetualInstrument(
    Asset underlying, Asset quoteCurrency, SettlementType settlement, double contractSize, String venue)
    implements Instrument {

  /** Validates the components. */
  public PerpetualInstrument {
    ProductChecks.common(underlying, quoteCurrency, settlement, contractSize, venue);
  }

  @Override
  public InstrumentKind kind() {
    return InstrumentKind.PERPETUAL;
  }

  @Override
  public Optional<Instant> expiryTime() {
    return Optional.empty();
  }
}
