/**
 * Gateway use cases: accounts, collateral transfers, fills and positions (transactional, idempotent, serialised
 * per account), exposure reports and pre-trade checks (reads, then calls to pricing-service and margin-service).
 */
package io.levex.gateway.service;
