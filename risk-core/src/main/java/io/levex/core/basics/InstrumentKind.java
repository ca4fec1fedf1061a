package io.levex.core.basics;

/**
 * The kind of contract an instrument is.
 */
public enum InstrumentKind {
  /** Spot exchange of coin against the quote currency. */
  SPOT,
  /** Dated future, settled at expiry. */
  FUTURE,
  /** Perpetual swap with funding, no expiry. */
  PERPETUAL,
  /** European option on the forward, cash-settled at expiry. */
  OPTION
}
