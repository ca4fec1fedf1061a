package io.levex.cli.offline;

import io.levex.core.collect.InvalidInputException;
import java.util.List;

/**
 * What {@link CsvBatch} runs on each row: checks the header, then turns one input row into its output cells.
 * Implementations are stateless.
 */
public interface RowCalculator {

  /**
   * Checks that the header has the required columns.
   *
   * @param header  the header
   * @throws InvalidInputException INVALID_ARGUMENT (field {@code header}) naming a missing column
   */
  void checkHeader(CsvHeader header);

  /**
   * Gets the names of the computed columns, without the final {@code error} column.
   *
   * @return the names
   */
  List<String> outputColumns();

  /**
   * Computes one row.
   *
   * @param row  the input row
   * @return one cell per {@link #outputColumns()} entry
   * @throws InvalidInputException when the row is bad; the row's {@code error} cell gets its message
   */
  List<String> compute(CsvRow row);
}
