package io.levex.core.scenario;

import io.levex.core.basics.Asset;
import io.levex.core.basics.YearFractions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An ordered list of scenarios; instrument vectors are indexed like this list.
 * <p>
 * Immutable and thread-safe. Per underlying, the set hoists the per-scenario constants the revaluation loop needs
 * ({@code 1 + m}, {@code ln(1 + m)}, the vol shifts, the roll in years) into arrays, once.
 */
public final class ScenarioSet {

  private final List<Scenario> scenarios;
  private final Map<Asset, Resolved> resolved = new ConcurrentHashMap<>();

  private ScenarioSet(List<Scenario> scenarios) {
    this.scenarios = List.copyOf(scenarios);
  }

  /**
   * Creates a set.
   *
   * @param scenarios  the scenarios, in order
   * @return the set
   */
  public static ScenarioSet of(List<Scenario> scenarios) {
    return new ScenarioSet(scenarios);
  }

  /**
   * Gets the scenarios.
   *
   * @return the scenarios, in order
   */
  public List<Scenario> scenarios() {
    return scenarios;
  }

  /**
   * Gets the number of scenarios.
   *
   * @return the size
   */
  public int size() {
    return scenarios.size();
  }

  /**
   * Gets one scenario.
   *
   * @param index  0-based
   * @return the scenario
   */
  public Scenario get(int index) {
    return scenarios.get(index);
  }

  Resolved resolve(Asset underlying) {
    return resolved.computeIfAbsent(underlying, this::build);
  }

  private Resolved build(Asset underlying) {
    int n = scenarios.size();
    double[] spotFactor = new double[n];
    double[] forwardFactor = new double[n];
    double[] logForwardFactor = new double[n];
    double[] rollYears = new double[n];
    VolShift[] vol = new VolShift[n];
    boolean anyRoll = false;
    for (int j = 0; j < n; j++) {
      Scenario s = scenarios.get(j);
      UnderlyingShift u = s.shiftOf(underlying);
      spotFactor[j] = 1.0 + u.spotMove();
      forwardFactor[j] = 1.0 + u.forwardMove();
      logForwardFactor[j] = Math.log1p(u.forwardMove());
      rollYears[j] = s.rollDays() * 86_400.0 / YearFractions.SECONDS_PER_YEAR;
      anyRoll |= s.rollDays() > 0;
      vol[j] = u.volShift();
    }
    return new Resolved(spotFactor, forwardFactor, logForwardFactor, rollYears, vol, anyRoll);
  }

  /** Per-underlying hoisted constants (package-private; arrays never exposed). */
  record Resolved(
      double[] spotFactor, double[] forwardFactor, double[] logForwardFactor, double[] rollYears, VolShift[] vol,
      boolean anyRoll) {
  }
}
