/**
 * Helpers for calling downstream Levex services.
 */
package io.levex.api.client;
