package io.levex.core.margin;

/**
 * The status ladder on coverage = margin balance / MM.
 *
 * @param healthyMinCoverage  coverage at or above which the account is healthy (default 1.5)
 * @param warningMinCoverage  coverage at or above which it is in warning (default 1.2)
 * @param reduceOnlyMinCoverage  coverage at or above which it is reduce-only (default 1.05); below: liquidation
 */
public record StatusBands(double healthyMinCoverage, double warningMinCoverage, double reduceOnlyMinCoverage) {

  /**
   * Reads the bands from a parameter set ({@code status.*} keys).
   *
   * @param p  the parameters
   * @return the bands
   */
  public static StatusBands of(MarginParameters p) {
    return new StatusBands(
        p.get("status.healthy_min_coverage"),
        p.get("status.warning_min_coverage"),
        p.get("status.reduce_only_min_coverage"));
  }

  /**
   * Classifies an account.
   *
   * @param marginBalance  margin balance
   * @param maintenanceMargin  MM, >= 0
   * @return the status
   */
  public MarginStatus classify(double marginBalance, double maintenanceMargin) {
    if (maintenanceMargin <= 0) {
      return marginBalance < 0 ? MarginStatus.LIQUIDATION : MarginStatus.HEALTHY;
    }
    if (marginBalance <= 0) {
      return MarginStatus.LIQUIDATION;
    }
    double coverage = marginBalance / maintenanceMargin;
    if (coverage >= healthyMinCoverage) {
      return MarginStatus.HEALTHY;
    }
    if (coverage >= warningMinCoverage) {
      return MarginStatus.WARNING;
    }
    if (coverage >= reduceOnlyMinCoverage) {
      return MarginStatus.REDUCE_ONLY;
    }
    return MarginStatus.LIQUIDATION;
  }

  /**
   * Computes the margin ratio MM / margin balance.
   *
   * @param marginBalance  margin balance
   * @param maintenanceMargin  MM
   * @return the ratio: 0 without requirement, +Inf when the balance is <= 0 with a requirement
   */
  public static double marginRatio(double marginBalance, double maintenanceMargin) {
    if (maintenanceMargin <= 0) {
      return 0.0;
    }
    if (marginBalance <= 0) {
      return Double.POSITIVE_INFINITY;
    }
    return maintenanceMargin / marginBalance;
  }
}
