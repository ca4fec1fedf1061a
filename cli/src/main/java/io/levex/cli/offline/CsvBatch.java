package io.levex.cli.offline;

import io.levex.cli.suite.Progress;
import io.levex.core.collect.ErrorKind;
import io.levex.core.collect.InputError;
import io.levex.core.collect.InvalidInputException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import picocli.CommandLine.ExitCode;

/**
 * Runs a {@link RowCalculator} over a CSV file, row by row (streaming: memory does not grow with the file).
 * <p>
 * Output: the input columns as written (except any named like a computed column, which the computed one replaces),
 * then the computed columns, then {@code error}. A bad row gets empty computed cells and its typed error
 * ({@code KIND: message naming the column and the value}) in {@code error}; the other rows still compute. Blank lines
 * and lines starting with {@code #} are skipped. Exit codes: 0 when at least one row computed, 1 when none did
 * (including a file without data rows), 2 when the file cannot be read or written or lacks a required column.
 * Over {@value #PROGRESS_ROWS} rows, progress lines go to standard error.
 */
public final class CsvBatch {

  /** Row count from which progress is printed, and the step between progress lines (at most one a second). */
  public static final int PROGRESS_ROWS = 10_000;
  /** The error column. */
  public static final String ERROR = "error";

  private static final int FIRST_ERRORS = 3;

  private CsvBatch() {
  }

  /**
   * The outcome of a run.
   *
   * @param rows  data rows read
   * @param failed  rows with an error cell
   * @param firstErrors  the first few errors, each prefixed with its line number
   */
  public record Result(int rows, int failed, List<String> firstErrors) {

    /** Copies the components. */
    public Result {
      firstErrors = List.copyOf(firstErrors);
    }

    /**
     * Gets the number of rows that computed.
     *
     * @return rows - failed
     */
    public int succeeded() {
      return rows - failed;
    }
  }

  /**
   * Runs a command: reads {@code input}, writes the output CSV to {@code output} (or {@code stdout}), prints
   * messages and progress to {@code stderr}.
   *
   * @param command  the command name for messages, e.g. {@code price}
   * @param input  the input CSV
   * @param output  the output CSV, null for standard output
   * @param calculator  what to compute
   * @param stdout  standard output (data only)
   * @param stderr  standard error (messages, progress)
   * @return the exit code
   */
  public static int execute(String command, Path input, Path output, RowCalculator calculator, PrintWriter stdout, PrintWriter stderr) {
    String prefix = "levex " + command + ": ";
    if (output != null && sameFile(input, output)) {
      stderr.println(prefix + "--output must not be the input file: " + output);
      return ExitCode.USAGE;
    }
    Result result;
    try (BufferedReader in = Files.newBufferedReader(input, StandardCharsets.UTF_8)) {
      Lines lines = new Lines(in);
      String headerLine = lines.next();
      if (headerLine == null) {
        stderr.println(prefix + "input file " + input + " is empty: no header line");
        return ExitCode.USAGE;
      }
      CsvHeader header;
      try {
        header = CsvHeader.of(Csv.split(headerLine));
        calculator.checkHeader(header);
      } catch (InvalidInputException ex) {
        stderr.println(prefix + "input file " + input + ": " + headerMessage(ex.error()));
        return ExitCode.USAGE;
      }
      Progress progress = new Progress(stderr);
      if (output == null) {
        result = process(lines, header, stdout, calculator, progress, prefix);
        stdout.flush();
      } else {
        try (Writer out = Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
          result = process(lines, header, out, calculator, progress, prefix);
        } catch (IOException ex) {
          stderr.println(prefix + "cannot write output file " + output + ": " + describe(ex));
          return ExitCode.USAGE;
        }
      }
    } catch (IOException | UncheckedIOException ex) {
      IOException cause = ex instanceof UncheckedIOException u ? u.getCause() : (IOException) ex;
      stderr.println(prefix + "cannot read input file " + input + ": " + describe(cause));
      return ExitCode.USAGE;
    }
    if (result.rows() == 0) {
      stderr.println(prefix + "input file " + input + " has no data rows");
      return ExitCode.SOFTWARE;
    }
    if (result.succeeded() == 0) {
      stderr.println(prefix + "no row could be processed (" + result.rows() + " rows, all with errors); first: "
          + String.join("; ", result.firstErrors()));
      stderr.flush();
      return ExitCode.SOFTWARE;
    }
    if (result.failed() > 0) {
      stderr.println(prefix + result.failed() + " of " + result.rows() + " rows have an error (see the error column); first: "
          + String.join("; ", result.firstErrors()));
    }
    stderr.flush();
    return ExitCode.OK;
  }

