package io.levex.core.margin.account;

import io.levex.core.basics.Asset;
import io.levex.core.collect.Checks;
import io.levex.core.collect.InvalidInputException;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Collateral deposited in an account: an amount per asset, each in units of that asset (coin for BTC, USDC for
 * USDC), finite and {@code >= 0}.
 * <p>
 * Deposits cannot be negative; a negative cash balance can only arise from trading (premiums, realised losses),
 * which the margin calculators take as cash balances, not as collateral. Immutable.
 *
 * @param amounts  the amount per asset, sorted by asset
 */
public record Collateral(Map<Asset, Double> amounts) {

  /** No collateral. */
  public static final Collateral NONE = new Collateral(Map.of());

  /**
   * Validates and copies.
   *
   * @throws InvalidInputException INVALID_ARGUMENT naming {@code collateral[ASSET]} and the value when an amount
   *     is negative or not finite
   */
  public Collateral {
    Objects.requireNonNull(amounts, "amounts");
    Map<Asset, Double> copy = new TreeMap<>();
    amounts.forEach((asset, amount) -> {
      Objects.requireNonNull(asset, "asset");
      Objects.requireNonNull(amount, "amount");
      Checks.nonNegative("collateral[" + asset.symbol() + "]", amount);
      copy.put(asset, amount);
    });
    amounts = java.util.Collections.unmodifiableMap(copy);
  }

  /**
   * Creates collateral from amounts per asset.
   *
   * @param amounts  the amount per asset, asset units, {@code >= 0}
   * @return the collateral
   * @throws InvalidInputException INVALID_ARGUMENT for a negative or non-finite amount
   */
  public static Collateral of(Map<Asset, Double> amounts) {
    return new Collateral(amounts);
  }

  /**
   * Gets the amount of an asset.
   *
   * @param asset  the asset
   * @return the amount, asset units; 0 when none is held
   */
  public double amount(Asset asset) {
    return amounts.getOrDefault(asset, 0.0);
  }
}
