package io.levex.cli.offline;

import io.levex.core.collect.InvalidInputException;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The header line of an input CSV: column names as written, looked up trimmed and case-insensitively.
 * Immutable.
 *
 * @param names  the column names as written (a leading byte-order mark removed)
 * @param index  position of each column, by its trimmed lower-case name
 */
public record CsvHeader(List<String> names, Map<String, Integer> index) {

  /** Copies the components. */
  public CsvHeader {
    names = List.copyOf(names);
    index = Collections.unmodifiableMap(new HashMap<>(index));
  }

  /**
   * Builds a header from its cells.
   *
   * @param cells  the cells of the header line
   * @return the header
   * @throws InvalidInputException INVALID_ARGUMENT (field {@code header}) when a column is named twice or a name is empty
   */
  public static CsvHeader of(List<String> cells) {
    List<String> names = new java.util.ArrayList<>(cells);
    if (!names.isEmpty() && names.get(0).startsWith("\uFEFF")) {
      names.set(0, names.get(0).substring(1));
    }
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < names.size(); i++) {
      String key = key(names.get(i));
      if (key.isEmpty()) {
        throw InvalidInputException.invalid("header", String.join(",", names), "has an empty column name (column " + (i + 1) + ")");
      }
      if (index.putIfAbsent(key, i) != null) {
        throw InvalidInputException.invalid("header", String.join(",", names), "names the column " + key + " twice");
      }
    }
    return new CsvHeader(names, index);
  }

  /**
   * Tells whether the header has a column.
   *
   * @param column  the column name (lower case)
   * @return true when present
   */
  public boolean has(String column) {
    return index.containsKey(column);
  }

  /**
   * Checks that the header has a column.
   *
   * @param column  the column name (lower case)
   * @throws InvalidInputException INVALID_ARGUMENT (field {@code header}) naming the missing column
   */
  public void require(String column) {
    if (!has(column)) {
      throw InvalidInputException.invalid("header", String.join(",", names), "lacks the required column " + column);
    }
  }

  static String key(String name) {
    return name.trim().toLowerCase(Locale.ROOT);
  }
}
