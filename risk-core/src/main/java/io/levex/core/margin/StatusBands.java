package io.levex.core.margin;

import io.levex.core.collect.Checks;
import io.levex.core.collect.InvalidInputException;

/**
 * The status ladder on coverage = margin balance / MM (the inverse of the margin ratio MM / margin balance).
 * <p>
 * Defaults (parameter file {@code status.*}) are Binance PM Pro's published uniMMR bands: healthy at or above
 * 150%, warning from 120%, reduce-only from 105%, liquidation below 105%. Deribit itself liquidates once MM
 * exceeds the margin balance (coverage below 100%); the bands add early warnings above that.
 *
 * @param healthyMinCoverage  coverage at or above which the account is healthy (default 1.5)
 * @param warningMinCoverage  coverage at or above which it is in warning (default 1.2)
 * @param reduceOnlyMinCoverage  coverage at or above which it is reduce-only (default 1.05); below: liquidation
 */
public record StatusBands(double healthyMinCoverage, double warningMinCoverage, double reduceOnlyMinCoverage) {

  /**
   * Validates the bands: finite, {@code > 0} and ordered healthy {@code >=} warning {@code >=} reduce-only.
   *
   * @throws InvalidInputException INVALID_ARGUMENT naming the band and its value
   */
  public StatusBands {
    Checks.positive("status.healthy_min_coverage", healthyMinCoverage);
    Checks.positive("status.warning_min_coverage", warningMinCoverage);
    Checks.positive("status.reduce_only_min_coverage", reduceOnlyMinCoverage);
    if (warningMinCoverage > healthyMinCoverage) {
      throw InvalidInputException.invalid("status.warning_min_coverage",
          Checks.format(warningMinCoverage), "must be <= status.healthy_min_coverage ("
              + Checks.format(healthyMinCoverage) + ")");
    }
    if (reduceOnlyMinCoverage > warningMinCoverage) {
      throw InvalidInputException.invalid("status.reduce_only_min_coverage",
          Checks.format(reduceOnlyMinCoverage), "must be <= status.warning_min_coverage ("
              + Checks.format(warningMinCoverage) + ")");
    }
  }

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
