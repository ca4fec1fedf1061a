package io.levex.cli.margin;

import io.levex.core.basics.Asset;
import io.levex.core.margin.MarginAccount;
import io.levex.core.margin.MarginCalculator;
import io.levex.core.margin.MarginParameters;
import io.levex.core.margin.MarginPosition;
import io.levex.core.margin.liquidation.LiquidationAnalyzer;
import io.levex.core.margin.liquidation.LiquidationPoint;
import io.levex.core.margin.liquidation.LiquidationSurface;
import io.levex.core.margin.liquidation.MarginView;
import io.levex.core.margin.liquidation.ModelMarginShift;
import io.levex.core.margin.liquidation.UnderlyingLiquidation;
import io.levex.core.scenario.ScenarioEngine;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The liquidation analysis of {@code levex margin} for every model risk-core's
 * {@link MarginCalculator} serves: per settlement currency (segregated view: its margin balance against its own MM)
 * and per underlying of the positions settled in it, every index level in -99% ... +1000% where margin balance = MM
 * ({@link LiquidationAnalyzer} over {@link ModelMarginShift}: options re-marked by the scenario engine, the model
 * re-run). Currencies without positions get an empty map.
 */
public final class ModelLiquidationAnalysis implements LiquidationAnalysis {

  /** The default instance: sigma distances over one day. */
  public static final ModelLiquidationAnalysis DEFAULT = new ModelLiquidationAnalysis(1.0);

  private final double horizonDays;

  /**
   * Creates an analysis.
   *
   * @param horizonDays  the horizon of the sigma distances, days, > 0
   */
  public ModelLiquidationAnalysis(double horizonDays) {
    this.horizonDays = horizonDays;
  }

  /** The vol the analyzer is given when the book has no option on the underlying (its sigma distance is not shown). */
  private static final double NOMINAL_VOL = 1.0;

  /**
   * Computes the margin-ratio surface of one currency (segregated) over moves of one underlying x vol shifts.
   *
   * @param inputs  the portfolio and its priced positions
   * @param model  the model
   * @param currency  the currency whose ratio is computed
   * @param underlying  the underlying moved
   * @param moves  relative index moves, each {@code > -1}
   * @param volShifts  absolute vol shifts, decimal
   * @return the surface
   */
  public static LiquidationSurface surface(MarginInputs inputs, MarginModel model, Asset currency, Asset underlying,
      List<Double> moves, List<Double> volShifts) {
    MarginParameters params = inputs.file().params().resolve(model.name());
    ModelMarginShift f = new ModelMarginShift(MarginCalculator.forModel(model.name()), MarginReports.account(inputs), params,
        MarginView.segregated(currency), ScenarioEngine.DEFAULT);
    return LiquidationAnalyzer.DEFAULT.surface(f, underlying, moves, volShifts);
  }

  @Override
  public Optional<Map<Asset, Map<Asset, MarginReport.UnderlyingLiquidation>>> analyse(
      MarginInputs inputs, MarginModel model, MarginReport report) {
    MarginParameters params = inputs.file().params().resolve(model.name());
    MarginCalculator calculator = MarginCalculator.forModel(model.name());
    MarginAccount account = MarginReports.account(inputs);
    Map<Asset, Map<Asset, MarginReport.UnderlyingLiquidation>> out = new TreeMap<>();
    for (MarginReport.CurrencyMargin c : report.currencies()) {
      Asset ccy = c.currency();
      List<MarginPosition> settled = inputs.positions().stream()
          .filter(p -> p.instrument().settlementCurrency().equals(ccy)).toList();
      Map<Asset, MarginReport.UnderlyingLiquidation> byUnderlying = new TreeMap<>();
      if (!settled.isEmpty()) {
        ModelMarginShift f = new ModelMarginShift(calculator, account, params, MarginView.segregated(ccy),
            ScenarioEngine.DEFAULT);
        for (Asset u : ModelMarginShift.underlyings(settled)) {
          double index = inputs.file().market().indexUsd().get(u);
          var atm = ModelMarginShift.atmVol(inputs.positions(), u);
          UnderlyingLiquidation r = LiquidationAnalyzer.DEFAULT.analyze(f, u, index, atm.orElse(NOMINAL_VOL), horizonDays);
          byUnderlying.put(u, new MarginReport.UnderlyingLiquidation(
              r.points().stream().map(LiquidationPoint::indexUsd).toList(),
              r.points().stream().map(LiquidationPoint::distancePct).toList(),
              r.points().stream().map(pt -> atm.isPresent() ? pt.distanceSigmas() : Double.NaN).toList(),
              atm.orElse(Double.NaN), horizonDays,
              r.drivers().stream().filter(d -> d.excessChange() < 0)
                  .map(d -> new MarginReport.Driver(d.instrument(), d.excessChange())).toList()));
        }
      }
      out.put(ccy, byUnderlying);
    }
    return Optional.of(out);
  }
}
