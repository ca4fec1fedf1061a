/**
 * Collateral and account state: collateral deposits, per-asset haircuts (versioned parameters
 * {@code collateral.<ASSET>.haircut}), per-currency balances in their own unit and in USD, and the
 * cross-collateral account view (haircut margin balance, margin ratio, available funds, status).
 */
package io.levex.core.margin.account;