  /**
   * Processes the data rows after the header.
   *
   * @param lines  the remaining input lines
   * @param header  the header
   * @param out  where the output CSV goes (header line first)
   * @param calculator  what to compute
   * @param progress  progress printer (used over {@value #PROGRESS_ROWS} rows)
   * @param prefix  message prefix
   * @return the counts
   * @throws IOException when writing fails
   */
  static Result process(Lines lines, CsvHeader header, Writer out, RowCalculator calculator, Progress progress, String prefix)
      throws IOException {
    Set<String> computed = new HashSet<>(calculator.outputColumns());
    computed.add(ERROR);
    List<Integer> kept = new ArrayList<>();
    List<String> outHeader = new ArrayList<>();
    for (int i = 0; i < header.names().size(); i++) {
      if (!computed.contains(CsvHeader.key(header.names().get(i)))) {
        kept.add(i);
        outHeader.add(header.names().get(i));
      }
    }
    outHeader.addAll(calculator.outputColumns());
    outHeader.add(ERROR);
    out.write(Csv.join(outHeader));
    out.write('\n');

    int width = header.names().size();
    int computedWidth = calculator.outputColumns().size();
    int rows = 0;
    int failed = 0;
    List<String> firstErrors = new ArrayList<>();
    double lastProgress = 0;
    List<String> cellsOut = new ArrayList<>(outHeader.size());
    String line;
    while ((line = lines.next()) != null) {
      rows++;
      cellsOut.clear();
      List<String> cells = List.of();
      String error = "";
      try {
        cells = Csv.split(line);
        if (cells.size() > width) {
          throw new InvalidInputException(new InputError(ErrorKind.INVALID_ARGUMENT,
              "row", Integer.toString(cells.size()), "row has " + cells.size() + " cells but the header has " + width + " columns"));
        }
        List<String> values = calculator.compute(new CsvRow(header, cells, lines.lineNumber()));
        for (int i : kept) {
          cellsOut.add(i < cells.size() ? cells.get(i) : "");
        }
        cellsOut.addAll(values);
      } catch (InvalidInputException ex) {
        failed++;
        error = ex.error().kind() + ": " + ex.error().message();
        if (firstErrors.size() < FIRST_ERRORS) {
          firstErrors.add("line " + lines.lineNumber() + ": " + ex.error().message());
        }
        cellsOut.clear();
        for (int i : kept) {
          cellsOut.add(i < cells.size() ? cells.get(i) : "");
        }
        for (int i = 0; i < computedWidth; i++) {
          cellsOut.add("");
        }
      }
      cellsOut.add(error);
      out.write(Csv.join(cellsOut));
      out.write('\n');
      if (rows % PROGRESS_ROWS == 0 && (rows == PROGRESS_ROWS || progress.elapsedSeconds() - lastProgress >= 1.0)) {
        lastProgress = progress.elapsedSeconds();
        progress.step(String.format(Locale.ROOT, "%s%,d rows (%,d with errors)", prefix, rows, failed));
      }
    }
    if (rows >= PROGRESS_ROWS) {
      progress.step(String.format(Locale.ROOT, "%sdone: %,d rows (%,d with errors)", prefix, rows, failed));
    }
    return new Result(rows, failed, firstErrors);
  }

  /**
   * Rewrites a header error for a one-line message: "the header lacks the required column vol (header: a,b,c)".
   *
   * @param e  the error (field {@code header}, value the header line)
   * @return the text
   */
  public static String headerMessage(InputError e) {
    String m = e.message();
    String f = e.field() + " ";
    String v = e.value();
    if (m.startsWith(f) && !v.isEmpty() && m.endsWith(": " + v)) {
      return "the header " + m.substring(f.length(), m.length() - v.length() - 2) + " (header: " + v + ")";
    }
    if (m.startsWith(f) && m.endsWith(": ")) {
      return m.substring(f.length(), m.length() - 2);
    }
    return m;
  }

  private static boolean sameFile(Path input, Path output) {
    try {
      return Files.exists(output) && Files.isSameFile(input, output);
    } catch (IOException ex) {
      return false;
    }
  }

  /**
   * Describes an I/O failure in a few words ("no such file", "permission denied", ...).
   *
   * @param ex  the failure
   * @return the text
   */
  public static String describe(IOException ex) {
    if (ex instanceof NoSuchFileException) {
      return "no such file";
    }
    if (ex instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (ex instanceof CharacterCodingException) {
      return "not UTF-8 text";
    }
    return ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
  }

  /** The data lines of a file: blank lines and {@code #} comments skipped, line numbers kept. */
  static final class Lines {

    private final BufferedReader in;
    private int lineNumber;

    Lines(BufferedReader in) {
      this.in = in;
    }

    /**
     * Gets the next data line.
     *
     * @return the line, null at the end
     */
    String next() {
      try {
        String line;
        while ((line = in.readLine()) != null) {
          lineNumber++;
          if (!line.isBlank() && !line.startsWith("#")) {
            return line;
          }
        }
        return null;
      } catch (IOException ex) {
        throw new UncheckedIOException(ex);
      }
    }

    int lineNumber() {
      return lineNumber;
    }
  }
}
