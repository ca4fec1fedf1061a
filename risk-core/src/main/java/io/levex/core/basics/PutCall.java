package io.levex.core.basics;

/**
 * Call or put.
 */
public enum PutCall {
  /** The right to buy at the strike. */
  CALL,
  /** The right to sell at the strike. */
  PUT;

  /**
   * Whether this is a call.
   *
   * @return true for a call
   */
  public boolean isCall() {
    return this == CALL;
  }
}
