/**
 * Quarkus test resources shared by the services' tests. No mocks: real PostgreSQL and Redis servers (embedded
 * by default, external with {@code LEVEX_EXTERNAL_INFRA=true}) and real downstream services started as separate
 * JVMs from their packaged jars.
 */
package io.levex.testsupport;
