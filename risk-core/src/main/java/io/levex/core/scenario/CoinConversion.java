package io.levex.core.scenario;

/**
 * How a coin-settled (inverse) option's USD value is converted to coin in a scenario.
 */
public enum CoinConversion {
  /** Divide by the shocked spot index (the default; Deribit displays coin x index). */
  INDEX,
  /** Divide by the shocked forward (the pricing convention {@code price_coin = price_usd / F}). */
  FORWARD
}
