package io.levex.cli.margin;

import io.levex.core.basics.Asset;
import io.levex.core.collect.InvalidInputException;
import io.levex.core.margin.CurrencyMarginResult;
import io.levex.core.margin.MarginParameters;
import io.levex.core.margin.MarginPosition;
import io.levex.core.margin.MarginResult;
import io.levex.core.margin.MarginStatus;
import io.levex.core.margin.PositionMarginResult;
import io.levex.core.margin.StandardMarginCalculator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code deribit-sm}: Deribit standard margin by risk-core's {@link StandardMarginCalculator}; the file's
 * {@code open_orders_margin} and {@code mmp_margin} are added to the IM of their currency.
 */
public final class StandardMarginModel implements MarginModel {

  /** The model name. */
  public static final String NAME = StandardMarginCalculator.MODEL;

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public MarginReport margin(MarginInputs inputs) {
    PortfolioFile file = inputs.file();
    MarginParameters params = file.params().resolve(NAME);
    MarginResult r = StandardMarginCalculator.DEFAULT.margin(inputs.positions(), file.collateral(), file.market().indexUsd(), params);

    Set<Asset> present = new TreeSet<>();
    r.currencies().forEach(c -> present.add(c.currency()));
    checkAddOns(file.openOrdersMargin(), "open_orders_margin", present);
    checkAddOns(file.mmpMargin(), "mmp_margin", present);

    List<MarginReport.CurrencyMargin> currencies = new ArrayList<>();
    double equityUsd = 0;
    double mbUsd = 0;
    double imUsd = 0;
    double mmUsd = 0;
    MarginStatus worst = MarginStatus.HEALTHY;
    for (CurrencyMarginResult c : r.currencies()) {
      double openOrders = file.openOrdersMargin().getOrDefault(c.currency(), 0.0);
      double mmp = file.mmpMargin().getOrDefault(c.currency(), 0.0);
      double im = c.initialMargin() + openOrders + mmp;
      currencies.add(new MarginReport.CurrencyMargin(c.currency(), c.indexUsd(), c.equity(), c.marginBalance(), im,
          c.maintenanceMargin(), c.marginBalance() - im, c.marginRatio(), c.status(), openOrders, mmp, null, null));
      equityUsd += c.equity() * c.indexUsd();
      mbUsd += c.marginBalance() * c.indexUsd();
      imUsd += im * c.indexUsd();
      mmUsd += c.maintenanceMargin() * c.indexUsd();
      worst = worst.worse(c.status());
    }
    List<MarginReport.PositionMargin> positions = new ArrayList<>();
    for (int i = 0; i < r.positions().size(); i++) {
      PositionMarginResult p = r.positions().get(i);
      MarginPosition in = inputs.positions().get(i);
      positions.add(new MarginReport.PositionMargin(p.instrument(), p.size(), in.averagePrice(), p.currency(),
          p.initialMargin(), p.maintenanceMargin(), p.unrealizedPnl(), p.marketValue(), in.mark()));
    }
    return new MarginReport(NAME, r.parameterSet(), currencies, positions,
        new MarginReport.UsdTotals(equityUsd, mbUsd, imUsd, mmUsd, mbUsd - imUsd, worst), List.of());
  }

  private static void checkAddOns(Map<Asset, Double> addOns, String field, Set<Asset> present) {
    for (Asset a : addOns.keySet()) {
      if (!present.contains(a)) {
        throw InvalidInputException.invalid(field + "[" + a + "]", a,
            "is for a currency the portfolio neither holds as collateral nor settles positions in (currencies: " + present + ")");
      }
    }
  }
}
