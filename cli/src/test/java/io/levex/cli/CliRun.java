package io.levex.cli;

import io.levex.cli.offline.Csv;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;

/**
 * Runs a command in-process through picocli, capturing standard output and standard error.
 *
 * @param exitCode  the exit code
 * @param out  what the command wrote to standard output
 * @param err  what it wrote to standard error
 */
record CliRun(int exitCode, String out, String err) {

  static CliRun of(Object command, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = new CommandLine(command);
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    int code = cl.execute(args);
    return new CliRun(code, out.toString(), err.toString());
  }

  /**
   * Parses CSV text (header first) into rows keyed by column name.
   *
   * @param csv  the text
   * @return the rows
   */
  static List<Map<String, String>> rows(String csv) {
    String[] lines = csv.split("\n");
    List<String> header = Csv.split(lines[0]);
    List<Map<String, String>> rows = new ArrayList<>();
    for (int i = 1; i < lines.length; i++) {
      List<String> cells = Csv.split(lines[i]);
      if (cells.size() != header.size()) {
        throw new AssertionError("line " + (i + 1) + " has " + cells.size() + " cells, header " + header.size() + ": " + lines[i]);
      }
      Map<String, String> row = new HashMap<>();
      for (int c = 0; c < header.size(); c++) {
        row.put(header.get(c), cells.get(c));
      }
      rows.add(row);
    }
    return rows;
  }

  static List<String> header(String csv) {
    return Csv.split(csv.split("\n")[0]);
  }
}
