package io.levex.core.position;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The state of one position, in exact decimals.
 * <p>
 * For inverse futures and perpetuals the USD face is the primary quantity (contracts are USD-denominated);
 * {@code size} is then the coin equivalent at the average price, {@code faceUsd / averagePrice}. For every
 * other instrument {@code faceUsd} is 0.
 *
 * @param size  signed size, base coin (long +)
 * @param averagePrice  average entry price, instrument quote unit; 0 when flat
 * @param realizedPnl  cumulative realised PnL, settlement currency
 * @param faceUsd  signed USD face of an inverse future or perpetual; 0 otherwise
 */
public record PositionState(BigDecimal size, BigDecimal averagePrice, BigDecimal realizedPnl, BigDecimal faceUsd) {

  /** A flat position with no history. */
  public static final PositionState FLAT = new PositionState(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);

  /** Validates the components. */
  public PositionState {
    Objects.requireNonNull(size, "size");
    Objects.requireNonNull(averagePrice, "averagePrice");
    Objects.requireNonNull(realizedPnl, "realizedPnl");
    Objects.requireNonNull(faceUsd, "faceUsd");
  }

  /**
   * Whether the position is flat.
   *
   * @return true when the size is zero
   */
  public boolean isFlat() {
    return size.signum() == 0;
  }
}
