package io.levex.cli.margin;

import io.levex.core.collect.InvalidInputException;
import io.levex.core.margin.MarginParameterSets;
import io.levex.core.margin.MarginParameters;
import java.util.Map;

/**
 * The {@code params} of a portfolio file: absent (the model's current shipped set), a shipped set by name, or
 * overrides of the current set with the venue's key names.
 *
 * @param setName  the shipped set's name, or null
 * @param overrides  values by parameter key (empty when none)
 */
public record ParameterChoice(String setName, Map<String, Double> overrides) {

  /** The model's current set, unchanged. */
  public static final ParameterChoice CURRENT = new ParameterChoice(null, Map.of());

  /** Copies the overrides. */
  public ParameterChoice {
    overrides = Map.copyOf(overrides);
  }

  /**
   * Resolves the parameters of a model.
   *
   * @param model  the model name, e.g. {@code deribit-sm}
   * @return the parameter set
   * @throws InvalidInputException INVALID_ARGUMENT naming {@code params} (unknown set, set of another model) or
   *     {@code params[key]} (unknown key, bad value)
   */
  public MarginParameters resolve(String model) {
    if (setName != null) {
      MarginParameters p;
      try {
        p = MarginParameterSets.named(setName);
      } catch (InvalidInputException ex) {
        throw ex.withField("params");
      }
      if (!p.model().equals(model)) {
        throw InvalidInputException.invalid("params", setName, "is a parameter set of model " + p.model() + ", not of " + model);
      }
      return p;
    }
    MarginParameters current = MarginParameterSets.current(model);
    try {
      return current.withOverrides(overrides);
    } catch (InvalidInputException ex) {
      String field = ex.error().field();
      throw field.startsWith("parameter_overrides") ? ex.withField("params" + field.substring("parameter_overrides".length())) : ex;
    }
  }
}
