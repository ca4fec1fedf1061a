package io.levex.core.margin;

import io.levex.core.collect.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The margin parameter sets shipped with risk-core as versioned data files
 * ({@code io/levex/core/margin/params/*.properties}, listed in {@code index.properties}).
 * <p>
 * Each file holds {@code model}, {@code venue}, {@code effective_date} and numeric parameters. The files are
 * packaged resources of this library (no file-system or network access). Thread-safe.
 */
public final class MarginParameterSets {

  private static final String DIR = "/io/levex/core/margin/params/";
  private static final Map<String, MarginParameters> CACHE = new ConcurrentHashMap<>();

  private MarginParameterSets() {
  }

  /**
   * Lists the shipped set names.
   *
   * @return the names, sorted
   */
  public static List<String> names() {
    return List.copyOf(new TreeMap<>(index()).keySet());
  }

  /**
   * Loads a shipped set by name.
   *
   * @param name  the name, e.g. {@code deribit-sm-2022-01-11}
   * @return the set
   * @throws InvalidInputException INVALID_ARGUMENT naming an unknown set
   */
  public static MarginParameters named(String name) {
    Map<String, String> index = index();
    String file = index.get(name);
    if (file == null) {
      throw InvalidInputException.invalid("parameter_set", name, "is not a shipped parameter set (known: " + String.join(", ", names()) + ")");
    }
    return CACHE.computeIfAbsent(name, n -> {
      try (InputStream in = MarginParameterSets.class.getResourceAsStream(DIR + file)) {
        if (in == null) {
          throw new IllegalStateException("missing resource " + DIR + file);
        }
        return parse(n, new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
      } catch (IOException ex) {
        throw new UncheckedIOException(ex);
      }
    });
  }

  /**
   * Gets the current set of a model: the shipped set with the latest effective date.
   *
   * @param model  the model, e.g. {@code deribit-sm}
   * @return the set
   * @throws InvalidInputException INVALID_ARGUMENT when no set exists for the model
   */
  public static MarginParameters current(String model) {
    return names().stream()
        .map(MarginParameterSets::named)
        .filter(p -> p.model().equals(model))
        .max(Comparator.comparing(MarginParameters::effectiveDate))
        .orElseThrow(() -> InvalidInputException.invalid("model", model, "has no shipped parameter set"));
  }

  /**
   * Parses a parameter file.
   *
   * @param name  the set's name
   * @param reader  the file content (properties format)
   * @return the set
   * @throws IOException if reading fails
   */
  public static MarginParameters parse(String name, Reader reader) throws IOException {
    Properties p = new Properties();
    p.load(reader);
    String model = p.getProperty("model");
    String date = p.getProperty("effective_date");
    if (model == null || date == null) {
      throw new IllegalArgumentException("parameter set " + name + " lacks model or effective_date");
    }
    Map<String, Double> values = new HashMap<>();
    for (String key : p.stringPropertyNames()) {
      if (key.equals("model") || key.equals("venue") || key.equals("effective_date")) {
        continue;
      }
      try {
        values.put(key, Double.parseDouble(p.getProperty(key).trim()));
      } catch (NumberFormatException ex) {
        throw new IllegalArgumentException("parameter set " + name + ": " + key + " is not a number", ex);
      }
    }
    try {
      return new MarginParameters(name, model, LocalDate.parse(date.trim()), values);
    } catch (DateTimeParseException ex) {
      throw new IllegalArgumentException("parameter set " + name + ": bad effective_date " + date, ex);
    }
  }

  private static Map<String, String> index() {
    Properties p = new Properties();
    try (InputStream in = MarginParameterSets.class.getResourceAsStream(DIR + "index.properties")) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + DIR + "index.properties");
      }
      p.load(in);
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
    Map<String, String> map = new HashMap<>();
    p.stringPropertyNames().forEach(k -> map.put(k, p.getProperty(k).trim()));
    return map;
  }
}
