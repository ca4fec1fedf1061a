package io.levex.core.product;

import io.levex.core.basics.Asset;
import io.levex.core.basics.InstrumentKind;
import io.levex.core.basics.SettlementType;
import java.time.Instant;
import java.util.Optional;

/**
 * A tradable contract: spot, future, perpetual or European option.
 * <p>
 * Implementations are immutable records. Sizes of positions in any instrument are in base-coin units
 * of the {@link #underlying()}; prices are in the instrument's quote unit (USD per coin for futures,
 * perpetuals and spot; coin per option for inverse options; USD(C) per option for linear options).
 */
public sealed interface Instrument permits SpotInstrument, FutureInstrument, PerpetualInstrument, OptionInstrument {

  /**
   * Gets the underlying coin, e.g. BTC.
   *
   * @return the underlying
   */
  Asset underlying();

  /**
   * Gets the quote currency: USD for inverse contracts, USDC (or another stablecoin) for linear ones.
   *
   * @return the quote currency
   */
  Asset quoteCurrency();

  /**
   * Gets how the contract settles.
   *
   * @return linear or inverse
   */
  SettlementType settlement();

  /**
   * Gets the size of one contract: USD of face for inverse futures and perpetuals, base coin otherwise.
   * Informational: Levex sizes are always in base coin.
   *
   * @return the contract size
   */
  double contractSize();

  /**
   * Gets the venue code, e.g. "DERIBIT".
   *
   * @return the venue
   */
  String venue();

  /**
   * Gets the kind of contract.
   *
   * @return the kind
   */
  InstrumentKind kind();

  /**
   * Gets the expiry instant, empty for spot and perpetuals.
   *
   * @return the expiry
   */
  Optional<Instant> expiryTime();

  /**
   * Gets the asset the contract settles and is margined in: the underlying coin for inverse contracts,
   * the quote currency for linear ones.
   *
   * @return the settlement currency
   */
  default Asset settlementCurrency() {
    return settlement() == SettlementType.INVERSE ? underlying() : quoteCurrency();
  }

  /**
   * Gets the canonical Deribit-style name, e.g. {@code BTC-27MAR26-90000-C}.
   *
   * @return the name
   */
  default String name() {
    return DeribitInstrumentNames.format(this);
  }

  /**
   * Whether the instrument has expired at the given instant (expiry at or before it).
   *
   * @param valuation  the valuation instant
   * @return true when expired
   */
  default boolean isExpiredAt(Instant valuation) {
    return expiryTime().map(e -> !e.isAfter(valuation)).orElse(false);
  }
}
