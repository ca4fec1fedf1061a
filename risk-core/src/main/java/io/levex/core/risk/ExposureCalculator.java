package io.levex.core.risk;

import io.levex.core.basics.Asset;
import io.levex.core.basics.SettlementType;
import io.levex.core.collect.InvalidInputException;
import io.levex.core.pricer.Greeks;
import io.levex.core.pricer.Valuation;
import io.levex.core.product.Instrument;
import io.levex.core.product.OptionInstrument;
import io.levex.core.product.PerpetualInstrument;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Computes the exposure of an account from its positions, their marks and its cash balances.
 * <p>
 * Per position: greeks of one long unit times signed size; notional and delta as documented on
 * {@link PositionExposure}. Per currency, equity = cash + unrealised futures PnL + option mark values;
 * USD figures use the underlying's index. Stateless and thread-safe.
 */
public final class ExposureCalculator {

  /** Default instance. */
  public static final ExposureCalculator DEFAULT = new ExposureCalculator();

  private static final double MIN_DAYS_FOR_STANDARDIZED_VEGA = 1.0;
  private static final double FUNDING_PERIODS_PER_DAY = 3.0;

  private ExposureCalculator() {
  }

  /**
   * Computes the report.
   *
   * @param valuationTime  the valuation instant
   * @param positions  positions with marks
   * @param balances  cash per asset
   * @param usdPrices  index in USD per unit of coin currencies (marks' indices are added automatically)
   * @param fundingRates8h  current funding rate per perpetual name, decimal per 8 h
   * @param staleAfterSeconds  age above which a mark is stale
   * @return the report
   */
  public ExposureReport compute(
      Instant valuationTime,
      List<ValuedPosition> positions,
      Map<Asset, Double> balances,
      Map<Asset, Double> usdPrices,
      Map<String, Double> fundingRates8h,
      double staleAfterSeconds) {

    Map<Asset, Double> prices = new TreeMap<>(usdPrices);
    for (ValuedPosition p : positions) {
      prices.putIfAbsent(p.instrument().underlying(), p.mark().indexUsd());
    }
    Map<Asset, Double> equity = new TreeMap<>();
    balances.forEach((a, v) -> equity.merge(a, v, Double::sum));

    List<PositionExposure> exposures = new ArrayList<>();
    Instant oldest = null;
    boolean stale = false;
    for (ValuedPosition p : positions) {
      PositionExposure e = position(p, prices);
      exposures.add(e);
      equity.merge(e.settlementCurrency(), e.equityContribution(), Double::sum);
      Valuation m = p.mark();
      if (oldest == null || m.sourceTime().isBefore(oldest)) {
        oldest = m.sourceTime();
      }
      stale |= m.ageSeconds() > staleAfterSeconds;
    }

    Map<Asset, List<PositionExposure>> byUnderlying = new TreeMap<>();
    exposures.forEach(e -> byUnderlying.computeIfAbsent(e.position().instrument().underlying(), k -> new ArrayList<>()).add(e));
    List<UnderlyingExposure> underlyings = new ArrayList<>();
    ExposureTotals all = ExposureTotals.ZERO;
    for (Map.Entry<Asset, List<PositionExposure>> entry : byUnderlying.entrySet()) {
      ExposureTotals totals = ExposureTotals.ZERO;
      Map<Optional<Instant>, ExposureTotals> buckets = new TreeMap<>(
          Comparator.comparing((Optional<Instant> o) -> o.orElse(Instant.MIN)));
      double funding = 0;
      for (PositionExposure e : entry.getValue()) {
        totals = totals.plus(e);
        buckets.merge(e.position().instrument().expiryTime(), ExposureTotals.ZERO.plus(e), (a, b) -> merge(a, b));
        funding += funding(e, fundingRates8h);
      }
      all = merge(all, totals);
      List<ExpiryBucket> bucketList = new ArrayList<>();
      buckets.forEach((k, v) -> bucketList.add(new ExpiryBucket(k, v)));
      Asset coin = entry.getKey();
      double equityCoin = equity.getOrDefault(coin, 0.0);
      underlyings.add(new UnderlyingExposure(coin, prices.get(coin), totals, bucketList, funding, equityCoin,
          totals.deltaTotalCoin() + equityCoin));
    }
    // coins held as collateral without positions still carry exposure
    for (Map.Entry<Asset, Double> e : equity.entrySet()) {
      Asset coin = e.getKey();
      if (!coin.isUsdLike() && !byUnderlying.containsKey(coin) && e.getValue() != 0.0) {
        underlyings.add(new UnderlyingExposure(coin, price(coin, prices), ExposureTotals.ZERO, List.of(), 0.0,
            e.getValue(), e.getValue()));
      }
    }
    underlyings.sort(Comparator.comparing(UnderlyingExposure::underlying));

    double equityUsd = 0;
    for (Map.Entry<Asset, Double> e : equity.entrySet()) {
      equityUsd += e.getValue() * price(e.getKey(), prices);
    }
    double grossLeverage = leverage(all.grossNotionalUsd(), equityUsd, positions.isEmpty());
    double deltaLeverage = leverage(Math.abs(all.netDeltaUsd()), equityUsd, positions.isEmpty());
    double age = oldest == null ? 0.0 : Math.max(0.0, (valuationTime.toEpochMilli() - oldest.toEpochMilli()) / 1000.0);
    return new ExposureReport(valuationTime, exposures, underlyings, all, equity, equityUsd, grossLeverage, deltaLeverage,
        Optional.ofNullable(oldest), age, stale);
  }

