package io.levex.core.margin.portfolio;

import io.levex.core.basics.Asset;
import io.levex.core.margin.MarginDetails;
import java.util.List;

/**
 * Deribit PM of one settlement currency (the {@link MarginDetails} of PM results); every amount in that currency (coin for BTC/ETH, USDC for linear).
 *
 * @param currency  the settlement currency
 * @param initialMargin  {@code risk_matrix_margin + open_orders_margin + mmp_margin}
 * @param maintenanceMargin  {@code mm_factor x risk_matrix_margin}
 * @param riskMatrixMargin  {@code worst_case + roll_shock + delta_shock + correlation_contingency}
 * @param riskMatrixMarginDetails  the components
 * @param openOrdersMargin  the open-orders add-on (input)
 * @param mmpMargin  the market-maker-protection add-on (input)
 * @param settledValue  the settlement value of expired positions: cash, not margined
 * @param riskMatrices  the risk matrix of every underlying
 * @param positions  every position's vector and contribution
 */
public record PortfolioCurrencyMargin(
    Asset currency, double initialMargin, double maintenanceMargin, double riskMatrixMargin,
    RiskMatrixMarginDetails riskMatrixMarginDetails, double openOrdersMargin, double mmpMargin, double settledValue,
    List<RiskMatrix> riskMatrices, List<PositionRiskVector> positions) implements MarginDetails {

  /** Copies the lists. */
  public PortfolioCurrencyMargin {
    riskMatrices = List.copyOf(riskMatrices);
    positions = List.copyOf(positions);
  }

  @Override
  public String model() {
    return DeribitPortfolioMarginCalculator.MODEL;
  }
}
