package io.levex.gateway.repository;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;

/**
 * Cash moved by a fill.
 */
@Entity
@Table(name = "fill_cash_flow")
public class FillCashFlowEntity extends PanacheEntityBase {

  /** Surrogate key. */
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  /** The fill's surrogate key. */
  @Column(name = "fill_pk", nullable = false)
  public Long fillPk;

  /** Asset moved. */
  @Column(name = "asset", nullable = false)
  public String asset;

  /** Signed amount (+ received). */
  @Column(name = "amount", nullable = false)
  public BigDecimal amount;

  /** premium, fee, realized_pnl or spot. */
  @Column(name = "reason", nullable = false)
  public String reason;
}
