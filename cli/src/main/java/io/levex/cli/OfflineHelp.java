package io.levex.cli;

/**
 * Help text shared by the offline CSV commands ({@code price}, {@code iv}).
 */
final class OfflineHelp {

  static final String INPUT = "Input CSV: UTF-8, comma-separated, a header line first; blank lines and lines starting with # are skipped.";
  static final String OUTPUT = "Output CSV; standard output when absent (messages and progress go to standard error).";

  static final String COLUMNS_HEADING = "%nInput columns (names case-insensitive, any order; other columns are copied):%n";
  static final String OPTION_TYPE = "  option_type  call or put";
  static final String FORWARD = "  forward      F, forward of the expiry, USD per coin, > 0";
  static final String STRIKE = "  strike       K, USD per coin, > 0";
  static final String T_YEARS = "  t_years      time to expiry, years of 365 days, >= 0";
  static final String RATE = "  rate         continuous rate, decimal; optional column, empty cell = 0";
  static final String ERROR = "  error        empty, or the row's typed error (then the other computed cells\n"
      + "               are empty), e.g. INVALID_ARGUMENT: forward must be > 0: -5";
  static final String ROWS = "A bad row fails alone, with its error in its error cell; the other rows still\n"
      + "compute. Numbers print at full precision (shortest text that reads back to\n"
      + "the same double). Over 10,000 rows, progress lines go to standard error.";

  static final String EXIT_HEADING = "%nExit codes:%n";
  static final String EXIT_OK = "0:at least one row computed";
  static final String EXIT_NONE = "1:no row computed (every row has an error, or the file has no data rows)";
  static final String EXIT_USAGE = "2:usage error, unreadable input or unwritable output file, or a required column is missing";

  private OfflineHelp() {
  }
}
