package io.levex.core.market.surface;

/**
 * How the quotes of a slice are weighted in the SVI fit (residuals in vol).
 */
public enum QuoteWeighting {
  /** Every quote counts the same: minimises the RMS vol error. */
  UNIFORM,
  /**
   * Black-76 vega of the quote at its market vol (USD per vol point, r = 0), relative to the slice's largest:
   * minimises approximately the price error, so near-ATM quotes dominate and far wings count little.
   */
  VEGA
}
