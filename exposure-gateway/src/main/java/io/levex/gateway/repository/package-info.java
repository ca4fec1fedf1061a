/**
 * Persistence of accounts, collateral, positions and fills in PostgreSQL through Hibernate Reactive Panache. The
 * schema is owned by the Flyway migrations in {@code db/migration}.
 */
package io.levex.gateway.repository;
