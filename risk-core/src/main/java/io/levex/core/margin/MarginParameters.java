package io.levex.core.margin;

import io.levex.core.collect.Checks;
import io.levex.core.collect.InvalidInputException;
import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A named, versioned set of margin parameters: numeric values by key (e.g. {@code futures.BTC.im_base}).
 * <p>
 * Loaded from data files by {@link MarginParameterSets}; a request may override any existing key. Immutable.
 *
 * @param name  the set's name, e.g. {@code deribit-sm-2022-01-11}
 * @param model  the model, e.g. {@code deribit-sm}
 * @param effectiveDate  the date from which the venue applied these values
 * @param values  the values by key
 */
public record MarginParameters(String name, String model, LocalDate effectiveDate, Map<String, Double> values) {

  /** Validates and copies. */
  public MarginParameters {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(effectiveDate, "effectiveDate");
    values = Map.copyOf(values);
  }

  /**
   * Gets a required value.
   *
   * @param key  the key
   * @return the value
   * @throws InvalidInputException FAILED_PRECONDITION when the set has no such key
   */
  public double get(String key) {
    Double v = values.get(key);
    if (v == null) {
      throw InvalidInputException.failedPrecondition("parameter_set", name, "has no parameter " + key);
    }
    return v;
  }

  /**
   * Whether the set has a key.
   *
   * @param key  the key
   * @return true if present
   */
  public boolean has(String key) {
    return values.containsKey(key);
  }

  /**
   * Returns a copy with overrides applied. Only existing keys may be overridden; values must be finite.
   *
   * @param overrides  values by key
   * @return the new set (same name, with a "+overrides" suffix when any override applies)
   * @throws InvalidInputException INVALID_ARGUMENT naming an unknown key or a bad value
   */
  public MarginParameters withOverrides(Map<String, Double> overrides) {
    if (overrides == null || overrides.isEmpty()) {
      return this;
    }
    Map<String, Double> copy = new TreeMap<>(values);
    for (Map.Entry<String, Double> e : overrides.entrySet()) {
      String field = "parameter_overrides[" + e.getKey() + "]";
      if (!values.containsKey(e.getKey())) {
        throw InvalidInputException.invalid(field, e.getKey(), "is not a parameter of " + name + " (known: " + String.join(", ", new TreeMap<>(values).keySet()) + ")");
      }
      Checks.nonNegative(field, e.getValue());
      copy.put(e.getKey(), e.getValue());
    }
    return new MarginParameters(name + "+overrides", model, effectiveDate, copy);
  }
}
