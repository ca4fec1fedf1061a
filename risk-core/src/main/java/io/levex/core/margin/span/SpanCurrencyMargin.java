package io.levex.core.margin.span;

import io.levex.core.basics.Asset;
import io.levex.core.margin.MarginDetails;
import java.util.List;

/**
 * The SPAN requirement of one settlement currency; every amount in that currency (coin for inverse, USDC for
 * linear). Sums over its combined commodities.
 *
 * @param currency  the settlement currency
 * @param initialMargin  {@code maint_to_init_ratio x maintenanceMargin}
 * @param maintenanceMargin  the sum of the combined commodities' risk
 * @param scanRisk  the sum of their scan risks
 * @param worstScenario  the worst scenario of the combined commodity with the largest scan risk (null if none)
 * @param worstScenarioKey  that commodity's key (null if none)
 * @param scenarioLosses  the 16 summed losses of that commodity (null if none)
 * @param intraSpreadCharge  the sum of intra-commodity spread charges
 * @param shortOptionMinimum  the sum of short option minimums
 * @param interCommodityCredit  the sum of inter-commodity credits
 * @param netOptionValue  the mark value of live options, signed (not deducted)
 * @param settledValue  the settlement value of expired positions: cash, not margined
 * @param commodities  every combined commodity
 * @param positions  every position's arrays, in input order
 */
public record SpanCurrencyMargin(
    Asset currency, double initialMargin, double maintenanceMargin, double scanRisk, SpanScenario worstScenario,
    String worstScenarioKey, RiskArray scenarioLosses, double intraSpreadCharge, double shortOptionMinimum,
    double interCommodityCredit, double netOptionValue, double settledValue, List<CombinedCommodityMargin> commodities,
    List<SpanPositionArray> positions) implements MarginDetails {

  /** Copies the lists. */
  public SpanCurrencyMargin {
    commodities = List.copyOf(commodities);
    positions = List.copyOf(positions);
  }

  @Override
  public String model() {
    return SpanMarginCalculator.MODEL;
  }
}
