package io.levex.core.margin.portfolio;

/**
 * The three vol scenarios of a price point of the standard table, in the order of the risk vectors
 * (up, unchanged, down) [INF: the order is not published; futures are equal in all three].
 */
public enum PmVolScenario {
  /** Vol shocked up (DTE-scaled, floored at min_volatility_for_shock_up). */
  UP("vol up"),
  /** Vol unchanged. */
  UNCHANGED("vol unchanged"),
  /** Vol shocked down (DTE-scaled, floored at 0). */
  DOWN("vol down");

  private final String label;

  PmVolScenario(String label) {
    this.label = label;
  }

  /**
   * Gets the readable label, e.g. "vol up".
   *
   * @return the label
   */
  public String label() {
    return label;
  }
}
