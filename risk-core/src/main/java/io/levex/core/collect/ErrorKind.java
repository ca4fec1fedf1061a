package io.levex.core.collect;

/**
 * Category of an input error; each maps one-to-one to a gRPC status code.
 */
public enum ErrorKind {
  /** The input is malformed or out of range. */
  INVALID_ARGUMENT,
  /** Something the input refers to does not exist (an account, market data for an instrument). */
  NOT_FOUND,
  /** The input is valid but cannot be processed in the current state (e.g. an expired instrument). */
  FAILED_PRECONDITION,
  /** A client-supplied id was already used with different content. */
  ALREADY_EXISTS,
  /** The caller may not act on the referenced object. */
  PERMISSION_DENIED
}
