/**
 * Small shared building blocks: typed input errors and argument checks.
 * <p>
 * Every error names the request field and the offending value, so that services can turn it into a
 * gRPC status (INVALID_ARGUMENT, NOT_FOUND, FAILED_PRECONDITION, ALREADY_EXISTS) without guessing.
 */
package io.levex.core.collect;
