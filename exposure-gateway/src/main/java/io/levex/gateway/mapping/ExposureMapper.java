package io.levex.gateway.mapping;

import io.levex.api.convert.ProtoTimes;
import io.levex.api.v1.AccountMarginSummary;
import io.levex.api.v1.AssetAmount;
import io.levex.api.v1.ExpiryBucket;
import io.levex.api.v1.ExposureReport;
import io.levex.api.v1.ExposureTotals;
import io.levex.api.v1.ItemError;
import io.levex.api.v1.Mark;
import io.levex.api.v1.MarginResponse;
import io.levex.api.v1.Position;
import io.levex.api.v1.PositionExposure;
import io.levex.api.v1.UnderlyingExposure;
import io.levex.core.basics.Asset;
import java.util.List;
import java.util.Map;

/**
 * Exposure reports from risk-core to the API.
 */
public final class ExposureMapper {

  private ExposureMapper() {
  }

  /**
   * Converts a report.
   *
   * @param accountId  the account
   * @param report  the core report
   * @param positions  the API positions, by instrument name
   * @param marks  the marks used, by instrument name
   * @param balances  cash per asset
   * @param margin  the margin from margin-service, or null when unavailable
   * @param warnings  non-fatal problems
   * @return the API report
   */
  public static ExposureReport toProto(
      String accountId,
      io.levex.core.risk.ExposureReport report,
      Map<String, Position> positions,
      Map<String, Mark> marks,
      Map<Asset, Double> balances,
      MarginResponse margin,
      List<ItemError> warnings) {
    ExposureReport.Builder b = ExposureReport.newBuilder()
        .setAccountId(accountId)
        .setValuationTime(ProtoTimes.toProto(report.valuationTime()))
        .setTotals(totals(report.totals()))
        .setEquityUsd(report.equityUsd())
        .setGrossLeverage(report.grossLeverage())
        .setDeltaLeverage(report.deltaLeverage())
        .setOldestMarkAgeSeconds(report.oldestMarkAgeSeconds())
        .setStale(report.stale())
        .addAllWarnings(warnings);
    report.oldestMarkTime().ifPresent(t -> b.setOldestMarkTime(ProtoTimes.toProto(t)));
    for (io.levex.core.risk.PositionExposure p : report.positions()) {
      String name = p.position().instrument().name();
      b.addPositions(PositionExposure.newBuilder()
          .setPosition(positions.get(name))
          .setMark(marks.get(name))
          .setNotionalUsd(p.notionalUsd())
          .setDeltaCoin(p.deltaCoin())
          .setDeltaTotalCoin(p.deltaTotalCoin())
          .setDeltaUsd(p.deltaUsd())
          .setGammaCoinPerUsd(p.gammaCoinPerUsd())
          .setCashGammaUsdPerPct(p.cashGammaUsdPerPct())
          .setVegaUsdPerVolPoint(p.vegaUsdPerVolPoint())
          .setThetaUsdPerDay(p.thetaUsdPerDay())
          .setVegaCoinPerVolPoint(p.vegaCoinPerVolPoint())
          .setThetaCoinPerDay(p.thetaCoinPerDay())
          .setMarketValue(p.marketValue())
          .setUnrealizedPnl(p.unrealizedPnl()));
    }
    for (io.levex.core.risk.UnderlyingExposure u : report.underlyings()) {
      UnderlyingExposure.Builder ub = UnderlyingExposure.newBuilder()
          .setUnderlying(u.underlying().symbol())
          .setIndexPriceUsd(u.indexUsd())
          .setTotals(totals(u.totals()))
          .setFundingUsdPerDay(u.fundingUsdPerDay())
          .setEquityCoin(u.equityCoin())
          .setDeltaTotalWithEquityCoin(u.deltaTotalWithEquityCoin());
      for (io.levex.core.risk.ExpiryBucket e : u.byExpiry()) {
        ExpiryBucket.Builder eb = ExpiryBucket.newBuilder().setTotals(totals(e.totals()));
        e.expiry().ifPresent(t -> eb.setExpiry(ProtoTimes.toProto(t)));
        ub.addByExpiry(eb);
      }
      b.addUnderlyings(ub);
    }
    balances.forEach((a, v) -> b.addBalances(AssetAmount.newBuilder().setAsset(a.symbol()).setAmount(v)));
    if (margin != null) {
      b.setMargin(summary(margin));
    }
    return b.build();
  }

  /**
   * Summarises a margin response for an account: totals in USD, the ratio MM / margin balance over all currencies,
   * and the worst status.
   *
   * @param margin  the margin
   * @return the summary
   */
  public static AccountMarginSummary summary(MarginResponse margin) {
    double ratio = margin.getMarginBalanceUsd() > 0
        ? margin.getMaintenanceMarginUsd() / margin.getMarginBalanceUsd()
        : (margin.getMaintenanceMarginUsd() > 0 ? Double.POSITIVE_INFINITY : 0.0);
    return AccountMarginSummary.newBuilder()
        .setModel(margin.getModel())
        .addAllCurrencies(margin.getCurrenciesList())
        .setInitialMarginUsd(margin.getInitialMarginUsd())
        .setMaintenanceMarginUsd(margin.getMaintenanceMarginUsd())
        .setMarginBalanceUsd(margin.getMarginBalanceUsd())
        .setMarginRatio(ratio)
        .setStatus(margin.getStatus())
        .build();
  }

  /**
   * Converts totals.
   *
   * @param t  the core totals
   * @return the API totals
   */
  public static ExposureTotals totals(io.levex.core.risk.ExposureTotals t) {
    return ExposureTotals.newBuilder()
        .setGrossNotionalUsd(t.grossNotionalUsd())
        .setNetDeltaUsd(t.netDeltaUsd())
        .setGrossDeltaUsd(t.grossDeltaUsd())
        .setDeltaCoin(t.deltaCoin())
        .setDeltaTotalCoin(t.deltaTotalCoin())
        .setGammaCoinPerUsd(t.gammaCoinPerUsd())
        .setCashGammaUsdPerPct(t.cashGammaUsdPerPct())
        .setVegaUsdPerVolPoint(t.vegaUsdPerVolPoint())
        .setThetaUsdPerDay(t.thetaUsdPerDay())
        .setStandardizedVegaUsdPerVolPoint(t.standardizedVegaUsdPerVolPoint())
        .setUnrealizedPnlUsd(t.unrealizedPnlUsd())
        .build();
  }
}
