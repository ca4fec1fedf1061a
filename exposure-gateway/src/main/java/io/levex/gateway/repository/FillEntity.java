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
 * An applied fill and the position right after it (returned again to retries).
 */
@Entity
@Table(name = "fill")
public class FillEntity extends PanacheEntityBase {

  /** Surrogate key. */
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  /** The account. */
  @Column(name = "account_id", nullable = false)
  public UUID accountId;

  /** The client's idempotency id. */
  @Column(name = "fill_id", nullable = false)
  public String fillId;

  /** Canonical instrument name. */
  @Column(name = "instrument", nullable = false)
  public String instrument;

  /** Signed size, base coin. */
  @Column(name = "size", nullable = false)
  public BigDecimal size;

  /** Price, quote unit. */
  @Column(name = "price", nullable = false)
  public BigDecimal price;

  /** Fee, settlement currency. */
  @Column(name = "fee", nullable = false)
  public BigDecimal fee;

  /** Venue trade time. */
  @Column(name = "traded_at", nullable = false)
  public Instant tradedAt;

  /** When it was applied. */
  @Column(name = "applied_at", nullable = false)
  public Instant appliedAt;

  /** Position size after the fill. */
  @Column(name = "size_after", nullable = false)
  public BigDecimal sizeAfter;

  /** Average price after the fill. */
  @Column(name = "average_price_after", nullable = false)
  public BigDecimal averagePriceAfter;

  /** Realised PnL after the fill. */
  @Column(name = "realized_pnl_after", nullable = false)
  public BigDecimal realizedPnlAfter;

  /** USD face after the fill. */
  @Column(name = "face_usd_after", nullable = false)
  public BigDecimal faceUsdAfter;
}
