package io.levex.core.collect;

import java.util.Objects;

/**
 * One input error: its kind, the request field at fault, the offending value and a message naming both.
 * <p>
 * Immutable and thread-safe.
 *
 * @param kind  the category, mapped to a gRPC status by the services
 * @param field  the field path, e.g. {@code "items[2].forward_usd"}
 * @param value  the offending value as text, e.g. {@code "NaN"}
 * @param message  a human-readable message that names the field and the value
 */
public record InputError(ErrorKind kind, String field, String value, String message) {

  /** Validates the components. */
  public InputError {
    Objects.requireNonNull(kind, "kind");
    field = field == null ? "" : field;
    value = value == null ? "" : value;
    message = message == null ? "" : message;
  }

  /**
   * Creates an error whose message is "{@code field} {@code detail}: {@code value}".
   *
   * @param kind  the category
   * @param field  the field at fault
   * @param value  the offending value
   * @param detail  what is wrong, e.g. "must be > 0"
   * @return the error
   */
  public static InputError of(ErrorKind kind, String field, Object value, String detail) {
    String text = String.valueOf(value);
    return new InputError(kind, field, text, field + " " + detail + ": " + text);
  }

  /**
   * Returns a copy whose field path is prefixed, e.g. {@code prefix = "items[3]"} turns
   * {@code "forward_usd"} into {@code "items[3].forward_usd"}.
   *
   * @param prefix  the path of the enclosing item
   * @return the prefixed error
   */
  public InputError withFieldPrefix(String prefix) {
    if (prefix == null || prefix.isEmpty()) {
      return this;
    }
    String newField = field.isEmpty() ? prefix : prefix + "." + field;
    String newMessage = field.isEmpty() || !message.startsWith(field) ? message : newField + message.substring(field.length());
    return new InputError(kind, newField, value, newMessage);
  }

  /**
   * Returns a copy with the field renamed; a message that starts with the old field name is rewritten too.
   *
   * @param newField  the new field path
   * @return the renamed error
   */
  public InputError withField(String newField) {
    String newMessage = !field.isEmpty() && message.startsWith(field) ? newField + message.substring(field.length()) : message;
    return new InputError(kind, newField, value, newMessage);
  }
}
