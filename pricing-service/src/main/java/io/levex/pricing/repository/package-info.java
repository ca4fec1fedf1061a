/**
 * The Redis mark cache: one key per instrument holding its latest mark as JSON.
 */
package io.levex.pricing.repository;
