package io.levex.cli.offline;

import io.levex.core.collect.InvalidInputException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One data row of an input CSV, read by column name. Immutable.
 *
 * @param header  the file's header
 * @param cells  the row's cells as written
 * @param line  1-based line number in the file
 */
public record CsvRow(CsvHeader header, List<String> cells, int line) {

  private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

  /** Copies the components. */
  public CsvRow {
    cells = List.copyOf(cells);
  }

  /**
   * Gets a cell, trimmed.
   *
   * @param column  the column name (lower case)
   * @return the text, empty when the column or the cell is absent
   */
  public String text(String column) {
    Integer i = header.index().get(column);
    return i == null || i >= cells.size() ? "" : cells.get(i).trim();
  }

  /**
   * Reads a required number. {@code NaN}, {@code Infinity}, {@code inf} (any case, signed) are read as such, so
   * that the range checks name them.
   *
   * @param column  the column name (lower case)
   * @return the number, possibly not finite
   * @throws InvalidInputException INVALID_ARGUMENT when the cell is empty or not a number
   */
  public double number(String column) {
    String text = text(column);
    if (text.isEmpty()) {
      throw InvalidInputException.invalid(column, "", "is required");
    }
    return parse(column, text);
  }

  /**
   * Reads an optional number.
   *
   * @param column  the column name (lower case)
   * @param absent  the value when the column or the cell is empty
   * @return the number, possibly not finite
   * @throws InvalidInputException INVALID_ARGUMENT when the cell is not a number
   */
  public double optionalNumber(String column, double absent) {
    String text = text(column);
    return text.isEmpty() ? absent : parse(column, text);
  }

  static double parse(String column, String text) {
    switch (text.toLowerCase(Locale.ROOT)) {
      case "nan", "+nan", "-nan" -> {
        return Double.NaN;
      }
      case "inf", "+inf", "infinity", "+infinity" -> {
        return Double.POSITIVE_INFINITY;
      }
      case "-inf", "-infinity" -> {
        return Double.NEGATIVE_INFINITY;
      }
      default -> {
        if (!DECIMAL.matcher(text).matches()) {
          throw InvalidInputException.invalid(column, text, "is not a number");
        }
        return Double.parseDouble(text);
      }
    }
  }
}
