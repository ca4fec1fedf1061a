package io.levex.core.margin;

/**
 * Account status from coverage = margin balance / maintenance margin, with configurable bands
 * ({@code status.*} parameters; defaults 150% / 120% / 105%).
 */
public enum MarginStatus {
  /** Coverage at or above the healthy band. */
  HEALTHY,
  /** Coverage below healthy, at or above the warning band. */
  WARNING,
  /** Coverage below warning, at or above the reduce-only band: only risk-reducing orders. */
  REDUCE_ONLY,
  /** Coverage below the reduce-only band (or negative balance): liquidation. */
  LIQUIDATION;

  /**
   * Gets the worse of two statuses.
   *
   * @param other  the other status
   * @return the worse one
   */
  public MarginStatus worse(MarginStatus other) {
    return other.ordinal() > ordinal() ? other : this;
  }
}
