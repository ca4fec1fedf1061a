package io.levex.core.collect;

/**
 * Thrown when an input is rejected; carries the typed {@link InputError}.
 * <p>
 * Services translate it into a gRPC status with the error's field and value in the description.
 */
public final class InvalidInputException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient InputError error;

  /**
   * Creates the exception.
   *
   * @param error  the error
   */
  public InvalidInputException(InputError error) {
    super(error.message());
    this.error = error;
  }

  /**
   * Creates an INVALID_ARGUMENT exception.
   *
   * @param field  the field at fault
   * @param value  the offending value
   * @param detail  what is wrong
   * @return the exception
   */
  public static InvalidInputException invalid(String field, Object value, String detail) {
    return new InvalidInputException(InputError.of(ErrorKind.INVALID_ARGUMENT, field, value, detail));
  }

  /**
   * Creates a NOT_FOUND exception.
   *
   * @param field  the field at fault
   * @param value  the value that was not found
   * @param detail  what is missing
   * @return the exception
   */
  public static InvalidInputException notFound(String field, Object value, String detail) {
    return new InvalidInputException(InputError.of(ErrorKind.NOT_FOUND, field, value, detail));
  }

  /**
   * Creates a FAILED_PRECONDITION exception.
   *
   * @param field  the field at fault
   * @param value  the offending value
   * @param detail  which precondition fails
   * @return the exception
   */
  public static InvalidInputException failedPrecondition(String field, Object value, String detail) {
    return new InvalidInputException(InputError.of(ErrorKind.FAILED_PRECONDITION, field, value, detail));
  }

  /**
   * Gets the typed error.
   *
   * @return the error
   */
  public InputError error() {
    return error;
  }

  /**
   * Returns an exception whose error's field path is prefixed.
   *
   * @param prefix  the enclosing path
   * @return the exception
   */
  public InvalidInputException withFieldPrefix(String prefix) {
    return new InvalidInputException(error.withFieldPrefix(prefix));
  }

  /**
   * Returns an exception whose error's field is renamed.
   *
   * @param newField  the new field path
   * @return the exception
   */
  public InvalidInputException withField(String newField) {
    return new InvalidInputException(error.withField(newField));
  }
}
