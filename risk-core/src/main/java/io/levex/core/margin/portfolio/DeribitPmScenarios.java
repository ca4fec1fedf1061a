package io.levex.core.margin.portfolio;

import io.levex.core.basics.Asset;
import io.levex.core.scenario.Scenario;
import io.levex.core.scenario.ScenarioSet;
import io.levex.core.scenario.UnderlyingShift;
import io.levex.core.scenario.VolShift;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The scenario set of Deribit PM for one underlying: the standard table (price points
 * {@code j x price_range / buckets_count}, j = -buckets..+buckets, each with vol up, unchanged, down), then the
 * extended table (the extended moves, vol up). Immutable.
 *
 * @param underlying  the underlying
 * @param parameters  the parameters
 * @param set  the scenario set: the standard entries, then the extended ones
 * @param buckets  the description of each scenario, same order
 * @param standardCount  the number of standard entries ({@code (2 buckets + 1) x 3})
 */
public record DeribitPmScenarios(
    Asset underlying, DeribitPmParameters parameters, ScenarioSet set, List<PmBucket> buckets, int standardCount) {

  /** Copies the list. */
  public DeribitPmScenarios {
    buckets = List.copyOf(buckets);
  }

  /**
   * Builds the scenarios.
   *
   * @param underlying  the underlying
   * @param p  its parameters
   * @return the scenarios
   */
  public static DeribitPmScenarios of(Asset underlying, DeribitPmParameters p) {
    List<Scenario> scenarios = new ArrayList<>();
    List<PmBucket> buckets = new ArrayList<>();
    VolShift up = DeribitVolShock.up(p);
    VolShift down = DeribitVolShock.down(p);
    int n = p.bucketsCount();
    int vectorIndex = 0;
    for (int j = -n; j <= n; j++) {
      double move = j * p.priceRange() / n;
      for (PmVolScenario vol : PmVolScenario.values()) {
        VolShift shift = switch (vol) {
          case UP -> up;
          case UNCHANGED -> VolShift.NONE;
          case DOWN -> down;
        };
        String label = percent(move) + " / " + vol.label();
        scenarios.add(Scenario.of(label, underlying, UnderlyingShift.of(move, shift)));
        buckets.add(new PmBucket(label, PmBucket.STANDARD, j + n + 1, side(move), vol.ordinal() + 1, vectorIndex++,
            move, vol, 1.0));
      }
    }
    int standard = scenarios.size();
    for (int k = 0; k < p.extendedMoves().size(); k++) {
      double move = p.extendedMoves().get(k);
      String label = percent(move) + " / vol up (extended)";
      scenarios.add(Scenario.of(label, underlying, UnderlyingShift.of(move, up)));
      buckets.add(new PmBucket(label, PmBucket.EXTENDED, k + 1, side(move), 1, k, move, PmVolScenario.UP,
          DeribitVolShock.extendedWeight(move, p.priceRange(), p.extendedTableFactor())));
    }
    return new DeribitPmScenarios(underlying, p, ScenarioSet.of(scenarios), buckets, standard);
  }

  private static String side(double move) {
    return move < 0 ? "left" : move > 0 ? "right" : "center";
  }

  private static String percent(double move) {
    BigDecimal pct = new BigDecimal(Double.toString(move)).movePointRight(2)
        .setScale(4, java.math.RoundingMode.HALF_EVEN).stripTrailingZeros();
    String text = pct.signum() == 0 ? "0" : pct.toPlainString();
    return (pct.signum() > 0 ? "+" : "") + text + "%";
  }
}
