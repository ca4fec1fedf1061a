package io.levex.core.pricer;

/**
 * Why a price admits no Black-76 implied volatility. Every failure of {@link ImpliedVolatilitySolver} is one of
 * these; the solver never returns a wrong number instead.
 */
public enum ImpliedVolFailure {
  /** An input is NaN, infinite or out of its domain (forward, strike or time not positive, price negative). */
  INVALID_INPUT,
  /** The price is below the discounted intrinsic value. */
  BELOW_INTRINSIC,
  /** The price equals the discounted intrinsic value (or its time value is too small to represent): vol 0. */
  NO_TIME_VALUE,
  /** The price is at or above the no-arbitrage upper bound (discounted F for a call, K for a put). */
  ABOVE_UPPER_BOUND;

  /** The failures by ordinal, for status arrays. */
  private static final ImpliedVolFailure[] VALUES = values();

  /**
   * The status code stored in batch status arrays: 0 for success, {@code ordinal() + 1} for a failure.
   *
   * @return the code, 1..4
   */
  public byte code() {
    return (byte) (ordinal() + 1);
  }

  /**
   * Decodes a batch status code.
   *
   * @param code  the code, 1..4
   * @return the failure
   */
  public static ImpliedVolFailure ofCode(byte code) {
    return VALUES[code - 1];
  }
}
