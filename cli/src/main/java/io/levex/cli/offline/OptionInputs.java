package io.levex.cli.offline;

import io.levex.core.collect.Checks;
import io.levex.core.collect.InvalidInputException;
import java.util.Locale;

/**
 * The option columns shared by {@code levex price} and {@code levex iv}, validated. Immutable.
 *
 * @param call  true for a call ({@code option_type} call), false for a put
 * @param forward  {@code forward}: F, USD per coin, > 0
 * @param strike  {@code strike}: K, USD per coin, > 0
 * @param tYears  {@code t_years}: time to expiry, 365-day years, >= 0
 * @param rate  {@code rate}: continuously compounded rate, decimal (0 when absent)
 */
public record OptionInputs(boolean call, double forward, double strike, double tYears, double rate) {

  /** Column {@code option_type}: call or put. */
  public static final String OPTION_TYPE = "option_type";
  /** Column {@code forward}: USD per coin. */
  public static final String FORWARD = "forward";
  /** Column {@code strike}: USD per coin. */
  public static final String STRIKE = "strike";
  /** Column {@code t_years}: 365-day years. */
  public static final String T_YEARS = "t_years";
  /** Column {@code rate}: decimal, continuous; optional. */
  public static final String RATE = "rate";
  /** Column {@code vol}: decimal. */
  public static final String VOL = "vol";
  /** Largest accepted vol (decimal): 10 = 1000%. */
  public static final double MAX_VOL = 10.0;

  /**
   * Checks that a header has the option columns ({@code rate} is optional).
   *
   * @param header  the header
   * @throws InvalidInputException naming the first missing column
   */
  public static void requireColumns(CsvHeader header) {
    header.require(OPTION_TYPE);
    header.require(FORWARD);
    header.require(STRIKE);
    header.require(T_YEARS);
  }

  /**
   * Reads and validates the option columns of a row, in column order of the specification.
   *
   * @param row  the row
   * @return the inputs
   * @throws InvalidInputException INVALID_ARGUMENT naming the first bad column and its value
   */
  public static OptionInputs read(CsvRow row) {
    String type = row.text(OPTION_TYPE);
    boolean call = switch (type.toLowerCase(Locale.ROOT)) {
      case "call" -> true;
      case "put" -> false;
      case "" -> throw InvalidInputException.invalid(OPTION_TYPE, "", "is required (call or put)");
      default -> throw InvalidInputException.invalid(OPTION_TYPE, type, "must be call or put");
    };
    double forward = Checks.positive(FORWARD, row.number(FORWARD));
    double strike = Checks.positive(STRIKE, row.number(STRIKE));
    double t = Checks.nonNegative(T_YEARS, row.number(T_YEARS));
    double rate = Checks.finite(RATE, row.optionalNumber(RATE, 0.0));
    return new OptionInputs(call, forward, strike, t, rate);
  }

  /**
   * Reads and validates the {@code vol} column: a decimal in (0, 10].
   *
   * @param row  the row
   * @return the vol, decimal
   * @throws InvalidInputException INVALID_ARGUMENT naming {@code vol} and its value
   */
  public static double readVol(CsvRow row) {
    double vol = Checks.finite(VOL, row.number(VOL));
    if (!(vol > 0) || vol > MAX_VOL) {
      throw InvalidInputException.invalid(VOL, Checks.format(vol), "must lie in (0, 10] (a decimal: 0.5 = 50%)");
    }
    return vol;
  }
}