  /**
   * Computes the exposure of one position.
   *
   * @param p  the position with its mark
   * @param usdPrices  USD prices of coin currencies
   * @return the exposure
   */
  public PositionExposure position(ValuedPosition p, Map<Asset, Double> usdPrices) {
    Instrument inst = p.instrument();
    Valuation m = p.mark();
    Greeks g = m.greeks();
    double index = m.indexUsd();
    double size = p.size();
    double forward = m.forwardUsd();
    Asset ccy = inst.settlementCurrency();
    double ccyUsd = price(ccy, usdPrices);
    if (inst instanceof OptionInstrument o) {
      double deltaCoin = g.delta() * size;
      double deltaTotal = (o.settlement() == SettlementType.INVERSE ? g.deltaPremiumAdjustedCoin() : g.delta()) * size;
      double vega = g.vegaUsdPerVolPoint() * size;
      double days = Math.max(m.timeToExpiry() * 365.0, MIN_DAYS_FOR_STANDARDIZED_VEGA);
      double marketValue = m.price() * size;
      double upnl = p.averagePrice() > 0 ? (m.price() - p.averagePrice()) * size : 0.0;
      double step = 0.01 * forward;
      return new PositionExposure(p, Math.abs(size) * index, deltaCoin, deltaTotal, deltaCoin * index,
          g.gammaPerUsd() * size, 0.5 * g.gammaPerUsd() * step * step * size, vega, g.thetaUsdPerDay() * size,
          vega / forward, g.thetaUsdPerDay() * size / forward, vega * Math.sqrt(30.0 / days),
          ccy, marketValue, upnl, upnl * ccyUsd);
    }
    double mark = m.price();
    if (inst.settlement() == SettlementType.INVERSE) {
      boolean hasFace = p.faceUsd() != 0.0 || (p.averagePrice() > 0 && size != 0.0);
      double face = p.faceUsd() != 0.0 ? p.faceUsd() : size * (p.averagePrice() > 0 ? p.averagePrice() : mark);
      double deltaCoin = face / mark;
      double upnl = hasFace && p.averagePrice() > 0 ? face * (1.0 / p.averagePrice() - 1.0 / mark) : 0.0;
      return new PositionExposure(p, Math.abs(face), deltaCoin, deltaCoin, deltaCoin * index, 0, 0, 0, 0, 0, 0, 0,
          ccy, 0.0, upnl, upnl * ccyUsd);
    }
    double upnl = p.averagePrice() > 0 ? size * (mark - p.averagePrice()) : 0.0;
    return new PositionExposure(p, Math.abs(size) * mark, size, size, size * index, 0, 0, 0, 0, 0, 0, 0,
        ccy, 0.0, upnl, upnl * ccyUsd);
  }

  private static double funding(PositionExposure e, Map<String, Double> rates) {
    Instrument inst = e.position().instrument();
    if (!(inst instanceof PerpetualInstrument)) {
      return 0.0;
    }
    Double rate = rates.get(inst.name());
    if (rate == null) {
      return 0.0;
    }
    double signedUsd = inst.settlement() == SettlementType.INVERSE
        ? Math.signum(e.deltaCoin()) * e.notionalUsd()
        : e.position().size() * e.position().mark().price();
    return -rate * FUNDING_PERIODS_PER_DAY * signedUsd;
  }

  private static ExposureTotals merge(ExposureTotals a, ExposureTotals b) {
    return new ExposureTotals(
        a.grossNotionalUsd() + b.grossNotionalUsd(),
        a.netDeltaUsd() + b.netDeltaUsd(),
        a.grossDeltaUsd() + b.grossDeltaUsd(),
        a.deltaCoin() + b.deltaCoin(),
        a.deltaTotalCoin() + b.deltaTotalCoin(),
        a.gammaCoinPerUsd() + b.gammaCoinPerUsd(),
        a.cashGammaUsdPerPct() + b.cashGammaUsdPerPct(),
        a.vegaUsdPerVolPoint() + b.vegaUsdPerVolPoint(),
        a.thetaUsdPerDay() + b.thetaUsdPerDay(),
        a.standardizedVegaUsdPerVolPoint() + b.standardizedVegaUsdPerVolPoint(),
        a.unrealizedPnlUsd() + b.unrealizedPnlUsd());
  }

  private static double leverage(double amount, double equityUsd, boolean noPositions) {
    if (noPositions || amount == 0.0) {
      return 0.0;
    }
    return equityUsd > 0 ? amount / equityUsd : Double.POSITIVE_INFINITY;
  }

  private static double price(Asset asset, Map<Asset, Double> prices) {
    if (asset.isUsdLike()) {
      return 1.0;
    }
    Double p = prices.get(asset);
    if (p == null) {
      throw InvalidInputException.notFound("balances", asset.symbol(), "has no index price to convert to USD");
    }
    return p;
  }

}
