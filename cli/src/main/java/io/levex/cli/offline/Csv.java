package io.levex.cli.offline;

import io.levex.core.collect.ErrorKind;
import io.levex.core.collect.InputError;
import io.levex.core.collect.InvalidInputException;
import java.util.ArrayList;
import java.util.List;

/**
 * Minimal CSV (RFC 4180 within one line): comma-separated cells, optionally double-quoted with {@code ""} for a
 * quote inside; a quoted cell cannot span lines. Stateless.
 */
public final class Csv {

  private Csv() {
  }

  /**
   * Splits one line into cells (a quoted cell is unquoted; cells are not trimmed).
   *
   * @param line  the line, without its line break
   * @return the cells
   * @throws InvalidInputException INVALID_ARGUMENT (field {@code row}) on an unterminated quoted cell
   */
  public static List<String> split(String line) {
    List<String> cells = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    int i = 0;
    int n = line.length();
    while (true) {
      if (i < n && line.charAt(i) == '"') {
        i++;
        while (true) {
          if (i >= n) {
            throw new InvalidInputException(new InputError(ErrorKind.INVALID_ARGUMENT, "row", line,
                "row has an unterminated quoted cell: " + line));
          }
          char c = line.charAt(i++);
          if (c == '"') {
            if (i < n && line.charAt(i) == '"') {
              cell.append('"');
              i++;
            } else {
              break;
            }
          } else {
            cell.append(c);
          }
        }
        // text after the closing quote up to the next comma is kept as is
        while (i < n && line.charAt(i) != ',') {
          cell.append(line.charAt(i++));
        }
      } else {
        while (i < n && line.charAt(i) != ',') {
          cell.append(line.charAt(i++));
        }
      }
      cells.add(cell.toString());
      cell.setLength(0);
      if (i >= n) {
        return cells;
      }
      i++; // the comma
    }
  }

  /**
   * Quotes a cell when it holds a comma, a quote or a line break.
   *
   * @param cell  the cell text
   * @return the CSV text of the cell
   */
  public static String quote(String cell) {
    if (cell.indexOf(',') < 0 && cell.indexOf('"') < 0 && cell.indexOf('\n') < 0 && cell.indexOf('\r') < 0) {
      return cell;
    }
    return '"' + cell.replace("\"", "\"\"") + '"';
  }

  /**
   * Formats a number for a data cell at full precision: the shortest text that reads back to the same double
   * ({@link Double#toString}, e.g. {@code 5.581106724604812}, {@code -1.2E-5}); {@code -0.0} prints as {@code 0.0}.
   *
   * @param v  the number
   * @return the text
   */
  public static String number(double v) {
    return Double.toString(v == 0.0 ? 0.0 : v);
  }

  /**
   * Joins cells into one CSV line (no line break).
   *
   * @param cells  the cells
   * @return the line
   */
  public static String join(List<String> cells) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      out.append(quote(cells.get(i)));
    }
    return out.toString();
  }
}
