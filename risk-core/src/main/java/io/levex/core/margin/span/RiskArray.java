package io.levex.core.margin.span;

import io.levex.core.collect.Checks;
import io.levex.core.collect.InvalidInputException;
import java.util.Arrays;

/**
 * A SPAN risk array: the loss of one long unit in each of the 16 scenarios, <b>losses positive, gains
 * negative</b> (SPAN's sign, the opposite of Deribit's risk vectors), in the settlement currency; the extreme
 * scenarios (15, 16) are stored already multiplied by their cover fraction, as exchanges publish them. Immutable.
 */
public final class RiskArray {

  private final double[] losses;

  private RiskArray(double[] losses) {
    this.losses = losses;
  }

  /**
   * Creates an array from 16 losses (e.g. an exchange-published array).
   *
   * @param losses  the loss per scenario 1..16 (index 0..15), extremes already weighted
   * @return the array
   * @throws InvalidInputException INVALID_ARGUMENT when there are not 16 finite values
   */
  public static RiskArray of(double... losses) {
    if (losses == null || losses.length != SpanScenario.COUNT) {
      throw InvalidInputException.invalid("risk_array", losses == null ? "null" : losses.length + " values",
          "must have 16 values");
    }
    for (int j = 0; j < losses.length; j++) {
      Checks.finite("risk_array[" + j + "]", losses[j]);
    }
    return new RiskArray(losses.clone());
  }

  /**
   * Gets the loss in one scenario.
   *
   * @param index  0-based (scenario number - 1)
   * @return the loss, settlement currency per unit
   */
  public double loss(int index) {
    return losses[index];
  }

  /**
   * Gets a copy of the losses.
   *
   * @return the 16 losses
   */
  public double[] toArray() {
    return losses.clone();
  }

  /**
   * Returns this array times a size.
   *
   * @param size  the size, units of the array
   * @return the scaled array
   */
  public RiskArray times(double size) {
    double[] out = new double[losses.length];
    for (int j = 0; j < out.length; j++) {
      out[j] = size * losses[j] + 0.0; // + 0.0: no negative zeros
    }
    return new RiskArray(out);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RiskArray r && Arrays.equals(losses, r.losses);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(losses);
  }

  @Override
  public String toString() {
    return "RiskArray" + Arrays.toString(losses);
  }
}
