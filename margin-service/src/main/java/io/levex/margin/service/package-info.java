/**
 * Orchestration of margin requests: validate, gather marks (from the request or pricing-service), compute with
 * risk-core.
 */
package io.levex.margin.service;
