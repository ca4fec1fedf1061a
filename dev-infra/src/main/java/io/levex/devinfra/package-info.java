/**
 * Local infrastructure for the levex command line and the tests: real PostgreSQL and Redis servers
 * (embedded by default, external with {@code LEVEX_EXTERNAL_INFRA=true}), a launcher for the service jars,
 * a small OTLP/HTTP trace collector, and {@link io.levex.devinfra.LocalSuite}, which wires them together.
 * <p>
 * Nothing here runs inside a service; it replaces Docker Compose on machines without a container runtime.
 */
package io.levex.devinfra;
