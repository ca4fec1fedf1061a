package io.levex.core.margin.span;

import io.levex.core.collect.Checks;
import io.levex.core.collect.InvalidInputException;
import java.util.List;

/**
 * SPAN's arithmetic on risk arrays, independent of how the arrays were made (computed by
 * {@link SpanMarginCalculator} or published by an exchange). All amounts in one currency; stateless.
 */
public final class SpanRequirement {

  private SpanRequirement() {
  }

  /**
   * Scans a combined commodity: sums {@code size x array} per scenario and takes the largest loss.
   *
   * @param arrays  the risk arrays of one long unit of each product (losses positive, extremes weighted)
   * @param sizes  the signed position sizes, units of the arrays (short negative)
   * @return the summed losses, {@code scanRisk = max(0, largest loss)} and the first scenario reaching it
   * @throws InvalidInputException INVALID_ARGUMENT for mismatched lengths or a non-finite size
   */
  public static ScanResult scan(List<RiskArray> arrays, double[] sizes) {
    if (arrays.size() != sizes.length) {
      throw InvalidInputException.invalid("sizes", sizes.length + " sizes", "must match the " + arrays.size() + " risk arrays");
    }
    double[] sum = new double[SpanScenario.COUNT];
    for (int i = 0; i < sizes.length; i++) {
      double size = Checks.finite("sizes[" + i + "]", sizes[i]);
      RiskArray a = arrays.get(i);
      for (int j = 0; j < sum.length; j++) {
        sum[j] = Math.fma(size, a.loss(j), sum[j]);
      }
    }
    int worst = 0;
    for (int j = 0; j < sum.length; j++) {
      sum[j] += 0.0;
      if (sum[j] > sum[worst]) {
        worst = j;
      }
    }
    return new ScanResult(RiskArray.of(sum), Math.max(0.0, sum[worst]), SpanScenario.STANDARD.get(worst));
  }

  /**
   * The short option minimum: rate x number of short options.
   *
   * @param shortOptions  the number of short options (sum of |size| of short option positions), >= 0
   * @param rate  the charge per short option, currency units
   * @return the minimum
   */
  public static double shortOptionMinimum(double shortOptions, double rate) {
    return Checks.nonNegative("short_options", shortOptions) * Checks.nonNegative("short_option_minimum", rate);
  }

  /**
   * The number of intra-commodity spreads formed from net deltas of different tiers (expiries): every long delta
   * is paired with a short delta of another tier, {@code min(sum of positive tier deltas, sum of |negative|)}.
   *
   * @param tierDeltas  the net delta of each tier (one entry per tier), coin
   * @return the spread count, coin of delta per leg
   */
  public static double intraSpreads(double[] tierDeltas) {
    double longs = 0;
    double shorts = 0;
    for (int i = 0; i < tierDeltas.length; i++) {
      double d = Checks.finite("tier_deltas[" + i + "]", tierDeltas[i]);
      if (d > 0) {
        longs += d;
      } else {
        shorts -= d;
      }
    }
    return Math.min(longs, shorts);
  }

  /**
   * The risk of a combined commodity: {@code max(scan + intra - credit, short option minimum)}.
   *
   * @param scanRisk  the scan risk
   * @param intraSpreadCharge  the intra-commodity spread charge
   * @param interCommodityCredit  the inter-commodity credit
   * @param shortOptionMinimum  the short option minimum
   * @return the risk (maintenance requirement), >= 0
   */
  public static double risk(double scanRisk, double intraSpreadCharge, double interCommodityCredit, double shortOptionMinimum) {
    return Math.max(Math.max(scanRisk + intraSpreadCharge - interCommodityCredit, shortOptionMinimum), 0.0);
  }

  /**
   * The maintenance requirement of precomputed risk arrays: {@code max(scan + intra - credit, SOM)} with
   * {@code SOM = rate x short options}.
   *
   * @param arrays  the risk arrays of one long unit of each product
   * @param sizes  the signed sizes
   * @param intraSpreadCharge  the intra-commodity spread charge
   * @param interCommodityCredit  the inter-commodity credit
   * @param shortOptions  the number of short options
   * @param shortOptionMinimumRate  the charge per short option
   * @return the requirement
   */
  public static double requirement(List<RiskArray> arrays, double[] sizes, double intraSpreadCharge,
      double interCommodityCredit, double shortOptions, double shortOptionMinimumRate) {
    return risk(scan(arrays, sizes).scanRisk(), intraSpreadCharge, interCommodityCredit,
        shortOptionMinimum(shortOptions, shortOptionMinimumRate));
  }
}
