package io.levex.cli.margin;

import io.levex.core.collect.InvalidInputException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The margin models of {@code levex margin} by name: {@code deribit-sm}, {@code deribit-pm}, {@code span}.
 */
public final class MarginModels {

  private static final Map<String, MarginModel> MODELS = new LinkedHashMap<>();

  static {
    for (MarginModel m : List.of(new StandardMarginModel(), new PortfolioMarginModel(), new SpanMarginModel())) {
      MODELS.put(m.name(), m);
    }
  }

  private MarginModels() {
  }

  /**
   * Gets the model names.
   *
   * @return the names, in registration order
   */
  public static List<String> names() {
    return List.copyOf(MODELS.keySet());
  }

  /**
   * Gets a model by name.
   *
   * @param name  the name as written in the portfolio file
   * @return the model
   * @throws InvalidInputException INVALID_ARGUMENT (field {@code model}) for an unknown name
   */
  public static MarginModel named(String name) {
    MarginModel m = MODELS.get(name);
    if (m == null) {
      throw InvalidInputException.invalid("model", name, "is not a margin model (known: " + String.join(", ", names()) + ")");
    }
    return m;
  }
}
