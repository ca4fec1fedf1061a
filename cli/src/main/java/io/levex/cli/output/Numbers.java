package io.levex.cli.output;

import java.util.Locale;

/**
 * Number formats of the command line's tables (fixed decimals, thousands separators, units in headers).
 */
public final class Numbers {

  private Numbers() {
  }

  /**
   * Formats a USD amount with thousands separators and no decimals ({@code -12,345}).
   *
   * @param v  the amount
   * @return the text
   */
  public static String usd(double v) {
    return fixed(v, 0);
  }

  /**
   * Formats a USD amount with two decimals.
   *
   * @param v  the amount
   * @return the text
   */
  public static String usd2(double v) {
    return fixed(v, 2);
  }

  /**
   * Formats a coin amount with six decimals.
   *
   * @param v  the amount
   * @return the text
   */
  public static String coin(double v) {
    return fixed(v, 6);
  }

  /**
   * Formats a fraction as a percentage with one decimal ({@code 0.4177 -> 41.8%}).
   *
   * @param v  the fraction
   * @return the text
   */
  public static String pct(double v) {
    if (Double.isInfinite(v)) {
      return "inf";
    }
    return String.format(Locale.ROOT, "%.1f%%", 100 * v);
  }

  /**
   * Formats a ratio with two decimals and an x ({@code 3.25x}).
   *
   * @param v  the ratio
   * @return the text
   */
  public static String times(double v) {
    if (Double.isInfinite(v)) {
      return "inf";
    }
    return String.format(Locale.ROOT, "%.2fx", v);
  }

  /**
   * Formats in scientific notation with the given significant digits after the first ({@code 9.03e-05}).
   *
   * @param v  the value
   * @param decimals  the digits after the decimal point of the mantissa
   * @return the text; {@code n/a} for NaN
   */
  public static String sci(double v, int decimals) {
    if (Double.isNaN(v)) {
      return "n/a";
    }
    return String.format(Locale.ROOT, "%." + decimals + "e", v);
  }

  /**
   * Formats with fixed decimals and thousands separators.
   *
   * @param v  the value
   * @param decimals  the number of decimals
   * @return the text
   */
  public static String fixed(double v, int decimals) {
    if (Double.isNaN(v)) {
      return "n/a";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "inf" : "-inf";
    }
    String s = String.format(Locale.ROOT, "%,." + decimals + "f", v);
    return s.equals(String.format(Locale.ROOT, "-%,." + decimals + "f", 0.0)) ? s.substring(1) : s;
  }
}
