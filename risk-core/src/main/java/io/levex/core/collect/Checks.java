package io.levex.core.collect;

/**
 * Argument checks that throw {@link InvalidInputException} naming the field and the value.
 */
public final class Checks {

  private Checks() {
  }

  /**
   * Checks that a value is finite (not NaN, not infinite).
   *
   * @param field  the field name
   * @param value  the value
   * @return the value
   */
  public static double finite(String field, double value) {
    if (!Double.isFinite(value)) {
      throw InvalidInputException.invalid(field, format(value), "must be a finite number");
    }
    return value;
  }

  /**
   * Checks that a value is finite and strictly positive.
   *
   * @param field  the field name
   * @param value  the value
   * @return the value
   */
  public static double positive(String field, double value) {
    finite(field, value);
    if (value <= 0) {
      throw InvalidInputException.invalid(field, format(value), "must be > 0");
    }
    return value;
  }

  /**
   * Checks that a value is finite and not negative.
   *
   * @param field  the field name
   * @param value  the value
   * @return the value
   */
  public static double nonNegative(String field, double value) {
    finite(field, value);
    if (value < 0) {
      throw InvalidInputException.invalid(field, format(value), "must be >= 0");
    }
    return value;
  }

  /**
   * Checks that a value is finite and lies in [min, max].
   *
   * @param field  the field name
   * @param value  the value
   * @param min  the lower bound, inclusive
   * @param max  the upper bound, inclusive
   * @return the value
   */
  public static double inRange(String field, double value, double min, double max) {
    finite(field, value);
    if (value < min || value > max) {
      throw InvalidInputException.invalid(field, format(value), "must lie in [" + format(min) + ", " + format(max) + "]");
    }
    return value;
  }

  /**
   * Formats a double the way error messages show it (shortest round-trip form).
   *
   * @param value  the value
   * @return the text
   */
  public static String format(double value) {
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return Long.toString((long) value);
    }
    return Double.toString(value);
  }
}
