package io.levex.core.basics;

import io.levex.core.collect.InvalidInputException;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An asset: a coin (BTC, ETH, SOL, 1000PEPE) or a currency (USD, USDC, USDT).
 * <p>
 * Not limited to ISO codes: any 1-20 characters of {@code [A-Z0-9]}. Immutable and thread-safe.
 *
 * @param symbol  the upper-case symbol
 */
public record Asset(String symbol) implements Comparable<Asset> {

  private static final Pattern SYMBOL = Pattern.compile("[A-Z0-9]{1,20}");
  private static final Set<String> USD_STABLE = Set.of("USD", "USDC", "USDT");

  /** Bitcoin. */
  public static final Asset BTC = new Asset("BTC");
  /** Ether. */
  public static final Asset ETH = new Asset("ETH");
  /** US dollar (the quote of Deribit inverse contracts). */
  public static final Asset USD = new Asset("USD");
  /** USD Coin (the quote and settlement asset of Deribit linear contracts). */
  public static final Asset USDC = new Asset("USDC");

  /** Validates the symbol. */
  public Asset {
    if (symbol == null || !SYMBOL.matcher(symbol).matches()) {
      throw InvalidInputException.invalid("asset", symbol, "must be 1-20 characters of [A-Z0-9]");
    }
  }

  /**
   * Obtains an asset from its symbol, upper-casing it.
   *
   * @param symbol  the symbol, e.g. "btc" or "BTC"
   * @return the asset
   */
  public static Asset of(String symbol) {
    return new Asset(symbol == null ? null : symbol.trim().toUpperCase(java.util.Locale.ROOT));
  }

  /**
   * Whether this asset is the US dollar or a USD stablecoin (USD, USDC, USDT), valued at 1 USD.
   *
   * @return true for USD-like assets
   */
  public boolean isUsdLike() {
    return USD_STABLE.contains(symbol);
  }

  @Override
  public int compareTo(Asset other) {
    return symbol.compareTo(other.symbol);
  }

  @Override
  public String toString() {
    return symbol;
  }
}
