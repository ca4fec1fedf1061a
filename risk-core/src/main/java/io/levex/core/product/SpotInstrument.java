package io.levex.core.product;

import io.levex.core.basics.Asset;
import io.levex.core.basics.InstrumentKind;
import io.levex.core.basics.SettlementType;
import java.time.Instant;
import java.util.Optional;

/**
 * Spot exchange of a coin against a stablecoin, e.g. {@code BTC_USDC}.
 *
 * @param underlying  the coin bought or sold
 * @param quoteCurrency  the currency paid, e.g. USDC
 * @param venue  the venue code
 */
public record SpotInstrument(Asset underlying, Asset quoteCurrency, String venue) implements Instrument {

  /** Validates the components. */
  public SpotInstrument {
    ProductChecks.common(underlying, quoteCurrency, SettlementType.LINEAR, 1, venue);
  }

  @Override
  public SettlementType settlement() {
    return SettlementType.LINEAR;
  }

  @Override
  public double contractSize() {
    return 1;
  }

  @Override
  public InstrumentKind kind() {
    return InstrumentKind.SPOT;
  }

  @Override
  public Optional<Instant> expiryTime() {
    return Optional.empty();
  }
}
