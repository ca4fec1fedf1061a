package io.levex.core.margin;

import io.levex.core.basics.Asset;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What every margin model needs of an account: priced positions, cash, USD prices and the IM add-ons.
 * <p>
 * Immutable (the collections are copied).
 *
 * @param positions  the positions with their marks, in the caller's order
 * @param cash  cash per asset, asset units (deposits; may be negative after trades such as a premium paid)
 * @param usdPrices  USD per unit of every non-USD currency present (the index); USD stablecoins are 1
 * @param openOrdersMargin  Deribit's {@code open_orders_margin} per currency, {@code >= 0}, added to IM (may be empty)
 * @param mmpMargin  Deribit's {@code mmp_margin} per currency, {@code >= 0}, added to IM (may be empty)
 */
public record MarginAccount(
    List<MarginPosition> positions,
    Map<Asset, Double> cash,
    Map<Asset, Double> usdPrices,
    Map<Asset, Double> openOrdersMargin,
    Map<Asset, Double> mmpMargin) {

  /** Copies the collections. */
  public MarginAccount {
    positions = List.copyOf(positions);
    cash = Map.copyOf(Objects.requireNonNull(cash, "cash"));
    usdPrices = Map.copyOf(Objects.requireNonNull(usdPrices, "usdPrices"));
    openOrdersMargin = Map.copyOf(Objects.requireNonNull(openOrdersMargin, "openOrdersMargin"));
    mmpMargin = Map.copyOf(Objects.requireNonNull(mmpMargin, "mmpMargin"));
  }

  /**
   * Creates an account without add-ons.
   *
   * @param positions  the positions
   * @param cash  cash per asset
   * @param usdPrices  USD per unit of each currency
   * @return the account
   */
  public static MarginAccount of(List<MarginPosition> positions, Map<Asset, Double> cash, Map<Asset, Double> usdPrices) {
    return new MarginAccount(positions, cash, usdPrices, Map.of(), Map.of());
  }

  /**
   * Returns a copy with other positions and USD prices (the same cash and add-ons), e.g. after a market shift.
   *
   * @param newPositions  the positions
   * @param newUsdPrices  the USD prices
   * @return the copy
   */
  public MarginAccount with(List<MarginPosition> newPositions, Map<Asset, Double> newUsdPrices) {
    return new MarginAccount(newPositions, cash, newUsdPrices, openOrdersMargin, mmpMargin);
  }
}
