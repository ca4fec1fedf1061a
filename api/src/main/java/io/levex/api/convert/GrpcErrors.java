package io.levex.api.convert;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.levex.api.v1.ErrorCode;
import io.levex.api.v1.ItemError;
import io.levex.core.collect.ErrorKind;
import io.levex.core.collect.InputError;
import io.levex.core.collect.InvalidInputException;

/**
 * Maps typed input errors to gRPC statuses and per-item errors.
 * <p>
 * The status description is the error message, which names the field and the value. Only unexpected failures
 * (bugs) become INTERNAL; bad input never does.
 */
public final class GrpcErrors {

  private GrpcErrors() {
  }

  /**
   * Converts an input error to a status exception.
   *
   * @param error  the error
   * @return the exception to fail the call with
   */
  public static StatusRuntimeException toStatus(InputError error) {
    return status(error.kind()).withDescription(error.message()).asRuntimeException();
  }

  /**
   * Converts any failure to a status exception: typed input errors keep their kind, status exceptions pass
   * through, anything else is INTERNAL.
   *
   * @param failure  the failure
   * @return the status exception
   */
  public static StatusRuntimeException toStatus(Throwable failure) {
    if (failure instanceof InvalidInputException ex) {
      return toStatus(ex.error());
    }
    if (failure instanceof StatusRuntimeException ex) {
      return ex;
    }
    if (failure instanceof io.grpc.StatusException ex) {
      return ex.getStatus().asRuntimeException(ex.getTrailers());
    }
    return Status.INTERNAL.withDescription("internal error: " + failure).withCause(failure).asRuntimeException();
  }

  /**
   * Converts an input error to a per-item error.
   *
   * @param error  the error
   * @return the item error
   */
  public static ItemError toItemError(InputError error) {
    return ItemError.newBuilder()
        .setCode(code(error.kind()))
        .setField(error.field())
        .setValue(error.value())
        .setMessage(error.message())
        .build();
  }

  /**
   * Converts a per-item error back to a typed input error.
   *
   * @param error  the item error
   * @return the input error
   */
  public static InputError fromItemError(ItemError error) {
    ErrorKind kind = switch (error.getCode()) {
      case ERROR_CODE_NOT_FOUND -> ErrorKind.NOT_FOUND;
      case ERROR_CODE_FAILED_PRECONDITION, ERROR_CODE_UNAVAILABLE -> ErrorKind.FAILED_PRECONDITION;
      case ERROR_CODE_ALREADY_EXISTS -> ErrorKind.ALREADY_EXISTS;
      case ERROR_CODE_PERMISSION_DENIED -> ErrorKind.PERMISSION_DENIED;
      default -> ErrorKind.INVALID_ARGUMENT;
    };
    return new InputError(kind, error.getField(), error.getValue(), error.getMessage());
  }

  /**
   * Gets the status of an error kind.
   *
   * @param kind  the kind
   * @return the status
   */
  public static Status status(ErrorKind kind) {
    return switch (kind) {
      case INVALID_ARGUMENT -> Status.INVALID_ARGUMENT;
      case NOT_FOUND -> Status.NOT_FOUND;
      case FAILED_PRECONDITION -> Status.FAILED_PRECONDITION;
      case ALREADY_EXISTS -> Status.ALREADY_EXISTS;
      case PERMISSION_DENIED -> Status.PERMISSION_DENIED;
    };
  }

  private static ErrorCode code(ErrorKind kind) {
    return switch (kind) {
      case INVALID_ARGUMENT -> ErrorCode.ERROR_CODE_INVALID_ARGUMENT;
      case NOT_FOUND -> ErrorCode.ERROR_CODE_NOT_FOUND;
      case FAILED_PRECONDITION -> ErrorCode.ERROR_CODE_FAILED_PRECONDITION;
      case ALREADY_EXISTS -> ErrorCode.ERROR_CODE_ALREADY_EXISTS;
      case PERMISSION_DENIED -> ErrorCode.ERROR_CODE_PERMISSION_DENIED;
    };
  }
}
