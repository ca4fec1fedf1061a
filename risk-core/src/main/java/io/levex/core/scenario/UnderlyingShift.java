package io.levex.core.scenario;

import io.levex.core.collect.Checks;
import io.levex.core.collect.InvalidInputException;
import java.util.Objects;

/**
 * The shifts one scenario applies to one underlying: relative moves of the spot index and of every forward of the
 * underlying (perpetual marks and futures included), and a vol shift.
 *
 * @param spotMove  relative move of the index, decimal, > -1 (-0.16 = index x 0.84)
 * @param forwardMove  relative move of every forward and delta-one mark, decimal, > -1 (usually = spotMove)
 * @param volShift  the vol shift
 */
public record UnderlyingShift(double spotMove, double forwardMove, VolShift volShift) {

  /** No shift. */
  public static final UnderlyingShift NONE = new UnderlyingShift(0, 0, VolShift.NONE);

  /** Validates the components. */
  public UnderlyingShift {
    Checks.finite("spot_move", spotMove);
    Checks.finite("forward_move", forwardMove);
    if (spotMove <= -1) {
      throw InvalidInputException.invalid("spot_move", Checks.format(spotMove), "must be > -1");
    }
    if (forwardMove <= -1) {
      throw InvalidInputException.invalid("forward_move", Checks.format(forwardMove), "must be > -1");
    }
    Objects.requireNonNull(volShift, "volShift");
  }

  /**
   * A move of spot and forwards together, with a vol shift.
   *
   * @param move  relative move of spot and forwards, decimal, > -1
   * @param volShift  the vol shift
   * @return the shift
   */
  public static UnderlyingShift of(double move, VolShift volShift) {
    return new UnderlyingShift(move, move, volShift);
  }

  /**
   * A move of spot and forwards together, vol unchanged.
   *
   * @param move  relative move, decimal, > -1
   * @return the shift
   */
  public static UnderlyingShift move(double move) {
    return new UnderlyingShift(move, move, VolShift.NONE);
  }
}
