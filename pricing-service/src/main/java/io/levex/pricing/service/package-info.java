/**
 * Orchestration: the current market snapshot, pricing over risk-core, caching and publishing of marks.
 */
package io.levex.pricing.service;
