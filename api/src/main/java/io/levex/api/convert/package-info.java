/**
 * Conversions between the v1 API messages and risk-core values, and the gRPC error mapping, shared by every
 * service and client so that all of them read and write the contract the same way.
 */
package io.levex.api.convert;
