package io.levex.gateway.repository;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A deposit or withdrawal, kept for idempotent retries.
 */
@Entity
@Table(name = "collateral_transfer")
public class CollateralTransferEntity extends PanacheEntityBase {

  /** Surrogate key. */
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  /** The account. */
  @Column(name = "account_id", nullable = false)
  public UUID accountId;

  /** The client's idempotency id. */
  @Column(name = "transfer_id", nullable = false)
  public String transferId;

  /** DEPOSIT or WITHDRAWAL. */
  @Column(name = "direction", nullable = false)
  public String direction;

  /** Asset symbol. */
  @Column(name = "asset", nullable = false)
  public String asset;

  /** Amount moved, > 0. */
  @Column(name = "amount", nullable = false)
  public BigDecimal amount;

  /** Balance of the asset right after the transfer. */
  @Column(name = "balance_after", nullable = false)
  public BigDecimal balanceAfter;

  /** When it was applied. */
  @Column(name = "applied_at", nullable = false)
  public Instant appliedAt;
}
