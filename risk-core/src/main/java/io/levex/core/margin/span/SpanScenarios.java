package io.levex.core.margin.span;

import io.levex.core.basics.Asset;
import io.levex.core.scenario.Scenario;
import io.levex.core.scenario.ScenarioSet;
import io.levex.core.scenario.UnderlyingShift;
import io.levex.core.scenario.VolShift;
import java.util.ArrayList;
import java.util.List;

/**
 * The 16 SPAN scenarios of one underlying as a {@link ScenarioSet} of the scenario engine, in
 * {@link SpanScenario#STANDARD} order: spot and every forward move by {@link SpanScenario#priceMove}, the vol by
 * {@code vol x (1 +/- volatility_scan_range)} (extremes: unchanged), and every scenario rolls time by the
 * look-ahead. Immutable.
 *
 * @param underlying  the underlying
 * @param parameters  its parameters
 * @param lookAheadDays  the time roll, calendar days
 * @param set  the scenario set
 */
public record SpanScenarios(Asset underlying, SpanParameters parameters, double lookAheadDays, ScenarioSet set) {

  /**
   * Builds the scenarios.
   *
   * @param underlying  the underlying
   * @param p  its parameters
   * @param lookAheadDays  the time roll, calendar days
   * @return the scenarios
   */
  public static SpanScenarios of(Asset underlying, SpanParameters p, double lookAheadDays) {
    VolShift up = VolShift.relative(p.volatilityScanRange());
    VolShift down = VolShift.relative(-p.volatilityScanRange());
    List<Scenario> list = new ArrayList<>(SpanScenario.COUNT);
    for (SpanScenario s : SpanScenario.STANDARD) {
      VolShift vol = s.volDirection() > 0 ? up : s.volDirection() < 0 ? down : VolShift.NONE;
      double move = s.priceMove(p.priceScanRange(), p.extremeMoveMultiple());
      list.add(Scenario.of(s.number() + ": " + s.label(), underlying, UnderlyingShift.of(move, vol))
          .withRollDays(lookAheadDays));
    }
    return new SpanScenarios(underlying, p, lookAheadDays, ScenarioSet.of(list));
  }
}
