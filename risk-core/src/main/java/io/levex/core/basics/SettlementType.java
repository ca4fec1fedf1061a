package io.levex.core.basics;

/**
 * How a contract settles and is margined.
 */
public enum SettlementType {
  /** In the quote currency (USDC): PnL = size x price change. */
  LINEAR,
  /** In the underlying coin (Deribit BTC/ETH): fixed USD face, PnL in coin = face x (1/entry - 1/exit). */
  INVERSE
}
