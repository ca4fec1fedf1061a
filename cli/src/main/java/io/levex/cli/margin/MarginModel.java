package io.levex.cli.margin;

/**
 * One margin model of {@code levex margin}: a small adapter from the portfolio file to a risk-core calculator and
 * from its result to the model-neutral {@link MarginReport}. Implementations are stateless; register them in
 * {@link MarginModels}.
 */
public interface MarginModel {

  /**
   * Gets the model's name as written in portfolio files.
   *
   * @return e.g. {@code deribit-sm}
   */
  String name();

  /**
   * Computes the margin of a portfolio.
   *
   * @param inputs  the portfolio and its priced positions
   * @return the report, per currency and per position
   * @throws io.levex.core.collect.InvalidInputException naming the field when the input is invalid for this model
   * @throws ModelUnavailableException when this build does not contain the model's calculator
   */
  MarginReport margin(MarginInputs inputs);
}
