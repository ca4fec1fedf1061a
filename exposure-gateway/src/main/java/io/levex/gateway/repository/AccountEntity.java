package io.levex.gateway.repository;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * An account of a tenant.
 */
@Entity
@Table(name = "account")
public class AccountEntity extends PanacheEntityBase {

  /** Server-assigned id. */
  @Id
  public UUID id;

  /** Owning tenant. */
  @Column(name = "tenant", nullable = false)
  public String tenant;

  /** Display name. */
  @Column(name = "name", nullable = false)
  public String name;

  /** Margin model name (API enum name). */
  @Column(name = "margin_model", nullable = false)
  public String marginModel;

  /** The client's idempotency id of the creating request. */
  @Column(name = "request_id", nullable = false)
  public String requestId;

  /** Creation time. */
  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  /** Incremented by every fill and transfer. */
  @Column(name = "version", nullable = false)
  public long version;
}
