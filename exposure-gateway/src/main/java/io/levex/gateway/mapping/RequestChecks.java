package io.levex.gateway.mapping;

import io.levex.core.collect.InvalidInputException;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Validation of identifiers in gateway requests.
 */
public final class RequestChecks {

  private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

  private RequestChecks() {
  }

  /**
   * Parses an account id.
   *
   * @param field  the field name
   * @param value  the text
   * @return the UUID
   * @throws InvalidInputException INVALID_ARGUMENT when empty or not a UUID
   */
  public static UUID accountId(String field, String value) {
    if (value == null || value.isBlank()) {
      throw InvalidInputException.invalid(field, "", "is required");
    }
    try {
      return UUID.fromString(value.trim());
    } catch (IllegalArgumentException ex) {
      throw InvalidInputException.invalid(field, value, "is not an account id (a UUID)");
    }
  }

  /**
   * Checks a client-supplied idempotency id: 1-128 characters of {@code [A-Za-z0-9._:-]}.
   *
   * @param field  the field name
   * @param value  the id
   * @return the id
   */
  public static String clientId(String field, String value) {
    if (value == null || value.isEmpty()) {
      throw InvalidInputException.invalid(field, "", "is required (a client-supplied idempotency id)");
    }
    if (!CLIENT_ID.matcher(value).matches()) {
      throw InvalidInputException.invalid(field, value, "must be 1-128 characters of [A-Za-z0-9._:-]");
    }
    return value;
  }

  /**
   * Checks a display name: 1-200 characters, not blank.
   *
   * @param field  the field name
   * @param value  the name
   * @return the trimmed name
   */
  public static String name(String field, String value) {
    if (value == null || value.isBlank()) {
      throw InvalidInputException.invalid(field, value == null ? "" : value, "is required");
    }
    if (value.length() > 200) {
      throw InvalidInputException.invalid(field, value.substring(0, 20) + "...", "must be at most 200 characters");
    }
    return value.trim();
  }
}
