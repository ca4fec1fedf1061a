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
 * The position of an account in one instrument.
 */
@Entity
@Table(name = "account_position")
public class PositionEntity extends PanacheEntityBase {

  /** Surrogate key. */
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  /** The account. */
  @Column(name = "account_id", nullable = false)
  public UUID accountId;

  /** Canonical instrument name. */
  @Column(name = "instrument", nullable = false)
  public String instrument;

  /** Signed size, base coin (inverse futures: coin at the average price). */
  @Column(name = "size", nullable = false)
  public BigDecimal size;

  /** Average entry price, quote unit. */
  @Column(name = "average_price", nullable = false)
  public BigDecimal averagePrice;

  /** Realised PnL, settlement currency. */
  @Column(name = "realized_pnl", nullable = false)
  public BigDecimal realizedPnl;

  /** Signed USD face of inverse futures and perpetuals, 0 otherwise. */
  @Column(name = "face_usd", nullable = false)
  public BigDecimal faceUsd;

  /** Last change. */
  @Column(name = "updated_at", nullable = false)
  public Instant updatedAt;
}
