package io.levex.cli.margin;

/**
 * Thrown by a {@link MarginModel} whose calculator is not part of this build; {@code levex margin} exits 2.
 */
public final class ModelUnavailableException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param model  the model name
   * @param what  what the model is, e.g. "Deribit portfolio margin"
   */
  public ModelUnavailableException(String model, String what) {
    super("model " + model + " (" + what + ") is not available in this build");
  }
}
