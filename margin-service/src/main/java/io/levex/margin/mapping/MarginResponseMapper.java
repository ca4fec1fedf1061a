package io.levex.margin.mapping;

import io.levex.api.convert.ProtoTimes;
import io.levex.api.v1.CurrencyMargin;
import io.levex.api.v1.MarginModel;
import io.levex.api.v1.MarginResponse;
import io.levex.api.v1.MarginStatus;
import io.levex.api.v1.PositionMargin;
import io.levex.api.v1.RiskMatrixDetails;
import io.levex.core.margin.CurrencyMarginResult;
import io.levex.core.margin.MarginResult;
import io.levex.core.margin.PositionMarginResult;
import io.levex.core.margin.portfolio.PortfolioCurrencyMargin;
import io.levex.core.margin.portfolio.RiskMatrixMarginDetails;
import java.time.Instant;

/**
 * Margin results from risk-core to the API.
 */
public final class MarginResponseMapper {

  private MarginResponseMapper() {
  }

  /**
   * Converts a margin result.
   *
   * @param result  the result
   * @param model  the model used
   * @param valuation  the valuation instant
   * @return the response
   */
  public static MarginResponse toProto(MarginResult result, MarginModel model, Instant valuation) {
    MarginResponse.Builder b = MarginResponse.newBuilder()
        .setModel(model)
        .setParameterSet(result.parameterSet())
        .setInitialMarginUsd(result.initialMarginUsd())
        .setMaintenanceMarginUsd(result.maintenanceMarginUsd())
        .setMarginBalanceUsd(result.marginBalanceUsd())
        .setStatus(status(result.status()))
        .setValuationTime(ProtoTimes.toProto(valuation));
    for (CurrencyMarginResult c : result.currencies()) {
      b.addCurrencies(currency(c));
    }
    for (PositionMarginResult p : result.positions()) {
      b.addPositions(PositionMargin.newBuilder()
          .setInstrument(p.instrument())
          .setSize(p.size())
          .setCurrency(p.currency().symbol())
          .setInitialMargin(orZero(p.initialMargin()))
          .setMaintenanceMargin(orZero(p.maintenanceMargin()))
          .setUnrealizedPnl(p.unrealizedPnl())
          .setMarketValue(p.marketValue())
          .setWorstCaseContribution(p.worstCaseContribution()));
    }
    return b.build();
  }

  /**
   * Converts one currency's margin.
   *
   * @param c  the currency margin
   * @return the API message
   */
  public static CurrencyMargin currency(CurrencyMarginResult c) {
    CurrencyMargin.Builder b = CurrencyMargin.newBuilder();
    c.details(PortfolioCurrencyMargin.class).ifPresent(pm -> b.setRiskMatrixMarginDetails(riskMatrix(pm)));
    return b
        .setCurrency(c.currency().symbol())
        .setInitialMargin(c.initialMargin())
        .setMaintenanceMargin(c.maintenanceMargin())
        .setEquity(c.equity())
        .setMarginBalance(c.marginBalance())
        .setAvailableFunds(c.availableFunds())
        .setMarginRatio(c.marginRatio())
        .setStatus(status(c.status()))
        .setIndexPriceUsd(c.indexUsd())
        .build();
  }

  /**
   * Converts Deribit PM's {@code risk_matrix_margin_details} of one currency.
   *
   * @param pm  the currency's portfolio margin
   * @return the API message ({@code worst_case_bucket}: the bucket's label, e.g. {@code -16% / vol up}, empty without one)
   */
  public static RiskMatrixDetails riskMatrix(PortfolioCurrencyMargin pm) {
    RiskMatrixMarginDetails d = pm.riskMatrixMarginDetails();
    return RiskMatrixDetails.newBuilder()
        .setWorstCase(d.worstCase())
        .setWorstCaseBucket(d.worstCaseBucket() == null ? "" : d.worstCaseBucket().label())
        .setRollShock(d.rollShock())
        .setDeltaShock(d.deltaShock())
        .setCorrelationContingency(d.correlationContingency())
        .setRiskMatrixMargin(pm.riskMatrixMargin())
        .build();
  }

  /** Position IM / MM of a portfolio model are not separable (NaN in risk-core): 0 in the API. */
  private static double orZero(double v) {
    return Double.isNaN(v) ? 0.0 : v;
  }

  /**
   * Converts a status.
   *
   * @param s  the core status
   * @return the API status
   */
  public static MarginStatus status(io.levex.core.margin.MarginStatus s) {
    return switch (s) {
      case HEALTHY -> MarginStatus.MARGIN_STATUS_HEALTHY;
      case WARNING -> MarginStatus.MARGIN_STATUS_WARNING;
      case REDUCE_ONLY -> MarginStatus.MARGIN_STATUS_REDUCE_ONLY;
      case LIQUIDATION -> MarginStatus.MARGIN_STATUS_LIQUIDATION;
    };
  }
}
