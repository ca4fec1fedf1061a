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
 * Cash of one asset in an account.
 */
@Entity
@Table(name = "collateral_balance")
public class CollateralBalanceEntity extends PanacheEntityBase {

  /** Surrogate key. */
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  /** The account. */
  @Column(name = "account_id", nullable = false)
  public UUID accountId;

  /** Asset symbol. */
  @Column(name = "asset", nullable = false)
  public String asset;

  /** Amount of the asset (signed). */
  @Column(name = "amount", nullable = false)
  public BigDecimal amount;

  /** Last change. */
  @Column(name = "updated_at", nullable = false)
  public Instant updatedAt;
}
