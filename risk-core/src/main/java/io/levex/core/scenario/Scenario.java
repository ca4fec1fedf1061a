package io.levex.core.scenario;

import io.levex.core.basics.Asset;
import io.levex.core.collect.Checks;
import java.util.Map;
import java.util.Objects;

/**
 * One scenario: per-underlying shifts, a shift for all other underlyings, and an optional time roll.
 * <p>
 * With a roll of d days, every instrument is revalued with {@code T - d/365} years left; legs expiring inside the
 * horizon are settled at the shocked price (their intrinsic value at the shocked index). Immutable.
 *
 * @param label  a readable name, e.g. {@code -16% / vol up}
 * @param shifts  shifts by underlying
 * @param otherwise  the shift of underlyings not in {@code shifts}
 * @param rollDays  the time roll, calendar days, >= 0
 */
public record Scenario(String label, Map<Asset, UnderlyingShift> shifts, UnderlyingShift otherwise, double rollDays) {

  /** Validates and copies. */
  public Scenario {
    Objects.requireNonNull(label, "label");
    shifts = Map.copyOf(shifts);
    Objects.requireNonNull(otherwise, "otherwise");
    Checks.nonNegative("roll_days", rollDays);
  }

  /**
   * A scenario applying the same shift to every underlying, without time roll.
   *
   * @param label  the label
   * @param shift  the shift
   * @return the scenario
   */
  public static Scenario uniform(String label, UnderlyingShift shift) {
    return new Scenario(label, Map.of(), shift, 0);
  }

  /**
   * A scenario shifting one underlying (others unchanged), without time roll.
   *
   * @param label  the label
   * @param underlying  the underlying
   * @param shift  its shift
   * @return the scenario
   */
  public static Scenario of(String label, Asset underlying, UnderlyingShift shift) {
    return new Scenario(label, Map.of(underlying, shift), UnderlyingShift.NONE, 0);
  }

  /**
   * Returns a copy with a time roll.
   *
   * @param days  calendar days, >= 0
   * @return the scenario
   */
  public Scenario withRollDays(double days) {
    return new Scenario(label, shifts, otherwise, days);
  }

  /**
   * Gets the shift of an underlying.
   *
   * @param underlying  the underlying
   * @return its shift
   */
  public UnderlyingShift shiftOf(Asset underlying) {
    return shifts.getOrDefault(underlying, otherwise);
  }
}
