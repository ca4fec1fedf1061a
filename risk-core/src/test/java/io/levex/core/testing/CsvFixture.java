package io.levex.core.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the CSV reference fixtures under {@code src/test/resources/reference} (lines starting with '#'
 * are comments; the first other line is the header; fields may be double-quoted).
 */
public final class CsvFixture {

  private CsvFixture() {
  }

  /**
   * Reads a fixture.
   *
   * @param resource  the classpath resource, e.g. "/reference/ref_py_vollib_black_doctests.csv"
   * @return the rows as column-name to value maps
   */
  public static List<Map<String, String>> read(String resource) {
    try (InputStream in = CsvFixture.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("missing fixture " + resource);
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      List<String> header = null;
      List<Map<String, String>> rows = new ArrayList<>();
      String line;
      while ((line = reader.readLine()) != null) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        List<String> fields = split(line);
        if (header == null) {
          header = fields;
          continue;
        }
        Map<String, String> row = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
          row.put(header.get(i), i < fields.size() ? fields.get(i) : "");
        }
        rows.add(row);
      }
      return rows;
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
  }

  private static List<String> split(String line) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (c == ',' && !quoted) {
        out.add(cur.toString());
        cur.setLength(0);
      } else {
        cur.append(c);
      }
    }
    out.add(cur.toString());
    return out;
  }
}
